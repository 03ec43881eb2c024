// A bare "// NOLINT" suppresses every flag on its line, and so does a
// pattern such as leakcheck-* in a list; a line with neither is reported.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int bare(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT
}

int glob(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(readability-magic-numbers, leakcheck-*)
}

int reported(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINTFOO is not a suppression
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
