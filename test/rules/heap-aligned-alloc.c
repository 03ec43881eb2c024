// aligned_alloc() allocates like malloc(); free() releases it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int leak_aligned_alloc(const void *src, size_t n)
{
    void *blk = aligned_alloc(64, n);
    if (!blk)
        return -1;
    memcpy(blk, src, n);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'blk' allocated by aligned_alloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int no_leak_aligned_alloc(const void *src, size_t n)
{
    void *blk = aligned_alloc(64, n);
    if (!blk)
        return -1;
    memcpy(blk, src, n);
    free(blk);
    return 0;
}
