// `p = realloc(p, n)` loses the only pointer to the old block when realloc
// fails: returning on that failure leaks it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int leak_self_assign(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    p = realloc(p, 2 * n);
    if (!p)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: :[[@LINE-7]]:15: note: 'p' acquired here
// CHECK-NEXT: :[[@LINE-7]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: :[[@LINE-6]]:9: note: realloc() may fail here and leave 'p' allocated
// CHECK-NEXT: :[[@LINE-6]]:9: note: taking the true branch of '!p'
// CHECK-NEXT: :[[@LINE-6]]:9: note: 'p' still allocated when leaving 'leak_self_assign'
    free(p);
    return 0;
}

int no_leak_temp(size_t n)
{
    char *p = malloc(n);
    char *tmp;
    if (!p)
        return -1;
    tmp = realloc(p, 2 * n);
    if (!tmp) {
        free(p);
        return -1;
    }
    p = tmp;
    free(p);
    return 0;
}
