// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Cleanup labels stacked in reverse order of acquisition: each failure jumps
// to the label that releases what is held so far.  copy_ok is silent;
// copy_bad jumps past free(buf) on a short read: reported at that goto,
// with the return as a note.

#include <stdio.h>
#include <stdlib.h>

int copy_ok(const char *src, const char *dst)
{
    FILE *in, *out;
    char *buf;
    int rc = -1;

    in = fopen(src, "r");
    if (!in)
        return -1;
    out = fopen(dst, "w");
    if (!out)
        goto close_in;
    buf = malloc(4096);
    if (!buf)
        goto close_out;
    if (fread(buf, 1, 4096, in) > 0 && fwrite(buf, 1, 4096, out) > 0)
        rc = 0;
    free(buf);
close_out:
    fclose(out);
close_in:
    fclose(in);
    return rc;
}

int copy_bad(const char *src, const char *dst)
{
    FILE *in, *out;
    char *buf;
    int rc = -1;

    in = fopen(src, "r");
    if (!in)
        return -1;
    out = fopen(dst, "w");
    if (!out)
        goto close_in;
    buf = malloc(4096);
    if (!buf)
        goto close_out;
    if (fread(buf, 1, 4096, in) == 0)
        goto close_out;
    // CHECK: {{.*}}goto-stacked-labels.c:[[@LINE-1]]:9: warning: 'buf' allocated by malloc() at line [[@LINE-5]] is not freed when jumping to 'close_out' here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:11: note: 'buf' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '!buf'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of 'fread(buf, 1, 4096, in) == 0'
    rc = 0;
    free(buf);
close_out:
    fclose(out);
close_in:
    fclose(in);
    return rc;
    // CHECK-NEXT: {{.*}}.c:[[@LINE-1]]:5: note: 'buf' still allocated when leaving 'copy_bad'
}
