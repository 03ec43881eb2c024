// reallocarray() transfers like realloc(): on failure the old block is
// still allocated.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdlib.h>

int *no_leak_reallocarray(size_t n)
{
    int *v = calloc(n, sizeof *v);
    int *w;
    if (!v)
        return NULL;
    w = reallocarray(v, 2 * n, sizeof *v);
    if (!w) {
        free(v);
        return NULL;
    }
    return w;
}

int *leak_reallocarray_failure(size_t n)
{
    int *v = calloc(n, sizeof *v);
    int *w;
    if (!v)
        return NULL;
    w = reallocarray(v, 2 * n, sizeof *v);
    if (!w)
        return NULL;
// CHECK: [[@LINE-1]]:9: warning: 'v' allocated by calloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    return w;
}

int leak_reallocarray_success(size_t n)
{
    int *v = calloc(n, sizeof *v);
    int *w;
    if (!v)
        return -1;
    w = reallocarray(v, 2 * n, sizeof *v);
    if (!w) {
        free(v);
        return -1;
    }
    w[0] = 1;
    return w[0];
// CHECK: [[@LINE-1]]:5: warning: 'w' allocated by reallocarray() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
}
