// A local whose address a call receives is forgotten at that call, and
// followed again after it: two tests of it with no call in between agree.
// (openssh krl.c force_new_sect)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <unistd.h>

int choose(int state, int *force);

int sections(int n)
{
	int state = 0, force = 0, i;
	char *bitmap = NULL;

	for (i = 0; i < n; i++) {
		state = choose(state, &force);
		if (force) {
			free(bitmap);
			bitmap = NULL;
		}
		if (force) {
			bitmap = malloc(16);
			if (!bitmap)
				return -1;
		}
	}
	free(bitmap);
	return state;
}

// read() writes the variable it is given: its old value is gone.
int read_flag(int fd)
{
	int flag = 0;
	char *p = malloc(4);

	if (!p)
		return -1;
	if (read(fd, &flag, sizeof(flag)) < 0)
		flag = 0;
	if (flag)
		return 1;
// CHECK: :[[@LINE-1]]:3: warning: 'p' allocated by malloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
	free(p);
	return 0;
}
