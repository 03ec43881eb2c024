/*
 * analyse_sites.c - the sites a function's walk follows: its own (IR
 * sites), completed by the summaries of the callees they call (what a
 * wrapper returns or stores into *out), one per member a constructor
 * returns its struct with (c->host of c = conn_new()), and, in summary
 * mode, one per parameter; and the ids of member names (p->name).
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* How a parameter is followed in summary mode: as a handle that may be NULL (or -1). */
static const struct rule_acquire param_pointer = {
	.func = "(parameter)", .shape = SHAPE_RETURN, .fails = FAIL_NULL,
};
static const struct rule_acquire param_integer = {
	.func = "(parameter)", .shape = SHAPE_RETURN, .fails = FAIL_NEGATIVE,
};

static size_t member_sites(const struct an *A);

void an_complete_sites(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i, nparams = A->sb ? (size_t)f->nparams : 0, nmembers, m, next;

	bool *used = xcalloc(nparams + 1, sizeof(bool));

	/* a parameter is followed only if something may release, keep or copy it */
	for (b = 0; b < f->nblocks && nparams; b++) {
		const struct ir_block *blk = &f->blocks[b];

		for (i = 0; i < blk->nev; i++) {
			const struct ir_event *e = &blk->ev[i];
			int a;

			if ((e->kind == EV_RELEASE || e->kind == EV_ESCAPE) &&
			    e->var >= 0 && (size_t)e->var < nparams)
				used[e->var] = true;
			if (e->kind == EV_ASSIGN && e->src >= 0 && (size_t)e->src < nparams)
				used[e->src] = true;
			if (e->kind == EV_ACQUIRE && f->sites[e->site].from >= 0 &&
			    (size_t)f->sites[e->site].from < nparams)
				used[f->sites[e->site].from] = true;   /* realloc(param, n) */
			for (a = 0; e->kind == EV_CALL && a < e->nargs; a++)
				if ((e->args[a].kind == ARG_VAR || e->args[a].kind == ARG_INNER) &&
				    (size_t)e->args[a].var < nparams)
					used[e->args[a].var] = true;
		}
		if (blk->term.kind == T_RETURN && blk->term.var >= 0 &&
		    (size_t)blk->term.var < nparams)
			used[blk->term.var] = true;
	}
	for (i = 0; i < f->nvars && nparams; i++)
		if ((f->vars[i].flags & VAR_FIELD) && f->vars[i].parent >= 0 &&
		    (size_t)f->vars[i].parent < nparams)
			used[f->vars[i].parent] = true;     /* p->buf = ..: a fill of ours */
	nmembers = member_sites(A);
	A->nsites = f->nsites + nmembers + nparams;
	A->first_param = f->nsites + nmembers;
	A->sites = xcalloc(A->nsites + 1, sizeof(*A->sites));
	A->msite_of = xmalloc((A->nsites + 1) * sizeof(int));
	A->msite_name = xcalloc(A->nsites + 1, sizeof(char *));
	A->msite_fid = xcalloc(A->nsites + 1, 1);
	A->fsite_of = xmalloc((A->nsites + 1) * sizeof(int));
	A->fsite_pm = xcalloc(A->nsites + 1, sizeof(int));
	A->fsite_grow = xcalloc(A->nsites + 1, sizeof(bool));
	A->fsite_maybe = xcalloc(A->nsites + 1, sizeof(bool));
	for (i = 0; i < A->nsites; i++)
		A->msite_of[i] = A->fsite_of[i] = -1;
	if (f->nsites)
		memcpy(A->sites, f->sites, f->nsites * sizeof(*A->sites));
	for (i = 0; i < nparams; i++) {
		struct ir_site *p = &A->sites[A->first_param + i];

		p->acq = (f->vars[i].flags & VAR_POINTER) ? &param_pointer : &param_integer;
		p->loc = f->loc;
		p->dst = (int)i;
		p->ndst = used[i] ? 1 : 0;
		p->status = p->from = -1;
	}
	free(used);
	if (!A->opts->summaries)
		return;
	next = f->nsites;
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *S;
			struct ir_site *site;

			if (e->kind != EV_CALL)
				continue;
			S = summaries_find(A->opts->summaries, e->key, f->unit);
			site = &A->sites[e->site];
			if (e->guess_acq && an_made_up_applies(A, e, e->guess_acq->res, S)) {
				/* an annotation, or X_new with X_free declared */
				site->acq = e->guess_acq;
				site->dst = e->var;
				site->ndst = 1;
				continue;
			}
			next += an_fill_sites(A, e, S, A->sites, next);
			if (!S || !S->ret.res)
				continue;
			site->acq = &S->ret;
			if (S->ret.shape == SHAPE_RETURN) {
				site->dst = e->var;
				site->ndst = 1;
				if (S->ret.transfer && S->ret.transfer <= e->nargs &&
				    e->args[S->ret.transfer - 1].kind == ARG_VAR)
					site->from = e->args[S->ret.transfer - 1].var;  /* xrealloc(p, n) */
				if (S->error_arg && S->error_arg <= e->nargs &&
				    e->args[S->error_arg - 1].kind == ARG_ADDR && !site->error_var1) {
					/* p = sort_items(.., &too_deep): too_deep set means p is NULL */
					site->error_var1 = e->args[S->error_arg - 1].var + 1;
					site->error_implies = true;
				}
			} else if (S->ret.arg <= e->nargs && e->args[S->ret.arg - 1].kind == ARG_ADDR) {
				site->dst = e->args[S->ret.arg - 1].var;
				site->status = e->var;
				site->ndst = 1;
			} else if (S->ret.arg <= e->nargs && e->args[S->ret.arg - 1].kind == ARG_VAR &&
				   e->args[S->ret.arg - 1].var < f->nparams) {
				/* our own out-parameter passed on: what it acquires is ours to hand back */
				site->dst = -1;
				site->status = e->var;
				site->ndst = 1;
				site->out_param = e->args[S->ret.arg - 1].var + 1;
			}
			for (m = 0; S->ret.shape == SHAPE_RETURN && m < (size_t)S->nmembers; m++) {
				/* c = conn_new(): c->host comes with it */
				struct ir_site *ms = &A->sites[next];

				ms->acq = S->member_acq[m];
				ms->loc = site->loc;
				ms->dst = ms->status = ms->from = -1;
				ms->ndst = 1;
				A->msite_of[next] = (int)e->site;
				A->msite_name[next++] = S->members[m];
			}
		}
	an_refc_sites(A);
	an_owned_members(A);
}

