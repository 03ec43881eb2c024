// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Statements after a `return` never run: an fclose() there releases
// nothing, and an acquisition there is never made.

#include <stdio.h>
#include <stdlib.h>

int dead_acquire(void)
{
    return 0;
    char *p = malloc(16);
    p[0] = 'x';
}

int dead_release(const char *path)
{
    FILE *fp = fopen(path, "w");

    if (!fp)
        return -1;
    fputs("done\n", fp);
    return 0;
    // CHECK: {{.*}}unreachable-code.c:[[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:16: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '!fp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:5: note: 'fp' still open when leaving 'dead_release'
    fclose(fp);
}
