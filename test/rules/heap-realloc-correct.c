// The correct realloc() idiom: keep the old pointer until the call
// succeeds; on failure free it.  On success the new pointer is the one to
// free (or return).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

char *no_leak_grow(size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return NULL;
    q = realloc(p, 2 * n);
    if (!q) {
        free(p);
        return NULL;
    }
    return q;
}

int no_leak_grow_and_free(size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return -1;
    q = realloc(p, 2 * n);
    if (!q) {
        free(p);
        return -1;
    }
    p = q;
    free(p);
    return 0;
}

char *leak_old_on_failure(size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return NULL;
    q = realloc(p, 2 * n);
    if (!q)
        return NULL;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    return q;
}

int leak_new_after_success(size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return -1;
    q = realloc(p, 2 * n);
    if (!q) {
        free(p);
        return -1;
    }
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'q' allocated by realloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}
