// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Failure tests against -1 itself: `fd == -1`, `fd != -1`, `fd > -1`.

#include <fcntl.h>
#include <unistd.h>

int eq_ok(const char *path)
{
    int fd = open(path, O_RDONLY);

    if (fd == -1)
        return -1;
    close(fd);
    return 0;
}

int gt_ok(const char *path)
{
    int fd = open(path, O_RDONLY);

    if (fd > -1)
        close(fd);
    return 0;
}

int ne_ok(const char *path)
{
    int fd = open(path, O_RDONLY);

    if (fd != -1) {
        fsync(fd);
        close(fd);
    }
    return 0;
}

int gt_bad(const char *path, char *buf)
{
    int fd = open(path, O_RDONLY);

    if (fd > -1 && read(fd, buf, 1) != 1)
        return -1;
    // CHECK: {{.*}}fd-gt-minus-one.c:[[@LINE-1]]:9: warning: 'fd' opened by open() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:14: note: 'fd' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:9: note: taking the true branch of 'fd > -1'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:20: note: taking the true branch of 'read(fd, buf, 1) != 1'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'fd' still open when leaving 'gt_bad'
    if (fd > -1)
        close(fd);
    return 0;
}
