/*
 * worker.c - parser threads with large stacks and alternate signal
 * stacks; see worker.h.
 *
 * Why each piece is needed (measured on libclang 19, a 100,000-term
 * `a + a + ...` and friends):
 *
 *   - libclang runs a parse on a thread of its own with an 8 MiB stack
 *     (RunSafely -> RunSafelyOnThread) unless LIBCLANG_NOTHREADS is set;
 *     that thread's stack cannot be chosen, so we set LIBCLANG_NOTHREADS
 *     and parse on our own threads, whose stack we choose.
 *   - llvm::CrashRecoveryContext installs its SIGSEGV (SIGBUS, ...)
 *     handlers without SA_ONSTACK.  When the stack has overflowed, the
 *     kernel cannot push the handler's frame and kills the process, so
 *     the recovery never runs.  We add SA_ONSTACK to the handlers it
 *     installed, and give every thread that parses an alternate signal
 *     stack (sigaltstack() is per thread).
 */
#define _GNU_SOURCE

#include "worker.h"
#include "diag.h"
#include "util.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The largest LEAKCHECK_STACK_SIZE accepted, in MiB (64 GiB). */
#define WORKER_STACK_MIB_MAX 65536

/*
 * The inaccessible gap below each thread's stack.  A frame larger than the
 * gap can jump over it into the memory below (another thread's stack): the
 * default, one page, is far smaller than some of clang's frames.
 */
#define WORKER_GUARD_SIZE (16 << 20)

/* Each thread's alternate signal stack: room for libclang's handler. */
#define WORKER_ALTSTACK_SIZE (256 << 10)

/* The signals llvm::CrashRecoveryContext handles. */
static const int recovered_signals[] = { SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSEGV, SIGTRAP };

/* The parser threads' stack in bytes (set by worker_prepare()). */
static size_t stack_bytes = (size_t)WORKER_STACK_MIB << 20;

/* Reads LEAKCHECK_STACK_SIZE into stack_bytes; returns -1 after reporting a bad value. */
static int read_stack_size(void)
{
	const char *s = getenv("LEAKCHECK_STACK_SIZE");
	unsigned long mib;
	char *end;

	if (!s || !*s)
		return 0;
	errno = 0;
	mib = strtoul(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || mib < 1 || mib > WORKER_STACK_MIB_MAX) {
		diag_error("LEAKCHECK_STACK_SIZE must be a whole number of MiB from 1 to %d, not '%s'",
			     WORKER_STACK_MIB_MAX, s);
		return -1;
	}
	stack_bytes = (size_t)mib << 20;
	return 0;
}

/* Makes the handlers crash recovery installed run on the alternate signal stack. */
static void handlers_on_altstack(void)
{
	size_t i;

	for (i = 0; i < sizeof(recovered_signals) / sizeof(*recovered_signals); i++) {
		struct sigaction sa;

		if (sigaction(recovered_signals[i], NULL, &sa) < 0 || sa.sa_handler == SIG_DFL ||
		    sa.sa_handler == SIG_IGN || (sa.sa_flags & SA_ONSTACK))
			continue;
		sa.sa_flags |= SA_ONSTACK;
		sigaction(recovered_signals[i], &sa, NULL);
	}
}

int worker_prepare(void)
{
	if (read_stack_size() < 0)
		return -1;
	/* libclang reads it at each parse; no thread runs yet */
	setenv("LIBCLANG_NOTHREADS", "1", 1);
	if (!getenv("LIBCLANG_DISABLE_CRASH_RECOVERY")) {
		clang_toggleCrashRecovery(1);   /* what clang_createIndex() would do */
		handlers_on_altstack();
	}
	return 0;
}

/* What a worker thread runs. */
struct worker_task {
	void *(*fn)(void *);
	void *arg;
};

/* Runs the task with an alternate signal stack for this thread. */
static void *worker_main(void *p)
{
	const struct worker_task *t = p;
	stack_t alt = { .ss_size = WORKER_ALTSTACK_SIZE }, old;
	void *ret;

	alt.ss_sp = xmalloc(alt.ss_size);
	if (sigaltstack(&alt, &old) < 0) {
		free(alt.ss_sp);
		return t->fn(t->arg);           /* recovery from an overflow is lost */
	}
	ret = t->fn(t->arg);
	sigaltstack(&old, NULL);
	free(alt.ss_sp);
	return ret;
}

void worker_run(size_t n, void *(*fn)(void *), void *arg)
{
	struct worker_task task = { fn, arg };
	pthread_t *threads = xcalloc(n ? n : 1, sizeof(*threads));
	pthread_attr_t attr;
	size_t started = 0, i;

	pthread_attr_init(&attr);
	if (pthread_attr_setstacksize(&attr, stack_bytes) == 0 &&
	    pthread_attr_setguardsize(&attr, WORKER_GUARD_SIZE) == 0)
		while (started < n &&
		       pthread_create(&threads[started], &attr, worker_main, &task) == 0)
			started++;
	pthread_attr_destroy(&attr);
	if (started < n)
		diag_verbose("%zu of %zu threads started with a %zu MiB stack",
			       started, n, stack_bytes >> 20);
	if (started == 0)
		worker_main(&task);             /* no thread to be had: do it here */
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
}
