// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// The acquisition is an assignment inside the test of its own failure:
// `if ((fd = open(...)) < 0)` and `if (!(p = malloc(n)))`.  The true
// branch holds nothing; the false branch holds the resource.

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int read_ok(const char *path, size_t n)
{
    int fd;
    char *p;

    if ((fd = open(path, O_RDONLY)) < 0)
        return -1;
    if (!(p = malloc(n))) {
        close(fd);
        return -1;
    }
    if (read(fd, p, n) < 0) {
        free(p);
        close(fd);
        return -1;
    }
    free(p);
    close(fd);
    return 0;
}

int read_bad(const char *path, size_t n)
{
    int fd;
    char *p;

    if ((fd = open(path, O_RDONLY)) < 0)
        return -1;
    if (!(p = malloc(n)))
        return -1;
    // CHECK: {{.*}}assignment-in-condition.c:[[@LINE-1]]:9: warning: 'fd' opened by open() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:15: note: 'fd' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '(fd = open(path, O_RDONLY)) < 0'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of '!(p = malloc(n))'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'fd' still open when leaving 'read_bad'
    if (read(fd, p, n) < 0) {
        close(fd);
        return -1;
        // CHECK: {{.*}}assignment-in-condition.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-10]] is not freed when returning here [leakcheck-leak]
    }
    free(p);
    close(fd);
    return 0;
}
