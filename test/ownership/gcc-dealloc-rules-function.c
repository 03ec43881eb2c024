// malloc(dealloc) naming a function the rules release with: the result
// is that rule's resource, so free() / fclose() release it as usual and
// the messages use the rule's words.  glibc spells free __builtin_free.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

char *buf_get(size_t n) __attribute__((malloc(free)));
char *buf_dup(const char *s) __attribute__((malloc(__builtin_free, 1)));
FILE *log_open(const char *name) __attribute__((malloc(fclose, 1)));

int leaks(const char *name, int fail)
{
	char *b = buf_get(16);
	FILE *fp;

	if (!b)
		return -1;
	fp = log_open(name);
	if (!fp) {
		free(b);
		return -1;
	}
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'b' allocated by buf_get() at line [[@LINE-12]] is not freed when returning here [leakcheck-leak]
// CHECK: :[[@LINE-2]]:3: warning: 'fp' opened by log_open() at line [[@LINE-8]] is not closed when returning here [leakcheck-leak]
	fclose(fp);
	free(b);
	return 0;
}

int no_leaks(const char *name)
{
	char *b = buf_dup(name);
	FILE *fp;

	if (!b)
		return -1;
	fp = log_open(b);
	if (!fp) {
		free(b);
		return -1;
	}
	fclose(fp);
	free(b);
	return 0;
}

void wrong_release(const char *name)
{
	FILE *fp = log_open(name);

	if (fp)
		free(fp);
// CHECK: :[[@LINE-1]]:3: warning: 'fp' opened by log_open() at line [[@LINE-4]] must not be released by free() [leakcheck-mismatched-release]
}
