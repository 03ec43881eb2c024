// `~flags & K` (K one bit) holds exactly when `flags & K` does not: the two
// tests of one value decide each other.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

#define KEEP 4

struct opts { unsigned flags; };

int no_leak_inverted(unsigned flags)
{
    char *p = NULL;
    if (flags & KEEP)
        p = malloc(3);
    if (~flags & KEEP)
        return 0;
    free(p);
    return 0;
}

int no_leak_inverted_in_memory(const struct opts *o)
{
    char *p = NULL;
    if (~o->flags & KEEP)
        return 0;
    p = malloc(3);
    if (o->flags & KEEP)
        free(p);
    return 0;
}

int leak_inverted(unsigned flags)
{
    char *p = NULL;
    if (flags & KEEP)
        p = malloc(3);
    if (!(~flags & KEEP))
        return 1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

// Two bits: `~flags & 6` holds when either is clear, which is not the
// negation of `flags & 6`: no relation is assumed.
int leak_two_bits(unsigned flags)
{
    char *p = NULL;
    if (flags & 6)
        p = malloc(3);
    if (~flags & 6)
        return 0;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}
