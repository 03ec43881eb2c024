// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// All the work on the stream is inside `if (fp) { ... }`; the block must
// close it on each of its exits.

#include <stdio.h>

int head_ok(const char *path, char *line, int len)
{
    FILE *fp = fopen(path, "r");
    int rc = -1;

    if (fp) {
        if (fgets(line, len, fp))
            rc = 0;
        fclose(fp);
    }
    return rc;
}

int head_bad(const char *path, char *line, int len)
{
    FILE *fp = fopen(path, "r");
    int rc = -1;

    if (fp) {
        if (!fgets(line, len, fp))
            return -1;
        // CHECK: {{.*}}if-fp-block.c:[[@LINE-1]]:13: warning: 'fp' opened by fopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
        // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:16: note: 'fp' acquired here
        // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of 'fp'
        // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:13: note: taking the true branch of '!fgets(line, len, fp)'
        // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:13: note: 'fp' still open when leaving 'head_bad'
        rc = 0;
        fclose(fp);
    }
    return rc;
}
