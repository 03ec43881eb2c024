// A function defined in the same file is still an unknown callee (no
// summaries yet): passing the handle to it hands the handle over, whether
// or not its body releases it.  Only the path that does not pass it leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

static void release_buf(char *p)
{
    free(p);
}

static size_t measure(char *p)
{
    return strlen(p);
}

int no_leak_helper_frees(const char *s)
{
    char *p = strdup(s);
    if (!p)
        return -1;
    release_buf(p);
    return 0;
}

size_t no_leak_helper_unknown(const char *s)
{
    char *p = strdup(s);
    if (!p)
        return 0;
    return measure(p);
}

int leak_helper_skipped(const char *s)
{
    char *p = strdup(s);
    if (!p)
        return -1;
    if (!*p)
        return 0;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    release_buf(p);
    return 0;
}
