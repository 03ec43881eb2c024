// "// NOLINT(leakcheck-leak)" on the reported line suppresses that finding;
// the same leak without the comment is reported.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int suppressed(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(leakcheck-leak) freed by the caller's arena
}

int reported(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x;
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
