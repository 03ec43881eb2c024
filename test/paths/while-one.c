// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `while (1)` without a `break` never falls out, so the end of the
// function after it is not reachable: loop_ok leaves only through returns
// that free.  In loop_bad the loop condition is a variable, which can be
// false, and the end of the function is reached holding the buffer.

#include <stdio.h>
#include <stdlib.h>

int loop_ok(FILE *in)
{
    char *line = malloc(80);

    if (!line)
        return -1;
    while (1) {
        if (!fgets(line, 80, in)) {
            free(line);
            return 0;
        }
        if (line[0] == 'q') {
            free(line);
            return 1;
        }
    }
}

void loop_bad(FILE *in, int more)
{
    char *line = malloc(80);

    if (!line)
        return;
    while (more) {
        if (!fgets(line, 80, in)) {
            free(line);
            return;
        }
        if (line[0] == 'q') {
            free(line);
            return;
        }
    }
}
// CHECK: {{.*}}while-one.c:[[@LINE-1]]:1: warning: 'line' allocated by malloc() at line [[@LINE-15]] is not freed at the end of the function [leakcheck-leak]
