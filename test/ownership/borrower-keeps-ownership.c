// Passing the handle to a borrower (fprintf, fgets, fread, strlen, memcpy,
// read, write, ...) does not hand it over: it is still held afterwards and
// leaks if not released.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int leak_after_fprintf(const char *path, int v)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    fprintf(fp, "%d\n", v);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
}

int no_leak_fprintf_then_fclose(const char *path, int v)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    fprintf(fp, "%d\n", v);
    fclose(fp);
    return 0;
}

size_t leak_after_strlen(const char *s)
{
    char *p = strdup(s);
    if (!p)
        return 0;
    return strlen(p);
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by strdup() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

int leak_after_fgets(const char *path, char *line, int n)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    if (!fgets(line, n, fp))
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    fclose(fp);
    return 0;
}

int leak_after_read(int fd, size_t n)
{
    char *buf = malloc(n);
    if (!buf)
        return -1;
    if (read(fd, buf, n) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'buf' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    if (write(1, buf, n) < 0) {
        free(buf);
        return -1;
    }
    free(buf);
    return 0;
}
