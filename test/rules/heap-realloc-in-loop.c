// p = realloc(p, n) run again in a loop hands the previous block on to
// the new one: no overwrite (the list-building curl_slist_append(l, s)
// idiom is the same).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

char *grow(int n)
{
	char *p = NULL;
	int i;

	for (i = 1; i <= n; i++) {
		char *q = realloc(p, (size_t)i);

		if (!q) {
			free(p);
			return NULL;
		}
		p = q;
	}
	return p;
}

char *grow_unchecked(int n)
{
	char *p = NULL;
	int i;

	for (i = 1; i <= n; i++)
		p = realloc(p, (size_t)i);
	if (n > 100)
		return NULL;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by realloc() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	return p;
}
