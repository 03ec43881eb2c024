// --color=always colours compiler-style findings as clang does; auto (the
// default) does not when the output is not a terminal, nor never.
// RUN: not %leakcheck --color=always %s -- | FileCheck %s --check-prefix=COLOR
// RUN: not %leakcheck --color=never %s -- | FileCheck %s --check-prefix=PLAIN
// RUN: not %leakcheck %s -- | FileCheck %s --check-prefix=PLAIN
// RUN: not %leakcheck --color=sometimes %s -- 2>&1 | FileCheck %s --check-prefix=BAD
// COLOR: {{.*}}color.c:[[@LINE+8]]:3: {{.}}[35mwarning: {{.}}[0m{{.}}[1m'p' allocated by malloc()
// PLAIN: {{.*}}color.c:[[@LINE+7]]:3: warning: 'p' allocated by malloc()
// BAD: leakcheck: error: --color must be auto, always or never, not 'sometimes'
#include <stdlib.h>
int f(int x)
{
	char *p = malloc(4);
	if (p && x)
		return 1;
	free(p);
	return 0;
}
