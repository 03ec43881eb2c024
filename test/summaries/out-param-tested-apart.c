// An out-parameter stored and then tested in a statement of its own
// (`*valp = strdup(h); if (*valp) return 0;`, curl's copy_custom_value):
// *valp names the handle just stored, so the test decides it and the
// function is an out-parameter acquirer that fails when it returns
// non-zero.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

static int copy(const char *h, char **valp)
{
	*valp = strdup(h);
	if (*valp)
		return 0;
	return 27;
}

int user(const char *h)
{
	char *v;

	if (copy(h, &v))
		return -1;      /* nothing was stored */
	if (strlen(v) > 3)
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'v' allocated by copy() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	free(v);
	return 0;
}

int user_ok(const char *h)
{
	char *v;
	int r = copy(h, &v);

	if (r != 0)
		return r;
	free(v);
	return 0;
}
