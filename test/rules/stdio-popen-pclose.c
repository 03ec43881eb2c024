// popen() opens a pipe stream that pclose() closes.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int leak_popen(const char *cmd, char *buf, int n)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    if (!fgets(buf, n, p))
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' opened by popen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return pclose(p);
}

int no_leak_popen(const char *cmd, char *buf, int n)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    if (!fgets(buf, n, p)) {
        pclose(p);
        return -1;
    }
    return pclose(p);
}
