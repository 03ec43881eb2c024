// A blank struct written over *p -- memset(p, 0, ..), memcpy(p, &blank, ..)
// of a local struct named nowhere else, *p = blank, *p = a literal -- sets
// every member of p to no resource: the summary says it resets every
// member, rather than that it touches them.  So a release that frees
// p->buf and then re-initialises p by such a copy frees member buf, and a
// struct given to it is released.  An initialiser that fills the member
// only on some paths (a size hint) says nothing of that fill.  A copy of a
// struct that holds something (filled first, or a parameter's) still
// touches every member.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>
struct sbuf { size_t alloc, len; char *buf; };
static char slop[1];
#define SBUF_INIT { .buf = slop }

void sb_grow(struct sbuf *sb, size_t extra)
// SUM: summary sb_grow: fills member buf of arg 1 with heap (fails: never, grown){{$}}
{
	int fresh = !sb->alloc;
	if (fresh)
		sb->buf = NULL;
	if (sb->len + extra + 1 > sb->alloc) {
		sb->alloc = sb->len + extra + 1;
		sb->buf = realloc(sb->buf, sb->alloc);
		if (!sb->buf)
			abort();
	}
	if (fresh)
		sb->buf[0] = '\0';
}

void sb_init(struct sbuf *sb, size_t hint)
// SUM: summary sb_init: resets every member of arg 1
{
	struct sbuf blank = SBUF_INIT;
	memcpy(sb, &blank, sizeof(*sb));
	if (hint)
		sb_grow(sb, hint);
}

void sb_release(struct sbuf *sb)
// SUM: summary sb_release: frees member buf of arg 1 resets every member of arg 1
{
	if (sb->alloc) {
		free(sb->buf);
		sb_init(sb, 0);
	}
}

void sb_zero(struct sbuf *sb)
// SUM: summary sb_zero: resets every member of arg 1{{$}}
{
	memset(sb, 0, sizeof(*sb));
}

void sb_assign_blank(struct sbuf *sb)
// SUM: summary sb_assign_blank: resets every member of arg 1{{$}}
{
	struct sbuf blank = SBUF_INIT;
	*sb = blank;
}

void sb_assign_literal(struct sbuf *sb)
// SUM: summary sb_assign_literal: resets every member of arg 1{{$}}
{
	*sb = (struct sbuf)SBUF_INIT;
}

void sb_copy_filled(struct sbuf *sb)
// SUM: summary sb_copy_filled:{{$}}
{
	struct sbuf tmp = SBUF_INIT;
	sb_grow(&tmp, 8);
	memcpy(sb, &tmp, sizeof(*sb));
}

void sb_copy(struct sbuf *dst, const struct sbuf *src)
// SUM: summary sb_copy:{{$}}
{
	memcpy(dst, src, sizeof(*dst));
}

int use(const char *s);

int early_return(const char *s)
{
	struct sbuf sb = SBUF_INIT;
	sb_grow(&sb, strlen(s));
	if (use(sb.buf))
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'sb.buf' allocated by sb_grow() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	sb_release(&sb);
	return 0;
}

int released_everywhere(const char *s)
{
	struct sbuf sb = SBUF_INIT;
	int r;
	sb_grow(&sb, strlen(s));
	r = use(sb.buf);
	sb_release(&sb);
	return r;
}

int heap_released(const char *s)
{
	struct sbuf *sb = calloc(1, sizeof(*sb));
	if (!sb)
		return -1;
	sb_grow(sb, strlen(s));
	sb_release(sb);
	free(sb);
	return 0;
}

int heap_not_released(const char *s)
{
	struct sbuf *sb = calloc(1, sizeof(*sb));
	if (!sb)
		return -1;
	sb_grow(sb, strlen(s));
	free(sb);
// CHECK: :[[@LINE-1]]:2: warning: 'sb->buf' allocated by sb_grow() at line [[@LINE-2]] is not freed when 'sb' is freed here [leakcheck-leak]
	return 0;
}

int init_with_hint_unused(void)
{
	struct sbuf sb;
	sb_init(&sb, 0);
	return use(sb.buf);
}
