// A library's constructor and destructor with no body in the run and no
// rule are paired by their names when both are declared and the types
// fit (widget_new returns struct widget *, widget_free takes one).  Such
// findings carry their own flag, and --no-guess turns the guess off.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: %leakcheck --no-guess %s -- | FileCheck %s --check-prefix=OFF --allow-empty --implicit-check-not=warning:
// OFF-NOT: warning
#include <stddef.h>

struct widget;
struct widget *widget_new(int size);
void widget_free(struct widget *w);
int widget_draw(struct widget *w);

struct gadget;
struct gadget *gadget_new(void);
void gadget_free(struct widget *w);     /* types do not fit: no guess */

struct thing;
struct thing *thing_create(void);       /* no releaser declared: no guess */

int draw(int size)
{
	struct widget *w = widget_new(size);

	if (!w)
		return -1;
	if (size > 100)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'w' created by widget_new() at line [[@LINE-6]] is not released when returning here [leakcheck-leak-guessed]
// CHECK-NEXT: :[[@LINE-7]]:21: note: 'w' acquired here
// CHECK-NEXT: :[[@LINE-8]]:21: note: guessed from the names widget_new() and widget_free(): no rule or body says what they do
	widget_free(w);
	return 0;
}

void twice(void)
{
	struct widget *w = widget_new(1);

	widget_free(w);
	widget_free(w);
// CHECK: :[[@LINE-1]]:2: warning: 'w' created by widget_new() at line [[@LINE-4]] is released twice; first released at line [[@LINE-2]] [leakcheck-double-release-guessed]
}

void no_guesses(void)
{
	struct gadget *g = gadget_new();
	struct thing *t = thing_create();

	(void)g;
	(void)t;
}

// A function of the file is never guessed: its body says what it does
// (here it returns static storage, whatever its name).
struct pool;
static char pool_storage[64];
static struct pool *pool_new(void)
{
	return (struct pool *)pool_storage;
}
void pool_free(struct pool *p);

void uses_pool(void)
{
	struct pool *p = pool_new();

	(void)p;
}
