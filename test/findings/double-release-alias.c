// Releasing a handle through one name and then through a copy of it is a
// double release, reported at the second call.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

void double_free_through_alias(size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return;
    q = p;
    free(p);
    free(q);
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-7]] is freed twice; first freed at line [[@LINE-2]] [leakcheck-double-release]
}

void no_double_free_one_alias(size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return;
    q = p;
    free(q);
}
