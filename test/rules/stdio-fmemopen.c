// fmemopen() opens a stream on a buffer (which it only borrows); fclose()
// closes the stream.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

int leak_fmemopen(char *buf, size_t n)
{
    FILE *m = fmemopen(buf, n, "r");
    int c;
    if (!m)
        return -1;
    c = fgetc(m);
    return c;
// CHECK: [[@LINE-1]]:5: warning: 'm' opened by fmemopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
}

int no_leak_fmemopen_buffer_borrowed(size_t n)
{
    char *buf = malloc(n);
    FILE *m;
    int c;
    if (!buf)
        return -1;
    m = fmemopen(buf, n, "r");
    if (!m) {
        free(buf);
        return -1;
    }
    c = fgetc(m);
    fclose(m);
    free(buf);
    return c;
}
