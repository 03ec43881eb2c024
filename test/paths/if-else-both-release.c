// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Both arms of an if/else release the buffer, so the paths join with
// nothing held.  When only one arm does, the join holds it on the other.

#include <stdio.h>
#include <stdlib.h>

int emit_ok(FILE *out, size_t n, int upper)
{
    char *p = calloc(n + 1, 1);

    if (!p)
        return -1;
    if (upper) {
        fputs("UPPER\n", out);
        free(p);
    } else {
        fputs(p, out);
        free(p);
    }
    return 0;
}

int emit_bad(FILE *out, size_t n, int upper)
{
    char *p = calloc(n + 1, 1);

    if (!p)
        return -1;
    if (upper) {
        fputs("UPPER\n", out);
    } else {
        fputs(p, out);
        free(p);
    }
    return 0;
    // CHECK: {{.*}}if-else-both-release.c:[[@LINE-1]]:5: warning: 'p' allocated by calloc() at line [[@LINE-11]] is not freed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:15: note: 'p' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-11]]:9: note: taking the false branch of '!p'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:9: note: taking the true branch of 'upper'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:5: note: 'p' still allocated when leaving 'emit_bad'
}
