// --explain names the member a handle was stored into when the struct is
// not the function's own (a container it hands the handle to).
// RUN: %leakcheck --explain %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

struct list { char *head; };

void put(struct list *l, const char *s)
{
	char *c = strdup(s);

	if (!c)
		return;
	l->head = c;
}
// CHECK: :[[@LINE-6]]:12: remark: 'c' allocated by strdup() gives no finding: stored into 'l->head' at line [[@LINE-2]] [leakcheck-explain]
