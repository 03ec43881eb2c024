// Streams from fopencookie(), open_wmemstream() and the large-file names
// fopen64()/tmpfile64()/freopen64() are closed with fclose().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#define _LARGEFILE64_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

int leak_cookie(void *cookie, cookie_io_functions_t io, const char *s)
{
    FILE *fp = fopencookie(cookie, "w", io);
    if (!fp)
        return -1;
    if (fputs(s, fp) == EOF)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fp' opened by fopencookie() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return fclose(fp);
}

int leak_wmemstream(const wchar_t *s, wchar_t **out)
{
    wchar_t *buf;
    size_t n;
    FILE *fp = open_wmemstream(&buf, &n);
    if (!fp)
        return -1;
    if (fputws(s, fp) < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fp' opened by open_wmemstream() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    fclose(fp);
    *out = buf;
    return 0;
}

int leak_fopen64(const char *path, int check)
{
    FILE *fp = fopen64(path, "r");
    FILE *tmp = tmpfile64();
    if (!fp || !tmp) {
        if (fp)
            fclose(fp);
        if (tmp)
            fclose(tmp);
        return -1;
    }
    if (check)
        return 1;
// CHECK: :[[@LINE-1]]:9: warning: 'fp' opened by fopen64() at line [[@LINE-11]] is not closed when returning here [leakcheck-leak]
// CHECK: :[[@LINE-2]]:9: warning: 'tmp' opened by tmpfile64() at line [[@LINE-11]] is not closed when returning here [leakcheck-leak]
    fclose(tmp);
    return fclose(fp);
}

int no_leak_freopen64(const char *path, const char *other)
{
    FILE *fp = fopen64(path, "r");
    if (!fp)
        return -1;
    fp = freopen64(other, "r", fp);     /* closes fp when it fails */
    if (!fp)
        return -1;
    return fclose(fp);
}
