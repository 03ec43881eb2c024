// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A local of an inner block that still holds memory when control reaches
// the block's closing brace is lost there ("goes out of scope"), even
// though the function goes on.

#include <stdlib.h>
#include <string.h>

size_t total_ok(const char **v, int n)
{
    size_t sum = 0;

    for (int i = 0; i < n; i++) {
        char *s = strdup(v[i]);
        if (s) {
            sum += strlen(s);
            free(s);
        }
    }
    return sum;
}

size_t total_bad(const char **v, int n)
{
    size_t sum = 0;

    if (n > 0) {
        char *s = strdup(v[0]);
        if (s) {
            sum += strlen(s);
            if (sum > 10)
                free(s);
        }
    }
    // CHECK: {{.*}}scope-end-closing-brace.c:[[@LINE-1]]:5: warning: 's' allocated by strdup() at line [[@LINE-7]] is not freed when it goes out of scope here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:19: note: 's' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:13: note: taking the true branch of 's'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:17: note: taking the false branch of 'sum > 10'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:5: note: 's' still allocated when it goes out of scope
    return sum;
}
