// A constructor that returns a fresh struct whose members it filled with
// fresh resources (on every path that returns it) is summarised with those
// members: its caller that frees the struct with free() (or a wrapper of
// free) while a member still holds its resource leaks the member there; a
// destructor with a body, freeing the members by hand, handing the member
// on, or returning the struct are correct.  (The struct freed with free(s)
// where s_free(s) was needed.)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>
struct conn { char *host; char *user; int fd; };

static struct conn *conn_new(const char *h)
{
	struct conn *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->host = strdup(h);
	if (!c->host) {
		free(c);
		return NULL;
	}
	return c;
}

static void conn_free(struct conn *c)
{
	if (!c)
		return;
	free(c->host);
	free(c);
}

static void xfree(void *p)
{
	free(p);
}

int shallow(const char *h)
{
	struct conn *c = conn_new(h);
	if (!c)
		return -1;
	free(c);       /* leaks c->host */
// CHECK: :[[@LINE-1]]:2: warning: 'c->host' allocated by conn_new() at line [[@LINE-4]] is not freed when 'c' is freed here [leakcheck-leak]
	return 0;
}

int shallow_wrapper(const char *h)
{
	struct conn *c = conn_new(h);
	if (!c)
		return -1;
	xfree(c);      /* leaks c->host */
// CHECK: :[[@LINE-1]]:2: warning: 'c->host' allocated by conn_new() at line [[@LINE-4]] is not freed when 'c' is freed here [leakcheck-leak]
	return 0;
}

int deep(const char *h)
{
	struct conn *c = conn_new(h);
	if (!c)
		return -1;
	conn_free(c);
	return 0;
}

int by_hand(const char *h)
{
	struct conn *c = conn_new(h);
	if (!c)
		return -1;
	free(c->host);
	free(c);
	return 0;
}

char *steal(const char *h)
{
	struct conn *c = conn_new(h);
	char *name;
	if (!c)
		return NULL;
	name = c->host;
	free(c);
	return name;
}

int lost(const char *h)
{
	struct conn *c = conn_new(h);
	if (!c)
		return -1;
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 'c' allocated by conn_new() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
// CHECK: :[[@LINE-2]]:2: note: 'c->host' acquired by conn_new() at line [[@LINE-5]] is lost with it
}

/* A parameter stored into the new struct is kept by the constructor (redis
   createObject): its caller's handle is no longer the caller's to free. */
struct obj { int type; void *ptr; };

static struct obj *make_obj(int type, void *ptr)
{
	struct obj *o = malloc(sizeof(*o));

	if (!o)
		abort();
	o->type = type;
	o->ptr = ptr;
	return o;
}

struct obj *wrap_new_list(void)
{
	char *l = malloc(16);

	if (!l)
		return NULL;
	return make_obj(1, l);
}

/* A callee that frees or overwrites a member takes it; one that only reads
   members leaves them held. */
static void reset_host(struct conn *c)
{
	free(c->host);
	c->host = NULL;
}

static int conn_port(struct conn *c)
{
	return c->host ? 22 : 0;
}

int reset_then_free(const char *h)
{
	struct conn *c = conn_new(h);

	if (!c)
		return -1;
	reset_host(c);
	free(c);
	return 0;
}

int read_then_free(const char *h)
{
	struct conn *c = conn_new(h);

	if (!c)
		return -1;
	if (conn_port(c) == 0)
		return -2;
// CHECK: :[[@LINE-1]]:3: warning: 'c' allocated by conn_new() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	free(c);        /* leaks c->host */
// CHECK: :[[@LINE-1]]:2: warning: 'c->host' allocated by conn_new() at line [[@LINE-8]] is not freed when 'c' is freed here [leakcheck-leak]
	return 0;
}
