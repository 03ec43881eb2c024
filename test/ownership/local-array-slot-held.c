// A local array is not an owner outside the function: a handle kept in a
// slot of a local array (constant index) is still held, and leaks when the
// function returns without releasing it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int no_leak_local_slots(size_t n)
{
    char *v[2];
    v[0] = malloc(n);
    if (!v[0])
        return -1;
    v[1] = malloc(n);
    if (!v[1]) {
        free(v[0]);
        return -1;
    }
    free(v[1]);
    free(v[0]);
    return 0;
}

int leak_local_slot(size_t n)
{
    char *v[2];
    v[0] = malloc(n);
    if (!v[0])
        return -1;
    v[1] = malloc(n);
    if (!v[1])
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'v[0]' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(v[1]);
    free(v[0]);
    return 0;
}
