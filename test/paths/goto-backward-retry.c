// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A backward goto that retries an acquisition.  retry_ok releases the
// stream before jumping back; retry_bad jumps back while still holding it,
// so the next fopen() overwrites the only handle to it.

#include <stdio.h>

int retry_ok(const char *path)
{
    FILE *fp;
    int tries = 0;
    int c;

again:
    fp = fopen(path, "r");
    if (!fp)
        return -1;
    c = fgetc(fp);
    if (c == EOF && tries++ < 3) {
        fclose(fp);
        goto again;
    }
    fclose(fp);
    return c;
}

int retry_bad(const char *path)
{
    FILE *fp;
    int tries = 0;
    int c;

again:
    fp = fopen(path, "r");
    if (!fp)
        return -1;
    c = fgetc(fp);
    if (c == EOF && tries++ < 3)
        goto again;
    fclose(fp);
    return c;
}
// CHECK: {{.*}}goto-backward-retry.c:[[@LINE-9]]:5: warning: 'fp' opened by fopen() at line [[@LINE-9]] is overwritten here before being closed [leakcheck-overwrite]
