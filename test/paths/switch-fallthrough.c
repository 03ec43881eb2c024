// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A case that acquires and falls through into the next one.  In
// dispatch_ok the next case frees; in dispatch_bad it does not, and only
// case 2 (never reached from case 0) frees.

#include <stdio.h>
#include <stdlib.h>

int dispatch_ok(int op)
{
    char *buf = NULL;

    switch (op) {
    case 0:
        buf = malloc(64);
        if (!buf)
            return -1;
        buf[0] = '\0';
        /* fall through */
    case 1:
        free(buf);
        break;
    default:
        return 1;
    }
    return 0;
}

int dispatch_bad(int op)
{
    char *buf = NULL;

    switch (op) {
    case 0:
        buf = malloc(64);
        if (!buf)
            return -1;
        buf[0] = '\0';
        /* fall through */
    case 1:
        puts("one");
        break;
    case 2:
        free(buf);
        break;
    }
    return 0;
    // CHECK: {{.*}}switch-fallthrough.c:[[@LINE-1]]:5: warning: 'buf' allocated by malloc() at line [[@LINE-13]] is not freed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-14]]:15: note: 'buf' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-14]]:13: note: taking the false branch of '!buf'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:5: note: 'buf' still allocated when leaving 'dispatch_bad'
}
