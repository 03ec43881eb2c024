/*
 * analyse.h - path-sensitive tracking of acquisitions over the event IR.
 *
 * Walks (block, state) pairs of one function breadth-first, exploring
 * identical pairs once.  A state maps each acquisition to held /
 * held-unchecked / released / escaped / failed, each variable to the
 * handle it holds, and the variables tested in conditions to what is
 * known of their value, so a state only follows the branches its facts
 * allow (the failure branch of `if (!fp)` holds nothing).  Findings go to
 * the report module with the path as notes.
 *
 * Knows nothing of libclang, nor of how summaries are made: a callee's
 * summary comes through callee.h, and in summary mode what the walk sees
 * goes to an observer (observe.h).
 */
#ifndef LEAKCHECK_ANALYSE_H
#define LEAKCHECK_ANALYSE_H

#include <stdbool.h>
#include <stddef.h>

#include "ir/ir.h"
#include "callee.h"
#include "observe.h"

struct analyse_opts {
	size_t budget;              /* states explored per function before giving up */
	bool check_main;            /* report leaks at the exits of main() */
	const struct summaries *summaries;  /* callee summaries, or NULL (all unknown) */
	bool guess;                 /* pair X_new/X_free by name for bodiless callees */
	bool explain;               /* say why each acquisition gives no finding */
	bool borrow_unknown;        /* unknown-callees: borrow (.leakcheck.yml): a callee
				       with neither rule nor body keeps no argument */
};

/*
 * The most memory the walk of one function may keep: its states and the
 * liveness sets of its blocks.  A function that needs more (thousands of
 * handles alive at once, each state a copy of them all) stops there, with
 * the findings made so far, like one whose budget ran out.
 */
#define ANALYSE_MAX_BYTES ((size_t)512 << 20)

struct analyse_stats {
	size_t functions;           /* functions analysed */
	size_t states;              /* states explored in all */
	size_t exhausted;           /* functions whose budget ran out */
	size_t too_large;           /* functions stopped at ANALYSE_MAX_BYTES */
	size_t unsupported;         /* functions skipped (computed goto, setjmp) */
};

/*
 * Analyses f and records its findings with report_finding().  Says under
 * --verbose when the budget runs out, the states outgrow
 * ANALYSE_MAX_BYTES, or f is unsupported, and records it with
 * report_incomplete() (unless f is context).  When obs is not
 * NULL (summary mode), every exit path is also described to it, with
 * each parameter followed as a handle of its own; returns false when the
 * walk was not complete (unsupported, budget), true otherwise.
 */
bool analyse_function(const struct ir_func *f, const struct analyse_opts *opts,
		      struct analyse_stats *stats, const struct walk_observer *obs);

#endif
