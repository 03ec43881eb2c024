// Storing a temporary file's name into the caller's struct (o->tmp = tmp)
// hands over the file that name leads to, as storing it through a pointer
// did; the stream stored into o->fp goes with its descriptor.  A path that
// keeps neither still leaves the file behind.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct out { FILE *fp; char *tmp; };

int open_out(struct out *o, const char *dir)
{
	char *tmp;
	int fd;

	if (asprintf(&tmp, "%s/.x-XXXXXX", dir) < 0)
		return -1;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	o->fp = fdopen(fd, "w");
	if (!o->fp) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	o->tmp = tmp;
	return 0;
}

int open_out_forgets_name(struct out *o, const char *dir)
{
	char *tmp;
	int fd;

	if (asprintf(&tmp, "%s/.x-XXXXXX", dir) < 0)
		return -1;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	o->fp = fdopen(fd, "w");
	if (!o->fp) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: temporary file 'tmp' created by mkostemp() at line [[@LINE-14]] is not removed when returning here [leakcheck-leak]
}
