// open() returns a descriptor that close() closes; a negative result holds
// nothing.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <unistd.h>

int leak_open(const char *path, char *buf, size_t n)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (read(fd, buf, n) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fd' opened by open() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    close(fd);
    return 0;
}

int no_leak_open(const char *path, char *buf, size_t n)
{
    int fd = open(path, O_RDONLY);
    ssize_t got;
    if (fd == -1)
        return -1;
    got = read(fd, buf, n);
    close(fd);
    return got < 0 ? -1 : 0;
}
