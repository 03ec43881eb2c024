// creat() returns a descriptor like open().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int leak_creat(const char *path, const char *text)
{
    int fd = creat(path, 0644);
    if (fd < 0)
        return -1;
    if (write(fd, text, strlen(text)) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fd' opened by creat() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return close(fd);
}

int no_leak_creat(const char *path, const char *text)
{
    int fd = creat(path, 0644);
    if (fd < 0)
        return -1;
    if (write(fd, text, strlen(text)) < 0) {
        close(fd);
        return -1;
    }
    return close(fd);
}
