// A NOLINT comment on the line where the resource is acquired suppresses
// the findings reported elsewhere for it; without it they are reported.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int suppressed(int x)
{
	char *p = malloc(4); // NOLINT(leakcheck-leak): lives until exit
	if (!p)
		return -1;
	if (x)
		return 1;
	return x;
}

int reported(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x;
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
