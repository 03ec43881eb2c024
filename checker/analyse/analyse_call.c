/*
 * analyse_call.c - EV_CALL: a call no rule describes, resolved by the
 * callee's summary (what it acquires, releases, keeps, keeps on success
 * only, lends to a callback, the members a constructor fills) or, for an
 * unknown callee, every argument escapes.
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/*
 * c = conn_new(): the members the constructor fills (c->host) are held by
 * the struct, and share its fate until a branch decides it (decide()).
 */
static void acquire_members(struct an *A, unsigned char *s, int site)
{
	struct slot_st *sl = slots(A, s);
	int h = A->base[site];
	size_t m;

	for (m = (size_t)site + 1; m < A->first_param; m++) {
		int x;

		if (A->msite_of[m] != site)
			continue;
		x = A->base[m];
		sl[x].st = sl[h].st;
		sl[x].ok = sl[h].ok;
		sl[x].pend = -1;
		sl[x].pmode = 0;
		sl[x].holder = (int16_t)(h + 1);
		sl[x].hfid = A->msite_fid[m];
		sl[x].rbase = 0;
	}
}

/*
 * v is lent to the function that parameter fnparam (0-based) points to,
 * as its argument pos: when v holds one of our parameters, our summary
 * records it (our caller knows that function and decides) and nothing
 * leaves.  False otherwise: then v escapes.
 */
bool an_lend_param(struct an *A, unsigned char *s, int v, int fnparam, int pos)
{
	struct var_st *w = vst(A, s, v);

	if (!A->sb || !w || w->role != ROLE_HANDLE || w->bind < 0 || !param_slot(A, w->bind))
		return false;
	if (!A->quiet)
		A->sb->lent(A->sb->arg, (int)((size_t)A->slot_site[w->bind] - A->first_param) + 1,
			     fnparam + 1, pos);
	return true;
}

/*
 * The callee (summary S) hands its argument i (0-based) only to the
 * function given as its argument S->lends_to[i]: whether that function
 * only reads it (a rule or a C library function that borrows it, or a
 * summary that neither keeps nor releases it).  A function pointer
 * parameter of ours given there lends it on (lend_param).
 */
static bool lent_reads(struct an *A, unsigned char *s, const struct ir_event *ev,
		       const struct summary *S, int i)
{
	const struct ir_arg *fa;
	const struct summary *T;
	int pos = S->lends_as[i];
	uint64_t bit = pos <= SUMMARY_MAX_PARAMS ? 1ULL << (pos - 1) : 0;

	if (S->lends_to[i] > ev->nargs)
		return false;
	fa = &ev->args[S->lends_to[i] - 1];
	if (fa->kind == ARG_VAR && fa->var < A->f->nparams)
		return an_lend_param(A, s, ev->args[i].var, fa->var, pos);
	if (fa->kind != ARG_FUNC)
		return false;
	if (fa->fn_ruled)
		return pos <= 32 && (fa->fn_reads >> (pos - 1) & 1);
	T = summaries_find(A->opts->summaries, fa->fn, A->f->unit);
	if (T)
		return bit && !((T->keeps | T->releases | T->releases_some) & bit) &&
		       !(pos > T->nparams && T->keeps_varargs) &&
		       !(pos <= T->nparams && T->lends_to && T->lends_to[pos - 1]);
	if (summaries_has_body(A->opts->summaries, fa->fn, A->f->unit))
		return false;   /* in a call cycle, or not analysed */
	return pos <= 32 && (fa->fn_reads >> (pos - 1) & 1);
}

/*
 * A struct we own given to a callee that may free, take or overwrite its
 * members (its summary says so, or there is none and it is no C library
 * function): what its members hold is the callee's business now.
 */
