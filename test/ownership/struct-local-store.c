// Storing the handle into a struct value (a member of a local struct, or an
// initializer) makes it part of that struct: the struct's owner (here the
// caller it is returned to) is responsible for it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct slice {
    char *data;
    size_t len;
};

struct slice no_leak_member_store(size_t n)
{
    struct slice s = { 0 };
    char *p = malloc(n);
    if (!p)
        return s;
    s.data = p;
    s.len = n;
    return s;
}

struct slice no_leak_initializer(size_t n)
{
    char *p = malloc(n);
    struct slice s = { p, p ? n : 0 };
    return s;
}

struct slice leak_before_member_store(size_t n)
{
    struct slice s = { 0 };
    char *p = malloc(n);
    if (!p)
        return s;
    if (n > 4096)
        return s;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    s.data = p;
    s.len = n;
    return s;
}
