// A fresh allocation is never the address of a local array or variable:
// `if (buf != stackbuf) free(buf)` frees every allocation it made.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int no_leak_stack_buffer(size_t n)
{
    char sbuf[64], *buf = sbuf;
    if (n > sizeof sbuf) {
        buf = malloc(n);
        if (!buf)
            return -1;
    }
    memset(buf, 0, n);
    if (buf != sbuf)
        free(buf);
    return 0;
}

struct item { int v; };

int no_leak_fallback(int want)
{
    struct item fallback, *it = &fallback;
    if (want) {
        it = malloc(sizeof *it);
        if (!it)
            return -1;
    }
    it->v = 1;
    if (it == &fallback)
        return 0;
    free(it);
    return 0;
}

int leak_wrong_test(size_t n)
{
    char sbuf[64], *buf = sbuf;
    if (n > sizeof sbuf) {
        buf = malloc(n);
        if (!buf)
            return -1;
    }
    memset(buf, 0, n);
    if (buf == sbuf)
        free(buf);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'buf' allocated by malloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
}
