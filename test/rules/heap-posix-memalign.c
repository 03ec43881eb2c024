// posix_memalign(&p, ...) stores the block in p and returns 0; a non-zero
// result leaves p untouched (nothing to free).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int leak_posix_memalign(size_t n, int fail)
{
    void *p;
    if (posix_memalign(&p, 64, n) != 0)
        return -1;
    memset(p, 0, n);
    if (fail)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by posix_memalign() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

int no_leak_posix_memalign(size_t n)
{
    void *p;
    int rc = posix_memalign(&p, 64, n);
    if (rc)
        return rc;
    memset(p, 0, n);
    free(p);
    return 0;
}
