// A copy of the handle is the same handle: releasing the copy releases it,
// and returning the copy hands it over.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

void no_leak_free_alias(size_t n)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return;
    q = p;
    free(q);
}

FILE *no_leak_return_alias(const char *path)
{
    FILE *fp = fopen(path, "r");
    FILE *ret = fp;
    if (!fp)
        return NULL;
    return ret;
}

int leak_alias_not_released(size_t n, int fail)
{
    char *p = malloc(n);
    char *q;
    if (!p)
        return -1;
    q = p;
    if (fail)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    free(q);
    return 0;
}
