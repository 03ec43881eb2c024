// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
//
// The branch notes of a finding begin where the resource is acquired, also
// when a function's summary makes the acquisition (the test of `n` before
// it is not part of the story).

#include <stdlib.h>
#include <string.h>

static char *dup_name(const char *s)
{
    char *p = malloc(strlen(s) + 1);

    if (!p)
        return NULL;
    return strcpy(p, s);
}

int use_name(const char *s, int n)
{
    if (n > 5)
        return 0;
    char *q = dup_name(s);
    if (!q)
        return -1;
    if (n)
        return 1;
    free(q);
    return 0;
}
// CHECK: {{.*}}notes-start-at-acquisition.c:[[@LINE-4]]:9: warning: 'q' allocated by dup_name() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:15: note: 'q' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:15: note: dup_name() returns what malloc() allocated at {{.*}}notes-start-at-acquisition.c:12
// CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:9: note: taking the false branch of '!q'
// CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:9: note: taking the true branch of 'n'
// CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:9: note: 'q' still allocated when leaving 'use_name'
