// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A file-scope static that some function in the file writes (directly, or
// through its address) can hold anything: both branches of a test on it
// are followed, so each of these two early returns leaks.

#include <stdio.h>
#include <stdlib.h>

static int debug;
static int quiet;

void set_debug(int on)
{
    debug = on;
}

void parse_options(int *flag);

void init(void)
{
    parse_options(&quiet);
}

int when_set(size_t n)
{
    char *p = malloc(n);

    if (!p)
        return -1;
    if (debug)
        return 1;
    // CHECK: {{.*}}static-flag-written-somewhere.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

int when_clear(size_t n)
{
    char *p = malloc(n);

    if (!p)
        return -1;
    if (!debug)
        return 1;
    // CHECK: {{.*}}static-flag-written-somewhere.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

int when_quiet(size_t n)
{
    char *p = malloc(n);

    if (!p)
        return -1;
    if (quiet)
        return 1;
    // CHECK: {{.*}}static-flag-written-somewhere.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}
