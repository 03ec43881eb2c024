// Casts do not change the handle: an acquiring call under a cast still
// acquires, a release or a return of a cast handle still counts.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct item {
    int v;
};

struct item *no_leak_cast_return(void)
{
    void *raw = malloc(sizeof(struct item));
    if (!raw)
        return NULL;
    return (struct item *)raw;
}

void no_leak_cast_free(void)
{
    struct item *it = (struct item *)malloc(sizeof *it);
    if (!it)
        return;
    it->v = 0;
    free((void *)it);
}

int leak_cast_acquire(void)
{
    struct item *it = (struct item *)malloc(sizeof *it);
    if (!it)
        return -1;
    it->v = 1;
    return it->v;
// CHECK: [[@LINE-1]]:5: warning: 'it' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int leak_cast_assign(void)
{
    struct item *it;
    it = (struct item *)(void *)calloc(1, sizeof *it);
    if (!it)
        return -1;
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'it' allocated by calloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
