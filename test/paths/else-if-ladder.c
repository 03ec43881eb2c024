// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// An if / else if / else ladder where each rung must release the buffer;
// one rung of the bad twin forgets.  The notes name the tests that lead to
// that rung.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int classify_ok(const char *s)
{
    char *p = strdup(s);
    int k;

    if (!p)
        return -1;
    if (p[0] == 'a') {
        k = 1;
        free(p);
    } else if (p[0] == 'b') {
        k = 2;
        free(p);
    } else {
        k = 0;
        free(p);
    }
    return k;
}

int classify_bad(const char *s)
{
    char *p = strdup(s);
    int k;

    if (!p)
        return -1;
    if (p[0] == 'a') {
        k = 1;
        free(p);
    } else if (p[0] == 'b') {
        k = 2;
    } else {
        k = 0;
        free(p);
    }
    return k;
    // CHECK: {{.*}}else-if-ladder.c:[[@LINE-1]]:5: warning: 'p' allocated by strdup() at line [[@LINE-15]] is not freed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-16]]:15: note: 'p' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-14]]:9: note: taking the false branch of '!p'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:9: note: taking the false branch of 'p[0] == 'a''
    // CHECK-NEXT: {{.*}}.c:[[@LINE-11]]:16: note: taking the true branch of 'p[0] == 'b''
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:5: note: 'p' still allocated when leaving 'classify_bad'
}
