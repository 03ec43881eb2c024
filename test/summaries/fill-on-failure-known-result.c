// A callee that fills a member of its argument only on the exits that
// return -1 and returns 0 otherwise (git's verify_repository_format(fmt,
// &err): "fills member buf of arg 2 with heap (fails: null) returns [-1,
// 0]"): the call's known results stay known when the result is also the
// status of the fill, so `if (verify(v, &err) < 0)` found false means
// err.buf was not filled.  Still reported: the fill not freed on the
// exit where it happened, and a result not tested.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>

struct sbuf { char *buf; size_t len; };

static void fill(struct sbuf *sb, const char *s)
{
	sb->buf = strdup(s);
	if (!sb->buf)
		abort();
}

int verify(int version, struct sbuf *err)
{
	if (version > 1) {
		fill(err, "bad version");
		return -1;
	}
	return 0;
}
// SUM: summary verify: fills member buf of arg 2 with heap (fails: null) returns [-1, 0]{{$}}

int freed_on_failure(int version)
{
	struct sbuf err = { NULL, 0 };

	if (verify(version, &err) < 0) {
		free(err.buf);
		return -1;
	}
	return 0;
}

int kept_on_failure(int version)
{
	struct sbuf err = { NULL, 0 };

	if (verify(version, &err) == 0)
		return 0;
	return -1;
// CHECK: {{.*}}fill-on-failure-known-result.c:[[@LINE-1]]:2: warning: 'err.buf' allocated by verify() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
}

int not_tested(int version)
{
	struct sbuf err = { NULL, 0 };

	verify(version, &err);
	return 0;
// CHECK: {{.*}}fill-on-failure-known-result.c:[[@LINE-1]]:2: warning: 'err.buf' allocated by verify() at line [[@LINE-2]] is not freed when returning here [leakcheck-leak]
}
