// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `continue` leaves the loop body, so a body-local that still holds memory
// is lost there.  The twin releases it before continuing.

#include <stdio.h>
#include <stdlib.h>

int sum_ok(FILE *in, int n)
{
    int sum = 0;

    while (n-- > 0) {
        char *line = malloc(128);
        if (!line)
            continue;
        if (!fgets(line, 128, in)) {
            free(line);
            continue;
        }
        sum += line[0];
        free(line);
    }
    return sum;
}

int sum_bad(FILE *in, int n)
{
    int sum = 0;

    while (n-- > 0) {
        char *line = malloc(128);
        if (!line)
            continue;
        if (!fgets(line, 128, in))
            continue;
        // CHECK: {{.*}}continue-block-scope.c:[[@LINE-1]]:13: warning: 'line' allocated by malloc() at line [[@LINE-5]] is not freed when continuing here [leakcheck-leak]
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:22: note: 'line' acquired here
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:13: note: taking the false branch of '!line'
        // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:13: note: taking the true branch of '!fgets(line, 128, in)'
        // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:13: note: 'line' still allocated when it goes out of scope
        sum += line[0];
        free(line);
    }
    return sum;
}
