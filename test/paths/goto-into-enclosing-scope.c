// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A goto from an inner block to a label in an enclosing block ends the
// variables of the blocks it leaves (c), not those of the blocks the label
// is in (b, a): they are released after the label.  The twin frees c first.

#include <stdlib.h>

void jump_bad(int n)
{
    char *a = malloc(1);

    if (!a)
        return;
    {
        char *b = malloc(1);

        if (!b) {
            free(a);
            return;
        }
        {
            char *c = malloc(1);

            if (!c)
                goto again;
            if (n)
                goto again;
            // CHECK: {{.*}}goto-into-enclosing-scope.c:[[@LINE-1]]:17: warning: 'c' allocated by malloc() at line [[@LINE-6]] is not freed when jumping to 'again' here [leakcheck-leak]
            free(c);
        }
    again:
        free(b);
    }
    free(a);
}

void jump_ok(int n)
{
    char *a = malloc(1);

    if (!a)
        return;
    {
        char *b = malloc(1);

        if (!b) {
            free(a);
            return;
        }
        {
            char *c = malloc(1);

            if (!c)
                goto again;
            if (n) {
                free(c);
                goto again;
            }
            free(c);
        }
    again:
        free(b);
    }
    free(a);
}
