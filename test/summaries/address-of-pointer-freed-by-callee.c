// A callee given &p of a pointer that it may free and set to NULL
// (openssh's null_empty(&pin)) takes what p held: a later
// `if (p != NULL) freezero(p, ..)` is no leak on its false branch.  The
// members of a local struct given by address stay where they are, but p
// itself is no struct and may be overwritten.  A pointer the callee never
// sees is still followed.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

static int get_string(char **out)
{
	char *p = malloc(10);
	if (p == NULL)
		return -1;
	*out = p;
	return 0;
}

static void wipe_free(void *ptr, size_t sz)
{
	if (ptr == NULL)
		return;
	memset(ptr, 0, sz);
	free(ptr);
}

static void null_empty(char **s)
{
	if (s == NULL || *s == NULL || **s != '\0')
		return;
	free(*s);
	*s = NULL;
}

void fatal(const char *) __attribute__((noreturn));
int use(const char *);

int emptied_by_callee(void)
{
	char *pin = NULL;
	int r = 0;

	if (get_string(&pin) != 0)
		fatal("parse");
	null_empty(&pin);
	if (use(pin) != 0)
		r = -1;
	if (pin != NULL)
		wipe_free(pin, strlen(pin));
	return r;
}

int other_pointer_left(void)
{
	char *pin = NULL, *other = NULL;

	if (get_string(&pin) != 0)
		fatal("parse");
	null_empty(&other);
	if (use(pin) != 0)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'pin' allocated by get_string() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
	wipe_free(pin, strlen(pin));
	return 0;
}
