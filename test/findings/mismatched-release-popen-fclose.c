// A popen() stream must be closed with pclose(), not fclose().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int mismatched_fclose(const char *cmd, char *buf, int n)
{
    FILE *f = popen(cmd, "r");
    if (!f)
        return -1;
    fgets(buf, n, f);
    fclose(f);
// CHECK: [[@LINE-1]]:5: warning: 'f' opened by popen() at line [[@LINE-5]] must not be released by fclose() [leakcheck-mismatched-release]
    return 0;
}

int no_mismatch_pclose(const char *cmd, char *buf, int n)
{
    FILE *f = popen(cmd, "r");
    if (!f)
        return -1;
    fgets(buf, n, f);
    return pclose(f);
}
