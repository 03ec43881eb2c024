// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Null tests written constant-first: `NULL == p` is the failure test and
// holds nothing; `NULL != fp` guards the close.

#include <stdio.h>
#include <stdlib.h>

char *dup_ok(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (NULL == p)
        return NULL;
    snprintf(p, n + 1, "%s", s);
    return p;
}

int close_ok(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c = EOF;

    if (NULL != fp) {
        c = fgetc(fp);
        fclose(fp);
    }
    return c;
}

char *dup_bad(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (NULL == p)
        return NULL;
    if (0 == n)
        return NULL;
    // CHECK: {{.*}}null-on-left.c:[[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:15: note: 'p' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of 'NULL == p'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of '0 == n'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'p' still allocated when leaving 'dup_bad'
    snprintf(p, n + 1, "%s", s);
    return p;
}
