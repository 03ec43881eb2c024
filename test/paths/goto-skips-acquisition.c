// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A forward goto that jumps over the acquisition: on that path nothing
// was acquired, so the shared exit (which frees a NULL pointer there) is
// right.  The bad twin's third jump comes after the acquisition and its
// target does not free: reported at that goto.

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
    // CHECK: {{.*}}goto-skips-acquisition.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when jumping to 'out' here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: 'p' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '!p'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of 'fread(p, 1, n, in) != n'
    rc = 0;
    free(p);
out:
    return rc;
    // CHECK-NEXT: {{.*}}.c:[[@LINE-1]]:5: note: 'p' still allocated when leaving 'fill_bad'
}
