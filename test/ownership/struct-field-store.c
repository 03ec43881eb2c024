// Storing the handle into a field of a struct reached through a pointer
// (`s->f = p`) hands it to whoever owns the struct; a return before the
// store still leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

struct reader {
    FILE *fp;
    char *buf;
};

int no_leak_store_field(struct reader *r, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    r->fp = fp;
    return 0;
}

int no_leak_store_field_call(struct reader *r, size_t n)
{
    r->buf = malloc(n);
    if (!r->buf)
        return -1;
    return 0;
}

int leak_before_field_store(struct reader *r, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    if (fgetc(fp) == EOF)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    r->fp = fp;
    return 0;
}
