/*
 * sumindex.h - the summary index: what every function of a compile
 * database does to resources (its summary), in one file, so that a run on
 * one changed file knows the whole project without parsing it or finding
 * it in a warm cache (docs/index.md has the format and the CI recipes).
 *
 *   leakcheck -p build --write-index leakcheck.idx       (CI, whole database)
 *   leakcheck -p build --index leakcheck.idx src/io.c    (pre-commit, editor)
 *
 * The index holds the summaries of the external functions of the run that
 * wrote it (a static function is known only in its own unit, which a run
 * parses), and the names of those whose walk gave no summary (the budget
 * ran out), so that calls to them stay unknown calls to a body rather than
 * C library calls.  A run that reads it enters them before its own
 * functions are summarised: a function of a file the run parses is
 * summarised again from that parse and replaces the index's entry (the
 * index may be older than the file).
 *
 * Paths in summaries (where a resource is acquired, for the notes) are
 * stored relative to the database's source root, the deepest directory
 * holding the database and every file it names, and put back under the
 * reading run's root: the index written on a CI machine serves every
 * clone.
 *
 * A file that is not an index, was written by another version of
 * leakcheck or with other rules (the rule files, before any config's), or
 * is damaged in any way is an error: one line, and the run stops (exit 2).
 */
#ifndef LEAKCHECK_SUMINDEX_H
#define LEAKCHECK_SUMINDEX_H

#include <stdint.h>

#include "rules/rules.h"
#include "summary/summary.h"

/* The version of the format, part of every index (docs/index.md). */
#define SUMINDEX_FORMAT 3

/*
 * Writes the external summaries of S (and the bodies without one) to
 * path, made afresh and renamed into place.  rules_id identifies the rule
 * files (cache_rules_hash() before configs); root is the source root, or
 * NULL to keep paths absolute.  Returns -1 after one error line.
 */
int sumindex_write(const char *path, const struct summaries *S, uint64_t rules_id,
		   const char *root);

/*
 * Enters the index at path into S (strings and summaries in S's arena;
 * resources by id from rules, or made up as written).  Returns the
 * number of functions entered, or -1 after one error line.
 */
long sumindex_load(const char *path, struct summaries *S, const struct rules *rules,
		   uint64_t rules_id, const char *root);

/* ---- sumindex_codec.c: one summary's bytes (not an API) ---- */
struct bytes_out;
struct bytes_in;

void sumindex_put_summary(struct bytes_out *b, const struct summary *s, const char *root);

/* A resource kind, written whole (its id and words) or none. */
void sumindex_put_res(struct bytes_out *b, const struct rule_resource *res, const char *root);

/* What reading needs: strings and made-up resources go into S's arena. */
struct sumindex_reader {
	struct bytes_in *in;
	struct summaries *S;
	const struct rules *rules;
	struct strmap *made;        /* resource id -> resource made up from what was read */
	const char *root;
	int nparams;                /* of the summary being read */
};

/* A resource written by sumindex_put_res(): the run's of that id, or one made up so. */
const struct rule_resource *sumindex_get_res(struct sumindex_reader *d);

/* The summary read from r, or NULL when r failed (r->bad says why). */
struct summary *sumindex_get_summary(struct bytes_in *r, struct summaries *S,
				     const struct rules *rules, struct strmap *made,
				     const char *root);

#endif
