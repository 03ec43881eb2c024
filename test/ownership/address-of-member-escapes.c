// Passing the address of a member (`&n->link`) to an unknown function links
// the object into something else (an intrusive list): the object escapes.
// A path where it is not linked still leaks.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct list {
    struct list *next;
    struct list *prev;
};

struct node {
    int key;
    struct list link;
};

void list_add(struct list *item, struct list *head);

int no_leak_linked(struct list *head, int key)
{
    struct node *n = malloc(sizeof *n);
    if (!n)
        return -1;
    n->key = key;
    list_add(&n->link, head);
    return 0;
}

int leak_not_linked(struct list *head, int key)
{
    struct node *n = malloc(sizeof *n);
    if (!n)
        return -1;
    n->key = key;
    if (key < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'n' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    list_add(&n->link, head);
    return 0;
}
