// scandirat() and scandir64() store their list like scandir(): -1 on
// error; no entry selected stores NULL in glibc (so `<= 0` means nothing
// to free).  Only the array is followed, not its entries.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#define _LARGEFILE64_SOURCE
#include <dirent.h>
#include <stdlib.h>

static int no_dots(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

int leak_scandirat(int dfd, const char *dir, int stop)
{
    struct dirent **list;
    int i, n = scandirat(dfd, dir, &list, no_dots, alphasort);
    if (n <= 0)
        return n;
    if (stop)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'list' allocated by scandirat() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
    return n;
}

int no_leak_scandir64(const char *dir)
{
    struct dirent64 **list;
    int i, n = scandir64(dir, &list, NULL, alphasort64);
    if (n < 0)
        return -1;
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
    return n;
}

int leak_scandir64(const char *dir)
{
    struct dirent64 **list;
    int n = scandir64(dir, &list, NULL, NULL);
    if (n < 0)
        return -1;
    if (n > 100)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'list' allocated by scandir64() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    while (n--)
        free(list[n]);
    free(list);
    return 0;
}
