// A pointer that was dereferenced (p->f, *p, p[i]) is not NULL on that
// path from there on, nor is a copy of it stored in memory before: the
// test of it, or of the copy, takes one branch (as clang's analyzer
// does).  &p->f and sizeof(*p) read nothing, and a dereference of another
// pointer says nothing.  (redis adlist.c listInsertNode)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct lnode { struct lnode *prev, *next; int v; };

int no_leak_copy_tested(struct lnode *old)
{
    struct lnode *node = malloc(sizeof(*node));
    if (node == NULL)
        return -1;
    node->prev = old;
    node->next = old->next;
    if (node->prev != NULL)
        node->prev->next = node;
    if (node->next != NULL)
        node->next->prev = node;
    return 0;
}

int no_leak_tested_after_use(struct lnode *old)
{
    struct lnode *node = malloc(sizeof(*node));
    if (node == NULL)
        return -1;
    node->v = (*old).v + old[0].v;
    if (old == NULL)
        return -1;
    old->next = node;
    return 0;
}

int leak_other_pointer_used(struct lnode *old, struct lnode *other)
{
    struct lnode *node = malloc(sizeof(*node));
    if (node == NULL)
        return -1;
    node->prev = old;
    node->next = other->next;
    if (node->prev != NULL)
        node->prev->next = node;
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'node' allocated by malloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
}

void take(int *p);

int leak_address_only(struct lnode *old)
{
    struct lnode *node = malloc(sizeof(*node));
    if (node == NULL)
        return -1;
    take(&old->v);
    if (old == NULL)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'node' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    old->next = node;
    return 0;
}

int leak_sizeof_only(struct lnode *old)
{
    struct lnode *node = malloc(sizeof(*old));
    if (node == NULL)
        return -1;
    if (old == NULL)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'node' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    old->next = node;
    return 0;
}
