// A function that hands its parameter to realloc() and returns the result
// takes the parameter over as realloc() does ("taking over arg 1"): the
// caller's handle lives on in the result on success and is still the
// caller's when it fails.  A wrapper that dies on failure (git's
// xrealloc) never gives it back; one that returns NULL does, so the
// caller must free the old block on that path.  Growing a member of a
// parameter's struct through such a wrapper (git's ALLOC_GROW in
// strbuf_grow) fills that member.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>

void die(const char *fmt, ...) __attribute__((noreturn));

void *xrealloc(void *ptr, size_t size)
{
	void *ret;

	if (!size) {
		free(ptr);
		ptr = NULL;
		size = 1;
	}
	ret = realloc(ptr, size);
	if (!ret)
		die("Out of memory, realloc failed");
	return ret;
}
// SUM: summary xrealloc: returns heap (allocated by realloc(), fails: never) taking over arg 1{{$}}

static void *try_grow(void *p, size_t n)
{
	return realloc(p, n);
}
// SUM: summary try_grow: returns heap (allocated by realloc(), fails: null) taking over arg 1{{$}}

#define ALLOC_GROW(x, nr, alloc) \
	do { \
		if ((nr) > (alloc)) { \
			(alloc) = (nr) * 2; \
			(x) = xrealloc((x), (alloc)); \
		} \
	} while (0)

struct strbuf { size_t alloc, len; char *buf; };
static char slopbuf[1];

static void strbuf_init(struct strbuf *sb)
{
	sb->alloc = sb->len = 0;
	sb->buf = slopbuf;
}

static void strbuf_grow(struct strbuf *sb, size_t extra)
{
	int new_buf = !sb->alloc;

	if (new_buf)
		sb->buf = NULL;
	ALLOC_GROW(sb->buf, sb->len + extra + 1, sb->alloc);
	if (new_buf)
		sb->buf[0] = '\0';
}
// SUM: summary strbuf_grow: fills member buf of arg 1 with heap (fails: never, grown){{$}}

static void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc) {
		free(sb->buf);
		strbuf_init(sb);
	}
}

int use(const char *s);

int grown_then_dropped(const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_grow(&sb, strlen(s));
	strcpy(sb.buf, s);
	if (use(sb.buf) < 0)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'sb.buf' allocated by strbuf_grow() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	strbuf_release(&sb);
	return 0;
}

int grown_and_released(const char *s)
{
	struct strbuf sb;
	int r;

	strbuf_init(&sb);
	strbuf_grow(&sb, strlen(s));
	strcpy(sb.buf, s);
	r = use(sb.buf);
	strbuf_release(&sb);
	return r;
}

int try_grow_fails(size_t n)
{
	char *p = malloc(16), *q;

	if (!p)
		return -1;
	q = try_grow(p, n);
	if (!q)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
	free(q);
	return 0;
}

int try_grow_fails_freed(size_t n)
{
	char *p = malloc(16), *q;

	if (!p)
		return -1;
	q = try_grow(p, n);
	if (!q) {
		free(p);
		return -1;
	}
	free(q);
	return 0;
}

int xrealloc_then_free(size_t n)
{
	char *p = malloc(16);

	if (!p)
		return -1;
	p = xrealloc(p, n);
	if (use(p) < 0) {
		free(p);
		return -1;
	}
	free(p);
	return 0;
}

int xrealloc_then_dropped(size_t n)
{
	char *p = malloc(16);

	if (!p)
		return -1;
	p = xrealloc(p, n);
	if (use(p) < 0)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by xrealloc() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	free(p);
	return 0;
}
