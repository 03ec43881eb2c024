// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A `break` in the inner loop leaves only the inner loop: the stream that
// the outer body opened is still in scope and is closed after the inner
// loop.  A `break` of the outer loop leaves the outer body and loses it.

#include <stdio.h>

int scan_ok(const char **paths, int n)
{
    int found = 0;

    for (int i = 0; i < n; i++) {
        FILE *fp = fopen(paths[i], "r");
        if (!fp)
            continue;
        for (int j = 0; j < 80; j++) {
            int c = fgetc(fp);
            if (c == EOF)
                break;
            if (c == '#') {
                found++;
                break;
            }
        }
        fclose(fp);
    }
    return found;
}

int scan_bad(const char **paths, int n)
{
    int found = 0;

    for (int i = 0; i < n; i++) {
        FILE *fp = fopen(paths[i], "r");
        if (!fp)
            continue;
        for (int j = 0; j < 80; j++) {
            int c = fgetc(fp);
            if (c == EOF)
                break;
            if (c == '#') {
                found++;
                break;
            }
        }
        if (found > 3)
            break;
        // CHECK: {{.*}}nested-loops-break.c:[[@LINE-1]]:13: warning: 'fp' opened by fopen() at line [[@LINE-14]] is not closed when breaking out here [leakcheck-leak]
        fclose(fp);
    }
    return found;
}