/* How many member sites the constructors called by the function give it. */
static size_t member_sites(const struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i, n = 0;

	for (b = 0; A->opts->summaries && b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *S;

			if (e->kind != EV_CALL)
				continue;
			S = summaries_find(A->opts->summaries, e->key, f->unit);
			if (e->guess_acq && an_made_up_applies(A, e, e->guess_acq->res, S))
				continue;
			if (S && S->ret.res && S->ret.shape == SHAPE_RETURN)
				n += (size_t)S->nmembers;
			n += an_fill_sites(A, e, S, NULL, 0);
		}
	return n;
}

/*
 * Whether the made-up entry for res on call ev applies: always for an
 * annotation (it wins over the callee's summary S, as a rule does); for
 * a guess from names only with guessing on, and when the callee has
 * neither a summary nor a body anywhere.
 */
bool an_made_up_applies(const struct an *A, const struct ir_event *ev,
			const struct rule_resource *res, const struct summary *S)
{
	if (!res->guessed)
		return true;
	return A->opts->guess && !S &&
	       !(A->opts->summaries && summaries_has_body(A->opts->summaries, ev->key, A->f->unit));
}

/*
 * A->fid: the same id for the VAR_FIELD variables of one member name
 * (p->name and q->name name the same member when p == q); at most 255.
 */
static uint8_t field_id(struct an *A, const char *m, unsigned *n)
{
	unsigned k;

	for (k = 1; k <= *n && strcmp(A->fid_names[k], m); k++)
		;
	if (k > *n && *n < 255)
		A->fid_names[++*n] = m;
	return k <= *n ? (uint8_t)k : 0;
}

void an_field_ids(struct an *A)
{
	const struct ir_func *f = A->f;
	unsigned n = 0;
	size_t i;

	A->fid = xcalloc(f->nvars + 1, 1);
	A->fid_names = xcalloc(256, sizeof(char *));
	for (i = 0; i < f->nvars; i++) {
		const char *m;

		if ((f->vars[i].flags & VAR_FIELD) && (m = strstr(f->vars[i].name, "->")))
			A->fid[i] = field_id(A, m + 2, &n);
	}
	for (i = 0; i < A->nsites; i++)
		if (A->msite_name[i])
			A->msite_fid[i] = field_id(A, A->msite_name[i], &n);
}
