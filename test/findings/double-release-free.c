// Freeing the same block twice on a path is reported at the second call.
// free(NULL) after setting the pointer to NULL is fine.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

void double_free(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return;
    memset(p, 0, n);
    free(p);
    free(p);
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-6]] is freed twice; first freed at line [[@LINE-2]] [leakcheck-double-release]
}

void no_double_free_nulled(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return;
    memset(p, 0, n);
    free(p);
    p = NULL;
    free(p);
}

int double_free_on_error_path(size_t n, int fail)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if (fail)
        free(p);
    free(p);
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-6]] is freed twice; first freed at line [[@LINE-2]] [leakcheck-double-release]
    return 0;
}

int no_double_free_either_branch(size_t n, int fail)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if (fail) {
        free(p);
        return -1;
    }
    free(p);
    return 0;
}
