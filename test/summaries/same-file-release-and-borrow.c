// What a function of the same file does with its argument comes from its
// body: release_buf() frees it (a release), measure() only reads it (a
// borrow, so the caller still owns it), stash() keeps it (ownership leaves).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

static char *saved;

static void release_buf(char *p)
{
	free(p);
}

static size_t measure(char *p)
{
	return strlen(p);
}

static void stash(char *p)
{
	saved = p;
}

int helper_frees(const char *s)
{
	char *p = strdup(s);

	if (!p)
		return -1;
	release_buf(p);
	return 0;
}

size_t helper_borrows(const char *s)
{
	char *p = strdup(s);

	if (!p)
		return 0;
	return measure(p);
// CHECK: :[[@LINE-1]]:2: warning: 'p' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

void helper_keeps(const char *s)
{
	char *p = strdup(s);

	if (p)
		stash(p);
}

int helper_skipped(const char *s)
{
	char *p = strdup(s);

	if (!p)
		return -1;
	if (!*p)
		return 0;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by strdup() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	release_buf(p);
	return 0;
}

int helper_frees_twice(const char *s)
{
	char *p = strdup(s);

	if (!p)
		return -1;
	release_buf(p);
	release_buf(p);
// CHECK: :[[@LINE-1]]:2: warning: 'p' allocated by strdup() at line [[@LINE-6]] is freed twice; first freed at line [[@LINE-2]] [leakcheck-double-release]
	return 0;
}
