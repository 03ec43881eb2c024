// mkstemp() makes two obligations: its descriptor must be closed and the
// file it creates removed (unlink, remove; rename moves it into place).
// Each missing one is reported.  A function that never removes the file
// means to keep it; returning the descriptor or the name hands it over.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int unlink_missing_on_error(const char *data)
{
    char tmpl[] = "/tmp/lkXXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    if (write(fd, data, strlen(data)) < 0) {
        close(fd);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: temporary file 'tmpl' created by mkstemp() at line [[@LINE-6]] is not removed when returning here [leakcheck-leak]
    }
    close(fd);
    unlink(tmpl);
    return 0;
}

int both_missing(const char *data, const char *final)
{
    char tmpl[] = "/tmp/lkXXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    if (write(fd, data, strlen(data)) < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fd' opened by mkstemp() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
// CHECK: :[[@LINE-2]]:9: warning: temporary file 'tmpl' created by mkstemp() at line [[@LINE-6]] is not removed when returning here [leakcheck-leak]
    close(fd);
    return rename(tmpl, final);
}

int renamed_or_removed(const char *data, const char *final)
{
    char tmpl[] = "/tmp/lkXXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;              /* nothing created */
    if (write(fd, data, strlen(data)) < 0) {
        close(fd);
        unlink(tmpl);
        unlink(tmpl);           /* removing it again is harmless */
        return -1;
    }
    close(fd);
    return rename(tmpl, final);
}

char *name_returned(void)
{
    char *path = strdup("/tmp/lkXXXXXX");
    int fd;
    if (!path)
        return NULL;
    fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return NULL;
    }
    if (write(fd, "x", 1) < 0) {
        close(fd);
        unlink(path);
        free(path);
        return NULL;
    }
    close(fd);
    return path;
}

int fd_returned(char *tmpl, const char *data)
{
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    if (write(fd, data, strlen(data)) < 0) {
        close(fd);
        remove(tmpl);
        return -1;
    }
    return fd;
}

int kept(char *tmpl)
{
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

static void drop(char *p)
{
    unlink(p);
    free(p);
}

int removed_by_helper(void)
{
    char *path = strdup("/tmp/lkXXXXXX");
    int fd;
    if (!path)
        return -1;
    fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return -1;
    }
    if (write(fd, "x", 1) < 0) {
        close(fd);
        drop(path);
        return -1;
    }
    close(fd);
    unlink(path);
    free(path);
    return 0;
}
