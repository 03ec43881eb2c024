// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A value tested only once, never set or copied, is not kept in the
// states (it cannot tell two paths apart), but a test it decides on its
// own is still decided: no long long is below LLONG_MIN or above
// LLONG_MAX, so extremes() never leaks; below_zero() does.

#include <limits.h>
#include <stdlib.h>

int extremes(long long v)
{
    char *p = malloc(1);

    if (!p)
        return 0;
    if (v < LLONG_MIN)
        return 1;
    if (v > LLONG_MAX)
        return 2;
    free(p);
    return 0;
}

int below_zero(long long v)
{
    char *p = malloc(1);

    if (!p)
        return 0;
    if (v < 0)
        return 1;
    // CHECK: {{.*}}value-tested-once.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}
