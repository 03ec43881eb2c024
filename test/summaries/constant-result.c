// A function whose every return is a constant gives that value at the
// call: `if (use_colour()) p = malloc(..); ... if (use_colour()) free(p);`
// takes the same branch twice, and a branch the constant rules out is not
// taken.  Several constants give their range: what lies outside it is
// ruled out, a test that falls inside it goes both ways.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdio.h>
#include <stdlib.h>

static int use_colour(void)
{
	return 1;
}
// SUM: summary use_colour: returns 1{{$}}

static int never(void)
{
	return 0;
}
// SUM: summary never: returns 0{{$}}

static int sign(int x)
{
	if (x < 0)
		return -1;
	return 1;
}
// SUM: summary sign: returns [-1, 1] but one{{$}}

static int maybe(void)
{
	return getenv("LEAKCHECK_TEST") ? 1 : 0;
}
// SUM: summary maybe: returns [0, 1]{{$}}

int colour_twice(void)
{
	char *p = NULL;

	if (use_colour())
		p = malloc(10);
	puts("x");
	if (use_colour())
		free(p);
	return 0;
}

int colour_stored(void)
{
	int c = use_colour();
	char *p = NULL;

	if (c)
		p = malloc(10);
	puts("x");
	if (c)
		free(p);
	return 0;
}

int never_taken(void)
{
	char *p = malloc(4);

	if (!p)
		return -1;
	if (never())
		return 1;
	free(p);
	return 0;
}

int sign_never_two(int x)
{
	char *p = malloc(4);

	if (!p)
		return -1;
	if (sign(x) == 2)
		return 1;
	free(p);
	return 0;
}

int sign_tested_twice(int x, char **out)
{
	char *p = malloc(4);
	int r;

	if (!p)
		return -1;
	if ((r = sign(x)) != 1)
		goto done;
	r = 0;
	*out = p;
done:
	if (r != 0)
		free(p);
	return r;
}

int maybe_taken(void)
{
	char *p = malloc(4);

	if (!p)
		return -1;
	if (maybe())
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	free(p);
	return 0;
}
