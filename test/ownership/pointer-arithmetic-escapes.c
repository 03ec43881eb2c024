// A pointer computed from the handle (h + 1, p + off) that is returned or
// stored hands the block over: its owner gets back to the start by
// subtracting.  A path that returns before that still leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct hdr {
    size_t len;
};

void *no_leak_return_past_header(size_t n)
{
    struct hdr *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    h->len = n;
    return h + 1;
}

int no_leak_store_offset(char **out, size_t n)
{
    char *p = malloc(n + 8);
    if (!p)
        return -1;
    *out = p + 8;
    return 0;
}

void *leak_before_offset_return(size_t n)
{
    struct hdr *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    if (n == 0)
        return NULL;
// CHECK: [[@LINE-1]]:9: warning: 'h' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    h->len = n;
    return h + 1;
}
