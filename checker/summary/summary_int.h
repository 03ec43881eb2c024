/*
 * summary_int.h - what summary.c and summary_fails.c share: the results
 * of a function's exits as sets of ranges, and what they make of them.
 * Not an API: only summary*.c include it.
 */
#ifndef LEAKCHECK_SUMMARY_INT_H
#define LEAKCHECK_SUMMARY_INT_H

#include <stdbool.h>

#include "summary.h"

/* Adds every value of u to v. */
void summary_vset_union(struct vset *v, const struct vset *u);

/* Adds the result of exit o to v (anything, when the exit's result is unknown). */
void summary_note_result(struct vset *v, const struct exit_obs *o);

/*
 * How the result of an out-parameter acquirer tells failure, from b's
 * results with and without the store: sets ret->fails (and for
 * FAIL_RANGE its ranges); false when nothing fits.
 */
bool summary_status_fails(const struct summary_builder *b, struct rule_acquire *ret);
/* The same from the results ok of success and bad of failure. */
bool summary_sets_fail(const struct vset *ok, const struct vset *bad, struct rule_acquire *ret);
/* The parameter (0-based) whose member (p->name) v is, or -1. */
int summary_member_param(const struct ir_func *f, int v);
/* Notes the members of parameters exit o holds filled (summary_members.c). */
void summary_note_fills(struct summary_builder *b, const struct exit_obs *o);
/*
 * s->pmem from what b saw and f's events: the members of its parameters
 * that f fills and frees; returns the parameters whose members it
 * touches otherwise (summary.members_touched).
 */
uint64_t summary_members(struct summaries *S, const struct ir_func *f, struct summary *s,
			 const struct summary_builder *b);

/* Sets s->ret_known and its range when every exit of b returns a known value. */
void summary_known_result(struct summary *s, const struct summary_builder *b);

/* Notes exit o's results by whether each parameter was kept (or released) there. */
void summary_note_kept(struct summary_builder *b, const struct exit_obs *o);

/* How the result tells that parameter i (0-based) was not kept, if it does. */
bool summary_keep_fails(const struct summary_builder *b, int i, enum rule_fail *fails);

#endif
