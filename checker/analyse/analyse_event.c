/*
 * analyse_event.c - the transitions of the analysis: what each IR event
 * (acquire, release, escape, call, assignment, end of scope ...) does to
 * a state, and the findings it makes on the way (a handle overwritten,
 * leaked at the end of its scope, released twice or with the wrong
 * function).  The walk over (block, state) nodes is analyse.c; branches
 * are analyse_branch.c; calls resolved by summaries, analyse_call.c.
 */
#include "analyse_int.h"

#include <string.h>

/*
 * The acquisition of slot x is settled, ok: it succeeded.  Handles being
 * transferred into it are moved; when it failed they are held again (or,
 * for a reopen, released).
 */
void an_settle(struct an *A, unsigned char *s, int x, bool ok)
{
	struct slot_st *sl = slots(A, s);
	size_t u;

	for (u = 0; u < A->nslots; u++)
		if (sl[u].st == RS_PENDING && sl[u].pend == x) {
			sl[u].st = ok ? RS_MOVED : sl[u].pmode == PM_REOPEN ? RS_RELEASED : RS_HELD;
			/* a summary asks where a parameter moved: into the result? */
			sl[u].pend = ok && A->sb ? (int16_t)x : -1;
			sl[u].pmode = 0;
		}
}

/* Whether a variable other than except holds slot x. */
static bool other_holder(const struct an *A, unsigned char *s, int x, int except)
{
	const struct slot_st *sl = slots(A, s);
	size_t v;

	if (sl[x].holder && live(sl[sl[x].holder - 1].st))
		return true;    /* a member of a struct we own holds it */
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
	if (A->fid[v])
		an_field_overwritten(A, s, v);
	x = w->bind;
	if (!live(sl[x].st) || other_holder(A, s, x, v))
		return;
	if (site_of_slot(A, x)->acq->shape == SHAPE_OBJECT || param_slot(A, x)) {
		sl[x].st = RS_LEAKED;
		return;
	}
	an_report(A, FK_OVERWRITE, x, ev->loc, EXIT_SCOPE, NULL, NULL);
	sl[x].st = RS_LEAKED;
	an_held_follow(A, s, x, HELD_DROP, NULL);
}

/* v no longer holds a handle or a status. */
void an_unbind(struct an *A, unsigned char *s, int v)
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
	for (u = 0; u < A->neqvars; u++) {
		struct var_st *x = vst(A, s, A->eqvars[u]);

		if (x->eq == v)
			x->eq = -1;
	}
}

/* The variable whose value v is a copy of, or v. */
int an_representative(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v);

	return w && w->eq >= 0 ? w->eq : v;
}

/* Sets what is known of the value of v, if it is one we follow. */
void an_set_val(struct an *A, unsigned char *s, int v, struct val val)
{
	struct val *p = vval(A, s, v);

	if (p)
		*p = val;
}

/*
 * v's handle leaves our hands (passed on, stored, returned), and so do
 * those of its array slots; out_param: the 1-based parameter it is stored
 * through (*out = p), or 0.
 */
void an_escape(struct an *A, unsigned char *s, int v, int out_param)
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
			an_held_follow(A, s, x, HELD_ESCAPE, NULL);
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
				an_escape(A, s, (int)k, 0);
	}
}

/*
 * v's handle leaves by a return or a store: what the same call acquired
 * with it goes along (returning mkstemp's descriptor hands over the file).
 */
void an_escape_led(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v);
	struct slot_st *sl = slots(A, s);
	size_t site, k;
	int j;

	if (!w || w->role != ROLE_HANDLE || w->bind < 0)
		return;
	site = (size_t)A->slot_site[w->bind];
	for (k = site + 1; k < an_led_end(A, site); k++)
		for (j = 0; j < A->sites[k].ndst; j++)
			if (live(sl[A->base[k] + j].st)) {
				sl[A->base[k] + j].st = RS_ESCAPED;
				an_held_follow(A, s, A->base[k] + j, HELD_ESCAPE, NULL);
			}
}

