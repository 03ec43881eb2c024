// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A `break` that leaves a loop body whose local still holds memory loses
// it: the leak is reported at the `break`.  The twin frees it first.

#include <stdlib.h>
#include <string.h>

int longest_ok(const char **v, int n)
{
    int best = 0;

    for (int i = 0; i < n; i++) {
        char *s = strdup(v[i]);
        if (!s)
            return -1;
        if (s[0] == '\0') {
            free(s);
            break;
        }
        if ((int)strlen(s) > best)
            best = (int)strlen(s);
        free(s);
    }
    return best;
}

int longest_bad(const char **v, int n)
{
    int best = 0;

    for (int i = 0; i < n; i++) {
        char *s = strdup(v[i]);
        if (!s)
            return -1;
        if (s[0] == '\0')
            break;
        // CHECK: {{.*}}break-out-of-loop-leaks.c:[[@LINE-1]]:13: warning: 's' allocated by strdup() at line [[@LINE-5]] is not freed when breaking out here [leakcheck-leak]
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:19: note: 's' acquired here
        // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:13: note: taking the false branch of '!s'
        // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:13: note: taking the true branch of 's[0] == '\0''
        // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:13: note: 's' still allocated when it goes out of scope
        if ((int)strlen(s) > best)
            best = (int)strlen(s);
        free(s);
    }
    return best;
}
