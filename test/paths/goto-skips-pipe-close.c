// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A goto that skips the label closing both ends of a pipe leaks both
// descriptors: each end is reported at the return.  The twin jumps to the
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
    // CHECK: {{.*}}goto-skips-pipe-close.c:[[@LINE-1]]:5: warning: 'p[0]' opened by pipe() at line [[@LINE-14]] is not closed when returning here [leakcheck-leak]
    // CHECK: {{.*}}goto-skips-pipe-close.c:[[@LINE-2]]:5: warning: 'p[1]' opened by pipe() at line [[@LINE-15]] is not closed when returning here [leakcheck-leak]
}
