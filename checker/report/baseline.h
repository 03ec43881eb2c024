/*
 * baseline.h - the set of findings a project has accepted (--baseline).
 *
 * A baseline file is the JSON that --write-baseline writes (report.c):
 *
 *   {"version": 1, "findings": [{"fingerprint": "...", "flag": "...",
 *                                "file": "...", "message": "..."}, ...]}
 *
 * Only "fingerprint" is used to match; the other fields are for people
 * reading the file.  Loading checks the shape and reports the first
 * problem as one error line.  Not handled: merging several baselines.
 */
#ifndef LEAKCHECK_BASELINE_H
#define LEAKCHECK_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/util.h"

struct baseline {
	struct arena arena;         /* owns the fingerprints and their marks */
	struct strmap map;          /* fingerprint -> struct baseline_mark (baseline.c) */
	size_t len;                 /* distinct fingerprints */
};

/*
 * Initialises b and loads the baseline file at path into it.  Returns 0,
 * or -1 after reporting why the file cannot be used.
 * Release b with baseline_release() in both cases.
 */
int baseline_load(struct baseline *b, const char *path);

/* Whether fingerprint is in b; marks it as seen. */
bool baseline_take(struct baseline *b, const char *fingerprint);

/* Number of fingerprints of b that baseline_take() has not seen. */
size_t baseline_unseen(const struct baseline *b);

/* Frees the contents of b. */
void baseline_release(struct baseline *b);

#endif