bool an_releases(const struct rule_release *rel, unsigned mask,
		 const struct rule_resource *res)
{
	unsigned i;

	for (i = 0; rel; rel = rel->next, i++)
		if ((!mask || (i < 32 && (mask & (1u << i)))) && (!rel->res || rules_same_resource(rel->res, res)))
			return true;
	return false;
}

/*
 * What a release event gives back, for a summary: the one resource of
 * its applicable entries, or NULL (anything) when they name several
 * (g_strfreev frees a g_strsplit vector and a g_new one alike).
 */
static const struct rule_resource *released_kind(const struct ir_event *ev)
{
	const struct rule_release *r;
	const struct rule_resource *res = NULL;
	unsigned i = 0;

	for (r = ev->rel; r; r = r->next, i++) {
		if (ev->rel_mask && (i >= 32 || !(ev->rel_mask & (1u << i))))
			continue;
		if (res && res != r->res)
			return NULL;
		res = r->res;
	}
	return res;
}


/* EV_RELEASE: v's handle is released; a wrong releaser or a second release is reported. */
void an_do_release(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, ev->var);
	struct slot_st *sl = slots(A, s);
	int x;

	if (!w || w->role != ROLE_HANDLE || w->bind < 0)
		return;
	x = w->bind;
	if (ev->soft && ev->rel && site_of_slot(A, x)->acq->res &&
	    !an_releases(ev->rel, ev->rel_mask, site_of_slot(A, x)->acq->res))
		return;         /* fclose(fp) after flockfile(fp): the stream, not the lock */
	if (an_refc_release(A, s, ev, x))
		return;         /* one of several references on the object */
	if (live(sl[x].st)) {
		const struct rule_resource *res = site_of_slot(A, x)->acq->res;

		/* a deallocator named by an attribute may also be given what
		   its own body frees (its constructor cleaning up): no mismatch */
		if (ev->rel && res && !an_releases(ev->rel, ev->rel_mask, res) && !res->guessed &&
		    !ev->rel->res->guessed && !ev->rel->res->releaser)
			an_report(A, FK_MISMATCHED_RELEASE, x, ev->loc, EXIT_SCOPE, NULL, ev->callee);
		sl[x].st = RS_RELEASED;
		an_settle(A, s, x, true);
		an_explain(A, x, EXPL_RELEASED, ev->loc.line, ev->callee, 0);
		/* free(s) frees no member; a destructor with a body is taken to */
		an_held_follow(A, s, x, A->by_body ? HELD_ESCAPE : HELD_FREED, ev);
		if (A->sb && !A->quiet && param_slot(A, x)) {
			int p = (int)((size_t)A->slot_site[x] - A->first_param);

			/* shallow: free(p) */
			A->sb->released(A->sb->arg, p + 1, released_kind(ev), !A->by_body);
		}
		if (A->quiet && A->watch == x)
			A->watch_loc = ev->loc;
	} else if (sl[x].st == RS_RELEASED) {
		const struct rule_resource *res = site_of_slot(A, x)->acq->res;

		/* sqlite3_close(db) after COMMIT ends no transaction: fine */
		if (!ev->soft && !(res && res->idempotent))
			an_report(A, FK_DOUBLE_RELEASE, x, ev->loc, EXIT_SCOPE, NULL, ev->callee);
	}
}

/*
 * EV_ACQUIRE: the site's handles are acquired into its destinations,
 * unchecked unless the call never fails; what the destinations held
 * before is lost, and a handle transferred (realloc, fdopen) waits on
 * the outcome.
 */
