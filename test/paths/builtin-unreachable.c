// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// __builtin_unreachable() ends the path: the default case that promises it
// never happens holds the buffer without a report, and the end of the
// function after the switch is not reachable.  Without the promise, a
// value matching no case reaches the end of the function with it.

#include <stdlib.h>

int pick_ok(int k)
{
    char *p = malloc(8);

    if (!p)
        return -1;
    switch (k) {
    case 0:
        free(p);
        return 0;
    case 1:
        free(p);
        return 1;
    default:
        __builtin_unreachable();
    }
}

void pick_bad(int k)
{
    char *p = malloc(8);

    if (!p)
        return;
    switch (k) {
    case 0:
        free(p);
        return;
    case 1:
        free(p);
        return;
    }
}
// CHECK: {{.*}}builtin-unreachable.c:[[@LINE-1]]:1: warning: 'p' allocated by malloc() at line [[@LINE-13]] is not freed at the end of the function [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-14]]:15: note: 'p' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:1: note: 'p' still allocated when leaving 'pick_bad'
