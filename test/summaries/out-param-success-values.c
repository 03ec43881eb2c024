// An out-parameter acquirer whose success is a set of values gets the
// range of its results of success and of failure: ARCHIVE_OK (0) and
// ARCHIVE_WARN (-20) succeed, ARCHIVE_FATAL (-30) fails; 1 succeeds, 0
// and -1 fail; a count >= 0 succeeds.  The caller's own test (`r <
// ARCHIVE_WARN`, `!= 1`, `< 0`) then decides the out-parameter.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>

#define ARCHIVE_OK 0
#define ARCHIVE_WARN (-20)
#define ARCHIVE_FATAL (-30)

int peek(void);

static int read_entry(char **out)
{
	char *p;
	int r = peek();

	if (r < 0)
		return ARCHIVE_FATAL;
	p = malloc(16);
	if (p == NULL)
		return ARCHIVE_FATAL;
	*out = p;
	return r > 5 ? ARCHIVE_WARN : ARCHIVE_OK;
}
// SUM: summary read_entry: stores heap into *arg 1 (allocated by malloc(), fails: range [-20, 0] ok, [-30, -30] not){{$}}

static int load(char **out)
{
	char *p = malloc(16);

	if (p == NULL)
		return -1;
	if (peek() == 3) {
		free(p);
		return 0;
	}
	*out = p;
	return 1;
}
// SUM: summary load: stores heap into *arg 1 (allocated by malloc(), fails: range [1, 1] ok, [-1, 0] not){{$}}

static int count_items(char **out)
{
	char *p = malloc(16);
	int n = peek();

	if (p == NULL)
		return -1;
	*out = p;
	if (n < 0)
		return 0;
	return n;
}
// SUM: summary count_items: stores heap into *arg 1 (allocated by malloc(), fails: negative){{$}}

int entry_leaks(int fail)
{
	char *e;
	int r = read_entry(&e);

	if (r < ARCHIVE_WARN)
		return -1;
	if (fail)
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'e' allocated by read_entry() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	free(e);
	return 0;
}

int entry_ok(void)
{
	char *e;
	int r = read_entry(&e);

	if (r < ARCHIVE_WARN)
		return -1;
	free(e);
	return 0;
}

int load_leaks(int fail)
{
	char *e;

	if (load(&e) != 1)
		return -1;
	if (fail)
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'e' allocated by load() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	free(e);
	return 0;
}

int load_ok(void)
{
	char *e;

	if (load(&e) != 1)
		return -1;
	free(e);
	return 0;
}

int load_ok_positive(void)
{
	char *e;

	if (load(&e) <= 0)
		return -1;
	free(e);
	return 0;
}

int count_leaks(int fail)
{
	char *e;

	if (count_items(&e) < 0)
		return -1;
	if (fail)
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'e' allocated by count_items() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	free(e);
	return 0;
}

int count_ok(void)
{
	char *e;

	if (count_items(&e) < 0)
		return -1;
	free(e);
	return 0;
}
