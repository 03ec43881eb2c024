// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A `return` from inside a nested block leaves every enclosing block and
// the function at once: a block-local still held is reported as a leak
// "when returning here", once, at the return.

#include <stdio.h>
#include <stdlib.h>

int nested_ok(int n, FILE *out)
{
    if (n > 0) {
        char *p = malloc((size_t)n);
        if (!p)
            return -1;
        if (n > 100) {
            free(p);
            return 1;
        }
        fputs("small\n", out);
        free(p);
    }
    return 0;
}

int nested_bad(int n, FILE *out)
{
    if (n > 0) {
        char *p = malloc((size_t)n);
        if (!p)
            return -1;
        if (n > 100) {
            fputs("too big\n", out);
            return 1;
            // CHECK: {{.*}}return-from-inner-block.c:[[@LINE-1]]:13: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
        }
        fputs("small\n", out);
        free(p);
    }
    return 0;
}
