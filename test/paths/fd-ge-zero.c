// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `if (fd >= 0) close(fd)` closes every descriptor open() can return; the
// branch where fd < 0 holds nothing.

#include <fcntl.h>
#include <unistd.h>

int probe_ok(const char *path)
{
    int fd = open(path, O_RDONLY);
    int ok = fd >= 0;

    if (fd >= 0)
        close(fd);
    return ok;
}

int probe_bad(const char *path, int keep_going)
{
    int fd = open(path, O_RDONLY);

    if (fd >= 0 && !keep_going)
        return 1;
    // CHECK: {{.*}}fd-ge-zero.c:[[@LINE-1]]:9: warning: 'fd' opened by open() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
    if (fd >= 0)
        close(fd);
    return 0;
}
