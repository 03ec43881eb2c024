// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// exit() never returns: the end of read_or_die, reached only if it did,
// is not a leak.  read_or_complain reaches its end holding the buffer.

#include <stdio.h>
#include <stdlib.h>

char *read_or_die(FILE *in, size_t n)
{
    char *buf = malloc(n);

    if (!buf)
        exit(EXIT_FAILURE);
    if (fread(buf, 1, n, in) == n)
        return buf;
    fprintf(stderr, "short read\n");
    exit(EXIT_FAILURE);
}

void read_or_complain(FILE *in, size_t n, char **out)
{
    char *buf = malloc(n);

    if (!buf)
        exit(EXIT_FAILURE);
    if (fread(buf, 1, n, in) == n) {
        *out = buf;
        return;
    }
    fprintf(stderr, "short read\n");
}
// CHECK: {{.*}}noreturn-exit.c:[[@LINE-1]]:1: warning: 'buf' allocated by malloc() at line [[@LINE-10]] is not freed at the end of the function [leakcheck-leak]
