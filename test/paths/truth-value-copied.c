// A truth value stored in a variable or in memory (`*failed = p == NULL`,
// `ok = fp != NULL`) remembers what the test found: a later `if (*failed)`
// or `if (!ok)` decides the acquisition like the test itself (redis dict.c).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

struct table { void **slots; };

int no_leak_flag_in_memory(struct table *t, size_t n, int *failed)
{
    void **slots = calloc(n, sizeof(void *));
    *failed = slots == NULL;
    if (*failed)
        return -1;
    t->slots = slots;
    return 0;
}

int no_leak_flag_in_local(const char *path)
{
    FILE *fp = fopen(path, "r");
    int ok = fp != NULL && path[0] != '-';
    if (!ok) {
        if (fp)
            fclose(fp);
        return -1;
    }
    fclose(fp);
    return 0;
}

int leak_flag_says_ok(struct table *t, size_t n, int *failed)
{
    void **slots = calloc(n, sizeof(void *));
    *failed = slots == NULL;
    if (*failed)
        return -1;
    if (n > 100)
        return -2;
// CHECK: [[@LINE-1]]:9: warning: 'slots' allocated by calloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    t->slots = slots;
    return 0;
}
