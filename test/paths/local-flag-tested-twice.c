// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `if (flag) p = malloc(..); ... if (flag) free(p);` is correct: the second
// test takes the same branch as the first.  When the two tests are on
// different flags, the buffer leaks on the path where only the first holds.

#include <stdio.h>
#include <stdlib.h>

int same_flag(int flag, FILE *out)
{
    char *p = NULL;

    if (flag) {
        p = malloc(32);
        if (!p)
            return -1;
    }
    fputs("working\n", out);
    if (flag)
        free(p);
    return 0;
}

int different_flags(int a, int b, FILE *out)
{
    char *p = NULL;

    if (a) {
        p = malloc(32);
        if (!p)
            return -1;
    }
    fputs("working\n", out);
    if (b)
        free(p);
    return 0;
    // CHECK: {{.*}}local-flag-tested-twice.c:[[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
}
