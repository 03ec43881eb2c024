// Releasing memory does not change the pointer's value: a copy tested
// non-NULL before free() is still non-NULL after it.  (openssh channels.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>

int tested_before_free(const char *path)
{
	char *buf = malloc(16);
	char *cur = buf;
	int fd = -1;

	if (cur) {
		fd = open(path, O_RDONLY);
		if (fd == -1)
			cur = NULL;
	}
	free(buf);
	if (!cur)
		return -1;
	return fd;
}

int not_tested_leaks(const char *path, int give_up)
{
	char *buf = malloc(16);
	int fd = -1;

	if (buf)
		fd = open(path, O_RDONLY);
	free(buf);
	if (fd < 0)
		return -1;
	if (give_up)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'fd' opened by open() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
	return fd;
}
