// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
//
// A finding's notes show the branches that matter on its path: those on a
// handle or a status, and those whose other side does something that could
// have avoided the finding (releases, returns, sets a value tested later).
// A branch both of whose sides only count (`if (x == 1) n++;`) is left out.

#include <stdlib.h>

int count(int x, int y, int stop)
{
    char *p = malloc(8);
    int n = 0;

    if (!p)
        return -1;
    if (x == 1)
        n++;
    if (y > 2)
        n += 2;
    if (stop)
        return n;
    free(p);
    return n;
}
// CHECK: {{.*}}notes-branches-that-matter.c:[[@LINE-4]]:9: warning: 'p' allocated by malloc() at line [[@LINE-14]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-15]]:15: note: 'p' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:9: note: taking the true branch of 'stop'
// CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:9: note: 'p' still allocated when leaving 'count'

// The other side of `keep` frees: the path that leaks is the one that did not.
int keep_or_not(int keep, int verbose)
{
    char *p = malloc(8);

    if (!p)
        return -1;
    if (keep)
        free(p);
    if (verbose > 1)
        verbose = 1;
    return 0;
}
// CHECK: {{.*}}.c:[[@LINE-2]]:5: warning: 'p' allocated by malloc() at line [[@LINE-10]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-11]]:15: note: 'p' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:9: note: taking the false branch of 'keep'
// CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:5: note: 'p' still allocated when leaving 'keep_or_not'

// A value set on one side and tested later decides the path: its branch shows.
int flag_later(int a)
{
    char *p = malloc(8);
    int owned = 0;

    if (!p)
        return -1;
    if (a > 0)
        owned = 1;
    if (owned)
        free(p);
    return 0;
}
// CHECK: {{.*}}.c:[[@LINE-2]]:5: warning: 'p' allocated by malloc() at line [[@LINE-11]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:15: note: 'p' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:9: note: taking the false branch of '!p'
// CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:9: note: taking the false branch of 'a > 0'
// CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:9: note: taking the false branch of 'owned'
// CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:5: note: 'p' still allocated when leaving 'flag_later'
