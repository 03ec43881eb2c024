/*
 * summary.h - what a function does to resources, learnt from its body.
 *
 * A summary says whether a function returns a fresh resource (directly
 * or through an out-parameter, and how its failure shows: the usual
 * kinds, or ranges of results), releases or keeps or only borrows each
 * parameter, lends it to a function pointer its caller gives, returns a
 * parameter unchanged or a known constant (range), or never returns, and
 * what it does to the first-level members of a parameter's struct (fills,
 * frees or resets p->m; summary_members.c).  Summaries are computed bottom-up over the call
 * graph of every function seen in the run (analyse_summarise() walks a
 * body in summary mode) and consulted at each EV_CALL, so wrappers of
 * malloc/fopen become acquirers and destructors releasers, in any file.
 *
 * What it does not handle: calls through function pointers other than
 * a parameter's (unknown callees), recursion beyond a conservative default (a function in a
 * call cycle sees the not-yet-summarised members as unknown), locks
 * taken for the caller, more than 64 parameters.
 *
 * Everything lives in the table's arena; summaries_release() frees it.
 */
#ifndef LEAKCHECK_SUMMARY_H
#define LEAKCHECK_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ir.h"
#include "rules.h"
#include "util.h"

#define SUMMARY_MAX_PARAMS 64
#define SUMMARY_MAX_MEMBERS 8
#define SUMMARY_MAX_FILLS 8

/*
 * What a function does to member name of the struct its parameter points
 * to (strbuf_addf(sb, ..) fills sb->buf, strbuf_release(sb) frees it).
 */
struct summary_member {
	int param;                          /* 0-based */
	const char *name;                   /* "*": every member (with resets only: a
					       blank struct written over *p) */
	const struct rule_acquire *fill;    /* a fresh resource is stored there (or was
					       there already: it grows it), failing as
					       fill->fails says of the result; or NULL */
	bool frees;                         /* what it held is released (maybe) */
	bool resets;                        /* it is overwritten with no resource
					       (strbuf_init(sb): sb->buf = slopbuf) */
	bool regrow;                        /* with fill: every fill grows what the member
					       held (p->v = xrealloc(p->v, n), or a callee's
					       such fill): a caller whose struct's count is
					       then zero holds nothing there (analyse_count.c) */
	uint32_t copies;                    /* with fill: bit K: the string arg K+1 points
					       to is copied into what the member points to
					       on every path that returns (strbuf_add(sb,
					       data, n): arg 2; lower_copy.c), so a literal
					       that prints something makes it non-empty */
	bool counts;                        /* with fill: every path that returns steps up
					       an integer member of the same parameter
					       (sb->len++: strbuf_addch()) */
};

