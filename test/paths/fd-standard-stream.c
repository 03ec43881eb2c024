// A descriptor known to be 0, 1 or 2 is a standard stream: the daemon
// idiom keeps it open on purpose (`if (fd > STDERR_FILENO) close(fd)`).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <unistd.h>

int redirect_stdio(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		return -1;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
	return 0;
}

int closes_only_high_ones(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		return -1;
	if (fd > 10)
		close(fd);
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 'fd' opened by open() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
}
