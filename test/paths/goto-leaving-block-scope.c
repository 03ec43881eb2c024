// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A goto out of a block whose local still holds memory loses the only
// handle to it: the leak is reported at the `goto`.  In the twin the block
// frees its local before jumping.

#include <stdlib.h>
#include <string.h>

int count_ok(const char **words, int n)
{
    int total = 0;

    for (int i = 0; i < n; i++) {
        char *copy = strdup(words[i]);
        if (!copy)
            goto fail;
        if (copy[0] == '#') {
            free(copy);
            goto fail;
        }
        total += (int)strlen(copy);
        free(copy);
    }
    return total;
fail:
    return -1;
}

int count_bad(const char **words, int n)
{
    int total = 0;

    for (int i = 0; i < n; i++) {
        char *copy = strdup(words[i]);
        if (!copy)
            goto fail;
        if (copy[0] == '#')
            goto fail;
        total += (int)strlen(copy);
        free(copy);
    }
    return total;
fail:
    return -1;
}
// CHECK: {{.*}}goto-leaving-block-scope.c:[[@LINE-8]]:13: warning: 'copy' allocated by strdup() at line [[@LINE-12]] is not freed when jumping to 'fail' here [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:22: note: 'copy' acquired here
// CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:13: note: taking the false branch of '!copy'
// CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:13: note: taking the true branch of 'copy[0] == '#''
// CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:13: note: 'copy' still allocated when it goes out of scope
