// A local pointer whose only value is the address of one local (p = &s,
// out = &buf), used only as p->m, (*p).m, *p, a call's argument or in a
// comparison, is that local: a handle stored through it stays tracked
// under the local's name (s.a, buf), freeing it through either name
// releases it, and giving p to a call is giving &s (a callee that keeps
// it keeps s's members; one summarised as filling or freeing a member
// does so to s's).  A pointer returned, stored, reassigned to anything
// else or whose address is taken is an ordinary pointer, and the local
// it points at is left out as before.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

struct pair { char *a; char *b; struct { char *c; } in; };
union either { char *text; unsigned char *bytes; };
void take(struct pair *p);
void peek(const struct pair *p);
int use(const char *s);
struct pair *kept;

struct sb { char *ptr; size_t len; };

static void sb_fill(struct sb *b)
{
	b->ptr = malloc(8);
	if (!b->ptr)
		abort();
	b->len = 0;
}

static void sb_release(struct sb *b)
{
	free(b->ptr);
	b->ptr = NULL;
}

int filled_by_callee(void)
{
	struct sb b, *bp = &b;

	sb_fill(bp);
	if (use(bp->ptr))
		return -1;
// CHECK: pointer-to-local.c:[[@LINE-1]]:3: warning: 'b.ptr' allocated by sb_fill() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	sb_release(bp);
	return 0;
}

int released_by_callee(void)
{
	struct sb b, *bp = &b;

	sb_fill(bp);
	if (use(b.ptr)) {
		sb_release(&b);
		return -1;
	}
	sb_release(bp);
	return 0;
}

static int get_copy(char **o, const char *x)
{
	*o = strdup(x);
	return *o ? 0 : -1;
}

int member_address_given(const char *x)
{
	struct pair s, *p = &s;

	if (get_copy(&p->a, x) < 0)
		return -1;
	if (use(s.a))
		return -2;
// CHECK: pointer-to-local.c:[[@LINE-1]]:3: warning: 's.a' allocated by get_copy() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	free(p->a);
	return 0;
}

int member_address_given_freed(const char *x)
{
	struct pair s, *p = &s;

	if (get_copy(&p->a, x) < 0)
		return -1;
	if (use(s.a)) {
		free(s.a);
		return -2;
	}
	free(p->a);
	return 0;
}

int member_address_kept(const char *x)
{
	struct pair s, *p = &s;
	char **slot = &p->a;    /* a write through slot would be unseen: s is left out */

	if (get_copy(slot, x) < 0)
		return -1;
	if (use(s.a))
		return -2;
	free(s.a);
	return 0;
}

/* a type check evaluates nothing (as in curl's typecheck-gcc.h) */
#define NOT_PAIR(x) (!__builtin_types_compatible_p(__typeof__(x), struct pair *))

int type_checked(void)
{
	struct pair s, *p = &s;
	__typeof__(p) unused = NULL;

	p->a = malloc(10);
	if (!p->a)
		return -1;
	if (NOT_PAIR(p) || use(p->b))
		return -2;
// CHECK: pointer-to-local.c:[[@LINE-1]]:3: warning: 's.a' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
	free(s.a);
	return unused != NULL;
}

int member_leaks(void)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	if (!p->a)
		return -1;
	if (use(p->a))
		return -2;
// CHECK: pointer-to-local.c:[[@LINE-1]]:3: warning: 's.a' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
	free(s.a);
	return 0;
}

int member_freed_by_name(void)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	if (!p->a)
		return -1;
	if (use(p->a)) {
		free(s.a);
		return -2;
	}
	free(s.a);
	return 0;
}

int member_freed_through_pointer(void)
{
	struct pair s;
	struct pair *p;

	p = &s;
	p->a = malloc(10);
	if (!p->a)
		return -1;
	if (use(s.a)) {
		free(p->a);
		return -2;
	}
	free(p->a);
	return 0;
}

int nested_and_deref(void)
{
	struct pair s, *p = &s;

	p->in.c = malloc(3);
	(*p).b = malloc(3);
	if (!p->in.c || !s.b)
		return -1;
// CHECK: pointer-to-local.c:[[@LINE-1]]:3: warning: 's.b' allocated by malloc() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
// CHECK: pointer-to-local.c:[[@LINE-2]]:3: warning: 's.in.c' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
	free(s.in.c);
	free(p->b);
	return 0;
}

void union_member(void)
{
	union either u, *up = &u;

	up->text = malloc(4);
	free(u.bytes);
}

int out_leaks(const char *x)
{
	char *buf;
	char **out = &buf;

	*out = strdup(x);
	if (!*out)
		return -1;
	if (use(buf))
		return -2;
// CHECK: pointer-to-local.c:[[@LINE-1]]:3: warning: 'buf' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
	free(buf);
	return 0;
}

int out_freed(const char *x)
{
	char *buf;
	char **out = &buf;

	*out = strdup(x);
	if (!buf)
		return -1;
	if (use(*out)) {
		free(buf);
		return -2;
	}
	free(*out);
	return 0;
}

void given_to_keeper(void)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	take(p);
}

void given_as_const(void)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	peek(p);        /* const struct pair * does not stop free(p->a) */
}

void copied_out(struct pair *out)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	memcpy(out, p, sizeof(*p));
}

void copied_whole(struct pair *out)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	*out = *p;
}

struct pair *returned(void)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	return p;
}

void stored(void)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	kept = p;
}

void reassigned(struct pair *other)
{
	struct pair s, *p = &s;

	p->a = malloc(10);
	p = other;
	p->a = NULL;
}

void address_taken(void)
{
	struct pair s, *p = &s;
	struct pair **pp = &p;

	(*pp)->a = malloc(10);
}

void second_pointer_kept(void)
{
	struct pair s, *p = &s, *q = &s;

	p->a = malloc(10);
	kept = q;       /* s's address is kept: s is left out */
}

int loop(int n)
{
	struct pair s, *p = &s;
	int i;

	for (i = 0; i < n; i++) {
		p->a = malloc(10);
		if (!p->a)
			return -1;
		if (use(p->a))
			return -2;
// CHECK: pointer-to-local.c:[[@LINE-1]]:4: warning: 's.a' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
		free(p->a);
	}
	return 0;
}

int loop_freed(int n)
{
	struct pair s, *p;
	int i;

	for (i = 0; i < n; i++) {
		p = &s;
		p->a = malloc(10);
		if (!p->a)
			return -1;
		if (use(p->a)) {
			free(s.a);
			continue;
		}
		free(p->a);
	}
	return 0;
}
