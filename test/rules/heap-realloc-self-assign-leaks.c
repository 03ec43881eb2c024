// `p = realloc(p, n)` loses the only pointer to the old block when realloc
// fails: the NULL it returns overwrites p.  The finding is reported at
// that assignment, whatever exit the failed path then reaches, with the
// exit as a note.  Saving the result in another variable, or a copy of
// the old pointer that is freed on failure, is right and silent.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int leak_self_assign(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    p = realloc(p, 2 * n);
// CHECK: [[@LINE-1]]:5: warning: if realloc() fails, 'p' allocated by malloc() at line [[@LINE-4]] is lost here: the NULL it returns overwrites the only pointer to it [leakcheck-leak]
// CHECK-NEXT: :[[@LINE-5]]:15: note: 'p' acquired here
// CHECK-NEXT: :[[@LINE-5]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: :[[@LINE+2]]:9: note: taking the true branch of '!p'
// CHECK-NEXT: :[[@LINE+2]]:9: note: 'p' still allocated when leaving 'leak_self_assign'
    if (!p)
        return -1;
    free(p);
    return 0;
}

int leak_in_condition(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if ((p = realloc(p, 2 * n)) == NULL)
        goto fail;
// CHECK: [[@LINE-2]]:10: warning: if realloc() fails, 'p' allocated by malloc() at line [[@LINE-5]] is lost here: the NULL it returns overwrites the only pointer to it [leakcheck-leak]
// CHECK-NEXT: :[[@LINE-6]]:15: note: 'p' acquired here
// CHECK-NEXT: :[[@LINE-6]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: :[[@LINE-5]]:9: note: taking the true branch of '(p = realloc(p, 2 * n)) == NULL'
// CHECK-NEXT: :[[@LINE+5]]:5: note: 'p' still allocated when leaving 'leak_in_condition'
    free(p);
    return 0;
fail:
    free(p);
    return -1;
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

int no_leak_saved_copy(size_t n)
{
    char *p = malloc(n);
    char *old;
    if (!p)
        return -1;
    old = p;
    p = realloc(p, 2 * n);
    if (!p) {
        free(old);
        return -1;
    }
    free(p);
    return 0;
}
