/*
 * analyse.c - path-sensitive tracking of acquisitions; see analyse.h.
 *
 * The walk is breadth-first over (block, state) nodes; a node whose
 * block and state were seen before is not explored again, which keeps
 * the walk close to linear in practice.  A state is a flat byte string
 * (so it hashes and compares with memcmp):
 *
 *   slots:  one per handle an acquisition site makes (pipe makes two):
 *           status, and for a handle being transferred (realloc, fdopen)
 *           the slot it waits on;
 *   vars:   for each variable that events mention, the slot it holds
 *           (role HANDLE) or the site whose status it holds (role STATUS);
 *   values: for each variable tested in a branch, what is known of its
 *           integer value (an interval minus at most one point).
 *
 * Each node keeps its parent, so a finding's path is read back for its
 * notes.  Findings are de-duplicated per (kind, site, location).
 */
#include "analyse_int.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>


/* ---- values ---- */









/* ---- findings ---- */


int an_resolve(const struct an *A, int b)
{
	int hops = 0;

	while (hops++ < 64 && A->f->blocks[b].nev == 0 && A->f->blocks[b].term.kind == T_GOTO)
		b = A->f->blocks[b].term.target;
	return b;
}


void an_exec_block(struct an *A, unsigned char *s, int block, size_t upto);





/* ---- transitions ---- */

void an_settle(struct an *A, unsigned char *s, int x, bool ok)
{
	struct slot_st *sl = slots(A, s);
	size_t u;

	for (u = 0; u < A->nslots; u++)
		if (sl[u].st == RS_PENDING && sl[u].pend == x) {
			sl[u].st = ok ? RS_MOVED : sl[u].pmode == PM_REOPEN ? RS_RELEASED : RS_HELD;
			sl[u].pend = -1;
			sl[u].pmode = 0;
		}
}

static bool other_holder(const struct an *A, unsigned char *s, int x, int except)
{
	size_t v;

	for (v = 0; v < A->nvars; v++) {
		const struct var_st *w;

		if ((int)v == except || A->rv[v] < 0)
			continue;
		w = vst(A, s, (int)v);
		if (w->role == ROLE_HANDLE && w->bind == x)
			return true;
	}
	return false;
}

/* v is about to lose its value: report a handle it alone held. */
static void lose(struct an *A, unsigned char *s, int v, int keep, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, v);
	struct slot_st *sl = slots(A, s);
	int x;

	if (!w || w->role != ROLE_HANDLE || w->bind < 0 || w->bind == keep)
		return;
	x = w->bind;
	if (!live(sl[x].st) || other_holder(A, s, x, v))
		return;
	if (site_of_slot(A, x)->acq->shape == SHAPE_OBJECT || param_slot(A, x)) {
		sl[x].st = RS_LEAKED;
		return;
	}
	an_report(A, FK_OVERWRITE, x, ev->loc, EXIT_SCOPE, NULL, NULL);
	sl[x].st = RS_LEAKED;
}

static void unbind(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v);

	if (w) {
		w->bind = -1;
		w->role = ROLE_NONE;
	}
}

/* v gets a new value: it no longer equals anything, nor do its copies equal it. */
void an_unequal(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v);
	size_t u;

	if (!w)
		return;
	w->eq = -1;
	for (u = 0; u < A->nvars; u++) {
		struct var_st *x = A->rv[u] >= 0 ? vst(A, s, (int)u) : NULL;

		if (x && x->eq == v)
			x->eq = -1;
	}
}

int an_representative(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v);

	return w && w->eq >= 0 ? w->eq : v;
}

static void set_val(struct an *A, unsigned char *s, int v, struct val val)
{
	struct val *p = vval(A, s, v);

	if (p)
		*p = val;
}



