// A helper that walks a buffer through a copy of its pointer (as strlcpy
// does: d = dst; *d++ = c) only borrows it; a function returning NULL or a
// fresh buffer through one variable joined at a label (ret = NULL; ...
// out: return ret) is an acquirer.  (openssh fingerprint_b64, percent_expand)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

static void fill(char *dst)
{
	char *d = dst;

	*d++ = 'x';
	*d = '\0';
}

static char *expand(const char *s)
{
	char *ret = NULL;

	if (*s == 0)
		goto out;
	ret = strdup(s);
	if (ret == NULL)
		abort();
out:
	return ret;
}

int walked(int fail)
{
	char *p = malloc(8);

	if (p == NULL)
		return -1;
	fill(p);
	if (fail)
		return -2;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
	free(p);
	return 0;
}

int expanded(const char *s, int fail)
{
	char *p = expand(s);

	if (p == NULL)
		return -1;
	if (fail)
		return -2;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by expand() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	free(p);
	return 0;
}
