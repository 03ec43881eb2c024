/*
 * analyse_pmem.c - what a call does to the members of the structs it is
 * given, as the callee's summary says (summary.pmem): `strbuf_addf(&sb,
 * ..)` fills sb.buf with heap memory (a member site of the call, bound
 * to the pseudo-variable sb.buf of the local struct, held by the struct
 * c for c->buf of a fresh c, or, in summary mode, stored into our own
 * parameter's member: a fill of ours); `strbuf_release(&sb)` frees what
 * sb.buf holds.  A member that already holds a handle keeps it (the
 * callee grows it).  A callee that neither keeps the struct nor touches
 * its members otherwise leaves a local struct's members with us.  A
 * member a callee maybe fills (summary_member.maybe) is held as filled,
 * but reported only when the function releases it elsewhere (A->owned).
 */
#include "analyse_int.h"
#include "base/util.h"

#include <string.h>

bool an_members_stay(const struct summary *S, int i)
{
	uint64_t bit = i < SUMMARY_MAX_PARAMS ? 1ULL << i : 0;

	return S && bit && i < S->nparams &&
	       !((S->keeps | S->keeps_on | S->releases | S->releases_some | S->members_touched) & bit) &&
	       !(S->lends_to && S->lends_to[i]);
}

/* Whether variable k is the pseudo-variable of a first-level member of aggregate v
 * (v.name), or, for a name "[K]", slot K of local array v (v[K]). */
static bool first_member(const struct an *A, int v, int k, const char *name)
{
	const char *vn = A->f->vars[v].name, *kn = A->f->vars[k].name;
	size_t n = vn ? strlen(vn) : 0;

	if (A->f->vars[k].parent != v || !vn || !kn || strncmp(kn, vn, n))
		return false;
	if (name && name[0] == '[')
		return !strcmp(kn + n, name);
	if (kn[n] != '.')
		return false;
	return name ? !strcmp(kn + n + 1, name) : !strpbrk(kn + n + 1, ".[");
}

void an_agg_lent(struct an *A, unsigned char *s, int v)
{
	size_t k;

	/* its pointer members stay (what the summary does to them comes
	   after); nested aggregates and array slots go */
	for (k = 0; k < A->nvars; k++)
		if (A->f->vars[k].parent == v &&
		    (A->has_kids[k] || !first_member(A, v, (int)k, NULL)))
			an_escape(A, s, (int)k, 0);
}

/* The variable of member name of local aggregate v, or -1. */
static int member_var(const struct an *A, int v, const char *name)
{
	size_t k;

	for (k = 0; k < A->nvars; k++)
		if (first_member(A, v, (int)k, name) && !A->has_kids[k])
			return (int)k;
	return -1;
}

size_t an_fill_sites(const struct an *A, const struct ir_event *e, const struct summary *S,
		     struct ir_site *out, size_t next)
{
	size_t n = 0;
	int k, first = -1;

	for (k = 0; S && k < S->npmem; k++) {
		const struct summary_member *m = &S->pmem[k];
		const struct ir_arg *g;
		struct ir_site *fs;

		if (!m->fill || m->param >= e->nargs)
			continue;
		g = &e->args[m->param];
		if (g->kind != ARG_ADDR && g->kind != ARG_VAR)
			continue;
		if (!out) {
			n++;
			continue;
		}
		fs = &out[next + n];
		fs->acq = m->fill;
		fs->loc = A->f->sites[e->site].loc;
		fs->dst = g->kind == ARG_ADDR && A->has_kids[g->var] ?
			  member_var(A, g->var, m->name) : -1;
		fs->ndst = 1;
		fs->status = fs->from = -1;
		if (m->fill->fails != FAIL_NEVER && first < 0) {
			/* told by the result: if (strbuf_read(&sb, fd, 0) < 0) */
			fs->status = e->var;
			first = (int)(next + n);
		} else if (m->fill->fails != FAIL_NEVER) {
			fs->led_by = first + 1;
		}
		A->fsite_of[next + n] = e->site;
		A->fsite_pm[next + n] = k;
		A->fsite_grow[next + n] = m->regrow;
		A->fsite_maybe[next + n] = m->maybe;
		A->msite_name[next + n] = m->name;
		n++;
	}
	return n;
}

