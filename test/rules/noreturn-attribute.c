// A function declared _Noreturn or __attribute__((noreturn)) ends the path
// without a rule; a plain function that happens to exit does not.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

_Noreturn void die(const char *msg);
void fatal(const char *msg) __attribute__((noreturn));
void complain(const char *msg);

void no_leak_noreturn_keyword(size_t n)
{
    char *p = malloc(n);
    if (!p)
        die("out of memory");
    if (n > 100)
        die("too big");
    free(p);
}

void no_leak_noreturn_attribute(size_t n)
{
    char *p = malloc(n);
    if (!p)
        fatal("out of memory");
    if (n > 100)
        fatal("too big");
    free(p);
}

int leak_plain_function(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if (n > 100) {
        complain("too big");
        return -1;
    }
// CHECK: [[@LINE-2]]:9: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}
