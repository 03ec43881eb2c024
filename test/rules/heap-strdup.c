// strdup() allocates the copy it returns; free() releases it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int leak_strdup(const char *name)
{
    char *copy = strdup(name);
    if (!copy)
        return -1;
    if (strchr(copy, '/'))
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'copy' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(copy);
    return 0;
}

int no_leak_strdup(const char *name)
{
    char *copy = strdup(name);
    int rc = 0;
    if (!copy)
        return -1;
    if (strchr(copy, '/'))
        rc = -1;
    free(copy);
    return rc;
}
