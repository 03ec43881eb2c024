// clang's ownership_returns / ownership_takes attributes on declarations
// make acquirers and releasers, with no rule and no body needed.
// RUN: not %leakcheck --no-guess %s -- | FileCheck %s --implicit-check-not=warning:
#include <stddef.h>

void *pool_get(size_t n) __attribute__((ownership_returns(pool)));
void pool_put(int flags, void *p) __attribute__((ownership_takes(pool, 2)));

int use(size_t n, int fail)
{
	char *p = pool_get(n);

	if (!p)
		return -1;
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by pool_get() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	pool_put(0, p);
	return 0;
}

void twice(size_t n)
{
	char *p = pool_get(n);

	pool_put(0, p);
	pool_put(0, p);
// CHECK: :[[@LINE-1]]:2: warning: 'p' allocated by pool_get() at line [[@LINE-4]] is freed twice; first freed at line [[@LINE-2]] [leakcheck-double-release]
}
