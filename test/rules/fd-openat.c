// openat(dirfd, ...) returns a new descriptor; dirfd is only borrowed, so
// it stays open and must be closed too.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <unistd.h>

int no_leak_openat(const char *dir, const char *name)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    int fd;
    if (dfd < 0)
        return -1;
    fd = openat(dfd, name, O_RDONLY);
    close(dfd);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

int leak_dirfd_after_openat(const char *dir, const char *name)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    int fd;
    if (dfd < 0)
        return -1;
    fd = openat(dfd, name, O_RDONLY);
    if (fd < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'dfd' opened by open() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
    close(fd);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'dfd' opened by open() at line [[@LINE-10]] is not closed when returning here [leakcheck-leak]
}

int leak_openat_result(int dfd, const char *name)
{
    int fd = openat(dfd, name, O_RDONLY);
    if (fd < 0)
        return -1;
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'fd' opened by openat() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}
