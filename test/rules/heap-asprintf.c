// asprintf(&s, ...) stores a new string in s and returns its length; -1
// means failure (s must not be freed).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

int leak_asprintf(int v)
{
    char *s;
    if (asprintf(&s, "%d", v) < 0)
        return -1;
    return puts(s);
// CHECK: [[@LINE-1]]:5: warning: 's' allocated by asprintf() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
}

int no_leak_asprintf(int v)
{
    char *s;
    int rc;
    if (asprintf(&s, "%d", v) == -1)
        return -1;
    rc = puts(s);
    free(s);
    return rc;
}
