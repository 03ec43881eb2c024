// A variable with __attribute__((cleanup(f))) is released by f at every exit
// of its scope: nothing is reported for it.  The same code without the
// attribute leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void freep(void *pp)
{
    free(*(void **)pp);
}

static void fclosep(FILE **fpp)
{
    if (*fpp)
        fclose(*fpp);
}

int no_leak_cleanup_free(size_t n)
{
    __attribute__((cleanup(freep))) char *buf = malloc(n);
    if (!buf)
        return -1;
    memset(buf, 0, n);
    return 0;
}

int no_leak_cleanup_fclose(const char *path)
{
    __attribute__((cleanup(fclosep))) FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    return fgetc(fp);
}

int leak_without_cleanup(size_t n)
{
    char *buf = malloc(n);
    if (!buf)
        return -1;
    memset(buf, 0, n);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'buf' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}
