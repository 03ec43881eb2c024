// A store of NULL through an out-parameter ends what was stored there on
// that exit: git's split_cmdline(cmdline, &argv) allocates *argv, and on
// its failing exits does FREE_AND_NULL(*argv) and returns a negative
// error; its count of success is at least 1, so it "stores heap into
// *arg 2, fails: range [1, ..] ok, [-1, -1] not".  A caller that returns
// on `count < 0`, or on `> 0` found false (git connect.c:1230), holds
// nothing there; one that forgets to free argv on success leaks it.
// (Freeing *out without the NULL store is not followed:
// test/KNOWN-FAILURES.md.)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>

void die(const char *msg) __attribute__((noreturn));

void *xmalloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		die("out of memory");
	return p;
}

#define FREE_AND_NULL(p) do { free(p); (p) = NULL; } while (0)

int split_cmdline(char *cmdline, const char ***argv)
{
	size_t src, count = 0;
	char quoted = 0;

	*argv = xmalloc(16 * sizeof(**argv));
	(*argv)[count++] = cmdline;
	for (src = 0; cmdline[src]; src++) {
		if (!quoted && (cmdline[src] == '\'' || cmdline[src] == '"'))
			quoted = cmdline[src];
		else if (cmdline[src] == quoted)
			quoted = 0;
	}
	if (quoted) {
		FREE_AND_NULL(*argv);
		return -1;
	}
	return (int)count;
}
// SUM: summary split_cmdline: stores heap into *arg 2 (allocated by malloc(), fails: range [1, 9223372036854775807] ok, [-1, -1] not) keeps arg 1{{$}}

int run(const char **argv);

int alias_leaks(char *cmd, int dry)
{
	const char **argv;
	int count = split_cmdline(cmd, &argv);

	if (count < 0)
		return -1;
	if (dry)
		return 0;
// CHECK: {{.*}}out-param-nulled-on-failure.c:[[@LINE-1]]:3: warning: 'argv' allocated by split_cmdline() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	count = run(argv);
	free(argv);
	return count;
}

int alias_ok(char *cmd, int dry)
{
	const char **argv;
	int count = split_cmdline(cmd, &argv);

	if (count < 0)
		return -1;
	if (!dry)
		count = run(argv);
	free(argv);
	return count;
}

int variant_ok(char *cmd)
{
	const char **argv;

	if (split_cmdline(cmd, &argv) > 0) {
		run(argv);
		free(argv);
	} else {
		return -1;
	}
	return 0;
}
