// Storing the handle into a slot of an array the caller (or the program)
// owns, `a[i] = p`, hands it over; a return before the store still leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

static char *g_slots[16];

int no_leak_param_slot(char **slots, int i, size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    slots[i] = p;
    return 0;
}

int no_leak_global_slot(int i, size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    g_slots[i] = p;
    return 0;
}

int leak_before_slot_store(char **slots, int i, size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    if (slots[i])
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    slots[i] = p;
    return 0;
}
