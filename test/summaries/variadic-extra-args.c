// A variadic function's summary covers its named parameters only: the
// arguments after them escape when it reads them with va_arg (it may keep
// them), and stay the caller's when it only hands its va_list to a
// formatter such as vfprintf().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int kept_fd = -1;
static char *kept_name;

static void set_props(const char *first, ...)
{
    va_list ap;

    va_start(ap, first);
    kept_fd = va_arg(ap, int);
    (void)va_arg(ap, const char *);
    kept_name = va_arg(ap, char *);
    va_end(ap);
}

void handed_over(void)
{
    int fds[2];
    char *name;

    if (pipe(fds) != 0)
        return;
    close(fds[1]);
    name = strdup("stream");
    set_props("fd", fds[0], "name", name, NULL);
}

void named_parameter_borrowed(void)
{
    char *first = strdup("fd");

    if (!first)
        return;
    set_props(first, -1, "name", NULL, NULL);
}
// CHECK: :[[@LINE-1]]:1: warning: 'first' allocated by strdup() at line [[@LINE-6]] is not freed at the end of the function [leakcheck-leak]

/* A logger hands its va_list to vfprintf(), which keeps nothing: what it
   is given stays the caller's. */
static void logit(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

void logged_then_dropped(void)
{
    char *s = strdup("x");

    if (!s)
        return;
    logit("%s\n", s);
}
// CHECK: :[[@LINE-1]]:1: warning: 's' allocated by strdup() at line [[@LINE-6]] is not freed at the end of the function [leakcheck-leak]
