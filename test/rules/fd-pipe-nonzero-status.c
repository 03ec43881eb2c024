// pipe() returns 0 or -1: any non-zero result is a failure, so after
// `if (pipe(fd)) return` both ends are open.  (curl tool_main.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>

int probe(void)
{
	int fd[2];

	if (pipe(fd))
		return 1;
	close(fd[0]);
	close(fd[1]);
	return 0;
}

int probe_leaks_write_end(void)
{
	int fd[2];

	if (pipe(fd))
		return 1;
	close(fd[0]);
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 'fd[1]' opened by pipe() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}
