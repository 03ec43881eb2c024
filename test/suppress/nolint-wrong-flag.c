// A NOLINT comment naming other flags (another leakcheck flag, another
// tool's check) does not suppress a leak.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int other_flag(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(leakcheck-overwrite, bugprone-unused-return-value)
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

int other_tool(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(readability-*)
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
