// Returning the handle gives it to the caller: a path ending in `return p`
// (or returning the acquiring call itself) is silent; a path that returns
// something else while still holding it leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

char *no_leak_return_handle(const char *s)
{
    char *p = malloc(strlen(s) + 1);
    if (!p)
        return NULL;
    strcpy(p, s);
    return p;
}

void *no_leak_return_call(size_t n)
{
    return malloc(n);
}

char *leak_return_other(const char *s, char *fallback)
{
    char *p = malloc(strlen(s) + 1);
    if (!p)
        return NULL;
    if (!*s)
        return fallback;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    strcpy(p, s);
    return p;
}
