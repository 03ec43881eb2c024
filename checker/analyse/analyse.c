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
 * What each event does to a state is analyse_event.c.
 */
#include "analyse_int.h"
#include "base/diag.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* ---- exploration ---- */

/* The block that b leads to through blocks that only jump on (at most 64 hops). */
int an_resolve(const struct an *A, int b)
{
	int hops = 0;

	while (hops++ < 64 && (A->f->blocks[b].nev == 0 || A->inert[b]) &&
	       A->f->blocks[b].term.kind == T_GOTO)
		b = A->f->blocks[b].term.target;
	return b;
}

/* The hash of a node: its block and its state. */
static uint64_t node_hash(const struct an *A, int block, const unsigned char *s)
{
	uint64_t h = util_hash(UTIL_HASH_INIT, &block, sizeof(block));

	return util_hash(h, s, A->size);
}

/* Doubles the memo table (or makes it) and enters every node again. */
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
		else if ((w->role == ROLE_STATUS || w->role == ROLE_ERROR) && w->bind >= 0)
			memset(A->referenced + A->base[w->bind], 1,
			       (size_t)A->sites[w->bind].ndst);
		else if (w->role == ROLE_KEPT && w->bind >= 0)
			A->referenced[w->bind] = 1;
	}
	for (x = 0; x < A->nslots; x++) {
		if (sl[x].st == RS_PENDING && sl[x].pend >= 0)
			A->referenced[sl[x].pend] = 1;
		if (live(sl[x].st) && sl[x].holder)
			A->referenced[sl[x].holder - 1] = 1;
	}
	for (x = 0; x < A->nslots; x++) {
		uint8_t st = sl[x].st;

		if (A->referenced[x] || st == RS_NONE || live(st) || st == RS_PENDING ||
		    st == RS_OUT || param_slot(A, (int)x))
			continue;
		sl[x].st = RS_NONE;
		sl[x].ok = 0;
		sl[x].pend = -1;
		sl[x].pmode = 0;
		sl[x].holder = 0;
		sl[x].hfid = 0;
		sl[x].rbase = 0;
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

		if (o->hash == hash && o->block == block) {
			an_store_get(A, A->memo[h], A->cmp);
			if (!memcmp(A->cmp, s, A->size))
				return;
		}
		h = (h + 1) & (A->memo_cap - 1);
	}
	if (A->nnodes >= A->opts->budget) {
		A->exhausted = true;
		return;
	}
	if (A->store_len + A->size + (A->nnodes + 1) * sizeof(*A->nodes) > A->max_store) {
		A->exhausted = A->too_large = true;
		return;
	}
	if (A->nnodes == A->capnodes) {
		A->capnodes = A->capnodes ? A->capnodes * 2 : 256;
		A->nodes = xrealloc(A->nodes, A->capnodes * sizeof(*A->nodes));
	}
	n = &A->nodes[A->nnodes];
	n->block = block;
	n->parent = parent;
	n->hash = hash;
	an_store_put(A, n, s);
	A->memo[h] = (int)A->nnodes++;
}

/* ---- exits ---- */

/*
 * What this exit leaves in each *param: 0, set, or the error flag of the
 * call whose handle (site ret_site) is returned; and which parameters are
 * NULL here (nothing can be stored through them).
 */
static void error_cells(struct an *A, unsigned char *s, int ret_site, struct exit_obs *o)
{
	const struct slot_st *sl = slots(A, s);
	size_t k;

	for (k = 0; k < A->nmem; k++) {
		int v = A->mem[k], p = an_param_cell(A, v);
		const struct var_st *w;
		const struct val *d;
		uint64_t bit;

		if (p < 0 || p >= SUMMARY_MAX_PARAMS)
			continue;
		bit = 1ULL << p;
		w = vst(A, s, v);
		d = an_tracks_value(A, v) ? vval(A, s, v) : NULL;
		if ((A->sites[A->first_param + (size_t)p].ndst &&
		     sl[A->base[A->first_param + (size_t)p]].st == RS_FAILED) ||
		    (an_tracks_value(A, p) && vval(A, s, p)->lo == 0 && vval(A, s, p)->hi == 0))
			o->err_void |= bit;     /* if (parseerr != NULL) *parseerr = err; */
		if (w && w->role == ROLE_ERROR && w->bind >= 0 && w->bind == ret_site &&
		    A->sites[ret_site].error_implies)
			o->err_linked |= bit;
		else if (d && d->lo == 0 && d->hi == 0 && !d->has_ex)
			o->err_zero |= bit;
		else if (d && (d->lo > 0 || d->hi < 0 || (d->has_ex && d->ex == 0)))
			o->err_set |= bit;
	}
}

