// memcpy(slot, &p, sizeof p) copies the pointer itself into memory (a
// container storing its value: redis's rax): p leaves like a store would.
// Copying what p points to (memcpy(dst, p, n)) only reads it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

struct node { char data[sizeof(void *)]; };

static void node_set(struct node *n, void *data)
{
    memcpy(n->data, &data, sizeof(data));
}

int no_leak_stored_by_value(struct node *n)
{
    void *u = malloc(16);
    if (!u)
        return -1;
    node_set(n, u);
    return 0;
}

int no_leak_copied_in_place(struct node *n)
{
    char *u = malloc(16);
    if (!u)
        return -1;
    memmove(n->data, &u, sizeof(u));
    return 0;
}

int leak_contents_copied(char *dst)
{
    char *u = malloc(16);
    if (!u)
        return -1;
    memset(u, 'x', 16);
    memcpy(dst, u, 16);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'u' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}
