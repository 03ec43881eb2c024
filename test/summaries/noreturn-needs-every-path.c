// A function never returns only when no path through it can return.  This
// xasprintf() tests *strp after vasprintf() wrote it: *strp = NULL before
// the call says nothing of it after, so the function returns, and what its
// callers hold after calling it is still checked.  (It used to be taken as
// never returning, which silenced every path after every call of it.)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void fatal(const char *msg) __attribute__((noreturn));

void xasprintf(char **strp, const char *fmt, ...)
{
    va_list ap;

    *strp = NULL;
    va_start(ap, fmt);
    vasprintf(strp, fmt, ap);
    va_end(ap);
    if (*strp == NULL)
        fatal("xasprintf");
}

int leak_after_wrapper(int x)
{
    char *p = malloc(16);
    char *s;
    if (!p)
        return -1;
    xasprintf(&s, "%d", x);
    if (x > 10)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    free(s);
    free(p);
    return 0;
}

// Every path of die() ends in fatal(), and every path of die_twice() in
// die(): both never return, so nothing held on the way is reported.
static void die(const char *what, int code)
{
    if (code)
        fatal(what);
    fatal("unknown");
}

static void die_twice(const char *what)
{
    die(what, 1);
}

int no_leak_before_die(int x)
{
    char *p = malloc(16);
    if (!p)
        return -1;
    if (x > 10)
        die_twice("too big");
    free(p);
    return 0;
}
