// A wrapper that hands its own out-parameter to an acquirer and returns
// that acquirer's status untested (`i = vasprintf(ret, ..); return i;`,
// `return vasprintf(ret, ..)`, `return get(buf, p)`) fails as the
// acquirer does; with `if (i < 0 || *ret == NULL) fatal(..)` in between
// it never fails; `if ((r = get(buf, p)) != 0) return r;` carries the
// test through.  Callers that test the result the acquirer's way are
// decided by it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void fatal(const char *fmt, ...) __attribute__((noreturn));

static int xasprintf(char **ret, const char *fmt, ...)
{
	va_list ap;
	int i;

	va_start(ap, fmt);
	i = vasprintf(ret, fmt, ap);
	va_end(ap);
	if (i < 0 || *ret == NULL)
		fatal("xasprintf: could not allocate memory");
	return i;
}
// SUM: summary xasprintf: stores heap into *arg 1 (allocated by vasprintf(), fails: never){{$}}

static int my_asprintf(char **ret, const char *fmt, ...)
{
	va_list ap;
	int i;

	va_start(ap, fmt);
	i = vasprintf(ret, fmt, ap);
	va_end(ap);
	return i;
}
// SUM: summary my_asprintf: stores heap into *arg 1 (allocated by vasprintf(), fails: non-positive){{$}}

static int my_vasprintf(char **ret, const char *fmt, va_list ap)
{
	return vasprintf(ret, fmt, ap);
}
// SUM: summary my_vasprintf: stores heap into *arg 1 (allocated by vasprintf(), fails: non-positive){{$}}

static int get(const char *buf, char **p)
{
	char *s = malloc(16);

	if (s == NULL)
		return -1;
	s[0] = buf[0];
	*p = s;
	return 0;
}

static int get_checked(const char *buf, char **p)
{
	int r;

	if ((r = get(buf, p)) != 0)
		return r;
	return 0;
}
// SUM: summary get_checked: stores heap into *arg 2 (allocated by malloc(), fails: nonzero){{$}}

static int get_again(const char *buf, char **p)
{
	return get(buf, p);
}
// SUM: summary get_again: stores heap into *arg 2 (allocated by malloc(), fails: nonzero){{$}}

int never_fails(const char *dir, int fail)
{
	char *s;

	xasprintf(&s, "%s/x", dir);
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 's' allocated by xasprintf() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	free(s);
	return 0;
}

int like_asprintf(const char *dir, int fail)
{
	char *s;

	if (my_asprintf(&s, "%s/x", dir) < 0)
		return -1;              /* failed: nothing stored */
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 's' allocated by my_asprintf() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	free(s);
	return 0;
}

int like_vasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (my_vasprintf(&s, fmt, ap) <= 0)
		return -1;              /* failed, or empty: asprintf's failure test */
	puts(s);
	free(s);
	return 0;
}

int chained(const char *buf, int fail)
{
	char *s;

	if (get_again(buf, &s) != 0)
		return -1;
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 's' allocated by get_again() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	free(s);
	return 0;
}

int chained_ok(const char *buf)
{
	char *s;

	if (get_checked(buf, &s) != 0)
		return -1;
	free(s);
	return 0;
}
