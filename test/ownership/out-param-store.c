// Storing the handle through an out-parameter (`*out = p`) hands it to the
// caller; a return before the store still leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

int no_leak_store_out(char **out, size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    *out = p;
    return 0;
}

int no_leak_store_call_result(FILE **out, const char *path)
{
    *out = fopen(path, "r");
    if (!*out)
        return -1;
    return 0;
}

int leak_before_store(char **out, size_t n, int fail)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if (fail)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    *out = p;
    return 0;
}
