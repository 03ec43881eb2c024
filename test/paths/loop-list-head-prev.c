// A loop that builds a list: head and prev are NULL together in the first
// iteration and non-NULL together after it, so every node is either the
// head or linked into prev->next.  What the earlier node's value was known
// to be (non-NULL) outlives the next run of the same calloc() call.
// (openssh getrrsetbyname.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct node { int v; struct node *next; };
void free_list(struct node *);

struct node *build(int count)
{
	struct node *head = NULL, *prev = NULL, *curr;
	int i;

	for (i = 0; i < count; i++) {
		curr = calloc(1, sizeof(*curr));
		if (curr == NULL)
			goto fail;
		if (head == NULL)
			head = curr;
		if (prev != NULL)
			prev->next = curr;
		prev = curr;
	}
	return head;
fail:
	free_list(head);
	return NULL;
}

// Only the first node is kept: from the second iteration on, curr is lost.
struct node *build_forgets_link(int count)
{
	struct node *head = NULL, *curr;
	int i;

	for (i = 0; i < count; i++) {
		curr = calloc(1, sizeof(*curr));
// CHECK: :[[@LINE-1]]:3: warning: 'curr' allocated by calloc() at line [[@LINE-1]] is overwritten here before being freed [leakcheck-overwrite]
		if (curr == NULL)
			goto fail;
		if (head == NULL)
			head = curr;
	}
	return head;
// CHECK: :[[@LINE-1]]:2: warning: 'curr' allocated by calloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
fail:
	free_list(head);
	return NULL;
}
