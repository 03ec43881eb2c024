// A function that calls a function pointer its caller gives, with an
// argument its caller also gives (atomicio(read, fd, buf, n) calling
// read(fd, buf + pos, ..); cb(cb_arg)), lends that argument: the function
// given at the call decides.  read() and a callback that only reads leave
// the buffer held; a callback that keeps it, free(), or a function pointer
// we know nothing of take it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <unistd.h>

static void *kept;

static size_t io(ssize_t (*f)(int, void *, size_t), int fd, void *buf, size_t n)
{
	char *s = buf;
	size_t pos = 0;

	while (pos < n) {
		ssize_t r = f(fd, s + pos, n - pos);

		if (r <= 0)
			break;
		pos += (size_t)r;
	}
	return pos;
}
// SUM: summary io: lends arg 2 to arg 1 (as its arg 1) lends arg 3 to arg 1 (as its arg 2){{$}}

static size_t io_all(ssize_t (*f)(int, void *, size_t), int fd, void *buf, size_t n)
{
	return io(f, fd, buf, n);
}
// SUM: summary io_all: lends arg 2 to arg 1 (as its arg 1) lends arg 3 to arg 1 (as its arg 2){{$}}

static int each(int (*cb)(void *, int), void *arg, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (cb != NULL && cb(arg, i) == -1)
			return -1;
	return 0;
}
// SUM: summary each: returns [-1, 0] lends arg 2 to arg 1 (as its arg 1){{$}}

static void run(void (*fn)(void *), void *arg)
{
	fn(arg);
}

static int count(void *arg, int i)
{
	int *total = arg;

	*total += i;
	return 0;
}

static int stash(void *arg, int i)
{
	kept = arg;
	return i;
}

int read_header(int fd, int fail)
{
	char *buf = malloc(64);

	if (buf == NULL)
		return -1;
	if (io_all(read, fd, buf, 64) != 64 || fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'buf' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	free(buf);
	return 0;
}

int sum_to(int n)
{
	int *total = calloc(1, sizeof(*total));

	if (total == NULL)
		return -1;
	each(count, total, n);
	return *total;
// CHECK: :[[@LINE-1]]:2: warning: 'total' allocated by calloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}

int stash_it(int n)
{
	int *v = calloc(1, sizeof(*v));

	if (v == NULL)
		return -1;
	each(stash, v, n);      /* the callback keeps it */
	return 0;
}

int through_unknown(int (*cb)(void *, int), int n)
{
	int *v = calloc(1, sizeof(*v));

	if (v == NULL)
		return -1;
	each(cb, v, n);         /* a function we cannot see */
	return 0;
}

int freed_by_callback(int n)
{
	int *v = calloc(1, sizeof(*v));

	if (v == NULL)
		return -1;
	*v = n;
	run(free, v);           /* free() is given it */
	return 0;
}
