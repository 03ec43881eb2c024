// mkstemp() creates and opens a temporary file: its descriptor must be
// closed.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int leak_mkstemp(char *tmpl, const char *data)
{
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    if (write(fd, data, strlen(data)) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fd' opened by mkstemp() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return fd;
}

int no_leak_mkstemp(char *tmpl, const char *data)
{
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    if (write(fd, data, strlen(data)) < 0) {
        close(fd);
        unlink(tmpl);
        return -1;
    }
    return fd;
}
