// A descriptor from a wrapper that dies when open() fails (git's xopen(),
// summarised "fails: never") is never negative, and one then known to be
// 0, 1 or 2 is a standard stream, as for open() itself: `if (fd >= 0)
// close(fd)` closes it, `if (fd != 1) { dup2(fd, 1); close(fd); }` and
// `if (fd && close(fd))` leave only stdout or stdin open.  Still
// reported: a descriptor above 2 not closed.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		abort();
	return fd;
}

void create_output_file(const char *path)
{
	int fd = xopen(path, O_WRONLY);

	if (fd != 1) {
		if (dup2(fd, 1) < 0)
			abort();
		close(fd);
	}
}

int closed_when_not_negative(const char *path, int quiet)
{
	int null_fd = -1;

	if (quiet)
		null_fd = xopen(path, O_RDWR);
	if (null_fd >= 0)
		close(null_fd);
	return 0;
}

int read_arg(const char *path, int dash)
{
	int fd;

	if (dash)
		fd = 0;
	else
		fd = xopen(path, O_RDONLY);
	if (fd && close(fd))
		return -1;
	return 0;
}

int closes_only_high_ones(const char *path)
{
	int fd = xopen(path, O_RDWR);

	if (fd > 10)
		close(fd);
	return 0;
// CHECK: {{.*}}fd-wrapper-never-fails.c:[[@LINE-1]]:2: warning: 'fd' opened by xopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
}
