// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// One case returns without closing the stream acquired before the switch;
// the path note names the case that was entered.

#include <stdio.h>

int mode_ok(int k, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    switch (k) {
    case 1:
        fclose(fp);
        return 1;
    case 2:
        fclose(fp);
        return 2;
    default:
        break;
    }
    fclose(fp);
    return 0;
}

int mode_bad(int k, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    switch (k) {
    case 1:
        fclose(fp);
        return 1;
    case 2:
        return 2;
    // CHECK: {{.*}}switch-case-return.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-9]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:16: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:9: note: taking the false branch of '!fp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:5: note: entering 'case 2'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'fp' still open when leaving 'mode_bad'
    default:
        break;
    }
    fclose(fp);
    return 0;
}