void an_do_acquire(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	const struct ir_site *site = &A->sites[ev->site];
	const struct rule_acquire *acq = site->acq;
	struct slot_st *sl = slots(A, s);
	int from = -1, self = -1, first = A->base[ev->site], j;

	if (acq->ref) {
		an_refc_take(A, s, ev, ev->site, true);     /* g_object_ref(p) */
		return;
	}
	if (site->from >= 0) {
		struct var_st *w = vst(A, s, site->from);

		if (w && w->role == ROLE_HANDLE && w->bind >= 0 && live(sl[w->bind].st))
			from = w->bind;
	}
	if (acq->reopen && from < 0) {
		if (site->dst >= 0) {
			lose(A, s, site->dst, -1, ev);
			an_unbind(A, s, site->dst);
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
			an_held_follow(A, s, x, HELD_DROP, NULL);
			/* the site runs again (a loop): older references go stale */
			for (v = 0; v < A->nvars; v++) {
				struct var_st *w = A->rv[v] >= 0 ? vst(A, s, (int)v) : NULL;

				if (w && w->role == ROLE_HANDLE && w->bind == x) {
					/* keep what the handle's value was known to be */
					an_unbind(A, s, (int)v);
					an_set_val(A, s, (int)v, sl[x].ok ? an_handle_domain(acq, true, A->f->vars[v].flags & VAR_POINTER) : TOP);
				}
			}
			an_settle(A, s, x, true);
		}
		if (site->dst >= 0) {
			an_unequal(A, s, site->dst + j);
			vst(A, s, site->dst + j)->bind = (int16_t)x;
			vst(A, s, site->dst + j)->role = ROLE_HANDLE;
			an_set_val(A, s, site->dst + j, TOP);
		}
		sl[x].st = acq->fails == FAIL_NEVER ? RS_HELD : RS_UNCHECKED;
		sl[x].ok = acq->fails == FAIL_NEVER;
		sl[x].pend = -1;
		sl[x].pmode = 0;
		sl[x].holder = 0;
		sl[x].hfid = 0;
		sl[x].rbase = 0;
	}
	if (site->status >= 0) {
		lose(A, s, site->status, -1, ev);
		an_unequal(A, s, site->status);
		an_unbind(A, s, site->status);
		if (acq->fails != FAIL_HELD) {  /* held whatever the status says */
			vst(A, s, site->status)->bind = (int16_t)ev->site;
			vst(A, s, site->status)->role = ROLE_STATUS;
		}
		an_set_val(A, s, site->status, TOP);
	}
	if (site->error_var1 && vst(A, s, site->error_var1 - 1)) {
		struct var_st *e = vst(A, s, site->error_var1 - 1);

		an_unequal(A, s, site->error_var1 - 1);
		e->bind = (int16_t)ev->site;
		e->role = ROLE_ERROR;
		an_set_val(A, s, site->error_var1 - 1, TOP);
	}
	if (from >= 0) {
		sl[from].st = RS_PENDING;
		sl[from].pend = (int16_t)first;
		sl[from].pmode = acq->reopen ? PM_REOPEN : PM_TRANSFER;
		if (sl[first].st == RS_HELD)
			an_settle(A, s, first, true);
	}
	for (j = 0; site->dst >= 0 && j < site->ndst; j++)
		if (A->fid[site->dst + j])
			an_field_stored(A, s, site->dst + j, -1);   /* s->name = strdup(..) */
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
	an_unbind(A, s, ev->var);
	an_set_val(A, s, ev->var, TOP);
	w = vst(A, s, ev->var);
	if (!w || !h || h->role != ROLE_HANDLE || h->bind < 0)
		return;
	site = (size_t)A->slot_site[h->bind];
	for (k = site + 1; k < an_led_end(A, site); k++) {
		const char *call = A->sites[k].acq->status_call;

		if (call && ev->callee && !strcmp(call, ev->callee)) {
			w->bind = (int16_t)k;
			w->role = ROLE_STATUS;
			return;
		}
	}
}

