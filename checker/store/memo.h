/*
 * memo.h - the result memo: what the walk of each function gave in an
 * earlier run (its summary, its findings, whether it was fully analysed,
 * its statistics), so that a run in which a function and everything its
 * walk reads are unchanged reports the same without walking it.
 *
 * A function's entry is keyed by a hash of everything its walk reads: its
 * IR (as the cache holds it), the analysis options, leakcheck and the
 * rules (the cache's salt), and, for every function it calls or passes
 * (and those its variadic arguments go to), the summary found for it (the
 * bytes the summary index would hold) or none, and whether a body has
 * that name.  Not whether it is context (in a file not asked about: its
 * findings are not reported), so that runs on one file and on the whole
 * database share entries: an entry says whether its walk reported, and
 * one that did not (a context walk's) holds no findings, so it serves
 * context only; a walk that reports writes over it.
 * Summaries are computed callees first, so a changed file changes the
 * summaries of its functions, and that changes the keys of exactly the
 * callers that see a different summary: they are walked again, the rest
 * is replayed.
 *
 * Entries live in the cache directory, one file per translation unit
 * (HASH.lkm, checksummed, private and trusted as the cache's entries are),
 * written only when the unit's entries changed.  Reading trusts nothing: a damaged file is
 * ignored (its functions are walked).  --explain and the dump options
 * walk everything (the memo is not used).
 */
#ifndef LEAKCHECK_MEMO_H
#define LEAKCHECK_MEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "analyse/analyse.h"
#include "rules/rules.h"
#include "summary/summary.h"

struct memo;

/* A memo in dir (the cache directory, NULL: none) for salt; NULL when there is none. */
struct memo *memo_open(const char *dir, uint64_t salt, const struct rules *rules,
		       struct summaries *S, const struct analyse_opts *opts);

/*
 * Whether the memo holds the walk of f with what it reads today: then its
 * findings and incomplete notes are reported again, stats grow as the
 * walk's did, *s is its summary (in S's arena, NULL if none) and it
 * returns true.  Otherwise, the walk of f follows, between memo_begin()
 * and memo_end().
 */
bool memo_replay(struct memo *m, const struct body *f, struct analyse_stats *stats,
		 struct summary **s);
void memo_begin(struct memo *m, const struct analyse_stats *stats);
void memo_end(struct memo *m, const struct body *f, const struct summary *s,
	      const struct analyse_stats *stats);

/* What summaries_analyse_all() asks of m (summary/summary.h). */
struct summary_memo memo_hooks(struct memo *m);

/* Writes the units whose entries changed and frees m; says under --verbose what it did. */
void memo_close(struct memo *m);

#endif
