// A leak found at an exit but reported earlier (at a goto past every
// release, at p = realloc(p, n)) is also suppressed by a NOLINT comment on
// that exit, where it used to be reported; without one it is reported.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int goto_suppressed(int fail)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	if (fail)
		goto out;
	memset(p, 0, 4);
	free(p);
out:
	return 0; // NOLINT(leakcheck-leak): reviewed
}

int goto_reported(int fail)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	if (fail)
		goto out;
// CHECK: [[@LINE-1]]:3: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when jumping to 'out' here [leakcheck-leak]
	memset(p, 0, 4);
	free(p);
out:
	return 0;
}

int realloc_suppressed(size_t n)
{
	char *p = malloc(n);
	if (!p)
		return -1;
	p = realloc(p, 2 * n);
	if (!p)
		return -1; // NOLINT(leakcheck-leak)
	free(p);
	return 0;
}

int realloc_reported(size_t n)
{
	char *p = malloc(n);
	if (!p)
		return -1;
	p = realloc(p, 2 * n);
// CHECK: [[@LINE-1]]:2: warning: if realloc() fails, 'p' allocated by malloc() at line [[@LINE-4]] is lost here: the NULL it returns overwrites the only pointer to it [leakcheck-leak]
	if (!p)
		return -1;
	free(p);
	return 0;
}
