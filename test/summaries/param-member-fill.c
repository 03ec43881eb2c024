// A function that stores a fresh resource into a member of the struct its
// parameter points at (itself or through a callee) is summarised as filling
// that member; one that frees the member or resets it says so.  A caller's
// local struct given by address to such a function then holds the resource
// in that member: an early return leaks it, the matching release, a detach
// that returns it, or copying the struct out are correct.  A fill that
// happens only on success leaves nothing to free on failure.  A heap struct
// filled that way and freed with free() leaks the member.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>
struct buf { size_t alloc, len; char *ptr; };
static char slop[1];

static void buf_init(struct buf *b)
// SUM: summary buf_init: resets member ptr of arg 1{{$}}
{
	b->alloc = b->len = 0;
	b->ptr = slop;
}

static void buf_grow(struct buf *b, size_t extra)
// SUM: summary buf_grow: fills member ptr of arg 1 with heap (fails: never, grown){{$}}
{
	int fresh = !b->alloc;
	if (fresh)
		b->ptr = NULL;
	if (b->len + extra + 1 > b->alloc) {
		b->alloc = b->len + extra + 1;
		b->ptr = realloc(b->ptr, b->alloc);
		if (!b->ptr)
			abort();
	}
	if (fresh)
		b->ptr[0] = '\0';
}

static void buf_add(struct buf *b, const char *s)
// SUM: summary buf_add: fills member ptr of arg 1 with heap (fails: never, grown) copies arg 2 into it{{$}}
{
	size_t n = strlen(s);
	buf_grow(b, n);
	memcpy(b->ptr + b->len, s, n + 1);
	b->len += n;
}

static void buf_release(struct buf *b)
// SUM: summary buf_release: frees member ptr of arg 1{{$}}
{
	if (b->alloc) {
		free(b->ptr);
		buf_init(b);
	}
}

static char *buf_detach(struct buf *b)
// SUM: summary buf_detach:{{$}}
{
	char *res;
	buf_grow(b, 0);
	res = b->ptr;
	buf_init(b);
	return res;
}

static int buf_read(struct buf *b, int fd)
// SUM: summary buf_read: fills member ptr of arg 1 with heap (fails: nonzero) returns [-1, 0]{{$}}
{
	char *p = malloc(64);
	if (!p)
		return -1;
	if (fd < 0) {
		free(p);
		return -1;
	}
	b->ptr = p;
	b->alloc = 64;
	return 0;
}

static void buf_set(struct buf *b, const char *s)
// SUM: summary buf_set:{{$}}
{
	free(b->ptr);
	b->ptr = strdup(s);
}

static void buf_copy(struct buf *dst, const struct buf *src)
// SUM: summary buf_copy:{{$}}
{
	*dst = *src;
}

int use(const char *s);

int early_return(const char *s)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, s);
	if (use(b.ptr) < 0)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'b.ptr' allocated by buf_add() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: :[[@LINE-4]]:2: note: 'b.ptr' acquired here
// CHECK-NEXT: :[[@LINE-5]]:2: note: buf_add() hands back what realloc() allocated at {{.*}}param-member-fill.c:31
	buf_release(&b);
	return 0;
}

int released_everywhere(const char *s)
{
	struct buf b;
	int r;
	buf_init(&b);
	buf_add(&b, s);
	r = use(b.ptr);
	buf_release(&b);
	return r;
}

char *detached(const char *s)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, s);
	return buf_detach(&b);
}

int read_fails_owns_nothing(int fd)
{
	struct buf b;
	if (buf_read(&b, fd) < 0)
		return -1;
	use(b.ptr);
	free(b.ptr);
	return 0;
}

int read_then_forgotten(int fd)
{
	struct buf b;
	if (buf_read(&b, fd) < 0)
		return -1;
	return use(b.ptr);
// CHECK: :[[@LINE-1]]:2: warning: 'b.ptr' allocated by buf_read() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
}

int heap_holder(const char *s)
{
	struct buf *b = calloc(1, sizeof(*b));
	if (!b)
		return -1;
	buf_add(b, s);
	free(b);
// CHECK: :[[@LINE-1]]:2: warning: 'b->ptr' allocated by buf_add() at line [[@LINE-2]] is not freed when 'b' is freed here [leakcheck-leak]
	return 0;
}

int heap_holder_released(const char *s)
{
	struct buf *b = calloc(1, sizeof(*b));
	if (!b)
		return -1;
	buf_add(b, s);
	buf_release(b);
	free(b);
	return 0;
}

int setter(struct buf *b, const char *s)
{
	buf_set(b, s);
	return use(b->ptr);
}

int copied_out(struct buf *out, const char *s)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, s);
	buf_copy(out, &b);
	return 0;
}
