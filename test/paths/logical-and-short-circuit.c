// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `a && b` evaluates b only when a is true.  In peek_bad the true branch of
// `fp && ...` returns with the stream open.  In pair_bad the second
// allocation is made only when the first one succeeded, and its failure
// leaves the first one held.

#include <stdio.h>
#include <stdlib.h>

int peek_ok(const char *path)
{
    FILE *fp = fopen(path, "r");

    if (fp && fgetc(fp) == '#') {
        fclose(fp);
        return 1;
    }
    if (fp)
        fclose(fp);
    return 0;
}

int peek_bad(const char *path)
{
    FILE *fp = fopen(path, "r");

    if (fp && fgetc(fp) == '#')
        return 1;
    // CHECK: {{.*}}logical-and-short-circuit.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:16: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:9: note: taking the true branch of 'fp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:15: note: taking the true branch of 'fgetc(fp) == '#''
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'fp' still open when leaving 'peek_bad'
    if (fp)
        fclose(fp);
    return 0;
}

int pair_ok(size_t n)
{
    char *a = NULL, *b = NULL;
    int rc = -1;

    if ((a = malloc(n)) && (b = malloc(n)))
        rc = 0;
    free(b);
    free(a);
    return rc;
}

int pair_bad(size_t n)
{
    char *a, *b;

    if ((a = malloc(n)) && (b = malloc(n))) {
        free(b);
        free(a);
        return 0;
    }
    return -1;
    // CHECK: {{.*}}logical-and-short-circuit.c:[[@LINE-1]]:5: warning: 'a' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}
