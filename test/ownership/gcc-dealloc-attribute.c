// GCC's malloc(dealloc) and malloc(dealloc, N) on a declaration: the
// function acquires (NULL means failure) and argument N (default 1) of
// dealloc releases, with no rule and no body needed.  Clang rejects the
// attribute; leakcheck reads it back.
// RUN: not %leakcheck --no-guess %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct obj;
void obj_free(struct obj *o);
void obj_release(int flags, struct obj *o);
struct obj *obj_new(void) __attribute__((malloc(obj_free, 1)));
struct obj *obj_make(int n) __attribute__((malloc, malloc(obj_release, 2)));

int leak(int fail)
{
	struct obj *o = obj_new();

	if (!o)
		return -1;
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'o' allocated by obj_new() at line [[@LINE-6]] is not released with obj_free() when returning here [leakcheck-leak]
	obj_free(o);
	return 0;
}

int no_leak(void)
{
	struct obj *o = obj_new();

	if (!o)
		return -1;
	obj_free(o);
	return 0;
}

int leak_second_arg(int n)
{
	struct obj *o = obj_make(n);

	if (!o)
		return -1;
	if (n > 3)
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'o' allocated by obj_make() at line [[@LINE-6]] is not released with obj_release() when returning here [leakcheck-leak]
	obj_release(0, o);
	return 0;
}

int no_leak_second_arg(int n)
{
	struct obj *o = obj_make(n);

	if (!o)
		return -1;
	obj_release(n, o);
	return 0;
}

void released_twice(void)
{
	struct obj *o = obj_make(1);

	obj_release(0, o);
	obj_release(0, o);
// CHECK: :[[@LINE-1]]:2: warning: 'o' allocated by obj_make() at line [[@LINE-4]] is released twice; first released at line [[@LINE-2]] [leakcheck-double-release]
}

void wrong_release(void)
{
	struct obj *o = obj_new();

	free(o);
// CHECK: :[[@LINE-1]]:2: warning: 'o' allocated by obj_new() at line [[@LINE-3]] must not be released by free() [leakcheck-mismatched-release]
}

void discarded(void)
{
	obj_new();
// CHECK: :[[@LINE-1]]:2: warning: result of obj_new() is discarded; what it allocated is never released with obj_free() [leakcheck-discarded]
}

struct obj *no_leak_returned(void)
{
	return obj_new();
}
