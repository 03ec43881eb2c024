/*
 * summary.h - summaries learnt from bodies: what each function of the run
 * does to resources (analyse/callee.h), made from what the walk of its
 * body observes (analyse/observe.h), callees first.
 *
 * Summaries are computed bottom-up over the call graph of every function
 * seen in the run (summaries_analyse_all(): one walk per function gives
 * both its findings and, through a struct summary_builder observing it,
 * its summary) and consulted at each EV_CALL, so wrappers of malloc/fopen
 * become acquirers and destructors releasers, in any file.  What a
 * function does to members of its parameters' structs is
 * summary_members.c's; reference counts summary_refc.c's; results and
 * their failures summary_fails.c's.
 *
 * What it does not handle: calls through function pointers other than
 * a parameter's (unknown callees), recursion beyond a conservative default (a function in a
 * call cycle sees the not-yet-summarised members as unknown), locks
 * taken for the caller, more than 64 parameters.
 *
 * The walk (analyse/) knows nothing of this stage: it is told the callees'
 * summaries through callee.h and tells what it sees through observe.h.
 */
#ifndef LEAKCHECK_SUMMARY_H
#define LEAKCHECK_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "analyse/callee.h"
#include "analyse/observe.h"
#include "base/arena.h"
#include "ir/ir.h"
#include "rules/rules.h"
#include "base/util.h"

#define SUMMARY_MAX_VOIDS 16
#define SUMMARY_MAX_FEXITS 64

/* A member of a parameter's struct that some exit holds filled (summary_members.c). */
struct fill_seen {
	int param;
	const char *name;
	const struct rule_acquire *acq;
	struct ir_loc loc;                  /* where (the first exit's) */
	bool bad;                           /* filled with two kinds of resource */
	bool regrow;                        /* every fill seen took over its old value */
	bool grows;                         /* every fill seen grows it (exit_obs.fill_grows) */
	bool maybe;                         /* some fill seen is a callee's maybe fill */
};
/* Exits that stored nothing while some parameters were NULL (see summary_observe). */
struct void_exit {
	uint64_t mask;                      /* the parameters that were NULL */
	struct vset res;                    /* the results seen there */
};

/* Collects the exit paths of one function while it is analysed. */
struct summary_builder {
	const struct ir_func *f;
	bool any_exit;
	bool ret_bad;                       /* some path returns neither fresh nor a constant */
	bool ret_fresh;
	const struct rule_acquire *ret_acq;
	struct ir_loc ret_loc;
	uint64_t xf_moved;                  /* parameters moved into the result on some
					       fresh return, */
	uint64_t xf_fresh;                  /* ... moved, released or NULL on every one */
	uint64_t xf_other;                  /* ... released or kept on another exit */
	bool ret_unchecked;
	bool zero, negative, positive;      /* constants returned on the other paths */
	int returns_arg;                    /* -1 unset, 0 none, N */
	int out_param;                      /* -1 conflicting, 0 none, N */
	const struct rule_acquire *out_acq;
	struct ir_loc out_loc;
	bool out_bad;
	bool out_missing;                   /* some exit path stored nothing into *out */
	struct vset results;                /* results of every exit */
	struct vset s_res;                  /* results when *out was stored */
	struct vset f_res;                  /* results when it was not */
	int thru;                           /* exits returning the stored acquisition's
					       untested status (out_thru): 0 none, 1 all
					       with thru_fails, -1 of several kinds */
	enum rule_fail thru_fails;
	uint64_t rel_all, rel_some, kept;
	uint64_t refd_all;                  /* parameters holding one more reference at every exit */
	uint64_t returned;                  /* parameters returned on some path */
	const struct rule_resource *rel_res[SUMMARY_MAX_PARAMS];
	const char *mem_name[SUMMARY_MAX_MEMBERS];  /* members held on every fresh return */
	const struct rule_acquire *mem_acq[SUMMARY_MAX_MEMBERS];
	int nmem;                           /* -1 before the first fresh return */
	uint64_t rel_shallow;               /* parameters released by a rule's releaser */
	uint8_t keep_res[SUMMARY_MAX_PARAMS];  /* results seen where parameter N was kept or
					       released (bits 0-3: zero, nonzero, negative,
					       non-negative) and where not (bits 4-7) */
	uint64_t err_ok;                    /* *param N is 0 (or the returned handle's own
					       error flag) on every exit returning a handle */
	uint64_t err_used;                  /* ... and set on some exit returning NULL */
	struct void_exit voids[SUMMARY_MAX_VOIDS];  /* exits storing nothing with NULL
					       parameters: not failures when the out-parameter
					       is one of them (if (valp != NULL) *valp = ..) */
	size_t nvoids;
	uint8_t lend_fn[SUMMARY_MAX_PARAMS];  /* see summary.lends_to; 255: to several */
	uint8_t lend_pos[SUMMARY_MAX_PARAMS];
	struct fill_seen fills[SUMMARY_MAX_FILLS];  /* members filled at some exit */
	int nfills;
	bool fills_over;                    /* too many members or exits to follow */
	bool fill_valued;                   /* some exit returns a value */
	struct vset fexit_res[SUMMARY_MAX_FEXITS];  /* each exit's results, */
	uint32_t fexit_mask[SUMMARY_MAX_FEXITS];    /* ... and the fills it holds, */
	uint64_t fexit_void[SUMMARY_MAX_FEXITS];    /* ... and the parameters NULL there */
	int nfexit;
};

