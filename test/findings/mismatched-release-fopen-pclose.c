// A fopen() stream must be closed with fclose(), not pclose().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int mismatched_pclose(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    return pclose(f);
// CHECK: [[@LINE-1]]:12: warning: 'f' opened by fopen() at line [[@LINE-4]] must not be released by pclose() [leakcheck-mismatched-release]
}

int no_mismatch_fclose(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    return fclose(f);
}
