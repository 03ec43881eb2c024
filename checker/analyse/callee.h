/*
 * callee.h - what a callee does to resources: the interface the walk
 * (analyse.h) consults at each call, and the summary stage
 * (summary/summary.h) fills in.
 *
 * A summary says whether a function returns a fresh resource (directly
 * or through an out-parameter, and how its failure shows: the usual
 * kinds, or ranges of results), releases or keeps or only borrows each
 * parameter, lends it to a function pointer its caller gives, returns a
 * parameter unchanged or a known constant (range), or never returns, and
 * what it does to the first-level members of a parameter's struct (fills,
 * frees or resets p->m).  The table (struct summaries) maps the keys of
 * calls to summaries, whatever made them: a walk of the body in this run
 * (summary/), the result memo or the summary index (store/).
 *
 * Everything lives in the table's arena; summaries_release() frees it.
 */
#ifndef LEAKCHECK_CALLEE_H
#define LEAKCHECK_CALLEE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/util.h"
#include "ir/ir.h"
#include "rules/rules.h"

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
	bool maybe;                         /* with fill: only some exits fill it, and the
					       result does not tell which (git's
					       unquote_c_style() fails before and after
					       appending; fill->fails is then FAIL_NEVER, or
					       FAIL_RANGE with ranges that overlap): a caller
					       holds it, and reports it only if it releases
					       that member elsewhere */
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
};

/* Initialises an empty table. */
void summaries_init(struct summaries *S, bool cross_file);

/* Frees the table and every summary in it. */
void summaries_release(struct summaries *S);

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