struct summary {
	const char *key;                    /* the function's key (ir_func.key) */
	const char *name;
	struct ir_loc loc;                  /* its definition */
	bool noreturn;                      /* no path returns */
	struct rule_acquire ret;            /* ret.res != NULL: acquires what ret.res is;
					       shape SHAPE_RETURN (the result) or SHAPE_OUT
					       (*param ret.arg, ret.fails tests the result) */
	const char *via;                    /* the acquirer the resource comes from */
	struct ir_loc via_loc;              /* and where that call is */
	int returns_arg;                    /* returns parameter N unchanged, else 0 */
	bool ret_known;                     /* every path returns a constant (or a value the
					       walk knows the range of), in [ret_lo, ret_hi]
					       (but ret_ex when has_ret_ex): the call's value */
	bool has_ret_ex;
	int64_t ret_lo, ret_hi, ret_ex;
	uint64_t releases;                  /* bit N-1: releases parameter N on every path */
	uint64_t releases_some;             /* ... on some paths only (neither trusted nor
					       reported as a double release) */
	uint64_t keeps;                     /* parameter N leaves: stored, passed on */
	uint64_t releases_shallow;          /* ... of releases: by a rule's releaser (free(p)),
					       touching none of p's members */
	uint64_t members_touched;           /* it (or a callee) may free, take, overwrite or
					       copy out a member of *parameter N, other than
					       as pmem says */
	const struct summary_member *pmem;  /* what it does to members of *parameters */
	int npmem;
	const struct rule_acquire *ref_acq; /* it takes one more reference on the object of
					       parameter ref_acq->ref and neither releases nor
					       keeps it (x_ref, a g_object_ref wrapper):
					       summary_refc.c; NULL if not */
	uint64_t unrefs;                    /* of releases: bit N-1: gives back one reference
					       of parameter N (x_unref: decrements its
					       counter, frees it at zero) */
	const char **members;               /* ret (SHAPE_RETURN): members of the returned
					       struct holding fresh resources on every path
					       that returns it (a constructor), */
	const struct rule_acquire **member_acq;  /* ... each acquired so */
	int nmembers;
	uint64_t keeps_on;                  /* ... only when the call succeeds (the result
					       tested as keep_fails says): on failure the
					       caller still owns it (list_add(l, item)) */
	enum rule_fail keep_fails;
	uint64_t writes;                    /* something is stored through parameter N */
	struct rule_release *rel;           /* rel[N-1]: the release entry for parameter N */
	int nparams;
	bool keeps_varargs;                 /* the arguments after the named ones may be kept
					       (read with va_arg, or handed to a callee that may) */
	const char **gwrites;               /* globals it or its callees may write, by name */
	size_t ngwrites;
	bool gwrites_any;                   /* ... or any: a call through a pointer, a callee
					       without a summary that is no C library function */
	uint8_t *lends_to;                  /* lends_to[N-1] = M: parameter N is only handed
					       to the function parameter M points to (a
					       callback), as its argument lends_as[N-1]; that
					       function decides whether it is kept; 0: no;
					       NULL when no parameter is lent */
	uint8_t *lends_as;
	uint64_t memo_hash;                 /* memo.c: a hash of its bytes, 0 until asked */
	int error_arg;                      /* with ret (SHAPE_RETURN): *param N non-zero after
					       the call means it failed (returned NULL), as in
					       p = sort_items(.., &too_deep); if (too_deep) ..;
					       0 if none */
};

struct summaries {
	struct arena arena;                 /* owns the summaries */
	struct strmap map;                  /* key -> struct summary *; NULL: ambiguous */
	bool cross_file;                    /* external functions of other files count */
	bool dump;                          /* print each summary as it is made */
	struct strmap bodies;               /* keys of every function of the run */
	size_t computed;                    /* statistics */
	struct memo *memo;                  /* the result memo (memo.h), or NULL */
};

#define SUMMARY_VSET_MAX 4

/* A set of results: at most SUMMARY_VSET_MAX intervals, sorted (the closest
 * two merge when there would be more). */
struct vset {
	int n;
	int64_t lo[SUMMARY_VSET_MAX], hi[SUMMARY_VSET_MAX];
};

/* Adds [lo, hi] to v. */
void summary_vset_add(struct vset *v, int64_t lo, int64_t hi);

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
	bool fill_over;                     /* more than that */
};

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
	uint32_t fexit_mask[SUMMARY_MAX_FEXITS];    /* ... and the fills it holds */
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

/* Initialises an empty table. */
void summaries_init(struct summaries *S, bool cross_file);

/* Frees the table and every summary in it. */
void summaries_release(struct summaries *S);

struct analyse_opts;
struct analyse_stats;

/*
 * Analyses the n functions fns (from any number of translation units),
 * callees first, recording each one's summary in S as it goes so that its
 * callers use it: one walk per function gives both its findings and its
 * summary.  opts->summaries must be S.  The functions must outlive S
 * (summaries point at their names).  An external name defined in two
 * units (two programs in one database) is left unknown to other units.
 */
void summaries_analyse_all(struct summaries *S, const struct ir_func *const *fns, size_t n,
			   const struct analyse_opts *opts, struct analyse_stats *stats);

/*
 * The summary for a call with key (EV_CALL.key) made from a function of
 * unit, or NULL when the callee is unknown.
 */
const struct summary *summaries_find(const struct summaries *S, const char *key,
				     const char *unit);

/* Whether s says its calls may write the global called name (s NULL: any). */
bool summary_writes_global(const struct summary *s, const char *name);

/* Whether the run has a body for that callee (even one whose summary is unknown). */
bool summaries_has_body(const struct summaries *S, const char *key, const char *unit);

#endif
