// A wrapper that passes its own out-parameter on to an acquirer
// (openssh's xasprintf(char **ret, ...) calling vasprintf(ret, ...)) stores
// a fresh resource into *ret: its callers' variables hold it.  When it
// dies instead of failing, it never fails.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int xasprintf(char **ret, const char *fmt, ...)
{
	va_list ap;
	int i;

	va_start(ap, fmt);
	i = vasprintf(ret, fmt, ap);
	va_end(ap);
	if (i < 0 || *ret == NULL)
		abort();
	return i;
}

int make_path(const char *dir, const char *name, int check)
{
	char *path;

	xasprintf(&path, "%s/%s", dir, name);
	if (check && !*path)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'path' allocated by xasprintf() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	free(path);
	return 0;
}

void rebuilt(const char *a)
{
	char *command = NULL;

	xasprintf(&command, "%s", a);
	free(command);
	xasprintf(&command, "%s %s", a, a);
	free(command);
}
