// The deallocator of malloc(dealloc) has a body in the file (which frees
// with free()), and so may the allocator: the attribute says what their
// calls do, and the bodies do not contradict it (no mismatched or double
// release).  Inside obj_new, obj_free cleans up a half-built object.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct obj {
	char *buf;
};

void obj_free(struct obj *o);
struct obj *obj_new(size_t n) __attribute__((malloc(obj_free)));
struct obj *obj_bare(void) __attribute__((malloc(obj_free)));

void obj_free(struct obj *o)
{
	if (!o)
		return;
	free(o->buf);
	free(o);
}

struct obj *obj_new(size_t n)
{
	struct obj *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	o->buf = malloc(n);
	if (!o->buf) {
		obj_free(o);
		return NULL;
	}
	return o;
}

int no_leak(size_t n)
{
	struct obj *a = obj_new(n);
	struct obj *b;

	if (!a)
		return -1;
	b = obj_bare();
	if (!b) {
		obj_free(a);
		return -1;
	}
	obj_free(b);
	obj_free(a);
	return 0;
}

int leak(size_t n, int fail)
{
	struct obj *a = obj_new(n);
	struct obj *b = obj_bare();

	if (!a || !b || fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'a' allocated by obj_new() at line [[@LINE-5]] is not released with obj_free() when returning here [leakcheck-leak]
// CHECK: :[[@LINE-2]]:3: warning: 'b' allocated by obj_bare() at line [[@LINE-5]] is not released with obj_free() when returning here [leakcheck-leak]
	obj_free(a);
	obj_free(b);
	return 0;
}

void twice(size_t n)
{
	struct obj *a = obj_new(n);

	obj_free(a);
	obj_free(a);
// CHECK: :[[@LINE-1]]:2: warning: 'a' allocated by obj_new() at line [[@LINE-4]] is released twice; first released at line [[@LINE-2]] [leakcheck-double-release]
}
