/*
 * analyse_keep.c - a rule's borrower that keeps an argument only when it
 * succeeds (lower_keep.c): its call is resolved as a callee whose summary
 * says "keeps arg N on success (fails: ..)", so the result's test hands
 * the argument back on failure (ROLE_KEPT, an_branch) exactly as for a
 * function of the program summarised so.
 */
#include "analyse_int.h"

#include <string.h>

const struct summary *an_keep_summary(struct summary *out, const struct ir_event *ev)
{
	uint64_t bit;

	if (!ev->keep_arg || ev->keep_arg > SUMMARY_MAX_PARAMS)
		return NULL;
	bit = 1ULL << (ev->keep_arg - 1);
	memset(out, 0, sizeof(*out));
	out->key = ev->key;
	out->name = ev->callee;
	out->loc = ev->loc;
	out->nparams = ev->nargs;
	out->keeps = bit;               /* untested, or the result is not followed: kept */
	out->keeps_on = bit;
	out->keep_fails = ev->keep_fails;
	return out;
}
