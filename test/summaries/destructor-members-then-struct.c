// A destructor that frees the members, then the struct, and accepts NULL
// (as sshbuf_free does) releases its argument on every path.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

struct conn { char *host; char *buf; int fd; };

void conn_free(struct conn *c)
{
	if (c == NULL)
		return;
	free(c->host);
	free(c->buf);
	free(c);
}

struct conn *conn_new(const char *host)
{
	struct conn *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	c->host = strdup(host);
	if (c->host == NULL) {
		conn_free(c);
		return NULL;
	}
	return c;
}

int connect_to(const char *host, int port)
{
	struct conn *c = conn_new(host);

	if (!c)
		return -1;
	if (port <= 0) {
		conn_free(c);
		return -1;
	}
	if (port > 65535)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'c' allocated by conn_new() at line [[@LINE-10]] is not freed when returning here [leakcheck-leak]
	conn_free(c);
	return 0;
}

void free_twice(const char *host)
{
	struct conn *c = conn_new(host);

	conn_free(c);
	conn_free(c);
// CHECK: :[[@LINE-1]]:2: warning: 'c' allocated by conn_new() at line [[@LINE-4]] is freed twice; first freed at line [[@LINE-2]] [leakcheck-double-release]
}

// Only one branch of the helper releases: neither trusted as a release
// nor reported as a double release.
void maybe_free(struct conn *c, int now)
{
	if (now)
		conn_free(c);
}

void uses_maybe(const char *host, int now)
{
	struct conn *c = conn_new(host);

	maybe_free(c, now);
	maybe_free(c, !now);
}
