/*
 * worker.h - the parser threads: room for deeply nested code, and a crash
 * inside libclang contained to the unit it happened on.
 *
 * clang parses recursively, so a very deep expression (a 100,000-term
 * `a + a + ...`, 20,000 nested `if`s) needs a deep stack.  Each parser
 * thread gets a large one (LEAKCHECK_STACK_SIZE MiB, default
 * WORKER_STACK_MIB; it is address space, paid for only as deep code uses
 * it), and libclang parses on that thread itself rather than on the 8 MiB
 * thread it would otherwise start (LIBCLANG_NOTHREADS).
 *
 * Code deeper still overflows even that stack.  libclang runs every parse
 * under its crash recovery, which catches the SIGSEGV and makes
 * clang_parseTranslationUnit2() return CXError_Crashed; but a signal
 * caused by a stack overflow can only be handled on another stack, so
 * every parser thread has an alternate signal stack and libclang's
 * handlers are made to use it (SA_ONSTACK).  libclang then prints its own
 * "libclang: crash detected during parsing" block to stderr.
 *
 * Not handled: a crash outside a libclang parse (in our lowering, in
 * libclang calls it makes) still ends the process; the lowering bounds its
 * own recursion instead (lower_int.h).  A user who sets
 * LIBCLANG_DISABLE_CRASH_RECOVERY gets no recovery, as libclang promises.
 */
#ifndef LEAKCHECK_WORKER_H
#define LEAKCHECK_WORKER_H

#include <stddef.h>

/* The parser threads' stack in MiB when LEAKCHECK_STACK_SIZE is not set. */
#define WORKER_STACK_MIB 256

/*
 * Prepares the process for worker_run(), before any thread or libclang
 * index exists: reads LEAKCHECK_STACK_SIZE, has libclang parse on the
 * calling thread, enables its crash recovery and moves its signal handlers
 * to the alternate stacks.  Returns -1 after reporting a bad
 * LEAKCHECK_STACK_SIZE.
 */
int worker_prepare(void);

/*
 * Runs fn(arg) on n threads at once, each with the large stack and an
 * alternate signal stack, and waits for them all.  Threads that cannot be
 * started are done without; if none can, fn(arg) runs once on the calling
 * thread (its own stack, with an alternate signal stack).
 */
void worker_run(size_t n, void *(*fn)(void *), void *arg);

#endif