static void do_escape(struct an *A, unsigned char *s, int v, int out_param)
{
	struct var_st *w = vst(A, s, v);
	struct slot_st *sl = slots(A, s);

	if (w && w->role == ROLE_HANDLE && w->bind >= 0) {
		int x = w->bind;

		if (live(sl[x].st)) {
			an_explain(A, x, A->why, A->why_line, A->why_what, A->why_arg);
			sl[x].st = RS_ESCAPED;
			if (A->sb && out_param && !param_slot(A, x)) {
				sl[x].st = RS_OUT;      /* *out = p: an out-parameter */
				sl[x].pend = (int16_t)out_param;
			}
			an_settle(A, s, x, true);
		} else if (sl[x].st == RS_PENDING) {
			sl[x].st = RS_ESCAPED;
			sl[x].pend = -1;
			sl[x].pmode = 0;
		}
	}
	if (A->has_kids[v]) {
		size_t k;

		for (k = 0; k < A->nvars; k++)
			if (A->f->vars[k].parent == v)
				do_escape(A, s, (int)k, 0);
	}
}

/*
 * v's handle leaves by a return or a store: what the same call acquired
 * with it goes along (returning mkstemp's descriptor hands over the file).
 */
static void escape_led(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v);
	struct slot_st *sl = slots(A, s);
	size_t site, k;
	int j;

	if (!w || w->role != ROLE_HANDLE || w->bind < 0)
		return;
	site = (size_t)A->slot_site[w->bind];
	for (k = site + 1; k < A->first_param && A->sites[k].led_by == (int)site + 1; k++)
		for (j = 0; j < A->sites[k].ndst; j++)
			if (live(sl[A->base[k] + j].st))
				sl[A->base[k] + j].st = RS_ESCAPED;
}

/* Whether the release entries rel (those of mask, 0: all) give back res. */
static bool releases(const struct rule_release *rel, unsigned mask,
		     const struct rule_resource *res)
{
	unsigned i;

	for (i = 0; rel; rel = rel->next, i++)
		if ((!mask || (i < 32 && (mask & (1u << i)))) && (!rel->res || rules_same_resource(rel->res, res)))
			return true;
	return false;
}

static void do_release(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, ev->var);
	struct slot_st *sl = slots(A, s);
	int x;

	if (!w || w->role != ROLE_HANDLE || w->bind < 0)
		return;
	x = w->bind;
	if (ev->soft && ev->rel && site_of_slot(A, x)->acq->res &&
	    !releases(ev->rel, ev->rel_mask, site_of_slot(A, x)->acq->res))
		return;         /* fclose(fp) after flockfile(fp): the stream, not the lock */
	if (live(sl[x].st)) {
		const struct rule_resource *res = site_of_slot(A, x)->acq->res;

		/* a deallocator named by an attribute may also be given what
		   its own body frees (its constructor cleaning up): no mismatch */
		if (ev->rel && res && !releases(ev->rel, ev->rel_mask, res) && !res->guessed &&
		    !ev->rel->res->guessed && !ev->rel->res->releaser)
			an_report(A, FK_MISMATCHED_RELEASE, x, ev->loc, EXIT_SCOPE, NULL, ev->callee);
		sl[x].st = RS_RELEASED;
		an_settle(A, s, x, true);
		an_explain(A, x, EXPL_RELEASED, ev->loc.line, ev->callee, 0);
		if (A->sb && !A->quiet && param_slot(A, x))
			summary_released(A->sb, (int)((size_t)A->slot_site[x] - A->first_param) + 1,
					 ev->rel ? ev->rel->res : NULL);
		if (A->quiet && A->watch == x)
			A->watch_loc = ev->loc;
	} else if (sl[x].st == RS_RELEASED) {
		const struct rule_resource *res = site_of_slot(A, x)->acq->res;

		/* sqlite3_close(db) after COMMIT ends no transaction: fine */
		if (!ev->soft && !(res && res->idempotent))
			an_report(A, FK_DOUBLE_RELEASE, x, ev->loc, EXIT_SCOPE, NULL, ev->callee);
	}
}

