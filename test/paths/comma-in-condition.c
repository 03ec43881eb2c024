// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// The comma operator in a condition: the value tested is the last operand.
// `fp = fopen(...), fp == NULL` is the failure test of the open.

#include <stdio.h>

int count_ok(const char *path)
{
    FILE *fp;
    int c, n = 0;

    if (fp = fopen(path, "r"), fp == NULL)
        return -1;
    while (c = fgetc(fp), c != EOF)
        n++;
    fclose(fp);
    return n;
}

int count_bad(const char *path)
{
    FILE *fp;
    int c, n = 0;

    if (fp = fopen(path, "r"), fp == NULL)
        return -1;
    while (c = fgetc(fp), c != EOF) {
        if (c == '\0')
            return -1;
        // CHECK: {{.*}}comma-in-condition.c:[[@LINE-1]]:13: warning: 'fp' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
        n++;
    }
    fclose(fp);
    return n;
}
