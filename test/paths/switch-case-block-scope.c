// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A case with its own block: the `break` leaves the block, so its local
// must be released before it.  A `break` out of a switch inside a loop
// leaves only the switch, not the loop body.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int handle_ok(int op, const char *arg)
{
    switch (op) {
    case 'd': {
        char *copy = strdup(arg);
        if (!copy)
            return -1;
        puts(copy);
        free(copy);
        break;
    }
    default:
        return 1;
    }
    return 0;
}

int handle_bad(int op, const char *arg)
{
    switch (op) {
    case 'd': {
        char *copy = strdup(arg);
        if (!copy)
            return -1;
        puts(copy);
        break;
        // CHECK: {{.*}}switch-case-block-scope.c:[[@LINE-1]]:9: warning: 'copy' allocated by strdup() at line [[@LINE-5]] is not freed when breaking out here [leakcheck-leak]
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:22: note: 'copy' acquired here
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:13: note: taking the false branch of '!copy'
        // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:9: note: 'copy' still allocated when it goes out of scope
    }
    default:
        return 1;
    }
    return 0;
}

int loop_switch_ok(const char **ops, int n)
{
    for (int i = 0; i < n; i++) {
        char *copy = strdup(ops[i]);
        if (!copy)
            return -1;
        switch (copy[0]) {
        case 'q':
            puts("quit");
            break;
        default:
            puts(copy);
            break;
        }
        free(copy);
    }
    return 0;
}