static void do_acquire(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	const struct ir_site *site = &A->sites[ev->site];
	const struct rule_acquire *acq = site->acq;
	struct slot_st *sl = slots(A, s);
	int from = -1, self = -1, first = A->base[ev->site], j;

	if (site->from >= 0) {
		struct var_st *w = vst(A, s, site->from);

		if (w && w->role == ROLE_HANDLE && w->bind >= 0 && live(sl[w->bind].st))
			from = w->bind;
	}
	if (acq->reopen && from < 0) {
		if (site->dst >= 0) {
			lose(A, s, site->dst, -1, ev);
			unbind(A, s, site->dst);
		}
		return;
	}
	if (from >= first && from < first + site->ndst) {
		/* p = realloc(p, n) again (a loop): the old handle moves into the new */
		self = from;
		from = -1;
	}
	for (j = 0; j < site->ndst; j++) {
		int x = first + j;
		size_t v;

		if (site->dst >= 0)
			lose(A, s, site->dst + j, from >= 0 ? from : self, ev);
		if (sl[x].st != RS_NONE) {
			/* the site runs again (a loop): older references go stale */
			for (v = 0; v < A->nvars; v++) {
				struct var_st *w = A->rv[v] >= 0 ? vst(A, s, (int)v) : NULL;

				if (w && w->role == ROLE_HANDLE && w->bind == x) {
					/* keep what the handle's value was known to be */
					unbind(A, s, (int)v);
					set_val(A, s, (int)v, sl[x].ok ? an_handle_domain(acq, true, A->f->vars[v].flags & VAR_POINTER) : TOP);
				}
			}
			an_settle(A, s, x, true);
		}
		if (site->dst >= 0) {
			an_unequal(A, s, site->dst + j);
			vst(A, s, site->dst + j)->bind = (int16_t)x;
			vst(A, s, site->dst + j)->role = ROLE_HANDLE;
			set_val(A, s, site->dst + j, TOP);
		}
		sl[x].st = acq->fails == FAIL_NEVER ? RS_HELD : RS_UNCHECKED;
		sl[x].ok = acq->fails == FAIL_NEVER;
		sl[x].pend = -1;
		sl[x].pmode = 0;
	}
	if (site->status >= 0) {
		lose(A, s, site->status, -1, ev);
		an_unequal(A, s, site->status);
		unbind(A, s, site->status);
		if (acq->fails != FAIL_HELD) {  /* held whatever the status says */
			vst(A, s, site->status)->bind = (int16_t)ev->site;
			vst(A, s, site->status)->role = ROLE_STATUS;
		}
		set_val(A, s, site->status, TOP);
	}
	if (from >= 0) {
		sl[from].st = RS_PENDING;
		sl[from].pend = (int16_t)first;
		sl[from].pmode = acq->reopen ? PM_REOPEN : PM_TRANSFER;
		if (sl[first].st == RS_HELD)
			an_settle(A, s, first, true);
	}
}

/*
 * st = PQresultStatus(res): st is the status of what the call that
 * returned res acquired along with it and lets PQresultStatus() say
 * (the transaction of PQexec(conn, "BEGIN")); otherwise just a value.
 */
static void do_status(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	struct var_st *h = vst(A, s, ev->src), *w;
	size_t site, k;

	lose(A, s, ev->var, -1, ev);
	an_unequal(A, s, ev->var);
	unbind(A, s, ev->var);
	set_val(A, s, ev->var, TOP);
	w = vst(A, s, ev->var);
	if (!w || !h || h->role != ROLE_HANDLE || h->bind < 0)
		return;
	site = (size_t)A->slot_site[h->bind];
	for (k = site + 1; k < A->first_param && A->sites[k].led_by == (int)site + 1; k++) {
		const char *call = A->sites[k].acq->status_call;

		if (call && ev->callee && !strcmp(call, ev->callee)) {
			w->bind = (int16_t)k;
			w->role = ROLE_STATUS;
			return;
		}
	}
}

static void do_scope_end(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, ev->var);
	struct slot_st *sl = slots(A, s);

	if (!w)
		return;
	if (w->role == ROLE_HANDLE && w->bind >= 0 && live(sl[w->bind].st) &&
	    !other_holder(A, s, w->bind, ev->var) &&
	    site_of_slot(A, w->bind)->acq->shape != SHAPE_OBJECT) {
		an_report(A, (A->f->vars[ev->var].flags & VAR_TEMP) ? FK_DISCARDED : FK_LEAK,
		       w->bind, ev->loc, ev->exit, ev->label, NULL);
		sl[w->bind].st = RS_LEAKED;
	}
	unbind(A, s, ev->var);
	an_unequal(A, s, ev->var);
	set_val(A, s, ev->var, TOP);
}

