// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// The stream is opened only on one arm of `?:`; the other arm gives NULL,
// which holds nothing.  `fp ? fclose(fp) : 0` closes exactly when needed.

#include <stdio.h>

int log_ok(const char *path, int verbose)
{
    FILE *fp = verbose ? fopen(path, "a") : NULL;
    int rc = 0;

    if (fp && fputs("start\n", fp) < 0)
        rc = -1;
    fp ? fclose(fp) : 0;
    return rc;
}

int log_bad(const char *path, int verbose)
{
    FILE *fp = verbose ? fopen(path, "a") : NULL;

    if (!fp)
        return 0;
    if (fputs("start\n", fp) < 0)
        return -1;
    // CHECK: {{.*}}ternary-condition.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
    fclose(fp);
    return 0;
}
