// Handing a cleanup variable's value to the caller the systemd way: copy it,
// set the variable to NULL (so the cleanup frees nothing), return the copy.
// Setting it to NULL is not an overwrite: the copy still holds the handle.
// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --implicit-check-not=warning:
// CHECK-NOT: leakcheck-
#include <stdlib.h>
#include <string.h>

static void freep(void *pp)
{
    free(*(void **)pp);
}

#define _cleanup_free_ __attribute__((cleanup(freep)))

char *no_leak_steal(const char *s, int reject)
{
    _cleanup_free_ char *p = strdup(s);
    char *ret;
    if (!p)
        return NULL;
    if (reject && p[0] == '-')
        return NULL;
    ret = p;
    p = NULL;
    return ret;
}
