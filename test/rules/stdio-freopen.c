// freopen(path, mode, fp) reuses fp's stream: assigning its result to fp
// is not an overwrite; on failure fp's stream is closed (nothing held); on
// success the reopened stream must still be closed.  freopen() on stdin or
// stdout acquires nothing.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int no_leak_freopen(const char *a, const char *b)
{
    FILE *fp = fopen(a, "r");
    if (!fp)
        return -1;
    fp = freopen(b, "r", fp);
    if (!fp)
        return -1;
    fclose(fp);
    return 0;
}

int leak_after_freopen(const char *a, const char *b)
{
    FILE *fp = fopen(a, "r");
    if (!fp)
        return -1;
    fp = freopen(b, "r", fp);
    if (!fp)
        return -1;
    return fgetc(fp);
// CHECK: [[@LINE-1]]:5: warning: 'fp' opened by freopen() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}

int no_leak_freopen_std_streams(const char *in, const char *out)
{
    if (!freopen(in, "r", stdin))
        return -1;
    freopen(out, "w", stdout);
    return 0;
}
