// socketpair(domain, type, protocol, sv) opens sv[0] and sv[1].
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <sys/socket.h>
#include <unistd.h>

int no_leak_socketpair(int *peer)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        return -1;
    *peer = sv[1];
    return sv[0];
}

int leak_one_end(int *peer, int fail)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        return -1;
    if (fail) {
        close(sv[0]);
        return -1;
    }
// CHECK: [[@LINE-2]]:9: warning: 'sv[1]' opened by socketpair() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
    *peer = sv[1];
    return sv[0];
}
