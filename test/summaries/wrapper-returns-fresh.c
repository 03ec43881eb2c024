// A function that returns what malloc()/fopen() gave it is an acquirer:
// its callers must release the result.  How it fails comes from its body:
// NULL passed on (buf_new), or never (xmalloc dies instead).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf { char *data; size_t len; };

static void die(const char *msg)
{
	fputs(msg, stderr);
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		die("out of memory");
	return p;
}

static struct buf *buf_new(size_t len)
{
	struct buf *b = calloc(1, sizeof(*b));

	if (!b)
		return NULL;
	b->len = len;
	return b;
}

static FILE *open_log(const char *path)
{
	return fopen(path, "a");
}

int use_buf(size_t len, int fail)
{
	struct buf *b = buf_new(len);

	if (!b)
		return -1;      /* failure branch: nothing to free */
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'b' allocated by buf_new() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: :[[@LINE-7]]:18: note: 'b' acquired here
// CHECK-NEXT: :[[@LINE-8]]:18: note: buf_new() returns what calloc() allocated at {{.*}}wrapper-returns-fresh.c:28
	free(b);
	return 0;
}

int use_xmalloc(int fail)
{
	char *p = xmalloc(16);

	p[0] = 0;       /* never NULL: no test needed */
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by xmalloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
	free(p);
	return 0;
}

int use_log(const char *path, const char *msg)
{
	FILE *f = open_log(path);

	if (!f)
		return -1;
	if (fputs(msg, f) < 0)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'f' opened by open_log() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
	fclose(f);
	return 0;
}

void discard_wrapper(void)
{
	buf_new(4);
// CHECK: :[[@LINE-1]]:2: warning: result of buf_new() is discarded; what it allocated is never freed [leakcheck-discarded]
}
