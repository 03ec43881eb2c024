// "// NOLINTNEXTLINE(leakcheck-leak)" suppresses the finding on the next
// line only: a leak two lines below the comment is still reported.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int suppressed(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	// NOLINTNEXTLINE(leakcheck-leak)
	return x;
}

int reported(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	// NOLINTNEXTLINE(leakcheck-leak)

	return x;
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}
