// wcsdup() allocates like strdup(); the wide-character functions of
// <wchar.h> (wcslen, wcscpy, wprintf...) only read or fill what they get.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

int leak_wide_copy(const wchar_t *s, int quiet)
{
    wchar_t *w = wcsdup(s);
    if (!w)
        return -1;
    if (!quiet)
        wprintf(L"%ls %zu\n", w, wcslen(w));
    if (wcslen(w) > 80)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'w' allocated by wcsdup() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    free(w);
    return 0;
}

int no_leak_wide_copy(const wchar_t *s, wchar_t *out)
{
    wchar_t *w = wcsdup(s);
    if (!w)
        return -1;
    wcscpy(out, w);
    free(w);
    return 0;
}

// fwprintf, fputws, swprintf, wcsncpy, wcscat: the stream and the strings
// stay the caller's.
int leak_wide_stream(const char *path, const wchar_t *s, int n)
{
    wchar_t buf[64];
    wchar_t *w = wcsdup(s);
    FILE *fp;
    if (!w)
        return -1;
    fp = fopen(path, "w");
    if (!fp) {
        free(w);
        return -1;
    }
    swprintf(buf, 64, L"%d:", n);
    wcsncpy(buf + wcslen(buf), w, 16);
    wcscat(buf, L"\n");
    if (fwprintf(fp, L"%ls", buf) < 0 || fputws(w, fp) < 0) {
        free(w);
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-11]] is not closed when returning here [leakcheck-leak]
    }
    fclose(fp);
    free(w);
    return 0;
}
