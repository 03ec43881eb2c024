// signalfd(-1, ..) makes a new descriptor, signalfd(fd, ..) changes fd and
// returns it; pidfd_open(), getpt() and open64() return new descriptors.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#define _LARGEFILE64_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/pidfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

int leak_signalfd(const sigset_t *mask, int nonblock)
{
    int fd = signalfd(-1, mask, SFD_CLOEXEC);
    if (fd < 0)
        return -1;
    if (nonblock && fcntl(fd, F_SETFL, O_NONBLOCK) < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fd' opened by signalfd() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return fd;
}

// The caller's descriptor, with a new mask: nothing new to close.
int change_mask(int fd, const sigset_t *mask)
{
    if (signalfd(fd, mask, 0) < 0)
        return -1;
    return 0;
}

int leak_pidfd(pid_t pid, int sig)
{
    int fd = pidfd_open(pid, 0);
    if (fd < 0)
        return -1;
    if (sig && pidfd_send_signal(fd, sig, NULL, 0) < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fd' opened by pidfd_open() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return close(fd);
}

int leak_pt_and_open64(const char *path)
{
    int pt = getpt();
    int fd;
    if (pt < 0)
        return -1;
    fd = open64(path, O_RDONLY);
    if (fd < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'pt' opened by getpt() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
    close(fd);
    return close(pt);
}
