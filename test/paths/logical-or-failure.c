// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `!fp || !fgets(...)` is true either when the open failed (nothing held)
// or when the read failed (the stream is open).  The shared error branch
// must close the stream when it is open.

#include <stdio.h>

int first_ok(const char *path, char *line, int len)
{
    FILE *fp = fopen(path, "r");

    if (!fp || !fgets(line, len, fp)) {
        if (fp)
            fclose(fp);
        return -1;
    }
    fclose(fp);
    return 0;
}

int first_bad(const char *path, char *line, int len)
{
    FILE *fp = fopen(path, "r");

    if (!fp || !fgets(line, len, fp))
        return -1;
    // CHECK: {{.*}}logical-or-failure.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:16: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:9: note: taking the false branch of '!fp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:16: note: taking the true branch of '!fgets(line, len, fp)'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'fp' still open when leaving 'first_bad'
    fclose(fp);
    return 0;
}