static void forget(struct an *A, unsigned char *s)
{
	size_t i;

	for (i = 0; i < A->nmem; i++)
		if (!(A->f->vars[A->mem[i]].flags & VAR_PURE) || A->f->vars[A->mem[i]].parent < 0)
			set_val(A, s, A->mem[i], TOP);
}

/*
 * What a call can change of the values in memory we follow: those hanging
 * from a global, or from a variable it is given.  (Keeping the others can
 * only spare paths, never add one.)
 */
static void forget_reachable(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	size_t i;
	int a;

	for (i = 0; i < A->nmem; i++) {
		int root = A->f->vars[A->mem[i]].parent;
		bool reach = root < 0;

		for (a = 0; a < ev->nargs && !reach; a++)
			reach = ev->args[a].kind != ARG_NONE && ev->args[a].var == root;
		if (reach)
			set_val(A, s, A->mem[i], TOP);
	}
}

/*
 * v += k or v *= k: only the sign survives (widened, so a loop counter
 * reaches a fixpoint at once): a positive counter stays positive.
 */
static void do_arith(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, ev->var);
	struct val *p = vval(A, s, ev->var), r = TOP;

	if (ev->src == 2) {
		/* a pointer that moves: a copy walking a buffer (d = dst; *d++)
		   leaves it to the others that hold it; the only holder hands
		   it on as far as we can tell (free(p - n) later) */
		if (w && w->role == ROLE_HANDLE && w->bind >= 0 &&
		    !other_holder(A, s, w->bind, ev->var))
			do_escape(A, s, ev->var, 0);
		unbind(A, s, ev->var);
		an_unequal(A, s, ev->var);
		set_val(A, s, ev->var, TOP);
		return;
	}
	if (w && w->role == ROLE_HANDLE) {
		do_escape(A, s, ev->var, 0);    /* fd += 1: not a handle we follow */
		unbind(A, s, ev->var);
	}
	an_unequal(A, s, ev->var);
	if (!p)
		return;
	if (ev->src == 0 && ev->value > 0 && p->lo > INT64_MIN && p->lo + ev->value >= 1)
		r = an_dom(1, INT64_MAX, false, 0);
	else if (ev->src == 0 && ev->value < 0 && p->hi < INT64_MAX && p->hi + ev->value <= -1)
		r = an_dom(INT64_MIN, -1, false, 0);
	else if (ev->src == 0 && ev->value == 0)
		r = *p;
	else if (ev->src == 1 && p->lo >= 1)
		r = an_dom(1, INT64_MAX, false, 0);
	else if (ev->src == 1 && p->hi <= -1)
		r = an_dom(INT64_MIN, -1, false, 0);
	else if (ev->src == 1 && p->lo == 0 && p->hi == 0)
		r = *p;
	set_val(A, s, ev->var, r);
}

/* dst gets a value we do not follow. */
static void clobber(struct an *A, unsigned char *s, int v, const struct ir_event *ev)
{
	lose(A, s, v, -1, ev);
	unbind(A, s, v);
	an_unequal(A, s, v);
	set_val(A, s, v, TOP);
}

static void do_assign(struct an *A, unsigned char *s, int dst, int src, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, dst), *from = vst(A, s, src);

	if (dst == src)
		return;
	lose(A, s, dst, from && from->role == ROLE_HANDLE ? from->bind : -1, ev);
	an_unequal(A, s, dst);
	if (w) {
		w->bind = from ? from->bind : -1;
		w->role = from ? from->role : ROLE_NONE;
		if (from && an_representative(A, s, src) != dst)
			w->eq = (int16_t)an_representative(A, s, src);
	}
	set_val(A, s, dst, vval(A, s, src) ? *vval(A, s, src) : TOP);
}

