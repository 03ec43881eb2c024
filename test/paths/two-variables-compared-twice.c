// The same comparison of two unchanged variables takes the same branch
// twice; changing either forgets it.  (openssh krl.c 'next_state != state')
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

void same(int a, int b)
{
	char *q = malloc(4);

	if (a != b)
		free(q);
	if (a != b)
		return;
	free(q);
}

void swapped_sides(int a, int b)
{
	char *q = malloc(4);

	if (a == b)
		return;         /* q leaks here, really */
// CHECK: :[[@LINE-1]]:3: warning: 'q' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	if (b != a)
		free(q);
}

void changed(int a, int b, int c)
{
	char *q = malloc(4);

	if (a != b)
		free(q);
	a = c;
	if (a != b)
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'q' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
	free(q);
// CHECK: :[[@LINE-1]]:2: warning: 'q' allocated by malloc() at line [[@LINE-9]] is freed twice; first freed at line [[@LINE-6]] [leakcheck-double-release]
}
