// Closing a descriptor twice is reported at the second close().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <unistd.h>

int double_close(const char *path, char *buf, size_t n)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (read(fd, buf, n) < 0)
        close(fd);
    close(fd);
// CHECK: [[@LINE-1]]:5: warning: 'fd' opened by open() at line [[@LINE-6]] is closed twice; first closed at line [[@LINE-2]] [leakcheck-double-release]
    return 0;
}

int no_double_close(const char *path, char *buf, size_t n)
{
    int fd = open(path, O_RDONLY);
    ssize_t got;
    if (fd < 0)
        return -1;
    got = read(fd, buf, n);
    close(fd);
    return got < 0 ? -1 : 0;
}
