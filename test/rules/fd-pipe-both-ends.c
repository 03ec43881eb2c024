// pipe(fds) opens two descriptors, fds[0] and fds[1]; each must be closed
// (or handed over).  A failed pipe() opens nothing.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>

int no_leak_pipe(void)
{
    int fds[2];
    if (pipe(fds) < 0)
        return -1;
    close(fds[0]);
    close(fds[1]);
    return 0;
}

int no_leak_pipe_return_write_end(void)
{
    int fds[2];
    if (pipe(fds) < 0)
        return -1;
    close(fds[0]);
    return fds[1];
}

int leak_write_end(void)
{
    int fds[2];
    if (pipe(fds) < 0)
        return -1;
    close(fds[0]);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'fds[1]' opened by pipe() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}

int leak_both_ends(const char *msg, size_t n)
{
    int fds[2];
    if (pipe(fds) == -1)
        return -1;
    if (write(fds[1], msg, n) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fds[0]' opened by pipe() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
// CHECK: [[@LINE-2]]:9: warning: 'fds[1]' opened by pipe() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    close(fds[1]);
    close(fds[0]);
    return 0;
}
