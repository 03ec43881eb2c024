// A pointer turned into a tagged integer and returned or stored
// ((uintptr_t)p | 2, ^ 1, & ~3) is still p: it leaves like p would.
// An alignment test ((uintptr_t)p & 7) only reads it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdint.h>
#include <stdlib.h>

struct entry { void *key; };

struct entry *no_leak_tagged(void *key)
{
    struct entry *e = malloc(sizeof(*e));
    if (!e)
        return NULL;
    e->key = key;
    return (struct entry *)(void *)((uintptr_t)(void *)e | 2);
}

uintptr_t no_leak_untagged(void *tagged)
{
    char *p = malloc(8);
    if (!p)
        return 0;
    (void)tagged;
    return (uintptr_t)p & ~(uintptr_t)3;
}

int leak_alignment_test(int fail)
{
    char *p = malloc(8);
    uintptr_t misaligned;
    if (!p)
        return -1;
    misaligned = (uintptr_t)p & 7;
    if (fail || misaligned)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}
