// Storing a new handle into the variable that holds the only reference to
// another one loses the first: reported at the second assignment.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

void overwrite_malloc(size_t a, size_t b)
{
    char *p = malloc(a);
    if (!p)
        return;
    p = malloc(b);
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-4]] is overwritten here before being freed [leakcheck-overwrite]
    free(p);
}

void no_overwrite_freed_first(size_t a, size_t b)
{
    char *p = malloc(a);
    if (!p)
        return;
    free(p);
    p = malloc(b);
    free(p);
}

int overwrite_stream(const char *a, const char *b)
{
    FILE *fp = fopen(a, "r");
    if (!fp)
        return -1;
    fp = fopen(b, "r");
// CHECK: [[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-4]] is overwritten here before being closed [leakcheck-overwrite]
    if (!fp)
        return -1;
    fclose(fp);
    return 0;
}

int no_overwrite_stream_closed(const char *a, const char *b)
{
    FILE *fp = fopen(a, "r");
    if (!fp)
        return -1;
    fclose(fp);
    fp = fopen(b, "r");
    if (!fp)
        return -1;
    fclose(fp);
    return 0;
}
