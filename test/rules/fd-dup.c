// dup() returns a new descriptor to close; dup2() only reuses the number
// the caller chose (both descriptors stay the caller's).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>

int leak_dup(int fd)
{
    int copy = dup(fd);
    if (copy < 0)
        return -1;
    if (fsync(copy) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'copy' opened by dup() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return close(copy);
}

int no_leak_dup(int fd)
{
    int copy = dup(fd);
    int rc;
    if (copy < 0)
        return -1;
    rc = fsync(copy);
    close(copy);
    return rc;
}

int no_leak_dup2_is_borrower(int fd)
{
    if (dup2(fd, 1) < 0)
        return -1;
    return 0;
}
