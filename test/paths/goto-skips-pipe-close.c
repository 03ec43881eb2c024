// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A goto that skips the label closing both ends of a pipe leaks both
// descriptors: each end is reported at that goto, since nothing after its
// label closes them, with the return as a note.  The twin jumps to the
// label that closes them.

#include <stdio.h>
#include <unistd.h>

int relay_ok(const char *msg, size_t n)
{
    int p[2];
    char c;

    if (pipe(p) < 0)
        return -1;
    if (write(p[1], msg, n) != (ssize_t)n)
        goto close_pipe;
    if (read(p[0], &c, 1) != 1)
        goto close_pipe;
    close(p[0]);
    close(p[1]);
    return c;
close_pipe:
    close(p[0]);
    close(p[1]);
    return -1;
}

int relay_bad(const char *msg, size_t n)
{
    int p[2];
    char c;

    if (pipe(p) < 0)
        return -1;
    if (write(p[1], msg, n) != (ssize_t)n)
        goto out;               /* should be close_pipe */
    // CHECK: {{.*}}goto-skips-pipe-close.c:[[@LINE-1]]:9: warning: 'p[0]' opened by pipe() at line [[@LINE-4]] is not closed when jumping to 'out' here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'p[0]' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of 'pipe(p) < 0'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of 'write(p[1], msg, n) != (ssize_t)n'
    // CHECK-NEXT: {{.*}}.c:[[@LINE+15]]:5: note: 'p[0]' still open when leaving 'relay_bad'
    // CHECK-NEXT: {{.*}}goto-skips-pipe-close.c:[[@LINE-6]]:9: warning: 'p[1]' opened by pipe() at line [[@LINE-9]] is not closed when jumping to 'out' here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:9: note: 'p[1]' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-11]]:9: note: taking the false branch of 'pipe(p) < 0'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:9: note: taking the true branch of 'write(p[1], msg, n) != (ssize_t)n'
    // CHECK-NEXT: {{.*}}.c:[[@LINE+10]]:5: note: 'p[1]' still open when leaving 'relay_bad'
    if (read(p[0], &c, 1) != 1)
        goto close_pipe;
    close(p[0]);
    close(p[1]);
    return c;
close_pipe:
    close(p[0]);
    close(p[1]);
out:
    return -1;
}
