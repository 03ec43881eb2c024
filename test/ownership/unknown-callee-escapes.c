// Passing the handle to a function the rules do not know hands it over:
// that function may store or release it, so nothing is reported after it.
// A path that never passes it still leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

void register_buffer(char *buf);
int attach_stream(void *ctx, FILE *fp);

int no_leak_passed_to_unknown(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    register_buffer(p);
    return 0;
}

int no_leak_stream_passed(void *ctx, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    if (attach_stream(ctx, fp) < 0)
        return -1;
    return 0;
}

int leak_not_passed(size_t n, int skip)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if (skip)
        return 0;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    register_buffer(p);
    return 0;
}
