// A function of the run whose every path ends in exit() never returns,
// even when it is not declared noreturn: the child branch below does not
// reach the parent's close() calls.  (openssh session.c do_child)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <unistd.h>

void run_child(const char *cmd)
{
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	exit(127);
}

int spawn(const char *cmd)
{
	int p[2];

	if (pipe(p) == -1)
		return -1;
	switch (fork()) {
	case -1:
		close(p[0]);
		close(p[1]);
		return -1;
	case 0:
		close(p[0]);
		run_child(cmd);
	default:
		break;
	}
	close(p[0]);
	return p[1];
}

// The same helper returning on one path does return.
void maybe_run(const char *cmd, int really)
{
	if (really)
		run_child(cmd);
}

int spawn_maybe(const char *cmd, int really)
{
	int p[2];

	if (pipe(p) == -1)
		return -1;
	maybe_run(cmd, really);
	close(p[0]);
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 'p[1]' opened by pipe() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
}
