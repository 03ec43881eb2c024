// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A failure after the second acquisition jumps to the label of the first
// one, so the second resource is never released: the leak is reported at
// that goto (nothing after its label frees 'buf'), with the return where it
// is still held as a note.  The twin, which jumps to the right label, is
// silent.

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
    // CHECK: {{.*}}goto-wrong-label.c:[[@LINE-1]]:9: warning: 'buf' allocated by malloc() at line [[@LINE-5]] is not freed when jumping to 'close_fp' here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}goto-wrong-label.c:[[@LINE-6]]:11: note: 'buf' acquired here
    // CHECK-NEXT: {{.*}}goto-wrong-label.c:[[@LINE-6]]:9: note: taking the false branch of '!buf'
    // CHECK-NEXT: {{.*}}goto-wrong-label.c:[[@LINE-5]]:9: note: taking the true branch of 'fread(buf, 1, n, fp) != n'
    free(buf);
    fclose(fp);
    return 0;

free_buf:
    free(buf);
close_fp:
    fclose(fp);
    return -1;
    // CHECK-NEXT: {{.*}}goto-wrong-label.c:[[@LINE-1]]:5: note: 'buf' still allocated when leaving 'load_bad'
}