/* EV_SCOPE_END: v goes out of scope; a handle it alone held leaks (is discarded, for a temporary). */
static void do_scope_end(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, ev->var);
	struct slot_st *sl = slots(A, s);

	if (A->has_kids[ev->var]) {
		/* an aggregate or array dies with its members and slots */
		struct ir_event kid = *ev;
		size_t k;

		for (k = 0; k < A->nvars; k++)
			if (A->f->vars[k].parent == ev->var && (A->f->vars[k].flags & VAR_PSEUDO)) {
				kid.var = (int)k;
				do_scope_end(A, s, &kid);
			}
	}
	if (!w)
		return;
	if (w->role == ROLE_HANDLE && w->bind >= 0 && live(sl[w->bind].st) &&
	    !other_holder(A, s, w->bind, ev->var) &&
	    site_of_slot(A, w->bind)->acq->shape != SHAPE_OBJECT) {
		an_report(A, (A->f->vars[ev->var].flags & VAR_TEMP) ? FK_DISCARDED : FK_LEAK,
		       w->bind, ev->loc, ev->exit, ev->label, NULL);
		sl[w->bind].st = RS_LEAKED;
		an_held_follow(A, s, w->bind, HELD_DROP, NULL);
	}
	an_unbind(A, s, ev->var);
	an_unequal(A, s, ev->var);
	an_set_val(A, s, ev->var, TOP);
}

/*
 * A store or call we do not follow: the values in memory are forgotten,
 * but pure results hanging from a local and what hangs from a parameter
 * the function never hands out (an_forgotten()).
 */
static void forget(struct an *A, unsigned char *s)
{
	size_t i;

	for (i = 0; i < A->nmem; i++)
		if (an_forgotten(A, A->mem[i]))
			an_set_val(A, s, A->mem[i], TOP);
}

/*
 * What a call can change of the values in memory we follow: those hanging
 * from a global, or from a variable it is given.  (Keeping the others can
 * only spare paths, never add one.)
 */
void an_forget_reachable(struct an *A, unsigned char *s, const struct ir_event *ev,
			     const struct summary *S)
{
	struct an_callee c = { S, false };
	size_t i;

	if (!S)
		an_callee_of(A, ev, &c);
	for (i = 0; i < A->nmem; i++)
		if (an_call_forgets(A, ev, &c, A->mem[i]))
			an_set_val(A, s, A->mem[i], TOP);
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
			an_escape(A, s, ev->var, 0);
		an_unbind(A, s, ev->var);
		an_unequal(A, s, ev->var);
		an_set_val(A, s, ev->var, TOP);
		return;
	}
	if (w && w->role == ROLE_HANDLE) {
		an_escape(A, s, ev->var, 0);    /* fd += 1: not a handle we follow */
		an_unbind(A, s, ev->var);
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
	an_set_val(A, s, ev->var, r);
}

/* dst gets a value we do not follow. */
void an_clobber(struct an *A, unsigned char *s, int v, const struct ir_event *ev)
{
	lose(A, s, v, -1, ev);
	an_unbind(A, s, v);
	an_unequal(A, s, v);
	an_set_val(A, s, v, TOP);
}

/*
 * dst = src: dst holds what src holds, and equals it; for a soft EV_ASSIGN
 * (node->prev = p: p escapes into memory), only p's value is copied.
 */
void an_do_assign(struct an *A, unsigned char *s, int dst, int src, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, dst), *from = vst(A, s, src);
	bool holds = from && !(ev->kind == EV_ASSIGN && ev->soft);

	if (dst == src)
		return;
	lose(A, s, dst, from && from->role == ROLE_HANDLE ? from->bind : -1, ev);
	an_unequal(A, s, dst);
	if (w) {
		w->bind = holds ? from->bind : -1;
		w->role = holds ? from->role : ROLE_NONE;
		if (from && an_representative(A, s, src) != dst)
			w->eq = (int16_t)an_representative(A, s, src);
	}
	an_set_val(A, s, dst, vval(A, s, src) ? *vval(A, s, src) : TOP);
	if (A->fid[dst])
		an_field_stored(A, s, dst, src);        /* s->name = name */
}

/*
 * Whether the handle v holds is also held by a member (p->items = v, a
 * parameter's or a struct's we own, or a local struct's s.items): then
 * the address of an element of it leaving (&v[i]) leaves the buffer to
 * that member.
 */
