// asprintf() returns the length of what it allocated, or -1.  Code tests
// `< 0`, `<= 0` or `< 1`: with fails: non-positive each of them is the
// failure test, and the success path must free the string.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

int no_leak_le_zero(int x)
{
    char *s;
    if (asprintf(&s, "%d", x) <= 0)
        return -1;
    puts(s);
    free(s);
    return 0;
}

int no_leak_lt_one(int x)
{
    char *s;
    if (asprintf(&s, "%d", x) < 1)
        return -1;
    free(s);
    return 0;
}

int no_leak_lt_zero(int x)
{
    char *s;
    if (asprintf(&s, "%d", x) < 0)
        return -1;
    free(s);
    return 0;
}

int leak_after_check(int x)
{
    char *s;
    if (asprintf(&s, "%d", x) <= 0)
        return -1;
    if (x > 9)
        return 1;
// CHECK: [[@LINE-1]]:9: warning: 's' allocated by asprintf() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    free(s);
    return 0;
}

int no_leak_scandir(const char *dir)
{
    struct dirent **list;
    int i, n = scandir(dir, &list, NULL, alphasort);
    if (n <= 0)
        return n;
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
    return n;
}

int leak_scandir(const char *dir, int stop)
{
    struct dirent **list;
    int n = scandir(dir, &list, NULL, alphasort);
    if (n <= 0)
        return n;
    if (stop)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'list' allocated by scandir() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(list);
    return n;
}
