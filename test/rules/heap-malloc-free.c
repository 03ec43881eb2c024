// malloc() hands out memory that free() gives back; a NULL result holds
// nothing.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int leak_malloc(size_t n, int fail)
{
    char *p = malloc(n);
    if (p == NULL)
        return -1;
    memset(p, 0, n);
    if (fail)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

int no_leak_malloc(size_t n, int fail)
{
    char *p = malloc(n);
    if (p == NULL)
        return -1;
    memset(p, 0, n);
    if (fail) {
        free(p);
        return -1;
    }
    free(p);
    return 0;
}

void leak_at_end(size_t n)
{
    char *p = malloc(n);
    if (p)
        memset(p, 0, n);
}
// CHECK: [[@LINE-1]]:1: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed at the end of the function [leakcheck-leak]

void no_leak_free_null_ok(size_t n)
{
    char *p = malloc(n);
    free(p);
}
