// The result of a summarised call that returns a pointer is a pointer:
// `*list = xmalloc(n); (*list)->size = 0;` stores a handle through the
// out-parameter and the dereference proves it is not NULL, although
// xmalloc() "fails: null" (its do_xmalloc() returns NULL when gentle, as
// git's does).  So llist_init() stores heap into *arg 1 and never fails,
// and a caller that returns before handing its struct on leaks the member
// (git builtin/pack-redundant.c, commit 7451864).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>

void die(const char *msg) __attribute__((noreturn));

static void *do_xmalloc(size_t n, int gentle)
{
	void *p = malloc(n);

	if (!p && !gentle)
		die("out of memory");
	return p;
}

void *xmalloc(size_t n)
{
	return do_xmalloc(n, 0);
}
// SUM: summary xmalloc: returns heap (allocated by malloc(), fails: null){{$}}

struct llist { int size; };
struct pack { struct llist *items; };

static void llist_init(struct llist **list)
{
	*list = xmalloc(sizeof(**list));
	(*list)->size = 0;
}
// SUM: summary llist_init: stores heap into *arg 1 (allocated by malloc(), fails: never){{$}}

int open_index(const char *name);
int keep_pack(struct pack *p);

int add_pack_leaks(const char *name)
{
	struct pack l;

	llist_init(&l.items);
	if (open_index(name))
		return -1;
// CHECK: {{.*}}out-param-wrapper-then-deref.c:[[@LINE-1]]:3: warning: 'l.items' allocated by llist_init() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	return keep_pack(&l);
}

int add_pack_ok(const char *name)
{
	struct pack l;

	llist_init(&l.items);
	if (open_index(name)) {
		free(l.items);
		return -1;
	}
	return keep_pack(&l);
}
