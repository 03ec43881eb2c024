/*
 * analyse_retarget.c - for a leak reported at a goto past every release
 * (analyse_where.c), another label of the function the goto could jump
 * to instead: one whose straight-line code releases the handle on its
 * way to the goto's label.  The language server offers that edit as a
 * quick fix (docs/editors.md); nothing here changes what is reported.
 *
 * A label qualifies only when what runs from it to the goto's label is
 * known to be safe in the state right after the goto: releases of the
 * leaked handle and of handles certainly held there (acquired and known
 * to have succeeded, so never NULL), and events that touch no handle.
 * Not handled (no label offered): a branch, a return or another goto on
 * the way, a call given a handle (a destructor with a body), a store or
 * a copy of one, a release of a variable changed on the way, a release
 * that may see NULL (NULL-safe releasers are not known from the rules).
 */
#define _GNU_SOURCE

#include "analyse_int.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks followed from a label before giving up (a label's cleanup is short). */
#define RETARGET_MAX_BLOCKS 64

/* What the code from one label to the goto's label does (walk_label()). */
struct run {
	bool frees;                 /* releases slot x */
	size_t others;              /* releases of other handles held at the goto */
	char *also;                 /* their names, "'fp', 'sock'" (malloc'ed), or NULL */
};

/* Whether event e touches no handle a release further on could depend on. */
static bool harmless(const struct ir_event *e, bool *changed)
{
	int j;

	switch (e->kind) {
	case EV_SCOPE_END:
	case EV_FORGET:
	case EV_NONNULL:
		return true;
	case EV_SETCONST:
	case EV_CLOBBER:
	case EV_ARITH:
		if (e->var >= 0)
			changed[e->var] = true;
		return true;
	case EV_CALL:
		for (j = 0; j < e->nargs; j++)
			if (e->args[j].kind != ARG_NONE && e->args[j].kind != ARG_FUNC &&
			    !(e->args[j].kind == ARG_VAR && e->args[j].borrowed))
				return false;
		if (e->var >= 0)
			changed[e->var] = true;
		return true;
	default:
		return false;
	}
}

/* Adds "'name'" to r->also. */
static void add_also(struct run *r, const char *name)
{
	char *s;

	if (asprintf(&s, "%s%s'%s'", r->also ? r->also : "", r->also ? ", " : "", name) < 0)
		return;
	free(r->also);
	r->also = s;
}

/*
 * Follows the code from block b (a label's) to block end (the goto's
 * label) in state s (right after the goto) for slot x; returns whether
 * it gets there by falling through and every release on the way is
 * safe (see the top of the file), filling r.
 */
static bool walk_label(struct an *A, int b, int end, unsigned char *s, int x, struct run *r)
{
	bool *changed = xcalloc(A->nvars + 1, sizeof(bool));
	bool *done = xcalloc(A->nslots + 1, sizeof(bool));
	bool ok = true;
	int hops = 0;

	memset(r, 0, sizeof(*r));
	while (ok && b != end) {
		const struct ir_block *blk = &A->f->blocks[b];
		size_t i;

		for (i = 0; i < blk->nev && ok; i++) {
			const struct ir_event *e = &blk->ev[i];
			const struct var_st *w;
			int y;

			if (e->kind != EV_RELEASE) {
				ok = harmless(e, changed);
				continue;
			}
			w = vst(A, s, e->var);
			y = w && w->role == ROLE_HANDLE ? w->bind : -1;
			ok = y >= 0 && !changed[e->var] && !done[y] && e->rel &&
			     an_releases(e->rel, e->rel_mask, site_of_slot(A, y)->acq->res);
			if (!ok)
				break;
			done[y] = true;
			if (y == x) {
				r->frees = true;
			} else if ((ok = slots(A, s)[y].st == RS_HELD)) {
				r->others++;
				add_also(r, A->f->vars[e->var].name);
			}
		}
		/* falling through only: no branch, return or goto statement */
		if (blk->term.kind != T_GOTO || blk->term.text || ++hops > RETARGET_MAX_BLOCKS)
			ok = false;
		b = blk->term.target;
	}
	free(done);
	free(changed);
	if (!ok || !r->frees) {
		free(r->also);
		r->also = NULL;
		return false;
	}
	return true;
}

const char *an_retarget(struct an *A, int g, unsigned char *s, int x, char **also)
{
	int end = A->f->blocks[g].term.target;
	const char *best = NULL;
	size_t b, fewest = 0;

	*also = NULL;
	for (b = 0; b < A->f->nblocks; b++) {
		struct run r;

		if (!A->f->blocks[b].label || (int)b == end ||
		    !walk_label(A, (int)b, end, s, x, &r))
			continue;
		/* the nearest such label: the one releasing the fewest other handles */
		if (!best || r.others < fewest) {
			best = A->f->blocks[b].label;
			fewest = r.others;
			free(*also);
			*also = r.also;
		} else {
			free(r.also);
		}
	}
	return best;
}
