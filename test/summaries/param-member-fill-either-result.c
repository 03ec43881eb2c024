// A callee that fills a member of its argument on some exits only, with
// results that do not tell which (git's unquote_c_style() returns -1
// before appending and after), "maybe fills" it: the caller holds the
// member as filled, and reports it only if it releases that member
// somewhere else (it owns it); a caller that never does is silent.  The
// callee takes nothing else of the struct, so what the member held
// before the call stays held (git remote-curl.c:141: strbuf_addstr(),
// then unquote_c_style() failing).  A wrapper passes the maybe on.  A
// result none of the exits that fill returns says nothing was filled
// (git's reftable_backend_read_ref() fills only when it returns 0), and
// an exit where the struct pointer is NULL fills nothing of it (git's
// index_dir_find() returns `dir && dir->nr` either way).  A member reset
// first and then maybe filled is maybe filled (git's unix_sockaddr_init()
// before c5fe29f: ctx->orig_dir = NULL, filled, and a later failure
// returned -1 without freeing it).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>

void die(const char *msg) __attribute__((noreturn));

struct sbuf { size_t alloc, len; char *buf; };
extern char slop[];

static void *xrealloc(void *p, size_t n)
{
	void *r = realloc(p, n);

	if (!r)
		die("out of memory");
	return r;
}

void sb_add(struct sbuf *sb, const char *data, size_t len)
{
	if (!sb->alloc)
		sb->buf = NULL;
	if (sb->len + len + 1 > sb->alloc) {
		sb->alloc = sb->len + len + 1;
		sb->buf = xrealloc(sb->buf, sb->alloc);
	}
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}
// SUM: summary sb_add: fills member buf of arg 1 with heap (fails: never, grown) copies arg 2 into it{{$}}

void sb_release(struct sbuf *sb)
{
	if (sb->alloc) {
		free(sb->buf);
		sb->buf = slop;
		sb->alloc = sb->len = 0;
	}
}
// SUM: summary sb_release: frees member buf of arg 1{{$}}

int unquote(struct sbuf *sb, const char *q)
{
	size_t len;

	if (*q++ != '"')
		return -1;
	for (;;) {
		len = strcspn(q, "\"\\");
		sb_add(sb, q, len);
		q += len;
		if (*q == '"')
			return 0;
		if (*q != '\\')
			return -1;
		q += 2;
	}
}
// SUM: summary unquote: maybe fills member buf of arg 1 with heap (fails: range [-1, 0] ok, [-1, -1] not, grown) returns [-1, 0] keeps arg 2{{$}}

int unquote_or_fail(struct sbuf *sb, const char *q)
{
	return unquote(sb, q) ? -1 : 0;
}
// SUM: summary unquote_or_fail: maybe fills member buf of arg 1 with heap (fails: range [-1, 0] ok, [-1, -1] not, grown) returns [-1, 0] keeps arg 2{{$}}

int peek(void);

int read_ref(struct sbuf *referent)
{
	if (peek() < 0)
		return -1;
	if (peek())
		sb_add(referent, "HEAD", 4);
	return 0;
}
// SUM: summary read_ref: maybe fills member buf of arg 1 with heap (fails: range [0, 0] ok, [-1, 0] not, grown) returns [-1, 0]{{$}}

int dir_find(const char *name, struct sbuf *canonical)
{
	int found = peek() > 0;

	if (canonical && found)
		sb_add(canonical, name, 4);
	return found;
}
// SUM: summary dir_find: fills member buf of arg 2 with heap (fails: null, grown) returns [0, 1]{{$}}

int keep(const char *s);

int owned_leaks(const char *value)
{
	struct sbuf val = { 0, 0, slop };

	if (unquote(&val, value))
		return -1;
// CHECK: {{.*}}param-member-fill-either-result.c:[[@LINE-1]]:3: warning: 'val.buf' allocated by unquote() at line [[@LINE-2]] is not freed when returning here [leakcheck-leak]
	keep(val.buf);
	sb_release(&val);
	return 0;
}