void summary_begin(struct summary_builder *b, const struct ir_func *f);
void summary_observe(struct summary_builder *b, const struct exit_obs *o);
/* Parameter param (1-based) is released as res (NULL: by a cleanup or unknown kind). */
void summary_released(struct summary_builder *b, int param, const struct rule_resource *res);
/*
 * Parameter param (1-based) is handed to the function that parameter
 * fnparam points to, as its argument pos (cb(cb_arg) with both given by
 * the caller).
 */
void summary_lent(struct summary_builder *b, int param, int fnparam, int pos);
/* The observer that tells b what a walk sees (analyse_function()). */
struct walk_observer summary_observer(struct summary_builder *b);
/*
 * Turns what was observed into a summary in the table's arena; complete is
 * false when the walk was cut short (the budget), which gives an unknown
 * summary.  Returns NULL when there is nothing worth recording.
 */
struct summary *summary_finish(struct summaries *S, struct summary_builder *b, bool complete);

/* summary_refc.c: what s says of reference counts, from b and its function's body. */
void summary_refc_finish(struct summaries *S, const struct summary_builder *b, struct summary *s);
/* Prints " refs arg N" / " unrefs arg N" for s to file (a FILE *). */
void summary_refc_dump(const struct summary *s, void *file);

/* The resource kind of the references a summarised function takes (ref_acq->res). */
const struct rule_resource *summary_refc_resource(void);

/* Prints s in one line ("name: returns ... releases 1 ...") to file (a FILE *). */
void summary_dump(const struct summary *s, void *file);

struct analyse_opts;
struct analyse_stats;

/*
 * What a run kept of the walks of an earlier one (store/memo.h): replay
 * gives the summary of function b (and reports its findings again)
 * without a walk, or even its IR, when its body and its callees'
 * summaries are unchanged, else returns false; begin and end frame a walk
 * that did happen, to keep its findings and summary (s, NULL for none).
 */
struct body;
struct summary_memo {
	bool (*replay)(void *arg, const struct body *b, struct analyse_stats *stats,
		       struct summary **s);
	void (*begin)(void *arg, struct analyse_stats *stats);
	void (*end)(void *arg, const struct body *b, struct summary *s,
		    struct analyse_stats *stats);
	void *arg;
};

/* A function of the run as the summary walk knows it before it walks it. */
struct body {
	const char *key;            /* ir_func.key, */
	const char *unit;           /* ... unit, */
	struct ir_loc loc;          /* ... loc, */
	bool context;               /* ... and context */
	const char *const *callees; /* ir_func_callees() */
	size_t ncallees;
	const char *const *va_callees;  /* ir_func.va_callees */
	size_t nva_callees;
	uint64_t hash;              /* a hash of its IR's encoding (store/cache.h), or
				       0 when not known (no memo then) */
};

/*
 * The functions a run walks: n of them, each known by its entry in
 * bodies, whose IR open() gives (NULL: it cannot, the function is left
 * unknown) until close() takes it back.  The strings of what open() gives
 * must outlive the summaries, which point at them (store/irpack.h keeps
 * them in a pool).
 */
struct body_source {
	const struct body *bodies;
	size_t n;
	struct ir_func *(*open)(void *arg, size_t i);
	void (*close)(void *arg, size_t i, struct ir_func *f);
	void *arg;
};

/*
 * Analyses the functions of src (from any number of translation units),
 * callees first, recording each one's summary in S as it goes so that its
 * callers use it: one walk per function gives both its findings and its
 * summary.  A function's IR is open only while it or a caller of it
 * waits on the depth-first stack.  opts->summaries must be S; memo, if
 * not NULL, is asked before each walk.  An external name defined in two
 * units (two programs in one database) is left unknown to other units.
 */
void summaries_analyse_source(struct summaries *S, const struct body_source *src,
			      const struct analyse_opts *opts, const struct summary_memo *memo,
			      struct analyse_stats *stats);

/* The same over n functions in memory, which must outlive S. */
void summaries_analyse_all(struct summaries *S, const struct ir_func *const *fns, size_t n,
			   const struct analyse_opts *opts, const struct summary_memo *memo,
			   struct analyse_stats *stats);

#endif
