/* examples/leaky.c -- bundled example for `scripts/bootstrap`.
 * Two functions leak a resource on an error path; the last one is correct. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* LEAK: `f` is not closed when the header check fails. */
int count_lines(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    if (!fgets(line, sizeof line, f) || strncmp(line, "#v1", 3) != 0)
        return -1;                      /* f leaks here */
    int n = 1;
    while (fgets(line, sizeof line, f))
        n++;
    fclose(f);
    return n;
}

/* LEAK: `buf` is not freed when fread() comes up short. */
char *read_record(FILE *f, size_t len) {
    char *buf = malloc(len + 1);
    if (!buf)
        return NULL;
    if (fread(buf, 1, len, f) != len)
        return NULL;                    /* buf leaks here */
    buf[len] = '\0';
    return buf;
}

/* OK: every path goes through the cleanup label. */
int copy_file(const char *src, const char *dst) {
    int rc = -1;
    FILE *in = NULL, *out = NULL;
    char chunk[4096];
    size_t n;
    if (!(in = fopen(src, "rb")) || !(out = fopen(dst, "wb")))
        goto cleanup;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite(chunk, 1, n, out) != n)
            goto cleanup;
    rc = ferror(in) ? -1 : 0;
cleanup:
    if (out && fclose(out) != 0)
        rc = -1;
    if (in)
        fclose(in);
    return rc;
}
