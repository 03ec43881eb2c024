// Overwriting a descriptor variable (with another descriptor or -1) before
// closing it loses the descriptor.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <unistd.h>

int overwrite_fd(const char *a, const char *b)
{
    int fd = open(a, O_RDONLY);
    if (fd < 0)
        return -1;
    fd = open(b, O_RDONLY);
// CHECK: [[@LINE-1]]:5: warning: 'fd' opened by open() at line [[@LINE-4]] is overwritten here before being closed [leakcheck-overwrite]
    if (fd < 0)
        return -1;
    return close(fd);
}

int overwrite_fd_with_minus_one(const char *a)
{
    int fd = open(a, O_RDONLY);
    if (fd < 0)
        return -1;
    fd = -1;
// CHECK: [[@LINE-1]]:5: warning: 'fd' opened by open() at line [[@LINE-4]] is overwritten here before being closed [leakcheck-overwrite]
    return fd;
}

int no_overwrite_closed_first(const char *a, const char *b)
{
    int fd = open(a, O_RDONLY);
    if (fd < 0)
        return -1;
    close(fd);
    fd = open(b, O_RDONLY);
    if (fd < 0)
        return -1;
    close(fd);
    fd = -1;
    return 0;
}
