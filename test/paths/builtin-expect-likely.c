// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// likely()/unlikely() wrap the condition in __builtin_expect(!!(x), c);
// the branch taken still depends on x alone.

#include <stdio.h>
#include <stdlib.h>

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

char *load_ok(FILE *in, size_t n)
{
    char *p = malloc(n);

    if (unlikely(!p))
        return NULL;
    if (likely(fread(p, 1, n, in) == n))
        return p;
    free(p);
    return NULL;
}

char *load_bad(FILE *in, size_t n)
{
    char *p = malloc(n);

    if (unlikely(p == NULL))
        return NULL;
    if (unlikely(fread(p, 1, n, in) != n))
        return NULL;
    // CHECK: {{.*}}builtin-expect-likely.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    return p;
}
