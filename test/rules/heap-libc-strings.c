// Strings and arrays the C library mallocs for its caller: realpath(path,
// NULL), getcwd(NULL, size), canonicalize_file_name(), get_current_dir_name(),
// tempnam(), backtrace_symbols(), pvalloc().  Given a buffer, realpath() and
// getcwd() fill it and allocate nothing.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <execinfo.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int leak_realpath(const char *path, char *out, size_t n)
{
    char *full = realpath(path, NULL);
    if (!full)
        return -1;
    if (strlen(full) >= n)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'full' allocated by realpath() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    strcpy(out, full);
    free(full);
    return 0;
}

int realpath_into_buffer(const char *path, char *out, size_t n)
{
    char buf[PATH_MAX];
    if (!realpath(path, buf))
        return -1;
    if (strlen(buf) >= n)
        return -1;
    strcpy(out, buf);
    return 0;
}

int leak_getcwd(int verbose)
{
    char *cwd = getcwd(NULL, 0);
    if (cwd == NULL)
        return -1;
    if (verbose)
        return puts(cwd);
// CHECK: :[[@LINE-1]]:9: warning: 'cwd' allocated by getcwd() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(cwd);
    return 0;
}

int getcwd_into_buffer(void)
{
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL)
        return -1;
    return puts(buf);
}

int leak_canonical(const char *path, int verbose)
{
    char *c = canonicalize_file_name(path);
    char *d = get_current_dir_name();
    if (!c || !d) {
        free(c);
        free(d);
        return -1;
    }
    if (verbose)
        printf("%s %s\n", c, d);
    free(c);
    return 0;
// CHECK: :[[@LINE-1]]:5: warning: 'd' allocated by get_current_dir_name() at line [[@LINE-10]] is not freed when returning here [leakcheck-leak]
}

int no_leak_canonical(const char *path)
{
    char *c = canonicalize_file_name(path);
    char *d = get_current_dir_name();
    int same = c && d && strcmp(c, d) == 0;
    free(c);
    free(d);
    return same;
}

int leak_tempnam(void)
{
    char *name = tempnam(NULL, "lk");
    if (!name)
        return -1;
    if (access(name, F_OK) == 0)
        return 1;
// CHECK: :[[@LINE-1]]:9: warning: 'name' allocated by tempnam() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(name);
    return 0;
}

int leak_backtrace(int verbose)
{
    void *frames[16];
    int n = backtrace(frames, 16);
    char **names = backtrace_symbols(frames, n);
    if (!names)
        return -1;
    if (!verbose)
        return n;
// CHECK: :[[@LINE-1]]:9: warning: 'names' allocated by backtrace_symbols() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    for (int i = 0; i < n; i++)
        puts(names[i]);
    free(names);                /* one block: the strings are inside it */
    return n;
}

int leak_pvalloc(size_t n, int fill)
{
    char *p = pvalloc(n);
    if (!p)
        return -1;
    if (!fill)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'p' allocated by pvalloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    memset(p, 0, n);
    free(p);
    return 1;
}