static void lend_members(struct an *A, unsigned char *s, const struct ir_event *ev,
			 const struct summary *S)
{
	const struct slot_st *sl = slots(A, s);
	int i;

	if (ev->lib)
		return;
	for (i = 0; i < ev->nargs; i++) {
		const struct ir_arg *a = &ev->args[i];
		const struct var_st *w;

		if ((a->kind != ARG_VAR && a->kind != ARG_INNER) || a->var < 0 ||
		    !(w = vst(A, s, a->var)) || w->role != ROLE_HANDLE || w->bind < 0 ||
		    !live(sl[w->bind].st))
			continue;
		if (!S || i >= SUMMARY_MAX_PARAMS || (S->members_touched & (1ULL << i)))
			an_held_follow(A, s, w->bind, HELD_ESCAPE, NULL);
	}
}

/*
 * A call no rule describes: what its summary says it does, or, for an
 * unknown callee, every argument escapes.  Returns false when the callee
 * never returns.
 */
bool an_do_call(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	struct summary rule_keeps;
	const struct summary *S = ev->keep_arg ? an_keep_summary(&rule_keeps, ev) :
		A->opts->summaries ? summaries_find(A->opts->summaries, ev->key, A->f->unit) : NULL;
	const struct ir_site *site = &A->sites[ev->site];
	/* no summary and no body anywhere: an unknown callee */
	bool unknown = !S && !(A->opts->summaries &&
			       summaries_has_body(A->opts->summaries, ev->key, A->f->unit));
	int i, kept = -1;

	if (S && S->noreturn)
		return false;
	for (i = 0; i < ev->nargs; i++) {
		const struct ir_arg *a = &ev->args[i];
		uint64_t bit = i < SUMMARY_MAX_PARAMS ? 1ULL << i : 0;

		if (a->kind == ARG_NONE)
			continue;
		if (a->kind == ARG_VAR && site->from >= 0 && site->from == a->var && S &&
		    site->acq == &S->ret && S->ret.transfer == i + 1)
			continue;   /* p = xrealloc(p, n): moved by the acquisition below */
		if (unknown && a->borrowed && !(ev->guess_rel && i + 1 == ev->guess_rel->arg))
			continue;   /* a const T * parameter, or a C library function */
		an_because(A, EXPL_PASSED, ev->loc.line, ev->callee, i + 1);
		if (a->kind == ARG_FUNC)
			continue;
		if (a->kind != ARG_ADDR && S && i < S->nparams && S->lends_to && S->lends_to[i]) {
			/* atomicio(read, fd, buf, n) hands buf to read() */
			if (!lent_reads(A, s, ev, S, i))
				an_escape(A, s, a->var, 0);
			continue;
		}
		if (a->kind == ARG_INNER) {
			/* p + n, &p->f: a callee that only reads its parameter
			   leaves p held; one that may keep it (an intrusive list
			   node), release it, or is unknown takes p */
			if ((unknown && A->opts->borrow_unknown) ||
			    (S && bit && !((S->keeps | S->releases | S->releases_some) & bit) &&
			     !(i >= S->nparams && S->keeps_varargs)))
				continue;
			an_escape(A, s, a->var, 0);
		} else if (a->kind == ARG_ADDR) {
			/* the out-parameter of an acquisition is handled below; any
			   other &v may be stored, freed or overwritten by the callee */
			if (S && bit && site->ndst && site->acq->shape == SHAPE_OUT &&
			    site->dst == a->var)
				continue;
			if (A->has_kids[a->var] && !(A->f->vars[a->var].flags & VAR_POINTER) &&
			    an_members_stay(S, i))
				an_agg_lent(A, s, a->var);  /* strbuf_addf(&sb, ..): sb.buf stays;
							       not &p of a pointer, which may be overwritten */
			else
				an_escape(A, s, a->var, 0);
			an_unbind(A, s, a->var);
			an_unequal(A, s, a->var);
			an_set_val(A, s, a->var, TOP);
			an_count_forget(A, s, a->var, S, i);    /* add_some(&l, ..) changes l.nr */
		} else if (ev->guess_rel && i + 1 == ev->guess_rel->arg &&
			   an_made_up_applies(A, ev, ev->guess_rel->res, S)) {
			struct ir_event rel = *ev;

			rel.kind = EV_RELEASE;
			rel.var = a->var;
			rel.rel = ev->guess_rel;
			rel.callee = ev->callee;
			A->by_body = true;      /* a destructor: what it frees is its own */
			an_do_release(A, s, &rel);
			A->by_body = false;
		} else if (unknown && A->opts->borrow_unknown) {
			/* unknown-callees: borrow: the caller still owns it */
		} else if (!S || !bit || (i >= S->nparams && S->keeps_varargs)) {
			/* (a variadic callee's extra arguments, kept through va_arg) */
			an_escape(A, s, a->var, 0);
		} else if (S->releases & bit) {
			struct ir_event rel = *ev;

			rel.kind = EV_RELEASE;
			rel.var = a->var;
			rel.rel = &S->rel[i];
			rel.callee = S->name;
			/* a destructor frees what it holds, a wrapper of free() does not */
			A->by_body = !(S->releases_shallow & bit);
			an_do_release(A, s, &rel);
			A->by_body = false;
		} else if ((S->keeps_on & bit) && kept < 0 && vst(A, s, ev->var)) {
			const struct var_st *w = vst(A, s, a->var);

			/* kept on success only: the result says whether it was */
			if (w && w->role == ROLE_HANDLE && w->bind >= 0 &&
			    live(slots(A, s)[w->bind].st))
				kept = w->bind;
			an_escape(A, s, a->var, 0);
		} else if ((S->keeps | S->releases_some) & bit) {
			an_escape(A, s, a->var, 0);
		}
	}
	lend_members(A, s, ev, S);
	if (site->ndst && !site->acq->ref) {
		struct ir_event acq = *ev;

		if (site->acq->shape == SHAPE_OUT && site->dst >= 0) {
			/* the callee may have consumed what *out held (free it,
			   realloc it) before storing a new one: let the old go */
			an_escape(A, s, site->dst, 0);
			an_unbind(A, s, site->dst);
		}
		acq.kind = EV_ACQUIRE;
		an_do_acquire(A, s, &acq);
		if (site->acq->shape == SHAPE_RETURN)
			acquire_members(A, s, ev->site);
		if (site->out_param) {
			struct slot_st *sl = slots(A, s);
			int x = A->base[ev->site];

			/* stored into *param at once: for the summary, an out-parameter */
			an_explain(A, x, EXPL_OUT_PARAM, ev->loc.line, A->f->vars[site->out_param - 1].name, 0);
			sl[x].st = A->sb ? RS_OUT : RS_ESCAPED;
			sl[x].pend = A->sb ? (int16_t)site->out_param : -1;
		}
	} else if (S && S->returns_arg > 0 && S->returns_arg <= ev->nargs &&
		   ev->args[S->returns_arg - 1].kind == ARG_VAR) {
		an_do_assign(A, s, ev->var, ev->args[S->returns_arg - 1].var, ev);
	} else if (ev->var >= 0) {
		an_clobber(A, s, ev->var, ev);
		if (S && S->ret_known)  /* if (use_colour()): it always returns 1 */
			an_set_val(A, s, ev->var, an_dom(S->ret_lo, S->ret_hi, S->has_ret_ex, S->ret_ex));
	}
	if (site->ndst && site->acq->ref)
		an_refc_take(A, s, ev, ev->site, false);    /* x_ref(o): one more reference */
	if (kept >= 0 && !site->ndst) {
		struct var_st *r = vst(A, s, ev->var);

		r->role = ROLE_KEPT;    /* failure hands the argument back (an_branch) */
		r->bind = (int16_t)kept;
		r->pad = (uint8_t)S->keep_fails;
	}
	an_member_effects(A, s, ev, S);
	an_count_appended(A, s, ev, S);     /* strbuf_addstr(&sb, " (") makes sb.len nonzero */
	an_forget_reachable(A, s, ev, S);
	return true;
}
