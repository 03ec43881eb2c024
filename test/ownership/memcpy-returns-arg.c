// memcpy (returns-arg: 1) returns its first argument: `p = memcpy(p, ...)`
// keeps p allocated (no overwrite), and the result is the same handle, so
// returning or freeing it counts.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

char *no_leak_return_result(const char *src, size_t n)
{
    char *p = malloc(n);
    if (!p)
        return NULL;
    return memcpy(p, src, n);
}

void no_leak_free_result(const char *src, size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return;
    q = memcpy(p, src, n);
    free(q);
}

int leak_self_assign_result(const char *src, size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    p = memcpy(p, src, n);
    return p[0];
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}
