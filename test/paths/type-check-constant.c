// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A type check is a constant and evaluates nothing (curl's typecheck-gcc.h
// wraps every curl_easy_setopt() in them): the branch it cannot take is
// not followed, and the variable named in __typeof__() is not used.

#include <stdlib.h>

#define NOT_CHARP(x) (!__builtin_types_compatible_p(__typeof__(x), char *))

int use(const char *s);

int never_taken(char *name)
{
    char *p = malloc(3);

    if (!p)
        return -1;
    if (NOT_CHARP(name))
        return -2;
    use(p);
    free(p);
    return 0;
}

int not_a_use(void)
{
    char *p = malloc(3);

    if (!p)
        return -1;
    if (NOT_CHARP(p))
        use(NULL);
    return 0;
// CHECK: type-check-constant.c:[[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
}
