// A mapping that succeeded is never MAP_FAILED and never NULL: code that
// tests both (`m == MAP_FAILED || m == NULL`) fails only on failure, and
// `m != NULL && m != MAP_FAILED` before munmap() holds on success.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

int both_tested(int fd, size_t sz, int (*use)(const void *, size_t))
{
    void *m = NULL;
    int ret = -1;

    if ((m = mmap(NULL, sz, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED || m == NULL)
        goto out;
    if (!use(m, sz))
        goto out;
    ret = 0;
 out:
    if (m != NULL && m != MAP_FAILED)
        munmap(m, sz);
    return ret;
}

int null_only(int fd, size_t sz)
{
    char *m = mmap(NULL, sz, PROT_READ, MAP_PRIVATE, fd, 0);

    if (m == MAP_FAILED)
        return -1;
    if (m[0] == 'x')
        return 1;
// CHECK: :[[@LINE-1]]:9: warning: 'm' mapped by mmap() at line [[@LINE-6]] is not unmapped when returning here [leakcheck-leak]
    munmap(m, sz);
    return 0;
}
