// A fresh allocation is never the address of a local array or variable, nor
// an older pointer:
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

// Nor any pointer it was not copied to: `value != tmp` with tmp older.
int no_leak_older_pointer(char *tmp, int copy)
{
    char *value = tmp;
    if (copy) {
        value = malloc(16);
        if (!value)
            return -1;
        memcpy(value, tmp, 16);
    }
    if (value != tmp)
        free(value);
    return 0;
}

int leak_older_pointer(char *tmp, int copy)
{
    char *value = tmp;
    if (copy) {
        value = malloc(16);
        if (!value)
            return -1;
    }
    if (value == tmp)
        free(value);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'value' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
}

// A copy of the handle is equal to it.
int leak_copy_compared(void)
{
    char *value = malloc(16), *same;
    if (!value)
        return -1;
    same = value;
    if (value != same)
        free(value);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'value' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
}
