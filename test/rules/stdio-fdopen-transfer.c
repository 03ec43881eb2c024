// fdopen(fd, mode) turns a descriptor into a stream: on success fclose()
// closes both (close(fd) is no longer needed); on failure fd is still
// open and must be closed.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

FILE *no_leak_fdopen(const char *path)
{
    int fd = open(path, O_RDONLY);
    FILE *fp;
    if (fd < 0)
        return NULL;
    fp = fdopen(fd, "r");
    if (!fp) {
        close(fd);
        return NULL;
    }
    return fp;
}

FILE *leak_fd_when_fdopen_fails(const char *path)
{
    int fd = open(path, O_RDONLY);
    FILE *fp;
    if (fd < 0)
        return NULL;
    fp = fdopen(fd, "r");
    if (!fp)
        return NULL;
// CHECK: [[@LINE-1]]:9: warning: 'fd' opened by open() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
    return fp;
}

int no_leak_fclose_closes_fd(const char *path)
{
    int fd = open(path, O_RDONLY);
    FILE *fp;
    if (fd < 0)
        return -1;
    fp = fdopen(fd, "r");
    if (!fp) {
        close(fd);
        return -1;
    }
    fclose(fp);
    return 0;
}

int leak_stream_from_fdopen(const char *path)
{
    int fd = open(path, O_RDONLY);
    FILE *fp;
    if (fd < 0)
        return -1;
    fp = fdopen(fd, "r");
    if (!fp) {
        close(fd);
        return -1;
    }
    return fgetc(fp);
// CHECK: [[@LINE-1]]:5: warning: 'fp' opened by fdopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
}
