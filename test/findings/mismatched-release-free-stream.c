// A stream from fopen() must be closed with fclose(), not freed with
// free() (another resource's release).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

void mismatched_free(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return;
    free(fp);
// CHECK: [[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-4]] must not be released by free() [leakcheck-mismatched-release]
}

void no_mismatch(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return;
    fclose(fp);
}
