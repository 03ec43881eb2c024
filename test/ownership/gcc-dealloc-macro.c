// malloc(dealloc, N) behind macros: a function-like macro whose
// parameters are the deallocator and the index (gnulib's
// _GL_ATTRIBUTE_DEALLOC), an object-like macro, a macro that uses
// another one, the __malloc__ spelling, and [[gnu::malloc(f)]] in front
// of the declaration.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
struct obj;
void obj_free(struct obj *o);
void obj_drop(void *ctx, struct obj *o);

#define ATTR_DEALLOC(f, i) __attribute__((__malloc__(f, i)))
#define ATTR_DEALLOC_OBJ __attribute__((__malloc__ (obj_free)))
#define DEALLOC_DROP ATTR_DEALLOC(obj_drop, 2)

struct obj *via_params(void) ATTR_DEALLOC(obj_free, 1);
struct obj *via_object_like(void) ATTR_DEALLOC_OBJ;
struct obj *via_two_macros(void) DEALLOC_DROP;
[[gnu::malloc(obj_free)]] struct obj *in_front(void);

int leaks(int which)
{
	struct obj *a = via_params();
	struct obj *b = via_object_like();
	struct obj *c = via_two_macros();
	struct obj *d = in_front();

	if (which)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'a' allocated by via_params() at line [[@LINE-7]] is not released with obj_free() when returning here [leakcheck-leak]
// CHECK: :[[@LINE-2]]:3: warning: 'b' allocated by via_object_like() at line [[@LINE-7]] is not released with obj_free() when returning here [leakcheck-leak]
// CHECK: :[[@LINE-3]]:3: warning: 'c' allocated by via_two_macros() at line [[@LINE-7]] is not released with obj_drop() when returning here [leakcheck-leak]
// CHECK: :[[@LINE-4]]:3: warning: 'd' allocated by in_front() at line [[@LINE-7]] is not released with obj_free() when returning here [leakcheck-leak]
	obj_free(a);
	obj_free(b);
	obj_drop(0, c);
	obj_free(d);
	return 0;
}

void no_leaks(void)
{
	struct obj *a = via_params();
	struct obj *b = via_object_like();
	struct obj *c = via_two_macros();
	struct obj *d = in_front();

	obj_free(a);
	obj_free(b);
	obj_drop(0, c);
	obj_free(d);
}
