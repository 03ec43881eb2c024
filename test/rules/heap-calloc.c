// calloc() allocates like malloc(); free() releases it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct vec {
    int *v;
    size_t n;
};

int leak_calloc(struct vec *out, size_t n)
{
    int *v = calloc(n, sizeof *v);
    if (!v)
        return -1;
    if (n > 1000)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'v' allocated by calloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    out->v = v;
    out->n = n;
    return 0;
}

int no_leak_calloc(struct vec *out, size_t n)
{
    int *v = calloc(n, sizeof *v);
    if (!v)
        return -1;
    if (n > 1000) {
        free(v);
        return -1;
    }
    out->v = v;
    out->n = n;
    return 0;
}
