// A list append that grows the list's array under an ALLOC_GROW-like test
// and returns the new element's address (&l->items[l->nr++]) fills member
// items of the list: the element's address is a borrow, so the list stays
// the caller's, and the regrow on some exits counts as a fill on every
// exit.  A function copying the member to a local, regrowing the local and
// storing it back fills the member too.  An early return leaks the list's
// array; clearing it, returning the list by value, storing its address in
// an out-parameter or giving it to a function that keeps it are correct,
// and a caller that stores the returned element pointer keeps the list.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>
struct item { char *str; void *util; };
struct list { struct item *items; size_t nr, alloc; int dup; };

static void *grow_mem(void *p, size_t n)
// SUM: summary {{.*}}grow_mem: returns heap (allocated by realloc(), fails: never) taking over arg 1{{$}}
{
	void *r = realloc(p, n);
	if (!r)
		abort();
	return r;
}
#define GROW(x, nr, alloc) \
	do { \
		if ((nr) > (alloc)) { \
			(alloc) = (nr) * 2; \
			(x) = grow_mem((x), sizeof(*(x)) * (alloc)); \
		} \
	} while (0)

struct item *list_push_nodup(struct list *l, char *s)
// SUM: summary list_push_nodup: fills member items of arg 1 with heap (fails: never, grown) counting keeps arg 2{{$}}
{
	struct item *r;
	GROW(l->items, l->nr + 1, l->alloc);
	r = &l->items[l->nr++];
	r->str = s;
	r->util = NULL;
	return r;
}

struct item *list_push(struct list *l, const char *s)
// SUM: summary list_push: fills member items of arg 1 with heap (fails: never, grown) counting keeps arg 2{{$}}
{
	return list_push_nodup(l, l->dup ? strdup(s) : (char *)s);
}

void list_push_copy(struct list *l, char *s)
// SUM: summary list_push_copy: fills member items of arg 1 with heap (fails: never, grown) keeps arg 2{{$}}
{
	size_t nr = l->nr, alloc = l->alloc;
	struct item *items = l->items, *e;

	if (nr >= alloc) {
		alloc = (alloc + 8) * 2;
		items = grow_mem(items, alloc * sizeof(*items));
		l->alloc = alloc;
		l->items = items;
	}
	e = &items[nr];
	e->str = s;
	l->nr = nr + 1;
}

void list_clear(struct list *l)
// SUM: summary list_clear: frees member items of arg 1{{$}}
{
	size_t i;
	if (l->dup)
		for (i = 0; i < l->nr; i++)
			free(l->items[i].str);
	free(l->items);
	l->items = NULL;
	l->nr = l->alloc = 0;
}

void list_keep(struct list *l);
int use(int n);
struct item *last_item;

int early_return(int n)
{
	struct list l = { NULL, 0, 0, 1 };
	list_push(&l, "x");
	if (use(n))
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'l.items' allocated by list_push() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	list_clear(&l);
	return 0;
}

int cleared_everywhere(int n)
{
	struct list l = { NULL, 0, 0, 1 };
	list_push(&l, "x");
	if (use(n)) {
		list_clear(&l);
		return 1;
	}
	list_clear(&l);
	return 0;
}

int copy_early_return(int n, char *s)
{
	struct list l = { NULL, 0, 0, 0 };
	list_push_copy(&l, s);
	if (use(n))
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'l.items' allocated by list_push_copy() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	list_clear(&l);
	return 0;
}

int copy_cleared(int n, char *s)
{
	struct list l = { NULL, 0, 0, 0 };
	list_push_copy(&l, s);
	use(n);
	list_clear(&l);
	return 0;
}

struct list returned_by_value(void)
{
	struct list l = { NULL, 0, 0, 1 };
	list_push(&l, "x");
	return l;
}

void stored_in_out_param(struct list **out)
{
	struct list *l = calloc(1, sizeof(*l));
	if (!l)
		return;
	list_push(l, "x");
	*out = l;
}

void given_to_keeper(void)
{
	struct list l = { NULL, 0, 0, 1 };
	list_push(&l, "x");
	list_keep(&l);
}

int element_stored(int n)
{
	struct list l = { NULL, 0, 0, 1 };
	last_item = list_push(&l, "x");
	if (use(n))
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'l.items' allocated by list_push() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	list_clear(&l);
	return 0;
}

int element_stored_cleared(int n)
{
	struct list l = { NULL, 0, 0, 1 };
	last_item = list_push(&l, "x");
	use(n);
	list_clear(&l);
	return 0;
}
