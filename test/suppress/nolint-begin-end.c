// A BEGIN/END pair of NOLINT comments suppresses the findings between
// them; after the END, findings are reported again.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

// NOLINTBEGIN(leakcheck-leak)
int suppressed_one(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x;
}

int suppressed_two(int x)
{
	char *q = malloc(4);
	if (!q)
		return -1;
	return x;
}
// NOLINTEND(leakcheck-leak)

int reported(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x;
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
