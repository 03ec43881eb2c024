// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `while (true)` is left only by `break`; the code after it must release
// what was acquired before the loop.  drain_bad closes the stream only in
// one of its two breaking branches.

#include <stdbool.h>
#include <stdio.h>

int drain_ok(const char *path)
{
    FILE *fp = fopen(path, "r");
    int n = 0;

    if (!fp)
        return -1;
    while (true) {
        int c = fgetc(fp);
        if (c == EOF)
            break;
        n++;
    }
    fclose(fp);
    return n;
}

int drain_bad(const char *path)
{
    FILE *fp = fopen(path, "r");
    int n = 0;

    if (!fp)
        return -1;
    while (true) {
        int c = fgetc(fp);
        if (c == EOF) {
            fclose(fp);
            break;
        }
        if (c == '\n')
            break;
        n++;
    }
    return n;
    // CHECK: {{.*}}while-true-break.c:[[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-16]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-17]]:16: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-15]]:9: note: taking the false branch of '!fp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:13: note: taking the false branch of 'c == EOF'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:13: note: taking the true branch of 'c == '\n''
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:5: note: 'fp' still open when leaving 'drain_bad'
}
