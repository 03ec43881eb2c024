// Wrapper chains (a wrapper of a wrapper stays an acquirer), a sink that
// stores its argument into a list (ownership leaves), and recursion (a
// function in a call cycle sees the others as unknown: no finding rests
// on a guess).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

struct item { char *name; struct item *next; };
static struct item *list;

static char *dup_name(const char *s)
{
	return strdup(s);
}

static char *dup_name_checked(const char *s)
{
	char *p = dup_name(s);

	if (!p)
		return NULL;
	return p;
}

static void list_add(char *name)
{
	struct item *it = malloc(sizeof(*it));

	if (!it)
		return;
	it->name = name;
	it->next = list;
	list = it;
}

int add_name(const char *s)
{
	char *n = dup_name_checked(s);

	if (!n)
		return -1;
	list_add(n);
	return 0;
}

int check_name(const char *s)
{
	char *n = dup_name_checked(s);

	if (!n)
		return -1;
	if (strlen(n) > 8)
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'n' allocated by dup_name_checked() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: :[[@LINE-7]]:12: note: 'n' acquired here
// CHECK-NEXT: :[[@LINE-8]]:12: note: dup_name_checked() returns what strdup() allocated at {{.*}}sink-and-chain.c:14
	free(n);
	return 0;
}

static void walk_b(char *p, int n);

static void walk_a(char *p, int n)
{
	if (n > 0)
		walk_b(p, n - 1);
}

static void walk_b(char *p, int n)
{
	walk_a(p, n);
}

void recursive_user(const char *s)
{
	char *p = strdup(s);

	walk_a(p, 3);
}
