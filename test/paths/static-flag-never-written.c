// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A file-scope static that nothing in the file writes keeps its initial
// value: `debug` is always 0 and `verbose` always 1, so `if (debug)` and
// `if (!verbose)` never take their true branch.  `if (verbose)` always
// does.

#include <stdio.h>
#include <stdlib.h>

static int debug;
static int verbose = 1;

char *buffer_ok(size_t n)
{
    char *p = malloc(n);

    if (!p)
        return NULL;
    if (debug)
        return NULL;
    if (!verbose)
        return NULL;
    return p;
}

int buffer_bad(size_t n)
{
    char *p = malloc(n);

    if (!p)
        return -1;
    if (verbose) {
        fprintf(stderr, "allocated %zu\n", n);
        return 0;
        // CHECK: {{.*}}static-flag-never-written.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    }
    free(p);
    return 0;
}