/* The members of returned struct slot h that hold a handle here (a constructor). */
static void returned_members(struct an *A, unsigned char *s, int h, struct exit_obs *o)
{
	const struct slot_st *sl = slots(A, s);
	size_t x;

	for (x = 0; x < A->nslots && o->nmem < SUMMARY_MAX_MEMBERS; x++)
		if (sl[x].holder == h + 1 && live(sl[x].st) && sl[x].hfid &&
		    site_of_slot(A, (int)x)->acq->res) {
			o->mem_name[o->nmem] = A->fid_names[sl[x].hfid];
			o->mem_acq[o->nmem++] = site_of_slot(A, (int)x)->acq;
		}
}

/*
 * The parameters p whose cell *p is known to be 0 (NULL) here: what was
 * stored through p on the way is no longer there (FREE_AND_NULL(*argv);
 * return -1;), so this exit stores nothing into *p.
 */
static uint64_t nulled_cells(struct an *A, unsigned char *s)
{
	uint64_t m = 0;
	size_t k;

	for (k = 0; k < A->nmem; k++) {
		int v = A->mem[k], p = an_param_cell(A, v);
		const struct val *d;

		if (p < 0 || p >= SUMMARY_MAX_PARAMS || !an_tracks_value(A, v))
			continue;
		d = vval(A, s, v);
		if (d && d->lo == 0 && d->hi == 0 && !d->has_ex)
			m |= 1ULL << p;
	}
	return m;
}

/* The parameters known to be NULL at this exit (o->void_params). */
static void void_params(struct an *A, unsigned char *s, struct exit_obs *o)
{
	const struct slot_st *sl = slots(A, s);
	int p;

	for (p = 0; p < A->f->nparams && p < SUMMARY_MAX_PARAMS; p++) {
		const struct ir_site *site = &A->sites[A->first_param + (size_t)p];

		if ((site->ndst && sl[A->base[A->first_param + (size_t)p]].st == RS_FAILED) ||
		    (an_tracks_value(A, p) && vval(A, s, p)->lo == 0 && vval(A, s, p)->hi == 0 &&
		     !vval(A, s, p)->has_ex))
			o->void_params |= 1ULL << p;
	}
}

/* Adds the values of d (an interval minus maybe a point) to v. */
static void add_domain(struct vset *v, struct val d)
{
	if (d.has_ex && d.ex >= d.lo && d.ex <= d.hi) {
		if (d.ex > d.lo)
			vset_add(v, d.lo, d.ex - 1);
		if (d.ex < d.hi)
			vset_add(v, d.ex + 1, d.hi);
		return;
	}
	vset_add(v, d.lo, d.hi);
}

