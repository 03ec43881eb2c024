// Storing the handle in a global (or function-static) variable keeps it
// reachable after the function returns: not a leak.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

static char *g_cache;
FILE *g_log;

int no_leak_global(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    g_cache = p;
    return 0;
}

int no_leak_global_direct(const char *path)
{
    g_log = fopen(path, "a");
    if (!g_log)
        return -1;
    return 0;
}

char *no_leak_static_local(size_t n)
{
    static char *keep;
    char *p = malloc(n);
    if (!p)
        return NULL;
    keep = p;
    return keep;
}

int leak_before_global_store(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if (g_cache)
        return 1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    g_cache = p;
    return 0;
}
