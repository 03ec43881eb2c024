/*
 * analyse_refc.c - reference counts: each reference is an obligation.
 *
 * An object we hold (slot r: o = g_object_new(..), or a parameter in
 * summary mode) gets one more obligation per reference taken on it: q =
 * g_object_ref(o) (a rule's "ref" entry) or x_ref(o) (a summary that
 * takes a reference, summary_refc.c) makes the call's own slot held with
 * rbase = r + 1, and q an alias of o (variables always name the object,
 * slot r).  A release of the object (g_object_unref(q), a cleanup, a
 * summary's release) gives back one of those references first, and the
 * object's own last; so an object is released once every reference is,
 * and a release after that is a double release.
 *
 * A reference taken on an object we do not hold (a parameter outside
 * summary mode, what an untracked call returned, a member: o =
 * g_object_ref(self->child)) is an obligation of its own, with rbase -1:
 * others hold the object too, so giving it back twice is no provable
 * double release (precision first).  A floating reference sunk
 * (g_object_ref_sink, rule "ref-sink") on an object we hold adds no
 * obligation: it marks the object rbase -1 in the same way.
 *
 * The extra references follow their object: they leave with it (stored,
 * returned, passed on), are lost with it, and at an exit a live one is
 * not reported on its own when its object is ours (the object's leak says
 * it).  On a parameter's object (summary mode) a reference still held at
 * an exit is reported when the function gives back references of that
 * parameter somewhere (a path that forgets to); otherwise the function
 * means to take it (a ref wrapper: its summary says so).
 */
#include "analyse_int.h"

#include <stdlib.h>

/* One more reference: slot x held, on the object of slot r (or -1: of others). */
static void hold(struct slot_st *sl, int x, int r, bool ok)
{
	sl[x].st = ok ? RS_HELD : RS_UNCHECKED;
	sl[x].ok = ok;
	sl[x].pend = -1;
	sl[x].pmode = 0;
	sl[x].holder = 0;
	sl[x].hfid = 0;
	sl[x].rbase = (int16_t)(r >= 0 ? r + 1 : -1);
}

void an_refc_take(struct an *A, unsigned char *s, const struct ir_event *ev, int site,
		  bool rule)
{
	const struct ir_site *st = &A->sites[site];
	const struct rule_acquire *acq = st->acq;
	struct slot_st *sl = slots(A, s);
	int x = A->base[site], from = st->from, dst = st->dst, r = -1;
	struct var_st *w = from >= 0 ? vst(A, s, from) : NULL;
	size_t v;

	if (w && w->role == ROLE_HANDLE && w->bind >= 0) {
		int y = w->bind;

		if (sl[y].st == RS_HELD || (param_slot(A, y) && live(sl[y].st)))
			r = y;
		else if (live(sl[y].st)) {
			/* not known to be there yet (maybe NULL): count nothing */
			if (dst >= 0 && dst != from)
				an_do_assign(A, s, dst, from, ev);
			return;
		}
	}
	if (r >= 0) {
		if (acq->sink) {
			if (!sl[r].rbase)
				sl[r].rbase = -1;       /* sunk: maybe floating, maybe not */
		} else if (x == r || live(sl[x].st)) {
			/* the same call again while its reference is held (a
			   loop): how many there are is not followed */
			sl[r].st = RS_ESCAPED;
			an_held_follow(A, s, r, HELD_ESCAPE, NULL);
		} else {
			hold(sl, x, r, true);
		}
		if (dst >= 0 && dst != from)
			an_do_assign(A, s, dst, from, ev);
		return;
	}
	if (!rule)
		return;         /* a summary's reference on what we do not follow */
	if (st->discarded) {
		if (dst >= 0)
			an_clobber(A, s, dst, ev);
		return;         /* g_object_ref(self->child);: kept alive for others */
	}
	if (live(sl[x].st)) {
		/* the site runs again (a loop): older references go stale */
		for (v = 0; v < A->nvars; v++) {
			struct var_st *u = A->rv[v] >= 0 ? vst(A, s, (int)v) : NULL;

			if (u && u->role == ROLE_HANDLE && u->bind == x)
				an_unbind(A, s, (int)v);
		}
	}
	if (w) {
		an_clobber(A, s, from, ev);
		w->bind = (int16_t)x;
		w->role = ROLE_HANDLE;
	}
	hold(sl, x, -1, acq->fails == FAIL_NEVER);
	if (dst >= 0 && dst != from && w) {
		an_do_assign(A, s, dst, from, ev);
	} else if (dst >= 0 && dst != from) {
		an_clobber(A, s, dst, ev);
		vst(A, s, dst)->bind = (int16_t)x;
		vst(A, s, dst)->role = ROLE_HANDLE;
	}
}

