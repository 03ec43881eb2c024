// Discarding a new descriptor (socket(), open(), dup()) leaks it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

void discard_socket(void)
{
    socket(AF_INET, SOCK_STREAM, 0);
// CHECK: [[@LINE-1]]:5: warning: result of socket() is discarded; what it opened is never closed [leakcheck-discarded]
}

void discard_dup(int fd)
{
    dup(fd);
// CHECK: [[@LINE-1]]:5: warning: result of dup() is discarded; what it opened is never closed [leakcheck-discarded]
}

void no_discard_dup2(int fd)
{
    dup2(fd, 2);
}

int no_discard_closed(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    return close(fd);
}
