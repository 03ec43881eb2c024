// A handle stored into a member of a struct this function allocated
// (c->host = strdup(h) after c = calloc(..)) is held by that struct: it
// goes wherever the struct goes (returned, handed to a destructor), a
// struct freed by free() while a member alone holds a handle leaks it
// there, and overwriting the member loses it.  A store into a parameter's
// struct hands the handle to the caller.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>
struct conn { char *host; char *user; int fd; };
void conn_free(struct conn *c);
int register_conn(struct conn *c);

struct conn *partial_free(const char *h, const char *u)
{
	struct conn *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->host = strdup(h);
	if (!c->host) {
		free(c);
		return NULL;
	}
	c->user = strdup(u);
	if (!c->user) {
		free(c);        /* leaks c->host */
// CHECK: :[[@LINE-1]]:3: warning: 'c->host' allocated by strdup() at line [[@LINE-8]] is not freed when 'c' is freed here [leakcheck-leak]
		return NULL;
	}
	return c;
}

struct conn *full_free(const char *h, const char *u)
{
	struct conn *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->host = strdup(h);
	if (!c->host)
		goto fail;
	c->user = strdup(u);
	if (!c->user)
		goto fail;
	return c;
fail:
	free(c->host);
	free(c->user);
	free(c);
	return NULL;
}

struct conn *destructor(const char *h)
{
	struct conn *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->host = strdup(h);
	if (register_conn(c) < 0) {
		conn_free(c);
		return NULL;
	}
	return c;
}

void overwrite(struct conn *c0, const char *h)
{
	struct conn *c = malloc(sizeof(*c));
	if (!c)
		return;
	c->host = strdup(h);
	c->host = strdup("x");     /* leaks the first */
// CHECK: :[[@LINE-1]]:2: warning: 'c->host' allocated by strdup() at line [[@LINE-2]] is overwritten here before being freed [leakcheck-overwrite]
	free(c->host);
	free(c);
}

void alias(const char *h)
{
	struct conn *c = malloc(sizeof(*c)), *d;
	if (!c)
		return;
	c->host = strdup(h);
	d = c;
	free(d->host);
	free(d);
}

void param_store(struct conn *c, const char *h)
{
	c->host = strdup(h);
}

void leak_struct(const char *h)
{
	struct conn *c = malloc(sizeof(*c));
	if (!c)
		return;
	c->host = strdup(h);
}
// CHECK: :[[@LINE-1]]:1: warning: 'c' allocated by malloc() at line [[@LINE-5]] is not freed at the end of the function [leakcheck-leak]

void moved_out(const char *h)
{
	struct conn *c = malloc(sizeof(*c));
	char *x;
	if (!c)
		return;
	c->host = strdup(h);
	x = c->host;
	c->host = NULL;
	free(c);
	free(x);
}
