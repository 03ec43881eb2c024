// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Every case closes the descriptor, but there is no default: a mode that
// matches no case leaves the switch with it still open.  With a default
// that closes too, nothing is reported.

#include <fcntl.h>
#include <unistd.h>

int run_ok(int mode, const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    switch (mode) {
    case 0:
        close(fd);
        return 0;
    case 1:
        close(fd);
        return 1;
    default:
        close(fd);
        break;
    }
    return -1;
}

int run_bad(int mode, const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    switch (mode) {
    case 0:
        close(fd);
        return 0;
    case 1:
        close(fd);
        return 1;
    }
    return -1;
    // CHECK: {{.*}}switch-default-missing.c:[[@LINE-1]]:5: warning: 'fd' opened by open() at line [[@LINE-12]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:14: note: 'fd' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:9: note: taking the false branch of 'fd < 0'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:5: note: 'fd' still open when leaving 'run_bad'
}
