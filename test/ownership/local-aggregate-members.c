// A handle stored into a member of a local struct or union (or a slot of a
// local array of structs) stays tracked under that name: reading it back
// releases it, the aggregate dying while it holds it is a leak, and the
// aggregate escaping (returned, copied, passed by address or by value to a
// function that is not from the C library) takes it along.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

struct pair { char *a; char *b; };
union either { char *text; unsigned char *bytes; };
void take(struct pair *p);
void take_val(struct pair p);
void peek(const struct pair *p);

int member_leaks(void)
{
	struct pair s;

	s.a = malloc(10);
	if (!s.a)
		return -1;
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 's.a' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

int member_freed(void)
{
	struct pair s;

	s.a = malloc(10);
	if (!s.a)
		return -1;
	free(s.a);
	return 0;
}

int dies_in_loop(int n)
{
	for (int i = 0; i < n; i++) {
		struct pair s;

		s.a = malloc(10);
		if (!s.a)
			return -1;
	}
// CHECK: :[[@LINE-1]]:2: warning: 's.a' allocated by malloc() at line [[@LINE-4]] is not freed when it goes out of scope here [leakcheck-leak]
	return 0;
}

int nested_member(void)
{
	struct { struct pair in; int n; } o;

	o.in.b = strdup("x");
	if (!o.in.b)
		return -1;
	o.n = 1;
	return o.n;
// CHECK: :[[@LINE-1]]:2: warning: 'o.in.b' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int iovec_slot(int fd, const char *text)
{
	struct iovec iov[2];
	char *copy = strdup(text);

	if (!copy)
		return -1;
	iov[0].iov_base = copy;
	iov[0].iov_len = strlen(copy);
	writev(fd, iov, 1);
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 'copy' allocated by strdup() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
}

int initialiser_list(int fd, const char *text)
{
	struct iovec iov = { .iov_base = strdup(text), .iov_len = 3 };
	struct pair s = { malloc(3), NULL };

	if (!iov.iov_base)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 's.a' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	writev(fd, &iov, 1);
	free(iov.iov_base);
	free(s.a);
	return 0;
}

struct pair returned_copy(void)
{
	struct pair s, t;

	s.a = malloc(10);
	s.b = NULL;
	t = s;
	return t;
}

struct pair returned(void)
{
	struct pair s = { strdup("a"), strdup("b") };

	return s;
}

void passed_by_address(void)
{
	struct pair s;

	s.a = malloc(10);
	take(&s);
}

void passed_by_value(void)
{
	struct pair s;

	s.a = malloc(10);
	take_val(s);
}

void passed_as_const(void)
{
	struct pair s;

	s.a = malloc(10);
	peek(&s);       /* const struct pair * does not stop free(p->a) */
}

void aliased(void)
{
	struct pair s, *p = &s;

	s.a = malloc(10);
	take(p);
}

void union_members(void)
{
	union either u;

	u.text = malloc(4);
	free(u.bytes);
}

void copied_by_memcpy(struct pair *out)
{
	struct pair s;

	s.a = malloc(3);
	memcpy(out, &s, sizeof(s));
}

static struct pair make(char *a)
{
	struct pair s = { a, a };

	return s;
}

struct pair through_helper(void)
{
	return make(strdup("x"));
}
