// A pointer given a value that is never NULL -- a string literal, the
// address of a variable, an array -- is not NULL on that path: a later
// test of it takes one branch, also in a loop, so a handle acquired next
// to it and released under that test is not reported (git setup.c
// setup_git_directory_gently_1: gitdirenv = ".git" with gitdir_path =
// xstrdup(..), both freed under `if (gitdirenv)`).  Still reported: a
// marker given NULL, or a value that may be NULL (getenv), and &p->f.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int probe(const char *d, int *err);
int check(const char *a, const char *b);

struct opt { int v; };

int literal_marker_in_loop(const char *dir)
{
	for (;;) {
		int err = 0;
		const char *env = NULL;
		char *path = NULL;

		if (probe(dir, &err) == 2) {
			env = ".git";
			path = strdup(dir);
		}
		if (env) {
			int r = check(path, env);
			free(path);
			return r;
		}
		if (err)
			return -1;
	}
}

int address_marker(const char *dir, int c)
{
	static int one;
	int local;
	char buf[8];
	int *m = NULL, *n = NULL;
	char *b = NULL;
	char *path = NULL, *q = NULL, *r = NULL;

	if (c == 1) {
		m = &one;
		path = strdup(dir);
	}
	if (c == 2) {
		n = &local;
		q = strdup(dir);
	}
	if (c == 3) {
		b = buf;
		r = strdup(dir);
	}
	if (m)
		free(path);
	if (n)
		free(q);
	if (b)
		free(r);
	return 0;
}

int null_marker(const char *dir)
{
	const char *env = NULL;
	char *path = NULL;

	if (probe(dir, NULL) == 2) {
		env = NULL;
		path = strdup(dir);
	}
	if (env)
		free(path);
	return 0;
// CHECK: {{.*}}marker-set-to-literal.c:[[@LINE-1]]:2: warning: 'path' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int maybe_null_marker(const char *dir)
{
	const char *env = NULL;
	char *path = NULL;

	if (probe(dir, NULL) == 2) {
		env = getenv("GIT_DIR");
		path = strdup(dir);
	}
	if (env)
		free(path);
	return 0;
// CHECK: {{.*}}marker-set-to-literal.c:[[@LINE-1]]:2: warning: 'path' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int member_address_marker(struct opt *o, const char *dir)
{
	int *m = NULL;
	char *path = NULL;

	if (probe(dir, NULL) == 2) {
		m = &o->v;
		path = strdup(dir);
	}
	if (m)
		free(path);
	return 0;
// CHECK: {{.*}}marker-set-to-literal.c:[[@LINE-1]]:2: warning: 'path' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}
