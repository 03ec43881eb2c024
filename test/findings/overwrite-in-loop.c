// Allocating in a loop into the same variable without freeing the previous
// iteration's block overwrites it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void overwrite_each_iteration(const char **names, int n)
{
    char *cur = NULL;
    for (int i = 0; i < n; i++) {
        cur = strdup(names[i]);
// CHECK: [[@LINE-1]]:9: warning: 'cur' allocated by strdup() at line [[@LINE-1]] is overwritten here before being freed [leakcheck-overwrite]
        if (!cur)
            return;
        puts(cur);
    }
    free(cur);
}

void no_overwrite_freed_each_iteration(const char **names, int n)
{
    char *cur = NULL;
    for (int i = 0; i < n; i++) {
        cur = strdup(names[i]);
        if (!cur)
            return;
        puts(cur);
        free(cur);
    }
}
