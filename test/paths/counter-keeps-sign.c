// Adding to or multiplying a known positive (or zero) value keeps what
// matters of it: a counter that was incremented is not 0, a capacity that
// was doubled is not 0.  (curl tool_urlglob.c, openssh misc.c argv_split)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

void doubled(int n)
{
	size_t cap = 0;
	char *buf = NULL;

	if (n) {
		cap = 4;
		buf = malloc(cap);
		if (!buf)
			return;
		cap *= 2;
	}
	if (!cap)
		buf = malloc(4);
	free(buf);
}

int counted(const char *s, char ***out)
{
	char **argv = NULL;
	int argc = 0, i;

	while (*s++) {
		char **tmp = realloc(argv, (argc + 2) * sizeof(*argv));

		if (!tmp)
			goto out;
		argv = tmp;
		argv[argc++] = NULL;
	}
	*out = argv;
	return argc;
out:
	if (argc != 0 && argv != NULL) {
		for (i = 0; i < argc; i++)
			free(argv[i]);
		free(argv);
	}
	return -1;
}

// An unknown change (here: an assignment from a call) forgets it.
int forgotten(int n, int (*pick)(void))
{
	int count = 0;
	char *p = malloc(8);

	if (!p)
		return -1;
	count++;
	count = pick();
	if (count == 0)
		return 0;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by malloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
	free(p);
	return n;
}
