// A function that returns its argument on some paths and something else
// on others (a list append returning the list head, or the new node when
// the list was empty) hands the argument on: the caller's old pointer is
// not overwritten-and-lost when it takes the result.  (curl
// Curl_slist_append_nodup)
// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --implicit-check-not=warning:
// CHECK-NOT: warning
#include <stdlib.h>

struct node { struct node *next; const char *s; };

static struct node *append(struct node *list, const char *s)
{
	struct node *n = malloc(sizeof(*n)), *last;

	if (!n)
		return NULL;
	n->s = s;
	n->next = NULL;
	if (!list)
		return n;
	for (last = list; last->next; last = last->next)
		;
	last->next = n;
	return list;
}

static void list_free(struct node *l);

struct node *build(const char *a, const char *b)
{
	struct node *head = append(NULL, a), *tmp;

	if (!head)
		return NULL;
	tmp = append(head, b);
	if (!tmp) {
		list_free(head);
		return NULL;
	}
	head = tmp;
	return head;
}
