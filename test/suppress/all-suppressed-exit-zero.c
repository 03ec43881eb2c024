// When every finding is suppressed nothing is printed and the exit status
// is 0; --verbose says how many findings were suppressed.
// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --check-prefix=OUT
// RUN: %leakcheck --verbose %s -- 2>&1 >/dev/null | FileCheck %s
// OUT-NOT: {{.}}
// CHECK: leakcheck: 2 findings suppressed by NOLINT comments
#include <stdlib.h>

int one(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(leakcheck-leak)
}

int two(int x)
{
	char *p = malloc(4); // NOLINT
	if (!p)
		return -1;
	return x;
}
