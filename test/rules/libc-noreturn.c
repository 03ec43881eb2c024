// A path that ends in a call that never returns (exit, abort, _exit, err
// ...) reports nothing: the process is gone.  The same path with a return
// leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <err.h>
#include <stdio.h>
#include <stdlib.h>

void no_leak_exit(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        exit(1);
    if (fgetc(fp) == EOF)
        exit(2);
    fclose(fp);
}

void no_leak_abort(size_t n)
{
    char *p = malloc(n);
    if (!p)
        abort();
    if (n > 100)
        abort();
    free(p);
}

void no_leak_err(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        err(1, "%s", path);
    if (fgetc(fp) == EOF)
        errx(1, "%s: empty", path);
    fclose(fp);
}

int leak_return_instead_of_exit(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        exit(1);
    if (fgetc(fp) == EOF)
        return 2;
// CHECK: [[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    fclose(fp);
    return 0;
}
