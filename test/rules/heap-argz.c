// argz vectors (<argz.h>): argz_create() and argz_create_sep() allocate
// the vector (0 on success, ENOMEM); free() releases it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <argz.h>
#include <stdio.h>
#include <stdlib.h>

int leak_argz_create(char *const argv[], int verbose)
{
    char *argz;
    size_t len;
    if (argz_create(argv, &argz, &len) != 0)
        return -1;
    if (argz_count(argz, len) == 0)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'argz' allocated by argz_create() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    if (verbose)
        argz_stringify(argz, len, ' ');
    free(argz);
    return 1;
}

int no_leak_argz_create_sep(const char *s, char *out, size_t n)
{
    char *argz;
    size_t len;
    if (argz_create_sep(s, ':', &argz, &len) != 0)
        return -1;
    if (argz_count(argz, len) > 0)
        snprintf(out, n, "%s", argz);
    free(argz);
    return 0;
}