static bool held_by_member(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v), *o;
	size_t k;

	if (!w || w->role != ROLE_HANDLE || w->bind < 0)
		return false;
	if (slots(A, s)[w->bind].hfid)
		return true;
	for (k = 0; k < A->nvars; k++)
		if (k != (size_t)v && (A->f->vars[k].flags & (VAR_FIELD | VAR_PSEUDO)) &&
		    A->f->vars[k].parent >= 0 && (o = vst(A, s, (int)k)) &&
		    o->role == ROLE_HANDLE && o->bind == w->bind)
			return true;
	return false;
}

/* Executes event ev on state s. */
static void exec_event(struct an *A, unsigned char *s, const struct ir_event *ev)
{
	int i;

	/* q->name read back, with q a copy of the p that p->name was stored through */
	if (ev->var >= 0 && A->fid[ev->var] && ev->kind != EV_FORGET)
		an_field_sync(A, s, ev->var);
	if ((ev->kind == EV_ASSIGN || ev->kind == EV_STATUS) && ev->src >= 0 && A->fid[ev->src])
		an_field_sync(A, s, ev->src);
	for (i = 0; ev->kind == EV_CALL && i < ev->nargs; i++)
		if (ev->args[i].kind == ARG_VAR && A->fid[ev->args[i].var])
			an_field_sync(A, s, ev->args[i].var);
	an_because(A, EXPL_STORED, ev->loc.line, NULL, 0);
	switch (ev->kind) {
	case EV_ACQUIRE:
		an_do_acquire(A, s, ev);
		break;
	case EV_RELEASE:
		an_do_release(A, s, ev);
		break;
	case EV_STATUS:
		do_status(A, s, ev);
		break;
	case EV_ESCAPE:
		if (ev->src >= 0 && an_lend_param(A, s, ev->var, ev->src, (int)ev->value))
			break;  /* cb(cb_arg): the function our caller gives decides */
		if (ev->soft && held_by_member(A, s, ev->var))
			break;  /* &v[i], p->items = v: the buffer stays p's */
		an_because(A, ev->out_param ? EXPL_OUT_PARAM : EXPL_STORED, ev->loc.line,
			ev->out_param ? A->f->vars[ev->out_param - 1].name : NULL, 0);
		an_escape_led(A, s, ev->var);
		an_escape(A, s, ev->var, ev->out_param);
		break;
	case EV_CALL:
		if (!an_do_call(A, s, ev))
			A->dead = true;
		break;
	case EV_SCOPE_END:
		do_scope_end(A, s, ev);
		break;
	case EV_ASSIGN:
		an_do_assign(A, s, ev->var, ev->src, ev);
		break;
	case EV_SETCONST:
		lose(A, s, ev->var, -1, ev);
		an_unbind(A, s, ev->var);
		an_unequal(A, s, ev->var);
		an_set_val(A, s, ev->var, an_dom(ev->value, ev->value, false, 0));
		break;
	case EV_CLOBBER:
		an_clobber(A, s, ev->var, ev);
		break;
	case EV_FORGET:
		if (ev->var >= 0) {
			an_field_forget(A, s, ev->var);
			an_unequal(A, s, ev->var);
			an_set_val(A, s, ev->var, TOP);
		} else {
			forget(A, s);
		}
		break;
	case EV_ARITH:
		do_arith(A, s, ev);
		break;
	case EV_NONNULL:
		if (ev->src == 1 || !A->looping[A->block])
			an_nonnull(A, s, ev->var);
		break;
	}
}

/* Executes the events of block on s, at most upto of them, up to a call that never returns. */
void an_exec_block(struct an *A, unsigned char *s, int block, size_t upto)
{
	const struct ir_block *blk = &A->f->blocks[block];
	size_t i;

	A->cur = s;
	A->block = block;
	A->dead = false;
	for (i = 0; i < blk->nev && i < upto && !A->dead; i++) {
		A->evi = i;
		exec_event(A, s, &blk->ev[i]);
	}
}
