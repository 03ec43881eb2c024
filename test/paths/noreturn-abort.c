// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// abort() ends the path: the stream still open when it is called is not
// reported, neither at the call nor at the end of the function it makes
// unreachable.  Where the failure is only logged, the function goes on to
// return with the stream open.

#include <stdio.h>
#include <stdlib.h>

int must_parse(const char *path)
{
    FILE *fp = fopen(path, "r");
    int v;

    if (!fp)
        abort();
    if (fscanf(fp, "%d", &v) == 1) {
        fclose(fp);
        return v;
    }
    abort();
}

int may_parse(const char *path)
{
    FILE *fp = fopen(path, "r");
    int v;

    if (!fp)
        abort();
    if (fscanf(fp, "%d", &v) == 1) {
        fclose(fp);
        return v;
    }
    perror(path);
    return -1;
    // CHECK: {{.*}}noreturn-abort.c:[[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-11]] is not closed when returning here [leakcheck-leak]
}
