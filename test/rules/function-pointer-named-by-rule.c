// A project that allocates through global function pointers set once
// (curl's `#define malloc(n) Curl_cmalloc(n)`) names them in a rules file:
// calls through them are matched like calls of functions of that name.
// Other calls through pointers stay unknown (their arguments escape).
// RUN: not %leakcheck --rules %S/../Inputs/memory-callbacks.yml %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: %leakcheck %s -- | FileCheck %s --check-prefix=NORULE --allow-empty --implicit-check-not=warning:
// NORULE-NOT: warning
#include <stddef.h>

extern void *(*my_malloc)(size_t);
extern void (*my_free)(void *);
#define malloc(n) my_malloc(n)
#define free(p) my_free(p)

int use(size_t n, int fail)
{
	char *p = malloc(n);

	if (!p)
		return -1;
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by my_malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	free(p);
	return 0;
}

void through_deref(size_t n)
{
	char *p = (*my_malloc)(n);

	(*my_free)(p);
}

void other_pointer(void (*cb)(char *), size_t n)
{
	char *p = malloc(n);

	cb(p);
}
