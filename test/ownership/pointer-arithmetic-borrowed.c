// A pointer into the block passed to a borrower (memcpy(p + 8, ...),
// strlen(p + 1)) does not hand the block over: it is still held and leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int leak_after_offset_memcpy(const char *src, size_t n)
{
    char *p = malloc(n + 8);
    if (!p)
        return -1;
    memcpy(p + 8, src, n);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int no_leak_offset_memcpy_then_free(const char *src, size_t n)
{
    char *p = malloc(n + 8);
    if (!p)
        return -1;
    memcpy(p + 8, src, n);
    free(p);
    return 0;
}

size_t leak_after_offset_strlen(const char *s)
{
    char *p = strdup(s);
    if (!p)
        return 0;
    return strlen(p + 1);
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by strdup() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
