// A parameter written with array syntax (int socks[2]) is a pointer:
// storing a descriptor through it hands the descriptor to the caller.
// (curl socketpair.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <sys/eventfd.h>
#include <unistd.h>

int make_wakeup(int socks[2])
{
	int efd = eventfd(0, 0);

	if (efd == -1)
		return -1;
	socks[0] = socks[1] = efd;
	return 0;
}

// A local array is not the caller's: the descriptor is still ours.
int local_array_keeps_it(void)
{
	int socks[2];
	int efd = eventfd(0, 0);

	if (efd == -1)
		return -1;
	socks[0] = efd;
	return socks[1];
// CHECK: :[[@LINE-1]]:2: warning: 'efd' opened by eventfd() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
}
