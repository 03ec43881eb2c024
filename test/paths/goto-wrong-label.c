// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A failure after the second acquisition jumps to the label of the first
// one, so the second resource is never released.  The twin, which jumps to
// the right label, is silent.

#include <stdio.h>
#include <stdlib.h>

int load_ok(const char *path, size_t n)
{
    FILE *fp = fopen(path, "r");
    char *buf;

    if (!fp)
        return -1;
    buf = malloc(n);
    if (!buf)
        goto close_fp;
    if (fread(buf, 1, n, fp) != n)
        goto free_buf;
    free(buf);
    fclose(fp);
    return 0;

free_buf:
    free(buf);
close_fp:
    fclose(fp);
    return -1;
}

int load_bad(const char *path, size_t n)
{
    FILE *fp = fopen(path, "r");
    char *buf;

    if (!fp)
        return -1;
    buf = malloc(n);
    if (!buf)
        goto close_fp;
    if (fread(buf, 1, n, fp) != n)
        goto close_fp;          /* should be free_buf */
    free(buf);
    fclose(fp);
    return 0;

free_buf:
    free(buf);
close_fp:
    fclose(fp);
    return -1;
    // CHECK: {{.*}}goto-wrong-label.c:[[@LINE-1]]:5: warning: 'buf' allocated by malloc() at line [[@LINE-14]] is not freed when returning here [leakcheck-leak]
}