/* Describes this exit path to the summary builder. */
static void observe_exit(struct an *A, unsigned char *s, const struct ir_term *t)
{
	const struct slot_st *sl = slots(A, s);
	struct exit_obs o;
	size_t x;
	int ret_site = -1, ret_slot = -1;
	uint64_t nulled;

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
				ret_site = A->slot_site[b];
				ret_slot = b;
				o.ret = RET_FRESH;
				o.acq = site->acq;
				o.acq_loc = site->loc;
				o.unchecked = sl[b].st == RS_UNCHECKED;
				returned_members(A, s, b, &o);
			} else if (!param_slot(A, b) && sl[b].st == RS_FAILED) {
				struct val d = an_handle_domain(site->acq, false, false);

				if (d.lo == d.hi && !d.has_ex) {
					o.ret = RET_CONST;
					o.value = d.lo;
				}
			}
		} else if (w && w->role == ROLE_STATUS && w->bind >= 0 &&
			   A->sites[w->bind].ndst && sl[A->base[w->bind]].st == RS_OUT &&
			   !sl[A->base[w->bind]].ok) {
			/* return vasprintf(ret, ..): the failure of what it stored
			   into *ret comes out as is */
			const struct rule_acquire *acq = A->sites[w->bind].acq;

			o.out_thru = true;
			o.thru_fails = acq->fails;
			add_domain(&o.thru_ok, an_val_meet(an_status_domain(acq, true), v ? *v : TOP));
			add_domain(&o.thru_bad, an_val_meet(an_status_domain(acq, false), v ? *v : TOP));
		} else if (v && an_tracks_value(A, t->var) && v->lo == v->hi && !v->has_ex) {
			o.ret = RET_CONST;
			o.value = v->lo;
		} else if (v && an_tracks_value(A, t->var) && (!w || w->role != ROLE_HANDLE)) {
			o.ranged = true;
			o.lo = v->lo;
			o.hi = v->hi;
			o.nonzero = (v->has_ex && v->ex == 0) || v->lo > 0 || v->hi < 0;
		}
	} else if (t->kind == T_RETURN && t->has_value) {
		o.ret = RET_CONST;
		o.value = t->value;
	}
	nulled = nulled_cells(A, s);
	for (x = 0; x < A->nslots; x++) {
		if (param_slot(A, (int)x)) {
			int p = (int)((size_t)A->slot_site[x] - A->first_param);
			uint64_t bit = p < SUMMARY_MAX_PARAMS ? 1ULL << p : 0;

			if (sl[x].st == RS_RELEASED)
				o.released |= bit;
			else if (sl[x].st == RS_FAILED)
				o.null |= bit;
			else if ((sl[x].st == RS_MOVED || sl[x].st == RS_PENDING) && ret_slot >= 0 &&
				 sl[x].pend == ret_slot)
				o.moved |= bit;         /* return realloc(p, n) */
			else if (sl[x].st == RS_ESCAPED || sl[x].st == RS_OUT || sl[x].st == RS_MOVED)
				o.kept |= bit;
		} else if (sl[x].st == RS_OUT && sl[x].hfid) {
			/* p->buf = malloc(n), p our parameter: a fill of ours */
			if (o.nfill == SUMMARY_MAX_FILLS) {
				o.fill_over = true;
				continue;
			}
			o.fill_param[o.nfill] = sl[x].pend - 1;
			o.fill_name[o.nfill] = A->fid_names[sl[x].hfid];
			o.fill_loc[o.nfill] = site_of_slot(A, (int)x)->loc;
			if (site_of_slot(A, (int)x)->from >= 0 &&
			    site_of_slot(A, (int)x)->from == site_of_slot(A, (int)x)->dst)
				o.fill_regrow |= 1u << o.nfill;
			if ((o.fill_regrow & (1u << o.nfill)) || A->fsite_grow[A->slot_site[x]])
				o.fill_grows |= 1u << o.nfill;  /* also list_add(p, x)'s */
			if (A->fsite_maybe[A->slot_site[x]])
				o.fill_maybe |= 1u << o.nfill;
			o.fill_acq[o.nfill++] = site_of_slot(A, (int)x)->acq;
		} else if (sl[x].st == RS_OUT && !o.out_param && sl[x].pend > 0 &&
			   sl[x].pend <= SUMMARY_MAX_PARAMS &&
			   (nulled & (1ULL << (sl[x].pend - 1)))) {
			continue;       /* *out = NULL after: nothing stored here */
		} else if (sl[x].st == RS_OUT && !o.out_param) {
			o.out_param = sl[x].pend;
			o.out_unchecked = !sl[x].ok;
			o.out_acq = site_of_slot(A, (int)x)->acq;
			o.out_loc = site_of_slot(A, (int)x)->loc;
		}
	}
	o.refd = an_refc_params(A, s);
	error_cells(A, s, ret_site, &o);
	void_params(A, s, &o);
	A->sb->exit(A->sb->arg, &o);
}

/*
 * A return or the end of the function: a returned handle goes to the
 * caller, what is still held leaks (unless main is exempt or a lock
 * wrapper means to return holding it).
 */