/*
 * A call no rule describes: what its summary says it does, or, for an
 * unknown callee, every argument escapes.  Returns false when the callee
 * never returns.
 */
static bool do_call(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	const struct summary *S = A->opts->summaries ?
		summaries_find(A->opts->summaries, ev->key, A->f->unit) : NULL;
	const struct ir_site *site = &A->sites[ev->site];
	int i;

	if (S && S->noreturn)
		return false;
	for (i = 0; i < ev->nargs; i++) {
		const struct ir_arg *a = &ev->args[i];
		uint64_t bit = i < SUMMARY_MAX_PARAMS ? 1ULL << i : 0;

		if (a->kind == ARG_NONE)
			continue;
		an_because(A, EXPL_PASSED, ev->loc.line, ev->callee, i + 1);
		if (a->kind == ARG_ADDR) {
			/* the out-parameter of an acquisition is handled below; any
			   other &v may be stored, freed or overwritten by the callee */
			if (S && bit && site->ndst && site->acq->shape == SHAPE_OUT &&
			    site->dst == a->var)
				continue;
			do_escape(A, s, a->var, 0);
			unbind(A, s, a->var);
			an_unequal(A, s, a->var);
			set_val(A, s, a->var, TOP);
		} else if (ev->guess_rel && i + 1 == ev->guess_rel->arg &&
			   an_made_up_applies(A, ev, ev->guess_rel->res, S)) {
			struct ir_event rel = *ev;

			rel.kind = EV_RELEASE;
			rel.var = a->var;
			rel.rel = ev->guess_rel;
			rel.callee = ev->callee;
			do_release(A, s, &rel);
		} else if (!S && A->opts->borrow_unknown &&
			   !(A->opts->summaries &&
			     summaries_has_body(A->opts->summaries, ev->key, A->f->unit))) {
			/* unknown-callees: borrow: the caller still owns it */
		} else if (!S || !bit || (i >= S->nparams && S->keeps_varargs)) {
			/* (a variadic callee's extra arguments, kept through va_arg) */
			do_escape(A, s, a->var, 0);
		} else if (S->releases & bit) {
			struct ir_event rel = *ev;

			rel.kind = EV_RELEASE;
			rel.var = a->var;
			rel.rel = &S->rel[i];
			rel.callee = S->name;
			do_release(A, s, &rel);
		} else if ((S->keeps | S->releases_some) & bit) {
			do_escape(A, s, a->var, 0);
		}
	}
	if (site->ndst) {
		struct ir_event acq = *ev;

		if (site->acq->shape == SHAPE_OUT) {
			/* the callee may have consumed what *out held (free it,
			   realloc it) before storing a new one: let the old go */
			do_escape(A, s, site->dst, 0);
			unbind(A, s, site->dst);
		}
		acq.kind = EV_ACQUIRE;
		do_acquire(A, s, &acq);
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
		do_assign(A, s, ev->var, ev->args[S->returns_arg - 1].var, ev);
	} else if (ev->var >= 0) {
		clobber(A, s, ev->var, ev);
	}
	forget_reachable(A, s, ev);
	return true;
}

static void exec_event(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	an_because(A, EXPL_STORED, ev->loc.line, NULL, 0);
	switch (ev->kind) {
	case EV_ACQUIRE:
		do_acquire(A, s, ev);
		break;
	case EV_RELEASE:
		do_release(A, s, ev);
		break;
	case EV_STATUS:
		do_status(A, s, ev);
		break;
	case EV_ESCAPE:
		an_because(A, ev->out_param ? EXPL_OUT_PARAM : EXPL_STORED, ev->loc.line,
			ev->out_param ? A->f->vars[ev->out_param - 1].name : NULL, 0);
		escape_led(A, s, ev->var);
		do_escape(A, s, ev->var, ev->out_param);
		break;
	case EV_CALL:
		if (!do_call(A, s, ev))
			A->dead = true;
		break;
	case EV_SCOPE_END:
		do_scope_end(A, s, ev);
		break;
	case EV_ASSIGN:
		do_assign(A, s, ev->var, ev->src, ev);
		break;
	case EV_SETCONST:
		lose(A, s, ev->var, -1, ev);
		unbind(A, s, ev->var);
		an_unequal(A, s, ev->var);
		set_val(A, s, ev->var, an_dom(ev->value, ev->value, false, 0));
		break;
	case EV_CLOBBER:
		clobber(A, s, ev->var, ev);
		break;
	case EV_FORGET:
		if (ev->var >= 0) {
			an_unequal(A, s, ev->var);
			set_val(A, s, ev->var, TOP);
		} else {
			forget(A, s);
		}
		break;
	case EV_ARITH:
		do_arith(A, s, ev);
		break;
	}
}

