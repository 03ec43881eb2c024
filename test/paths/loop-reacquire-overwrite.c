// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// An acquisition in a loop body whose result goes to a variable declared
// outside the loop: unless the previous iteration released it, the next
// iteration overwrites the only handle.  last_ok closes before reopening.

#include <stdio.h>

int last_ok(const char **paths, int n)
{
    FILE *fp = NULL;
    int c = EOF;

    for (int i = 0; i < n; i++) {
        if (fp)
            fclose(fp);
        fp = fopen(paths[i], "r");
        if (!fp)
            return -1;
    }
    if (fp) {
        c = fgetc(fp);
        fclose(fp);
    }
    return c;
}

int last_bad(const char **paths, int n)
{
    FILE *fp = NULL;
    int c = EOF;

    for (int i = 0; i < n; i++) {
        fp = fopen(paths[i], "r");
        // CHECK: {{.*}}loop-reacquire-overwrite.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-1]] is overwritten here before being closed [leakcheck-overwrite]
        if (!fp)
            return -1;
    }
    if (fp) {
        c = fgetc(fp);
        fclose(fp);
    }
    return c;
}
