// RUN: not %leakcheck --verbose --budget 8 %s -- 2>%t.err | FileCheck %s --check-prefix=TINY --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=ERR --input-file=%t.err
// RUN: not %leakcheck %s -- | FileCheck %s --check-prefix=FULL --implicit-check-not=warning:
//
// The budget is the number of states explored per function.  With
// --budget 8, many_branches (ten independent tests before its leak) runs
// out of states before reaching the leak: --verbose says so on stderr and
// nothing is reported for it.  small_bad, in the same file, needs fewer
// states and is still reported.  With the default budget both are.

#include <stdio.h>
#include <stdlib.h>

int many_branches(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, FILE *out)
{
    char *p = malloc(64);
    int n = 0;

    if (!p)
        return -1;
    if (a)
        fputs("a", out);
    if (b)
        fputs("b", out);
    if (c)
        fputs("c", out);
    if (d)
        fputs("d", out);
    if (e)
        fputs("e", out);
    if (f)
        fputs("f", out);
    if (g)
        fputs("g", out);
    if (h)
        fputs("h", out);
    if (i)
        fputs("i", out);
    if (j)
        n = 1;
    if (n)
        return -1;
    // FULL: {{.*}}budget-exhausted.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-27]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

int small_bad(int k)
{
    char *q = malloc(8);

    if (!q)
        return -1;
    if (k)
        return 1;
    // TINY: {{.*}}budget-exhausted.c:[[@LINE-1]]:9: warning: 'q' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    // FULL: {{.*}}budget-exhausted.c:[[@LINE-2]]:9: warning: 'q' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    free(q);
    return 0;
}
// ERR: leakcheck: {{.*}}budget-exhausted.c:[[@LINE-47]]: budget of 8 states exhausted in 'many_branches'; no further findings for it
// ERR-NOT: exhausted in 'small_bad'
