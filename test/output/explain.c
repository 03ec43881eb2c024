// --explain says, for each acquisition without a finding, what became of
// it; acquisitions with a finding get none, and without --explain nothing.
// RUN: not %leakcheck --explain %s -- | FileCheck %s
// RUN: not %leakcheck %s -- | FileCheck %s --check-prefix=PLAIN --implicit-check-not=remark:
// PLAIN: warning: 'leaky' allocated by malloc()
#include <stdlib.h>

static char *kept;
void keep(char *p);

char *explained(int mode)
{
	char *a = malloc(1);
	char *b = malloc(2);
	char *c = malloc(3);
	char *d = malloc(4);
	char *leaky = malloc(5);

	free(a);
	kept = b;
	keep(c);
	if (mode)
		free(leaky);
	return d;
}
// CHECK: explain.c:24:2: warning: 'leaky' allocated by malloc() at line 17 is not freed when returning here [leakcheck-leak]
// CHECK: explain.c:13:12: remark: 'a' allocated by malloc() gives no finding: freed by free() at line 19 [leakcheck-explain]
// CHECK: explain.c:14:12: remark: 'b' allocated by malloc() gives no finding: stored at line 20 [leakcheck-explain]
// CHECK: explain.c:15:12: remark: 'c' allocated by malloc() gives no finding: handed to keep() as argument 1 at line 21 [leakcheck-explain]
// CHECK: explain.c:16:12: remark: 'd' allocated by malloc() gives no finding: returned at line 24 [leakcheck-explain]
// CHECK-NOT: 'leaky' allocated by malloc() gives no finding
