// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `return ok ? p : NULL;` hands p to the caller only when ok is true; on
// the other arm the buffer is lost.  Freeing it on that arm first is
// correct.

#include <stdio.h>
#include <stdlib.h>

char *fetch_ok(FILE *in, size_t n)
{
    char *p = malloc(n);
    int ok;

    if (!p)
        return NULL;
    ok = fread(p, 1, n, in) == n;
    if (!ok)
        free(p);
    return ok ? p : NULL;
}

char *fetch_bad(FILE *in, size_t n)
{
    char *p = malloc(n);
    int ok;

    if (!p)
        return NULL;
    ok = fread(p, 1, n, in) == n;
    return ok ? p : NULL;
    // CHECK: {{.*}}ternary-return.c:[[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
}
