// `p = realloc(p, n)` loses the only pointer to the old block when realloc
// fails: returning on that failure leaks it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int leak_self_assign(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    p = realloc(p, 2 * n);
    if (!p)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

int no_leak_temp(size_t n)
{
    char *p = malloc(n);
    char *tmp;
    if (!p)
        return -1;
    tmp = realloc(p, 2 * n);
    if (!tmp) {
        free(p);
        return -1;
    }
    p = tmp;
    free(p);
    return 0;
}
