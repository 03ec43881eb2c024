// A callee that closes the slots of an array parameter with constant
// indexes (git's close_pair(int fd[2]): close(fd[0]); close(fd[1]);)
// frees those members of it ("frees member [0] of arg 1"), also through
// a wrapper, and a caller passing its local array from pipe() lets them
// go.  Still reported: the slot such a callee does not close.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <unistd.h>

void close_pair(int fd[2])
{
	close(fd[0]);
	close(fd[1]);
}
// SUM: summary close_pair: frees member [0] of arg 1 frees member [1] of arg 1{{$}}

void close_both(int *p)
{
	close_pair(p);
}
// SUM: summary close_both: frees member [0] of arg 1 frees member [1] of arg 1{{$}}

void close_read_end(int fd[2])
{
	close(fd[0]);
}
// SUM: summary close_read_end: frees member [0] of arg 1{{$}}

int pair_closed(void)
{
	int fd[2];

	if (pipe(fd) < 0)
		return -1;
	close_pair(fd);
	return 0;
}

int pair_closed_by_wrapper(void)
{
	int fd[2];

	if (pipe(fd) < 0)
		return -1;
	close_both(fd);
	return 0;
}

int read_end_only(void)
{
	int fd[2];

	if (pipe(fd) < 0)
		return -1;
	close_read_end(fd);
	return 0;
// CHECK: {{.*}}callee-closes-array-slots.c:[[@LINE-1]]:2: warning: 'fd[1]' opened by pipe() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}
