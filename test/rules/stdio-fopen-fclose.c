// fopen() opens a stream that fclose() closes; a NULL result holds nothing.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int leak_fopen(const char *path, char *line, int n)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    if (!fgets(line, n, fp))
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    fclose(fp);
    return 0;
}

int no_leak_fopen(const char *path, char *line, int n)
{
    FILE *fp = fopen(path, "r");
    int rc = 0;
    if (!fp)
        return -1;
    if (!fgets(line, n, fp))
        rc = -1;
    fclose(fp);
    return rc;
}

int no_leak_fclose_status_checked(const char *path)
{
    FILE *fp = fopen(path, "w");
    if (fp == NULL)
        return -1;
    fputs("x\n", fp);
    if (fclose(fp) != 0)
        return -1;
    return 0;
}
