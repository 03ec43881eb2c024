// The cleanup attribute behind a macro (systemd's _cleanup_free_) works the
// same as when it is written out.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void freep(void *p)
{
    free(*(void **)p);
}

static inline void fclosep(FILE **f)
{
    if (*f)
        fclose(*f);
}

#define _cleanup_(f) __attribute__((cleanup(f)))
#define _cleanup_free_ _cleanup_(freep)
#define _cleanup_fclose_ _cleanup_(fclosep)

int no_leak_cleanup_free_macro(const char *s)
{
    _cleanup_free_ char *copy = strdup(s);
    if (!copy)
        return -1;
    if (copy[0] == '#')
        return 0;
    return 1;
}

int no_leak_cleanup_fclose_macro(const char *path)
{
    _cleanup_fclose_ FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    if (fgetc(fp) == EOF)
        return -1;
    return 0;
}

int leak_without_macro(const char *s)
{
    char *copy = strdup(s);
    if (!copy)
        return -1;
    if (copy[0] == '#')
        return 0;
// CHECK: [[@LINE-1]]:9: warning: 'copy' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(copy);
    return 1;
}
