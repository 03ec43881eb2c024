// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `if (0)` never takes its true branch: an early return inside it leaks
// nothing, and an fclose() inside it closes nothing.

#include <stdio.h>

int zero_return(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;

    if (!fp)
        return -1;
    if (0)
        return -2;
    c = fgetc(fp);
    fclose(fp);
    return c;
}

int zero_close(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;

    if (!fp)
        return -1;
    c = fgetc(fp);
    if (0)
        fclose(fp);
    return c;
    // CHECK: {{.*}}if-zero.c:[[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-9]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:16: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:9: note: taking the false branch of '!fp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:5: note: 'fp' still open when leaving 'zero_close'
}