void an_exec_block(struct an *A, unsigned char *s, int block, size_t upto)
{
	const struct ir_block *blk = &A->f->blocks[block];
	size_t i;

	A->cur = s;
	A->dead = false;
	for (i = 0; i < blk->nev && i < upto && !A->dead; i++) {
		A->evi = i;
		exec_event(A, s, &blk->ev[i]);
	}
}

/* ---- exploration ---- */

static uint64_t node_hash(const struct an *A, int block, const unsigned char *s)
{
	uint64_t h = util_hash(UTIL_HASH_INIT, &block, sizeof(block));

	return util_hash(h, s, A->size);
}

static void memo_grow(struct an *A)
{
	size_t i, cap = A->memo_cap ? A->memo_cap * 2 : 1024;
	int *m = xmalloc(cap * sizeof(*m));

	for (i = 0; i < cap; i++)
		m[i] = -1;
	for (i = 0; i < A->nnodes; i++) {
		size_t h = A->nodes[i].hash & (cap - 1);

		while (m[h] >= 0)
			h = (h + 1) & (cap - 1);
		m[h] = (int)i;
	}
	free(A->memo);
	A->memo = m;
	A->memo_cap = cap;
}

/*
 * A slot that is over (released, escaped, failed, moved, reported) and that
 * no variable and no pending transfer refers to can never matter again:
 * it becomes "not acquired", so paths that differ only there merge.
 */
static void forget_finished(struct an *A, unsigned char *s)
{
	struct slot_st *sl = slots(A, s);
	size_t x, v;

	if (!A->nslots)
		return;
	memset(A->referenced, 0, A->nslots);
	for (v = 0; v < A->nrv; v++) {
		const struct var_st *w = (const struct var_st *)(s + A->off_vars) + v;

		if (w->role == ROLE_HANDLE && w->bind >= 0)
			A->referenced[w->bind] = 1;
		else if (w->role == ROLE_STATUS && w->bind >= 0)
			memset(A->referenced + A->base[w->bind], 1,
			       (size_t)A->sites[w->bind].ndst);
	}
	for (x = 0; x < A->nslots; x++)
		if (sl[x].st == RS_PENDING && sl[x].pend >= 0)
			A->referenced[sl[x].pend] = 1;
	for (x = 0; x < A->nslots; x++) {
		uint8_t st = sl[x].st;

		if (A->referenced[x] || st == RS_NONE || live(st) || st == RS_PENDING ||
		    st == RS_OUT || param_slot(A, (int)x))
			continue;
		sl[x].st = RS_NONE;
		sl[x].ok = 0;
		sl[x].pend = -1;
		sl[x].pmode = 0;
	}
}

