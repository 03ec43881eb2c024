// Every early return releases the cleanup variables in scope, including
// ones declared in an inner block; a plain variable next to them in the
// same function is still reported at the return where it is held.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void freep(void *pp)
{
    free(*(void **)pp);
}

#define _cleanup_free_ __attribute__((cleanup(freep)))

int no_leak_many_returns(const char *a, const char *b, int mode)
{
    _cleanup_free_ char *x = strdup(a);
    if (!x)
        return -1;
    if (mode == 1)
        return 1;
    {
        _cleanup_free_ char *y = strdup(b);
        if (!y)
            return -1;
        if (mode == 2)
            return 2;
        if (strcmp(x, y) == 0)
            return 3;
    }
    if (mode == 4)
        return 4;
    return 0;
}

int leak_plain_next_to_cleanup(const char *a, const char *b, int mode)
{
    _cleanup_free_ char *x = strdup(a);
    char *y;
    if (!x)
        return -1;
    y = strdup(b);
    if (!y)
        return -1;
    if (mode == 1)
        return 1;
// CHECK: [[@LINE-1]]:9: warning: 'y' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(y);
    return 0;
}