/* Slot x leaves our hands through the call ev (its callee frees it, maybe). */
static void let_go(struct an *A, unsigned char *s, int x, const struct ir_event *ev, int arg)
{
	struct slot_st *sl = slots(A, s);

	an_explain(A, x, EXPL_PASSED, ev->loc.line, ev->callee, arg);
	sl[x].st = RS_ESCAPED;
	an_settle(A, s, x, true);
	an_held_follow(A, s, x, HELD_ESCAPE, NULL);
}

/*
 * The live slot member fid of the holder (slot h, or parameter p in
 * summary mode) holds, or -1; fid ANY_MEMBER: any member, from slot from on.
 */
#define ANY_MEMBER 256
static int held_member(const struct an *A, unsigned char *s, int h, int p, unsigned fid,
		       size_t from)
{
	const struct slot_st *sl = slots(A, s);
	size_t u;

	for (u = from; u < A->nslots && fid; u++) {
		if (fid == ANY_MEMBER ? !sl[u].hfid : sl[u].hfid != fid)
			continue;
		if (p >= 0 ? sl[u].st == RS_OUT && sl[u].pend == p + 1 :
			     sl[u].holder == h + 1 && live(sl[u].st))
			return (int)u;
	}
	return -1;
}

/*
 * Acquires fill site acq->site, its status being the call's result: what
 * the callee's summary says that result can be (ret_known, set by the
 * call: verify(.., &err) returns -1 or 0, filling err.buf with -1) stays
 * known, so that `< 0` found false decides the fill failed.
 */
static void acquire_fill(struct an *A, unsigned char *s, const struct ir_event *acq)
{
	int st = A->sites[acq->site].status;
	const struct val *pv = st >= 0 && an_tracks_value(A, st) ? vval(A, s, st) : NULL;
	struct val before = pv ? *pv : TOP;

	an_do_acquire(A, s, acq);
	if (pv)
		an_set_val(A, s, st, before);
}

/* Applies fill site fsite to argument g of call ev. */
static void fill(struct an *A, unsigned char *s, const struct ir_event *ev, int fsite,
		 const struct ir_arg *g)
{
	struct slot_st *sl = slots(A, s);
	struct ir_event acq = *ev;
	const struct var_st *w;
	int x = A->base[fsite], h = -1, p = -1;
	uint8_t fid = A->msite_fid[fsite];

	acq.kind = EV_ACQUIRE;
	acq.site = fsite;
	if (g->kind == ARG_ADDR) {
		int d = A->sites[fsite].dst;

		if (d < 0 || ((w = vst(A, s, d)) && w->role == ROLE_HANDLE && w->bind >= 0 &&
			      live(sl[w->bind].st)))
			return;         /* no name for it, or it grows what it holds */
		acquire_fill(A, s, &acq);
		return;
	}
	w = vst(A, s, g->var);
	if (!w || w->role != ROLE_HANDLE || w->bind < 0)
		return;
	if (param_slot(A, w->bind)) {
		if (!A->sb)
			return;
		p = (int)((size_t)A->slot_site[w->bind] - A->first_param);
	} else if (live(sl[w->bind].st) && !A->fsite_maybe[fsite]) {
		h = w->bind;
	} else {
		return;
	}
	if (held_member(A, s, h, p, fid, 0) >= 0)
		return;
	acquire_fill(A, s, &acq);
	sl = slots(A, s);
	if (p >= 0) {
		sl[x].st = RS_OUT;      /* filled for our caller: a fill of ours */
		sl[x].pend = (int16_t)(p + 1);
	} else {
		sl[x].holder = (int16_t)(h + 1);
	}
	sl[x].hfid = fid;
}