/* Queues (block, s) unless it was seen; parent is the node it comes from. */
void an_push(struct an *A, int block, const unsigned char *s, int parent)
{
	const uint64_t *live;
	uint64_t hash;
	size_t h, c;
	struct node *n;

	if (A->exhausted)
		return;
	block = an_resolve(A, block);
	/* forget values no path from here reads: states that differ only there merge */
	live = A->live + (size_t)block * A->lwords;
	memcpy(A->norm, s, A->size);
	for (c = 0; c < A->ncv; c++)
		if (!(live[c / 64] >> (c % 64) & 1))
			((struct val *)(A->norm + A->off_vals))[c] = TOP;
	forget_finished(A, A->norm);
	s = A->norm;
	if ((A->nnodes + 1) * 2 > A->memo_cap)
		memo_grow(A);
	hash = node_hash(A, block, s);
	h = hash & (A->memo_cap - 1);
	while (A->memo[h] >= 0) {
		const struct node *o = &A->nodes[A->memo[h]];

		if (o->hash == hash && o->block == block && !memcmp(A->store + o->state, s, A->size))
			return;
		h = (h + 1) & (A->memo_cap - 1);
	}
	if (A->nnodes >= A->opts->budget) {
		A->exhausted = true;
		return;
	}
	if (A->store_len + A->size > A->store_cap) {
		A->store_cap = A->store_cap ? A->store_cap * 2 : 4096;
		while (A->store_cap < A->store_len + A->size)
			A->store_cap *= 2;
		A->store = xrealloc(A->store, A->store_cap);
	}
	if (A->nnodes == A->capnodes) {
		A->capnodes = A->capnodes ? A->capnodes * 2 : 256;
		A->nodes = xrealloc(A->nodes, A->capnodes * sizeof(*A->nodes));
	}
	memcpy(A->store + A->store_len, s, A->size);
	n = &A->nodes[A->nnodes];
	n->block = block;
	n->parent = parent;
	n->state = A->store_len;
	n->hash = hash;
	A->store_len += A->size;
	A->memo[h] = (int)A->nnodes++;
}


/* Describes this exit path to the summary builder. */
static void observe_exit(struct an *A, unsigned char *s, const struct ir_term *t)
{
	const struct slot_st *sl = slots(A, s);
	struct exit_obs o;
	size_t x;

	memset(&o, 0, sizeof(o));
	o.ret = RET_NONE;
	if (t->kind == T_RETURN && t->var >= 0) {
		const struct var_st *w = vst(A, s, t->var);
		const struct val *v = vval(A, s, t->var);

		o.ret = RET_OTHER;
		if (w && w->role == ROLE_HANDLE && w->bind >= 0) {
			int b = w->bind;
			const struct ir_site *site = site_of_slot(A, b);

			if (param_slot(A, b) && live(sl[b].st)) {
				o.ret = RET_PARAM;
				o.param = (int)((size_t)A->slot_site[b] - A->first_param) + 1;
			} else if (!param_slot(A, b) && live(sl[b].st)) {
				o.ret = RET_FRESH;
				o.acq = site->acq;
				o.acq_loc = site->loc;
				o.unchecked = sl[b].st == RS_UNCHECKED;
			} else if (!param_slot(A, b) && sl[b].st == RS_FAILED) {
				struct val d = an_handle_domain(site->acq, false, false);

				if (d.lo == d.hi && !d.has_ex) {
					o.ret = RET_CONST;
					o.value = d.lo;
				}
			}
		} else if (v && an_tracks_value(A, t->var) && v->lo == v->hi && !v->has_ex) {
			o.ret = RET_CONST;
			o.value = v->lo;
		}
	} else if (t->kind == T_RETURN && t->has_value) {
		o.ret = RET_CONST;
		o.value = t->value;
	}
	for (x = 0; x < A->nslots; x++) {
		if (param_slot(A, (int)x)) {
			int p = (int)((size_t)A->slot_site[x] - A->first_param);
			uint64_t bit = p < SUMMARY_MAX_PARAMS ? 1ULL << p : 0;

			if (sl[x].st == RS_RELEASED)
				o.released |= bit;
			else if (sl[x].st == RS_FAILED)
				o.null |= bit;
			else if (sl[x].st == RS_ESCAPED || sl[x].st == RS_OUT || sl[x].st == RS_MOVED)
				o.kept |= bit;
		} else if (sl[x].st == RS_OUT && !o.out_param) {
			o.out_param = sl[x].pend;
			o.out_unchecked = !sl[x].ok;
			o.out_acq = site_of_slot(A, (int)x)->acq;
			o.out_loc = site_of_slot(A, (int)x)->loc;
		}
	}
	summary_observe(A->sb, &o);
}

