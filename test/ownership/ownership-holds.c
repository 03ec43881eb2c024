// clang's ownership_holds(kind, N): the callee keeps argument N (it is
// stored somewhere that will release it), so the caller's handle escapes:
// no leak, and no release.  It still holds with unknown callees borrowed
// (unknown-callees: borrow) and when the callee has a body that only
// looks at the argument.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: rm -rf %t && mkdir -p %t && printf 'unknown-callees: borrow\n' > %t/cfg.yml
// RUN: not %leakcheck --config %t/cfg.yml %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct pool;
void pool_keep(struct pool *pl, void *p) __attribute__((ownership_holds(malloc, 2)));
void pool_note(struct pool *pl, void *p);
int pool_peek(struct pool *pl, void *p) __attribute__((ownership_holds(malloc, 2)));

int pool_peek(struct pool *pl, void *p)
{
	return pl != NULL && p != NULL;
}

int kept(struct pool *pl, size_t n)
{
	char *p = malloc(n);

	if (!p)
		return -1;
	pool_keep(pl, p);
	return 0;
}

int kept_by_body(struct pool *pl, size_t n)
{
	char *p = malloc(n);

	if (!p)
		return -1;
	return pool_peek(pl, p);
}

int leak_before_keep(struct pool *pl, size_t n, int fail)
{
	char *p = malloc(n);

	if (!p)
		return -1;
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	pool_keep(pl, p);
	return 0;
}

int no_double_release(struct pool *pl, size_t n)
{
	char *p = malloc(n);

	if (!p)
		return -1;
	pool_keep(pl, p);
	free(p);
	return 0;
}
