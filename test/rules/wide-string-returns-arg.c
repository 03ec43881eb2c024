// wcscpy, wcscat, wmemcpy & co. return their first argument: assigning
// the result back keeps the same allocation (no overwrite); wcslen and
// wcscmp give the same result for the same unchanged arguments.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <wchar.h>

wchar_t *join(const wchar_t *a, const wchar_t *b)
{
    wchar_t *w = malloc((wcslen(a) + wcslen(b) + 1) * sizeof(wchar_t));
    if (!w)
        return NULL;
    w = wcscpy(w, a);
    w = wcscat(w, b);
    return w;
}

int leak_after_copy(const wchar_t *a, size_t max)
{
    wchar_t *w = malloc((wcslen(a) + 1) * sizeof(wchar_t));
    if (!w)
        return -1;
    w = wmemcpy(w, a, wcslen(a) + 1);
    if (wcslen(w) > max)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'w' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(w);
    return 0;
}

int same_test_twice(const wchar_t *name)
{
    wchar_t *copy = NULL;
    if (wcscmp(name, L"-") != 0)
        copy = wcsdup(name);
    if (wcscmp(name, L"-") != 0 && !copy)
        return -1;
    if (wcscmp(name, L"-") != 0)
        free(copy);
    return 0;
}
