// fdopendir(fd) turns a descriptor into a directory stream: on success
// closedir() closes both; on failure fd is still open.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

int no_leak_fdopendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    DIR *d;
    if (fd < 0)
        return -1;
    d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -1;
    }
    closedir(d);
    return 0;
}

int leak_fd_when_fdopendir_fails(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    DIR *d;
    if (fd < 0)
        return -1;
    d = fdopendir(fd);
    if (!d)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fd' opened by open() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
    closedir(d);
    return 0;
}

int leak_dir_stream(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    DIR *d;
    if (fd < 0)
        return -1;
    d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -1;
    }
    return readdir(d) != NULL;
// CHECK: [[@LINE-1]]:5: warning: 'd' opened by fdopendir() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
}
