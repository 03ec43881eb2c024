// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// The classic bug: an early return on a read error after the open.

#include <stdio.h>

int read_header_bad(const char *path, char *hdr, int len)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    if (!fgets(hdr, len, fp))
        return -1;
    // CHECK: {{.*}}early-return-after-read.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:16: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '!fp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of '!fgets(hdr, len, fp)'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'fp' still open when leaving 'read_header_bad'
    fclose(fp);
    return 0;
}

int read_header_ok(const char *path, char *hdr, int len)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    if (!fgets(hdr, len, fp)) {
        fclose(fp);
        return -1;
    }
    fclose(fp);
    return 0;
}
