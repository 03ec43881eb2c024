// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `do { ... break; ... } while (0)` as an error block: a `break` leaves it
// and reaches the fclose() after it; a `return` from inside it does not.

#include <stdio.h>

int magic_ok(const char *path)
{
    int rc = -1;
    FILE *fp = fopen(path, "rb");

    if (!fp)
        return -1;
    do {
        if (fgetc(fp) != 'P')
            break;
        if (fgetc(fp) != '6')
            break;
        rc = 0;
    } while (0);
    fclose(fp);
    return rc;
}

int magic_bad(const char *path)
{
    int rc = -1;
    FILE *fp = fopen(path, "rb");

    if (!fp)
        return -1;
    do {
        if (fgetc(fp) != 'P')
            break;
        if (fgetc(fp) != '6')
            return -2;
        // CHECK: {{.*}}do-while-error.c:[[@LINE-1]]:13: warning: 'fp' opened by fopen() at line [[@LINE-9]] is not closed when returning here [leakcheck-leak]
        // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:16: note: 'fp' acquired here
        // CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:9: note: taking the false branch of '!fp'
        // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:13: note: taking the false branch of 'fgetc(fp) != 'P''
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:13: note: taking the true branch of 'fgetc(fp) != '6''
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:13: note: 'fp' still open when leaving 'magic_bad'
        rc = 0;
    } while (0);
    fclose(fp);
    return rc;
}
