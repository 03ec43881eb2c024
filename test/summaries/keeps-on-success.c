// A callee that keeps its argument only when it succeeds (stores it into a
// container and returns 0; returns -1 without storing it) is summarised as
// "keeps arg N on success": the caller that sees it fail still owns the
// argument and must free it.  Unchecked, the argument is taken as kept.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>
struct list { char **items; int n, cap; };

static int list_add(struct list *l, char *item)
{
	if (l->n == l->cap)
		return -1;
	l->items[l->n++] = item;
	return 0;
}

int add_name(struct list *l, const char *name)
{
	char *copy = strdup(name);

	if (!copy)
		return -1;
	if (list_add(l, copy) != 0)
		return -1;      /* leaks copy */
// CHECK: :[[@LINE-1]]:3: warning: 'copy' allocated by strdup() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	return 0;
}

int add_name_ok(struct list *l, const char *name)
{
	char *copy = strdup(name);

	if (!copy)
		return -1;
	if (list_add(l, copy) < 0) {
		free(copy);
		return -1;
	}
	return 0;
}

int add_unchecked(struct list *l, const char *name)
{
	char *copy = strdup(name);

	if (!copy)
		return -1;
	list_add(l, copy);
	return 0;
}

static int list_add_or_free(struct list *l, char *item)
{
	if (l->n == l->cap) {
		free(item);
		return -1;
	}
	l->items[l->n++] = item;
	return 0;
}

int add_consumed(struct list *l, const char *name)
{
	char *copy = strdup(name);

	if (!copy)
		return -1;
	if (list_add_or_free(l, copy) != 0)
		return -1;      /* freed by the callee */
	return 0;
}
