// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A forward goto that jumps over the acquisition: on that path nothing
// was acquired, so the shared exit (which frees a NULL pointer there) is
// right.  The bad twin's second jump comes after the acquisition and its
// target does not free.

#include <stdio.h>
#include <stdlib.h>

int fill_ok(FILE *in, size_t n)
{
    char *p = NULL;
    int rc = -1;

    if (n == 0)
        goto out;
    p = malloc(n);
    if (!p)
        goto out;
    if (fread(p, 1, n, in) == n)
        rc = 0;
out:
    free(p);
    return rc;
}

int fill_bad(FILE *in, size_t n)
{
    char *p = NULL;
    int rc = -1;

    if (n == 0)
        goto out;
    p = malloc(n);
    if (!p)
        goto out;
    if (fread(p, 1, n, in) != n)
        goto out;
    rc = 0;
    free(p);
out:
    return rc;
    // CHECK: {{.*}}goto-skips-acquisition.c:[[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-9]] is not freed when returning here [leakcheck-leak]
}