int owned_ok(const char *value)
{
	struct sbuf val = { 0, 0, slop };

	if (unquote(&val, value)) {
		sb_release(&val);
		return -1;
	}
	keep(val.buf);
	sb_release(&val);
	return 0;
}

int not_owner(const char *value)
{
	struct sbuf val = { 0, 0, slop };

	if (unquote(&val, value))
		return -1;
	return keep(val.buf);
}

int wrapper_leaks(const char *value)
{
	struct sbuf val = { 0, 0, slop };

	if (unquote_or_fail(&val, value))
		return -1;
// CHECK: {{.*}}param-member-fill-either-result.c:[[@LINE-1]]:3: warning: 'val.buf' allocated by unquote_or_fail() at line [[@LINE-2]] is not freed when returning here [leakcheck-leak]
	keep(val.buf);
	sb_release(&val);
	return 0;
}

int filled_before_leaks(const char *value)
{
	struct sbuf val = { 0, 0, slop };

	sb_add(&val, "--lease=", 8);
	if (*value == '"' && unquote(&val, value))
		return -1;
// CHECK: {{.*}}param-member-fill-either-result.c:[[@LINE-1]]:3: warning: 'val.buf' allocated by sb_add() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	keep(val.buf);
	sb_release(&val);
	return 0;
}

int filled_before_ok(const char *value)
{
	struct sbuf val = { 0, 0, slop };
	int ret = 0;

	sb_add(&val, "--lease=", 8);
	if (*value == '"' && unquote(&val, value))
		ret = -1;
	else
		keep(val.buf);
	sb_release(&val);
	return ret;
}

int read_ref_ok(void)
{
	struct sbuf ref = { 0, 0, slop };
	int ret = read_ref(&ref);

	if (ret < 0)
		goto done;
	keep(ref.buf);
	sb_release(&ref);
done:
	return ret;
}

int read_ref_leaks(void)
{
	struct sbuf ref = { 0, 0, slop };
	int ret = read_ref(&ref);

	if (ret < 0)
		return -1;
	if (peek())
		return 1;
// CHECK: {{.*}}param-member-fill-either-result.c:[[@LINE-1]]:3: warning: 'ref.buf' allocated by read_ref() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	keep(ref.buf);
	sb_release(&ref);
	return 0;
}

int dir_find_ok(const char *name)
{
	struct sbuf canonical = { 0, 0, slop };

	if (!dir_find(name, &canonical))
		return 0;
	keep(canonical.buf);
	sb_release(&canonical);
	return 1;
}

struct ctx { char *orig_dir; };

int ctx_init(struct ctx *ctx, const char *path)
{
	ctx->orig_dir = NULL;
	if (peek())
		return 0;
	ctx->orig_dir = strdup(path);
	if (!ctx->orig_dir)
		return -1;
	if (peek() < 0)
		return -1;
	return 0;
}
// SUM: summary ctx_init: maybe fills member orig_dir of arg 1 with heap (fails: range [-1, 0] ok, [-1, 0] not) returns [-1, 0]{{$}}

void ctx_cleanup(struct ctx *ctx)
{
	free(ctx->orig_dir);
}

int connect_leaks(const char *path)
{
	struct ctx ctx;

	if (ctx_init(&ctx, path) < 0)
		return -1;
// CHECK: {{.*}}param-member-fill-either-result.c:[[@LINE-1]]:3: warning: 'ctx.orig_dir' allocated by ctx_init() at line [[@LINE-2]] is not freed when returning here [leakcheck-leak]
	keep(path);
	ctx_cleanup(&ctx);
	return 0;
}

int connect_ok(const char *path)
{
	struct ctx ctx;

	if (ctx_init(&ctx, path) < 0) {
		ctx_cleanup(&ctx);
		return -1;
	}
	keep(path);
	ctx_cleanup(&ctx);
	return 0;
}
