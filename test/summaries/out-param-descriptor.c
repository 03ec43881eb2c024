// A descriptor stored through an out-parameter on success is >= 0 there:
// `if (sock == -1)` after a successful listener() is not taken.
// (openssh ssh-agent.c agent_listener)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int listener(int *fdp)
{
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	*fdp = fd;
	return 0;
}

int serve(void)
{
	int sock = -1;

	if (listener(&sock) != 0)
		abort();
	if (sock == -1)
		sock = socket(AF_UNIX, SOCK_STREAM, 0);
	return sock;
}

int serve_leaky(int quit)
{
	int sock = -1;

	if (listener(&sock) != 0)
		return -1;
	if (quit)
		return 0;
// CHECK: :[[@LINE-1]]:3: warning: 'sock' opened by listener() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
	close(sock);
	return 0;
}
