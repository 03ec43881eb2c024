// An acquiring call whose result is only tested, never stored, throws the
// handle away: nothing can release it afterwards.  Reported as discarded
// at the call.  Storing the result and releasing it is fine.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int discard_tested_only(const char *path)
{
    if (fopen(path, "r") == NULL)
// CHECK: [[@LINE-1]]:9: warning: result of fopen() is discarded; what it opened is never closed [leakcheck-discarded]
        return -1;
    return 0;
}

int no_discard_stored(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return -1;
    fclose(fp);
    return 0;
}
