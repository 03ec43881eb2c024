// Aliases of aliases: q = p; r = q; releasing r releases what p holds.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

void no_leak_chain_free(size_t n)
{
    char *p, *q, *r;
    p = malloc(n);
    if (!p)
        return;
    q = p;
    r = q;
    free(r);
}

char *no_leak_chain_return(size_t n)
{
    char *p = malloc(n);
    char *q = p;
    char *r = q;
    return r;
}

int leak_chain_then_error(size_t n, int fail)
{
    char *p, *q, *r;
    p = malloc(n);
    if (!p)
        return -1;
    q = p;
    r = q;
    if (fail)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    free(r);
    return 0;
}
