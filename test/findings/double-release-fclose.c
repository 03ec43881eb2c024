// Closing a stream twice is reported at the second fclose().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int double_fclose(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;
    if (!fp)
        return -1;
    c = fgetc(fp);
    if (c == EOF)
        fclose(fp);
    fclose(fp);
// CHECK: [[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-8]] is closed twice; first closed at line [[@LINE-2]] [leakcheck-double-release]
    return c;
}

int no_double_fclose(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;
    if (!fp)
        return -1;
    c = fgetc(fp);
    if (c == EOF) {
        fclose(fp);
        return -1;
    }
    fclose(fp);
    return c;
}