/* Applies the free of member m to argument g (0-based i) of call ev. */
static void free_member(struct an *A, unsigned char *s, const struct ir_event *ev, int i,
			const struct ir_arg *g, const char *name)
{
	const struct var_st *w;
	bool all = !strcmp(name, "*");  /* a blank struct over it: every member */
	unsigned fid = all ? ANY_MEMBER : 0, k;
	int x, h = -1, p = -1;

	if (g->kind == ARG_ADDR || (name[0] == '[' && A->has_kids[g->var])) {
		int d = A->has_kids[g->var] ? all ? g->var : member_var(A, g->var, name) : -1;

		if (d >= 0) {
			an_because(A, EXPL_PASSED, ev->loc.line, ev->callee, i + 1);
			an_escape(A, s, d, 0);
		}
		return;
	}
	w = vst(A, s, g->var);
	if (!w || w->role != ROLE_HANDLE || w->bind < 0)
		return;
	for (k = 1; k < 256 && A->fid_names[k] && !fid; k++)
		if (!strcmp(A->fid_names[k], name))
			fid = k;
	if (!param_slot(A, w->bind))
		h = w->bind;
	else if (A->sb)
		p = (int)((size_t)A->slot_site[w->bind] - A->first_param);
	else
		return;
	for (x = held_member(A, s, h, p, fid, 0); x >= 0;
	     x = all ? held_member(A, s, h, p, ANY_MEMBER, (size_t)x + 1) : -1)
		let_go(A, s, x, ev, i + 1);
}

/* Marks the first-level members of aggregate v, or the one named name, owned. */
static void own(struct an *A, int v, const char *name)
{
	size_t k;

	for (k = 0; k < A->nvars; k++)
		if (first_member(A, v, (int)k, name && strcmp(name, "*") ? name : NULL) &&
		    !A->has_kids[k])
			A->owned[k] = true;
}

void an_owned_members(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i;
	int a, k;

	A->owned = xcalloc(f->nvars + 1, sizeof(bool));
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *S;

			if (e->kind == EV_RELEASE && e->var >= 0)
				A->owned[e->var] = true;        /* free(sb.buf) */
			if (e->kind != EV_CALL || !A->opts->summaries ||
			    !(S = summaries_find(A->opts->summaries, e->key, f->unit)))
				continue;
			for (a = 0; a < e->nargs && a < S->nparams && a < SUMMARY_MAX_PARAMS; a++) {
				const struct ir_arg *g = &e->args[a];
				uint64_t bit = 1ULL << a;

				if (g->kind == ARG_VAR && g->var >= 0 &&
				    ((S->releases | S->releases_some) & bit))
					A->owned[g->var] = true;        /* xfree(sb.buf) */
				if (g->kind != ARG_ADDR || !A->has_kids[g->var])
					continue;
				if ((S->keeps | S->releases | S->releases_some | S->members_touched) & bit)
					own(A, g->var, NULL);   /* strbuf_detach(&sb, ..) */
				for (k = 0; k < S->npmem; k++)
					if (S->pmem[k].param == a && S->pmem[k].frees)
						own(A, g->var, S->pmem[k].name);   /* strbuf_release(&sb) */
			}
		}
}

bool an_unowned_maybe(const struct an *A, int x)
{
	int site = A->slot_site[x], d = A->sites[site].dst;

	return A->fsite_maybe[site] && (d < 0 || !A->owned[d]);
}

void an_member_effects(struct an *A, unsigned char *s, const struct ir_event *ev,
		       const struct summary *S)
{
	size_t site;
	int k;

	if (!S || !S->npmem)
		return;
	for (k = 0; k < S->npmem; k++) {
		const struct summary_member *m = &S->pmem[k];

		if ((m->frees || (m->resets && !m->fill)) && m->param < ev->nargs && an_members_stay(S, m->param) &&
		    (ev->args[m->param].kind == ARG_ADDR || ev->args[m->param].kind == ARG_VAR))
			free_member(A, s, ev, m->param, &ev->args[m->param], m->name);
	}
	for (site = A->f->nsites; site < A->first_param; site++)
		if (A->fsite_of[site] == ev->site && an_members_stay(S, S->pmem[A->fsite_pm[site]].param))
			fill(A, s, ev, (int)site, &ev->args[S->pmem[A->fsite_pm[site]].param]);
}
