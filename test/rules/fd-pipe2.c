// pipe2(fds, flags) opens two descriptors like pipe().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>

int leak_read_end(void)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return -1;
    close(fds[1]);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'fds[0]' opened by pipe2() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}

int no_leak_pipe2(void)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return -1;
    close(fds[1]);
    close(fds[0]);
    return 0;
}
