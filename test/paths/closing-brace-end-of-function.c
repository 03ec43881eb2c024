// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A non-void function whose last statement is not a return falls off its
// end (the caller gets no value, and the buffer is lost): the leak is
// reported at the closing brace of the function, column 1 here and the
// brace's own column when it is not at the start of the line.

#include <stdio.h>
#include <stdlib.h>

int fill_ok(char **out, size_t n)
{
    char *p = malloc(n);

    if (!p)
        return -1;
    *out = p;
    return 0;
}

void fill_bad(size_t n)
{
    char *p = malloc(n);

    if (!p)
        return;
    p[0] = '\0';
}
// CHECK: {{.*}}closing-brace-end-of-function.c:[[@LINE-1]]:1: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed at the end of the function [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:15: note: 'p' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:1: note: 'p' still allocated when leaving 'fill_bad'

void one_line_bad(FILE *out) { char *s = malloc(4); if (s) fputs("x", out); }
// CHECK: {{.*}}closing-brace-end-of-function.c:[[@LINE-1]]:77: warning: 's' allocated by malloc() at line [[@LINE-1]] is not freed at the end of the function [leakcheck-leak]