static void exit_check(struct an *A, unsigned char *s, const struct ir_term *t)
{
	const struct slot_st *sl = slots(A, s);
	size_t x;

	if (t->kind == T_RETURN && t->var >= 0 && A->has_kids[t->var]) {
		size_t k;

		/* return s: the handles in its members go to the caller (before
		   the summary looks at what is kept) */
		an_because(A, EXPL_RETURNED, t->loc.line, NULL, 0);
		for (k = 0; k < A->nvars; k++)
			if (A->f->vars[k].parent == t->var && !(A->f->vars[k].flags & VAR_FIELD))
				an_escape(A, s, (int)k, 0);     /* (p->name: held by p, seen below) */
	}
	if (A->sb)
		observe_exit(A, s, t);
	if (t->kind == T_RETURN && t->var >= 0) {
		an_because(A, EXPL_RETURNED, t->loc.line, NULL, 0);
		an_escape_led(A, s, t->var);
		an_escape(A, s, t->var, 0);     /* return p: the caller has it */
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
		if (sl[x].holder)
			continue;   /* a member of a struct: reported with it, or gone with it */
		if (an_refc_quiet(A, s, (int)x))
			continue;   /* one more reference on an object: goes with it */
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

/* ---- the analysis of a function ---- */

/* The reason report_incomplete() is given for an unsupported function. */
static enum incomplete_reason unsupported_reason(const char *why)
{
	if (!strcmp(why, IR_UNSUPPORTED_SETJMP))
		return INCOMPLETE_SETJMP;
	if (!strcmp(why, IR_UNSUPPORTED_COMPUTED_GOTO))
		return INCOMPLETE_COMPUTED_GOTO;
	return INCOMPLETE_NESTING;
}

/* Says under --verbose, and records, that f was too large to analyse. */
static void too_large_note(const struct ir_func *f)
{
	if (!f->context)
		report_incomplete(f->loc, f->name, INCOMPLETE_TOO_LARGE);
	diag_verbose("%s:%u: '%s' is too large to analyse (its states would take more than %zu MiB); no further findings for it",
		       f->loc.file ? f->loc.file : "?", f->loc.line, f->name,
		       ANALYSE_MAX_BYTES >> 20);
}

/* Walks f from its entry until every node is explored or the budget is spent (see analyse.h). */
bool analyse_function(const struct ir_func *f, const struct analyse_opts *opts,
		      struct analyse_stats *stats, const struct walk_observer *b)
{
	struct an A;
	unsigned char *s;
	size_t i;
	bool complete;

	if (f->unsupported) {
		stats->unsupported++;
		diag_verbose("%s:%u: not analysing '%s': %s", f->loc.file ? f->loc.file : "?",
			       f->loc.line, f->name, f->unsupported);
		if (!f->context)
			report_incomplete(f->loc, f->name, unsupported_reason(f->unsupported));
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
	if (A.too_large) {
		/* its liveness sets alone would take the memory of its states */
		complete = false;
		A.exhausted = true;
		stats->too_large++;
		too_large_note(f);
		if (opts->explain && !f->context)
			an_explain_sites(&A);
		goto out;
	}
	s = xmalloc(A.size);
	A.norm = xmalloc(A.size);
	A.pbuf = xmalloc(A.size);
	A.cmp = xmalloc(A.size);
	A.pnode = -1;
	A.referenced = xmalloc(A.nslots + 1);
	an_initial_state(&A, s);
	an_push(&A, f->entry, s, -1);
	for (i = 0; i < A.nnodes && !A.exhausted; i++) {
		const struct ir_block *blk = &f->blocks[A.nodes[i].block];

		an_store_read(&A, (int)i, s);
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
	if (A.too_large) {
		stats->too_large++;
		too_large_note(f);
	} else if (A.exhausted) {
		stats->exhausted++;
		diag_verbose("%s:%u: budget of %zu states exhausted in '%s'; no further findings for it",
			       f->loc.file ? f->loc.file : "?", f->loc.line, opts->budget, f->name);
		if (!f->context)
			report_incomplete(f->loc, f->name, INCOMPLETE_BUDGET);
	}
	if (opts->explain && !f->context)
		an_explain_sites(&A);
	free(s);
	free(A.norm);
	free(A.pbuf);
	free(A.cmp);
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
	free(A.fid);
	free(A.fid_names);
	free(A.msite_of);
	free(A.msite_name);
	free(A.fsite_of);
	free(A.fsite_pm);
	free(A.fsite_grow);
	free(A.fsite_maybe);
	free(A.owned);
	free(A.msite_fid);
	free(A.lastpos);
	free(A.seen_in);
	free(A.holder);
	free(A.tested);
	free(A.eqvars);
	for (i = 0; A.groot && i < f->nvars; i++)
		free(A.groot[i]);
	free(A.groot);
	free(A.mem);
	free(A.released_obj);
	free(A.exposed);
	free(A.doomed);
	free(A.inert);
	free(A.looping);
	free(A.cv);
	free(A.rv);
	return complete;
}
