// Two truth values compared, `(a) != (b)` or `(a) == (b)`: the second is
// tested after each outcome of the first, so what each path knows of both
// is kept.  (openssh misc.c subprocess: child is NULL exactly when the
// capture bit is clear.)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

#define CAPTURE 4

int no_leak_relation_kept(const char *path, int flags, FILE **child)
{
    FILE *f = NULL;
    if (((flags & CAPTURE) == 0) != (child == NULL))
        return -1;
    if ((flags & CAPTURE) != 0) {
        if ((f = fopen(path, "r")) == NULL)
            return -1;
    }
    if (child != NULL)
        *child = f;
    return 0;
}

// The opposite relation lets a captured stream through with no child.
int leak_relation_reversed(const char *path, int flags, FILE **child)
{
    FILE *f = NULL;
    if (((flags & CAPTURE) == 0) == (child == NULL))
        return -1;
    if ((flags & CAPTURE) != 0) {
        if ((f = fopen(path, "r")) == NULL)
            return -1;
    }
    if (child != NULL)
        *child = f;
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'f' opened by fopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
}

// A call on the right is not lowered twice: the comparison stays unknown.
int probe(void);

int leak_call_on_the_right(const char *path, FILE **child)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    if ((child == NULL) != (probe() == 0))
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'f' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    if (child != NULL)
        *child = f;
    else
        fclose(f);
    return 0;
}
