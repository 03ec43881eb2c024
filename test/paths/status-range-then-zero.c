// asprintf() returns -1 on failure and the length (0 for "") on success.
// After 'ret <= 0', the test 'ret == 0' tells success from failure: what
// is known of the status value narrows with each test.  (openssh utf8.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

int narrowed(char **out, const char *name)
{
	char *s = NULL;
	int ret;

	if ((ret = asprintf(&s, "%s", name)) <= 0) {
		if (ret == 0) {
			*out = s;
			return 0;
		}
		*out = NULL;
		return -1;
	}
	*out = s;
	return ret;
}

int empty_string_leaks(const char *name)
{
	char *s = NULL;
	int ret;

	if ((ret = asprintf(&s, "%s", name)) <= 0) {
		if (ret == 0)
			return 0;
// CHECK: :[[@LINE-1]]:4: warning: 's' allocated by asprintf() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
		return -1;
	}
	free(s);
	return ret;
}
