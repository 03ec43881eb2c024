// The address of a member of a fresh result hands the result on:
// `&make()->refcnt` stored in a struct is not a discarded result.  (jq jv.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct counted { int refcnt; int len; };
struct handle { int *ref; };

static struct counted *make(void)
{
	struct counted *c = malloc(sizeof(*c));

	if (!c)
		abort();
	c->refcnt = 1;
	return c;
}

struct handle wrap(void)
{
	struct handle h = { &make()->refcnt };

	return h;
}

int peek(void)
{
	return make()->len;
// CHECK: :[[@LINE-1]]:9: warning: result of make() is discarded; what it allocated is never freed [leakcheck-discarded]
}
