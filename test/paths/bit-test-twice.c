// The same bit test of an unchanged variable takes the same branch twice;
// an assignment to the variable in between forgets it.
// (openssh readpassphrase.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <unistd.h>

struct opts { int flags; };

int same_bits(const char *path, int flags)
{
	int fd = -1;

	if (!(flags & 1)) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return -1;
	}
	if (flags & 1)
		return 0;
	close(fd);
	return 0;
}

int same_bits_in_memory(const char *path, struct opts *o)
{
	int fd = -1;

	if ((o->flags & 4) == 0) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return -1;
	}
	if (o->flags & 4)
		return 0;
	close(fd);
	return 0;
}

int bits_changed(const char *path, int flags, int more)
{
	int fd = -1;

	if (!(flags & 1)) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return -1;
	}
	flags |= more;
	if (flags & 1)
		return 0;
// CHECK: :[[@LINE-1]]:3: warning: 'fd' opened by open() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
	close(fd);
	return 0;
}
