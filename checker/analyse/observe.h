/*
 * observe.h - what the walk of a function in summary mode tells of it
 * (analyse_function() with an observer): each exit path, and each
 * parameter released or lent.  The summary stage (summary/summary.h)
 * turns what it is told into the function's summary; the walk knows
 * nothing of how.
 */
#ifndef LEAKCHECK_OBSERVE_H
#define LEAKCHECK_OBSERVE_H

#include <stdbool.h>
#include <stdint.h>

#include "callee.h"

#define SUMMARY_VSET_MAX 4

/* A set of results: at most SUMMARY_VSET_MAX intervals, sorted (the closest
 * two merge when there would be more). */
struct vset {
	int n;
	int64_t lo[SUMMARY_VSET_MAX], hi[SUMMARY_VSET_MAX];
};

/* Adds [lo, hi] to v. */
void vset_add(struct vset *v, int64_t lo, int64_t hi);

/* What one exit path of a function shows (analyse.c fills it in). */
enum exit_ret {
	RET_NONE,       /* no value: a void return or the end of the function */
	RET_FRESH,      /* a resource acquired on the path and still held */
	RET_CONST,      /* a known constant (NULL, -1, 0, ...) */
	RET_PARAM,      /* a parameter, unchanged */
	RET_OTHER,      /* anything else */
};

struct exit_obs {
	enum exit_ret ret;
	const struct rule_acquire *acq;     /* RET_FRESH: how it was acquired */
	struct ir_loc acq_loc;              /* RET_FRESH: where */
	bool unchecked;                     /* RET_FRESH: may have failed */
	int64_t value;                      /* RET_CONST */
	bool ranged;                        /* RET_OTHER: the result lies in [lo, hi], and is
					       not 0 when nonzero */
	int64_t lo, hi;
	bool nonzero;
	int param;                          /* RET_PARAM: 1-based */
	int out_param;                      /* a fresh resource was stored into *param N */
	bool out_unchecked;                 /* ... before it was known to have succeeded */
	bool out_thru;                      /* the result is the untested status of the
					       acquisition stored into *out_param, passed on
					       as is: return vasprintf(ret, ..) */
	enum rule_fail thru_fails;          /* out_thru: how that acquisition fails */
	struct vset thru_ok, thru_bad;      /* out_thru: its status on success, failure */
	const struct rule_acquire *out_acq; /* ... acquired so */
	struct ir_loc out_loc;
	uint64_t released;                  /* bit N-1: parameter N released on the path */
	uint64_t null;                      /* ... tested NULL (or negative): nothing to release */
	uint64_t kept;                      /* ... stored or passed on */
	uint64_t moved;                     /* ... transferred into the returned handle
					       (return realloc(p, n)) */
	uint64_t err_zero;                  /* *param N is 0 at this exit */
	uint64_t err_set;                   /* *param N is known non-zero at this exit */
	uint64_t err_linked;                /* *param N is the error flag of the call whose
					       handle is returned (non-zero: it failed) */
	uint64_t err_void;                  /* param N is NULL here: nothing is stored */
	uint64_t void_params;               /* bit N-1: parameter N is NULL at this exit */
	uint64_t refd;                      /* ... holds one more reference taken here */
	const char *mem_name[SUMMARY_MAX_MEMBERS];  /* RET_FRESH: the members of the returned
					       struct holding a handle, */
	const struct rule_acquire *mem_acq[SUMMARY_MAX_MEMBERS];  /* ... acquired so */
	int nmem;
	int fill_param[SUMMARY_MAX_FILLS];  /* fresh resources stored into member
					       fill_name of *parameter fill_param (0-based) */
	const char *fill_name[SUMMARY_MAX_FILLS];
	const struct rule_acquire *fill_acq[SUMMARY_MAX_FILLS];
	struct ir_loc fill_loc[SUMMARY_MAX_FILLS];  /* ... where */
	int nfill;
	uint32_t fill_regrow;               /* bit i: fill i took over the member's own old
					       value (p->v = xrealloc(p->v, n)): where it
					       did not happen, the member holds what it held */
	uint32_t fill_grows;                /* bit i: fill i grows the member: a regrow, or
					       a callee's fill marked regrow (summary_member) */
	uint32_t fill_maybe;                /* bit i: fill i is a callee's maybe fill
					       (summary_member.maybe) */
	bool fill_over;                     /* more than that */
};

/*
 * Who is told what a walk in summary mode sees.  Parameters are 1-based.
 * released: parameter param is released as res (NULL: by a cleanup or a
 * release of unknown kind); shallow: by a rule's releaser (free(p)),
 * which touches none of its members.  lent: parameter param is handed to
 * the function that parameter fnparam points to, as its argument pos
 * (cb(cb_arg) with both given by the caller).
 */
struct walk_observer {
	void (*exit)(void *arg, const struct exit_obs *o);
	void (*released)(void *arg, int param, const struct rule_resource *res, bool shallow);
	void (*lent)(void *arg, int param, int fnparam, int pos);
	void *arg;
};

#endif
