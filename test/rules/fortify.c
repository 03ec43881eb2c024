// With _FORTIFY_SOURCE, glibc's headers turn printf() into __printf_chk(),
// memcpy() into __memcpy_chk() and so on: the checked variants follow the
// rule of the plain name, so a handle printed is still tracked.
// RUN: not %leakcheck %s -- -O2 -D_FORTIFY_SOURCE=2 | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int printed(const char *name)
{
    char *copy = strdup(name);
    if (!copy)
        return -1;
    printf("%s\n", copy);
    fprintf(stderr, "%s\n", copy);
    return 0;
// CHECK: :[[@LINE-1]]:5: warning: 'copy' allocated by strdup() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}

int formatted(int n)
{
    char *s;
    char buf[16];
    if (asprintf(&s, "%d", n) < 0)
        return -1;
    snprintf(buf, sizeof(buf), "%s", s);
    memcpy(buf, s, 2);
    return buf[0];
// CHECK: :[[@LINE-1]]:5: warning: 's' allocated by asprintf() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}
