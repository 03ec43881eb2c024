// A string buffer's length tested after an append (git receive-pack.c:
// `if (use_atomic) strbuf_addstr(&cap, " atomic"); ... if (cap.len)
// strbuf_release(&cap);`).  A callee that copies the string of an
// argument into what a member it fills points to on every path that
// returns (memcpy(sb->buf + sb->len, data, n), vsnprintf(.., fmt, ap);
// "copies arg 2 into it"), given a literal that prints at least one
// character (" atomic", "\n\t%s"), or one that steps up an integer
// member of that struct on every such path (sb->buf[sb->len++] = c:
// "counting"), leaves the struct's counts nonzero: the path where the
// length is then zero (or not above zero) is not taken.  Still reported: a string that may be
// empty (a variable, "%s", ""), and a callee that copies only on some
// paths.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct strbuf { size_t alloc; size_t len; char *buf; };
extern char strbuf_slopbuf[];
#define STRBUF_INIT { 0, 0, strbuf_slopbuf }

static void *xrealloc(void *p, size_t n)
{
	void *r = realloc(p, n);

	if (!r)
		abort();
	return r;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	int new_buf = !sb->alloc;

	if (new_buf)
		sb->buf = NULL;
	if (sb->len + extra + 1 > sb->alloc) {
		sb->alloc = (sb->len + extra + 1) * 2;
		sb->buf = xrealloc(sb->buf, sb->alloc);
	}
	if (new_buf)
		sb->buf[0] = '\0';
}

static inline size_t strbuf_avail(const struct strbuf *sb)
{
	return sb->alloc ? sb->alloc - sb->len - 1 : 0;
}

static inline void strbuf_setlen(struct strbuf *sb, size_t len)
{
	sb->len = len;
	sb->buf[len] = '\0';
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	strbuf_setlen(sb, sb->len + len);
}
// SUM: summary strbuf_add: fills member buf of arg 1 with heap (fails: never, grown) copies arg 2 into it{{$}}

static inline void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}
// SUM: summary strbuf_addstr: fills member buf of arg 1 with heap (fails: never, grown) copies arg 2 into it{{$}}

static inline void strbuf_addch(struct strbuf *sb, int c)
{
	if (!strbuf_avail(sb))
		strbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}
// SUM: summary strbuf_addch: fills member buf of arg 1 with heap (fails: never, grown) counting keeps arg 2{{$}}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	int len;
	va_list cp;

	if (!strbuf_avail(sb))
		strbuf_grow(sb, 64);
	va_copy(cp, ap);
	len = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, cp);
	va_end(cp);
	if (len < 0)
		abort();
	if ((size_t)len > strbuf_avail(sb)) {
		strbuf_grow(sb, len);
		len = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	strbuf_setlen(sb, sb->len + len);
}
// SUM: summary strbuf_vaddf: fills member buf of arg 1 with heap (fails: never, grown) copies arg 2 into it{{$}}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}
// SUM: summary strbuf_addf: fills member buf of arg 1 with heap (fails: never, grown) copies arg 2 into it{{$}}

void strbuf_add_if(struct strbuf *sb, const char *s, int c)
{
	strbuf_grow(sb, 8);
	if (c)
		memcpy(sb->buf + sb->len, s, strlen(s));
}
// SUM: summary strbuf_add_if: fills member buf of arg 1 with heap (fails: never, grown){{$}}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc) {
		free(sb->buf);
		sb->alloc = sb->len = 0;
		sb->buf = strbuf_slopbuf;
	}
}

int use(const char *s);

int literal_appended(int atomic, int options)
{
	struct strbuf cap = STRBUF_INIT;
	int r;

	if (atomic)
		strbuf_addstr(&cap, " atomic");
	if (options)
		strbuf_addstr(&cap, " push-options");
	if (cap.len) {
		r = use(cap.buf + 1);
		strbuf_release(&cap);
	} else {
		r = use("");
	}
	return r;
}

int format_appended(int failed, const char *line)
{
	struct strbuf err = STRBUF_INIT;

	if (failed)
		strbuf_addf(&err, "\n\t%s", line);
	if (!err.len)
		return 0;
	use(err.buf);
	strbuf_release(&err);
	return 1;
}

int char_appended(int changed, const char *what)
{
	struct strbuf extra = STRBUF_INIT;

	if (changed) {
		strbuf_addstr(&extra, " (");
		strbuf_addstr(&extra, what);
		strbuf_addch(&extra, ')');
	}
	if (extra.len) {
		use(extra.buf);
		strbuf_release(&extra);
	}
	return 0;
}

int report(struct strbuf *err);

int literal_appended_then_tested_positive(int code)
{
	struct strbuf errmsg = STRBUF_INIT;

	if (code) {
		strbuf_addstr(&errmsg, "fail to negotiate version");
		goto cleanup;
	}
	code = report(&errmsg);
cleanup:
	if (errmsg.len > 0) {
		use(errmsg.buf);
		strbuf_release(&errmsg);
	}
	return code;
}

int variable_appended(int changed, const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	if (changed)
		strbuf_addstr(&sb, what);
	if (sb.len)
		strbuf_release(&sb);
	return 0;
// CHECK: {{.*}}append-text-count-nonzero.c:[[@LINE-1]]:2: warning: 'sb.buf' allocated by strbuf_addstr() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

int conversion_only_appended(int changed, const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	if (changed)
		strbuf_addf(&sb, "%s", what);
	if (sb.len)
		strbuf_release(&sb);
	return 0;
// CHECK: {{.*}}append-text-count-nonzero.c:[[@LINE-1]]:2: warning: 'sb.buf' allocated by strbuf_addf() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

int empty_appended(int changed)
{
	struct strbuf sb = STRBUF_INIT;

	if (changed)
		strbuf_addstr(&sb, "" "\0x");
	if (sb.len)
		strbuf_release(&sb);
	return 0;
// CHECK: {{.*}}append-text-count-nonzero.c:[[@LINE-1]]:2: warning: 'sb.buf' allocated by strbuf_addstr() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

int copied_on_some_paths(int changed, int c)
{
	struct strbuf sb = STRBUF_INIT;

	if (changed)
		strbuf_add_if(&sb, "x", c);
	if (sb.len)
		strbuf_release(&sb);
	return 0;
// CHECK: {{.*}}append-text-count-nonzero.c:[[@LINE-1]]:2: warning: 'sb.buf' allocated by strbuf_add_if() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
