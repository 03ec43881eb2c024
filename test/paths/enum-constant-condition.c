// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Enumerators are constants: `if (USE_CACHE)` with USE_CACHE = 0 never
// takes its true branch; `if (KEEP_GOING)` with KEEP_GOING = 1 always does.

#include <stdlib.h>
#include <string.h>

enum { USE_CACHE = 0, KEEP_GOING = 1 };
enum mode { MODE_OFF, MODE_ON };

char *copy_ok(const char *s)
{
    char *p = strdup(s);

    if (!p)
        return NULL;
    if (USE_CACHE)
        return NULL;
    if (MODE_OFF)
        return NULL;
    return p;
}

int length_bad(const char *s)
{
    char *p = strdup(s);
    int n;

    if (!p)
        return -1;
    n = (int)strlen(p);
    if (KEEP_GOING)
        return n;
    // CHECK: {{.*}}enum-constant-condition.c:[[@LINE-1]]:9: warning: 'p' allocated by strdup() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
    free(p);
    return n;
}
