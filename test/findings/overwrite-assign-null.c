// Assigning NULL to the only reference of a held handle loses it: reported
// at the assignment.  After a release, or with a copy still holding it,
// the assignment is fine.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int overwrite_with_null(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    memset(p, 0, n);
    p = NULL;
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-5]] is overwritten here before being freed [leakcheck-overwrite]
    return 0;
}

int no_overwrite_after_free(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    memset(p, 0, n);
    free(p);
    p = NULL;
    return 0;
}

char *no_overwrite_copy_holds(size_t n)
{
    char *p = malloc(n);
    char *keep;
    if (!p)
        return NULL;
    keep = p;
    p = NULL;
    return keep;
}