static void exit_check(struct an *A, unsigned char *s, const struct ir_term *t)
{
	const struct slot_st *sl = slots(A, s);
	size_t x;

	if (A->sb)
		observe_exit(A, s, t);
	if (t->kind == T_RETURN && t->var >= 0) {
		an_because(A, EXPL_RETURNED, t->loc.line, NULL, 0);
		escape_led(A, s, t->var);
		do_escape(A, s, t->var, 0);     /* return p: the caller has it */
	}
	if (A->f->is_main && !A->opts->check_main) {
		for (x = 0; x < A->nslots; x++)
			if (live(sl[x].st))
				an_explain(A, (int)x, EXPL_UNCHECKED_EXITS, 0, NULL, 0);
		return;
	}
	for (x = 0; x < A->nslots; x++) {
		const struct ir_site *site;

		if (!live(sl[x].st) || param_slot(A, (int)x))
			continue;
		site = site_of_slot(A, (int)x);
		if (site->acq->shape == SHAPE_OBJECT &&
		    (site->dst < 0 || !A->released_obj[site->dst])) {
			an_explain(A, (int)x, EXPL_UNCHECKED_EXITS, 0, NULL, 0);
			continue;   /* a lock wrapper: it means to return holding it */
		}
		an_report(A, FK_LEAK, (int)x, t->loc, t->kind == T_RETURN ? EXIT_RETURN : EXIT_END,
		       NULL, NULL);
	}
}





/* ---- set-up ---- */












bool analyse_function(const struct ir_func *f, const struct analyse_opts *opts,
		      struct analyse_stats *stats, struct summary_builder *b)
{
	struct an A;
	unsigned char *s;
	size_t i;
	bool complete;

	if (f->unsupported) {
		stats->unsupported++;
		report_verbose("%s:%u: not analysing '%s': %s", f->loc.file ? f->loc.file : "?",
			       f->loc.line, f->name, f->unsupported);
		return false;
	}
	stats->functions++;
	if (f->entry < 0)
		return false;
	memset(&A, 0, sizeof(A));
	A.f = f;
	A.opts = opts;
	A.watch = -1;
	A.sb = b;
	an_layout(&A);
	if (opts->explain)
		A.site_reported = xcalloc(A.nsites + 1, sizeof(bool));
	if (!A.nslots && !b) {
		complete = true;    /* nothing acquired: nothing to follow */
		goto out;
	}
	s = xmalloc(A.size);
	A.norm = xmalloc(A.size);
	A.referenced = xmalloc(A.nslots + 1);
	an_initial_state(&A, s);
	an_push(&A, f->entry, s, -1);
	for (i = 0; i < A.nnodes && !A.exhausted; i++) {
		const struct ir_block *blk = &f->blocks[A.nodes[i].block];

		memcpy(s, A.store + A.nodes[i].state, A.size);
		A.node = (int)i;
		an_exec_block(&A, s, A.nodes[i].block, (size_t)-1);
		if (A.dead)
			continue;   /* a call that never returns */
		switch (blk->term.kind) {
		case T_GOTO:
			an_push(&A, blk->term.target, s, (int)i);
			break;
		case T_BRANCH:
			an_branch(&A, s, &blk->term, (int)i);
			break;
		case T_RETURN:
		case T_END:
			A.cur = s;
			exit_check(&A, s, &blk->term);
			break;
		case T_DEAD:
		case T_NONE:
			break;
		}
	}
	stats->states += A.nnodes;
	complete = !A.exhausted;
	if (A.exhausted) {
		stats->exhausted++;
		report_verbose("%s:%u: budget of %zu states exhausted in '%s'; no further findings for it",
			       f->loc.file ? f->loc.file : "?", f->loc.line, opts->budget, f->name);
	}
	if (opts->explain && !f->context)
		an_explain_sites(&A);
	free(s);
	free(A.norm);
	free(A.referenced);
	free(A.seen.v);
	free(A.memo);
	free(A.nodes);
	free(A.store);
out:
	free(A.live);
	free(A.expl);
	free(A.site_reported);
	free(A.sites);
	free(A.slot_site);
	free(A.base);
	free(A.has_kids);
	free(A.mem);
	free(A.released_obj);
	free(A.doomed);
	free(A.cv);
	free(A.rv);
	return complete;
}
