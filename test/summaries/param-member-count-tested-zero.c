// Known false positive (test/KNOWN-FAILURES.md, "A list's count tested
// zero"): a function that appends to a list fills member items on every
// exit, even where it appended nothing, and the caller's test that the
// list is empty (`if (!l.nr) return`) is not known to mean that items
// holds nothing.  This test pins today's answer; when it is fixed, the
// CHECK line goes and the function is a silent twin.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
struct list { char **items; size_t nr, alloc; };

static void *grow_mem(void *p, size_t n)
{
	void *r = realloc(p, n);
	if (!r)
		abort();
	return r;
}

void list_add(struct list *l, char *s)
{
	if (l->nr + 1 > l->alloc) {
		l->alloc = (l->nr + 1) * 2;
		l->items = grow_mem(l->items, l->alloc * sizeof(*l->items));
	}
	l->items[l->nr++] = s;
}

void list_clear(struct list *l)
{
	free(l->items);
	l->items = NULL;
	l->nr = l->alloc = 0;
}

void add_some(struct list *l, char **v, int n)
{
	int i;
	for (i = 0; i < n; i++)
		if (v[i][0])
			list_add(l, v[i]);
}

int use(struct list *l);

int empty_returns(char **v, int n)
{
	struct list l = { NULL, 0, 0 };
	int r;
	add_some(&l, v, n);
	if (!l.nr)
		return 0;
// CHECK: :[[@LINE-1]]:3: warning: 'l.items' allocated by add_some() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	r = use(&l);
	list_clear(&l);
	return r;
}
