// RUN: not %leakcheck %s -- -std=c11 | FileCheck %s --implicit-check-not=warning:
//
// C11 `_Noreturn` (and `noreturn` from <stdnoreturn.h>) on a declaration
// makes calls to the function end the path: the end of the function after
// the call is unreachable.  After an ordinary call it is reached with the
// buffer still allocated.

#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>

_Noreturn void fail(const char *what);
noreturn void fail_code(int code);
void note_failure(const char *what);

size_t length_or_fail(const char *s)
{
    char *p = malloc(strlen(s) + 1);
    size_t n;

    if (!p)
        fail("malloc");
    strcpy(p, s);
    n = strlen(p);
    if (n > 0) {
        free(p);
        return n;
    }
    fail("empty");
}

size_t length_or_fail_code(const char *s)
{
    char *p = malloc(strlen(s) + 1);
    size_t n;

    if (!p)
        fail_code(1);
    strcpy(p, s);
    n = strlen(p);
    if (n > 0) {
        free(p);
        return n;
    }
    fail_code(2);
}

void length_or_note(const char *s, size_t *out)
{
    char *p = malloc(strlen(s) + 1);

    if (!p)
        fail("malloc");
    strcpy(p, s);
    *out = strlen(p);
    if (*out > 0) {
        free(p);
        return;
    }
    note_failure("empty");
}
// CHECK: {{.*}}noreturn-c11.c:[[@LINE-1]]:1: warning: 'p' allocated by malloc() at line [[@LINE-12]] is not freed at the end of the function [leakcheck-leak]
