// Steal idioms hand a cleanup variable's resource on: systemd's TAKE_PTR
// (a statement expression that copies and NULLs) and GLib's
// g_steal_pointer(&p) leave nothing for the cleanup to free.  What
// TAKE_PTR stole is followed in its new holder (g_steal_pointer, an inline
// function of a header, hands p on: its result is not followed).
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
#include <glib.h>
#include <stdlib.h>

static inline void freep(void *p)
{
	free(*(void **)p);
}
#define _cleanup_free_ __attribute__((cleanup(freep)))
#define TAKE_PTR(p) ({ typeof(p) _p = (p); (p) = NULL; _p; })

char *take_returned(void)
{
	_cleanup_free_ char *p = malloc(1);

	if (!p)
		return NULL;
	return TAKE_PTR(p);
}

char *steal_returned(void)
{
	g_autofree char *p = g_strdup("x");

	return g_steal_pointer(&p);
}

char *take_then_leak(int x)
{
	_cleanup_free_ char *p = malloc(1);
	char *q;

	if (!p)
		return NULL;
	q = TAKE_PTR(p);
	if (x)
		return NULL;
// CHECK: :[[@LINE-1]]:3: warning: 'q' allocated by malloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
	return q;
}
