// An out-parameter passed on through two wrappers (openssh's xasprintf
// calling xvasprintf calling vasprintf) still makes an acquirer of the
// outer one.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int xvasprintf(char **ret, const char *fmt, va_list ap)
{
	int i = vasprintf(ret, fmt, ap);

	if (i < 0 || *ret == NULL)
		abort();
	return i;
}

static int xasprintf(char **ret, const char *fmt, ...)
{
	va_list ap;
	int i;

	va_start(ap, fmt);
	i = xvasprintf(ret, fmt, ap);
	va_end(ap);
	return i;
}

int use(int fail)
{
	char *s;

	xasprintf(&s, "%d", fail);
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 's' allocated by xasprintf() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	free(s);
	return 0;
}
