// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A void function that ends without `return`: what it still holds at its
// closing brace is lost.  A void function that releases on every path,
// including a bare `return;`, is silent.

#include <fcntl.h>
#include <unistd.h>

void touch_ok(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT, 0644);

    if (fd < 0)
        return;
    if (write(fd, "", 0) < 0) {
        close(fd);
        return;
    }
    close(fd);
}

void touch_bad(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT, 0644);

    if (fd < 0)
        return;
    if (write(fd, "", 0) < 0) {
        close(fd);
        return;
    }
}
// CHECK: {{.*}}void-function-end.c:[[@LINE-1]]:1: warning: 'fd' opened by open() at line [[@LINE-9]] is not closed at the end of the function [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:14: note: 'fd' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:9: note: taking the false branch of 'fd < 0'
// CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:9: note: taking the false branch of 'write(fd, "", 0) < 0'
// CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:1: note: 'fd' still open when leaving 'touch_bad'
