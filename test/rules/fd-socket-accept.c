// socket() and accept()/accept4() return descriptors; the listening socket
// passed to accept() is only borrowed.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <sys/socket.h>
#include <unistd.h>

int leak_socket_on_bind_failure(const struct sockaddr *sa, socklen_t len)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    if (bind(s, sa, len) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 's' opened by socket() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return s;
}

int no_leak_socket(const struct sockaddr *sa, socklen_t len)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    if (bind(s, sa, len) < 0 || listen(s, 16) < 0) {
        close(s);
        return -1;
    }
    return s;
}

int leak_accepted(int lfd, char *buf, size_t n)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    if (recv(c, buf, n, 0) <= 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'c' opened by accept() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    close(c);
    return 0;
}

int no_leak_accept4(int lfd)
{
    int c = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0)
        return -1;
    close(c);
    return 0;
}

int leak_accept4(int lfd)
{
    int c = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0)
        return -1;
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'c' opened by accept4() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}