bool an_refc_release(struct an *A, unsigned char *s, const struct ir_event *ev, int x)
{
	struct slot_st *sl = slots(A, s);
	int y, last = -1;

	if (!live(sl[x].st))
		return sl[x].st == RS_RELEASED && sl[x].rbase == -1;
	for (y = 0; (size_t)y < A->nslots; y++)
		if (sl[y].rbase == x + 1 && live(sl[y].st))
			last = y;
	if (last < 0)
		return false;   /* the object's own reference: released as any handle */
	sl[last].st = RS_RELEASED;
	an_explain(A, last, EXPL_RELEASED, ev->loc.line, ev->callee, 0);
	if (A->quiet && A->watch == last)
		A->watch_loc = ev->loc;
	return true;
}

/* Marks in[] the variables that name what v names: v, copies of it (w =
   v), references taken on it (r = g_object_ref(v), r = x_ref(v)), and so
   on.  Whether it marked one more. */
static bool names_step(const struct ir_func *f, const struct ir_site *sites, uint8_t *in)
{
	bool more = false;
	size_t b, i;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct ir_site *st = e->site >= 0 ? &sites[e->site] : NULL;
			int to[2] = { -1, -1 }, k;

			if (e->kind == EV_ASSIGN && e->src >= 0 && in[e->src])
				to[0] = e->var;
			else if ((e->kind == EV_ACQUIRE || e->kind == EV_CALL) && st && st->acq &&
				 st->acq->ref && st->from >= 0 && in[st->from]) {
				to[0] = st->dst;
				to[1] = e->kind == EV_CALL ? e->var : -1;
			}
			for (k = 0; k < 2; k++)
				if (to[k] >= 0 && !in[to[k]]) {
					in[to[k]] = 1;
					more = true;
				}
		}
	return more;
}

/* Whether the function gives back a reference held by variable v (or by
   a copy of it, or one taken on it) somewhere. */
static bool releases_var(const struct an *A, int v)
{
	const struct ir_func *f = A->f;
	uint8_t *in = calloc(f->nvars ? f->nvars : 1, 1);
	bool found = false;
	size_t b, i;
	int a, rounds;

	if (!in)
		return true;    /* (out of memory: say nothing) */
	in[v] = 1;
	for (rounds = 0; rounds < 8 && names_step(f, A->sites, in); rounds++)
		;
	for (b = 0; b < f->nblocks && !found; b++)
		for (i = 0; i < f->blocks[b].nev && !found; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *S;

			if (e->kind == EV_RELEASE && e->var >= 0 && in[e->var])
				found = true;
			if (e->kind != EV_CALL || !A->opts->summaries)
				continue;
			S = summaries_find(A->opts->summaries, e->key, f->unit);
			for (a = 0; S && a < e->nargs && a < S->nparams; a++)
				if (e->args[a].kind == ARG_VAR && e->args[a].var >= 0 &&
				    in[e->args[a].var] &&
				    ((S->releases | S->releases_some) & (1ULL << a)))
					found = true;
		}
	free(in);
	return found;
}

bool an_refc_quiet(struct an *A, unsigned char *s, int x)
{
	const struct slot_st *sl = slots(A, s);
	int r;

	if (sl[x].rbase <= 0)
		return false;
	r = sl[x].rbase - 1;
	if (!param_slot(A, r) || !live(sl[r].st))
		return true;    /* reported with its object, or gone with it */
	return !releases_var(A, A->sites[A->slot_site[r]].dst);
}

uint64_t an_refc_params(const struct an *A, unsigned char *s)
{
	const struct slot_st *sl = slots(A, s);
	uint64_t bits = 0;
	size_t y;

	for (y = 0; y < A->nslots; y++) {
		int r = sl[y].rbase - 1;
		size_t p;

		if (sl[y].rbase <= 0 || !live(sl[y].st) || !param_slot(A, r) || !live(sl[r].st))
			continue;
		p = (size_t)A->slot_site[r] - A->first_param;
		if (p < SUMMARY_MAX_PARAMS)
			bits |= 1ULL << p;
	}
	return bits;
}

void an_refc_sites(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i;

	if (!A->opts->summaries)
		return;
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *S;
			struct ir_site *site;
			int n;

			if (e->kind != EV_CALL)
				continue;
			S = summaries_find(A->opts->summaries, e->key, f->unit);
			site = &A->sites[e->site];
			if (!S || !S->ref_acq || site->ndst)
				continue;
			n = S->ref_acq->ref;
			site->acq = S->ref_acq;
			site->ndst = 1;
			site->dst = e->var;
			site->from = n <= e->nargs && e->args[n - 1].kind == ARG_VAR ?
				     e->args[n - 1].var : -1;
		}
}
