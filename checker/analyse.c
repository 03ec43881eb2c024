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
#include "analyse.h"
#include "report.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum slot_status {
	RS_NONE,        /* not acquired on this path */
	RS_UNCHECKED,   /* acquired, may have failed */
	RS_HELD,        /* acquired and known to have succeeded */
	RS_RELEASED,
	RS_ESCAPED,     /* ownership left the function */
	RS_FAILED,      /* the acquisition failed: nothing held */
	RS_MOVED,       /* transferred into another handle (realloc, fdopen) */
	RS_LEAKED,      /* already reported lost */
	RS_PENDING,     /* being transferred; waits on slot .pend */
	RS_OUT,         /* stored into *param .pend (summaries: an out-parameter) */
};

enum pend_mode { PM_TRANSFER = 1, PM_REOPEN = 2 };

struct slot_st {
	uint8_t st;             /* enum slot_status */
	uint8_t pmode;          /* enum pend_mode while RS_PENDING */
	uint8_t ok;             /* the acquisition is known to have succeeded, so the
				   handle's value is a valid one even once released */
	uint8_t pad;
	int16_t pend;           /* RS_PENDING: the slot whose outcome decides, else -1 */
	int16_t pad2;
};

enum role { ROLE_NONE, ROLE_HANDLE, ROLE_STATUS };

struct var_st {
	int16_t bind;           /* ROLE_HANDLE: slot; ROLE_STATUS: site; else -1 */
	uint8_t role;
	uint8_t pad;
	int16_t eq;             /* holds the same value as this variable (a copy, or a
				   copy of the same variable), or -1 */
	int16_t pad2;
};

struct val {
	int64_t lo, hi;         /* inclusive bounds */
	int64_t ex;             /* a point excluded from [lo, hi] when has_ex */
	int64_t has_ex;         /* 0 or 1 (a full word keeps the struct padding-free) */
};

struct node {
	int block;
	int parent;             /* node index, -1 for the entry */
	size_t state;           /* offset of the state in the store */
	uint64_t hash;          /* of (block, state), for the memo table */
};

struct seen {
	struct seen_key {
		int kind, site;
		unsigned line, col;
	} *v;
	size_t n, cap;
};

struct an {
	const struct ir_func *f;
	const struct analyse_opts *opts;
	int *rv;                /* var -> index in vars part, or -1 */
	int *cv;                /* var -> index in values part, or -1 */
	int *base;              /* site -> first slot */
	int *slot_site;         /* slot -> site */
	bool *released_obj;     /* var -> some EV_RELEASE names it (lock objects) */
	bool *has_kids;         /* var -> array slots have it as parent */
	int *mem;               /* VAR_MEMORY variables with a tracked value */
	size_t nmem;
	uint64_t *live;         /* per block: values that may be read before written */
	size_t lwords;          /* words per block in live */
	unsigned char *norm;    /* scratch state for push() */
	unsigned char *referenced;  /* scratch: slots some variable refers to */
	size_t nslots, nrv, ncv, nvars;
	size_t off_vars, off_vals, size;
	unsigned char *store;   /* states, back to back */
	size_t store_len, store_cap;
	struct node *nodes;
	size_t nnodes, capnodes;
	int *memo;              /* open addressing over node indices, -1 empty */
	size_t memo_cap;
	bool exhausted;
	struct seen seen;
	/* the event being executed, for findings and replays */
	int node;
	size_t evi;
	unsigned char *cur;     /* the state being executed */
	struct ir_site *sites;  /* the function's sites, completed by summaries, then
				   (summary mode) one per parameter */
	size_t nsites;          /* f->nsites + parameters */
	size_t first_param;     /* index of the first parameter site */
	struct summary_builder *sb; /* summary mode, or NULL */
	/* --explain: how each site's handles left our hands, and which reported */
	struct expl {
		int site;
		struct explain_step step;
	} *expl;
	size_t nexpl, capexpl;
	bool *site_reported;
	enum explain_kind why;      /* the reason of the escape under way */
	const char *why_what;
	int why_arg;
	unsigned why_line;
	bool dead;              /* the path ended in a call that never returns */
	bool quiet;             /* replaying: no findings */
	int watch;              /* replaying: slot whose release we look for */
	struct ir_loc watch_loc;
};

static const struct val TOP = { INT64_MIN, INT64_MAX, 0, 0 };

/* ---- state access ---- */

static struct slot_st *slots(const struct an *A, unsigned char *s)
{
	(void)A;
	return (struct slot_st *)s;
}

static struct var_st *vst(const struct an *A, unsigned char *s, int v)
{
	return A->rv[v] < 0 ? NULL : (struct var_st *)(s + A->off_vars) + A->rv[v];
}

static struct val *vval(const struct an *A, unsigned char *s, int v)
{
	return A->cv[v] < 0 ? NULL : (struct val *)(s + A->off_vals) + A->cv[v];
}

static const struct ir_site *site_of_slot(const struct an *A, int slot)
{
	return &A->sites[A->slot_site[slot]];
}

/* Whether slot x stands for a parameter (summary mode): never reported. */
static bool param_slot(const struct an *A, int x)
{
	return (size_t)A->slot_site[x] >= A->first_param;
}

static bool live(uint8_t st)
{
	return st == RS_HELD || st == RS_UNCHECKED;
}

/* ---- values ---- */

static void val_norm(struct val *v)
{
	if (v->has_ex && (v->ex < v->lo || v->ex > v->hi))
		v->has_ex = 0;
	if (v->has_ex && v->ex == v->lo && v->lo < v->hi) {
		v->lo++;
		v->has_ex = 0;
	} else if (v->has_ex && v->ex == v->hi && v->lo < v->hi) {
		v->hi--;
		v->has_ex = 0;
	}
	if (!v->has_ex)
		v->ex = 0;
}

enum tri { NO, YES, MAYBE };

static enum tri val_eval(struct val v, enum ir_cmp cmp, int64_t k)
{
	enum tri eq;

	val_norm(&v);
	if (v.lo == v.hi && v.lo == k && !v.has_ex)
		eq = YES;
	else if (k < v.lo || k > v.hi || (v.has_ex && v.ex == k))
		eq = NO;
	else
		eq = MAYBE;
	switch (cmp) {
	case CMP_EQ: return eq;
	case CMP_NE: return eq == MAYBE ? MAYBE : eq == YES ? NO : YES;
	case CMP_LT: return v.hi < k ? YES : v.lo >= k ? NO : MAYBE;
	case CMP_LE: return v.hi <= k ? YES : v.lo > k ? NO : MAYBE;
	case CMP_GT: return v.lo > k ? YES : v.hi <= k ? NO : MAYBE;
	case CMP_GE: return v.lo >= k ? YES : v.hi < k ? NO : MAYBE;
	}
	return MAYBE;
}

static void val_refine(struct val *v, enum ir_cmp cmp, int64_t k, bool truth)
{
	if (!truth) {
		static const enum ir_cmp neg[] = { CMP_NE, CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT };

		cmp = neg[cmp];
	}
	switch (cmp) {
	case CMP_EQ: v->lo = v->hi = k; v->has_ex = 0; break;
	case CMP_NE: if (!v->has_ex) { v->has_ex = 1; v->ex = k; } break;
	case CMP_LT: if (k > INT64_MIN && v->hi > k - 1) v->hi = k - 1; break;
	case CMP_LE: if (v->hi > k) v->hi = k; break;
	case CMP_GT: if (k < INT64_MAX && v->lo < k + 1) v->lo = k + 1; break;
	case CMP_GE: if (v->lo < k) v->lo = k; break;
	}
	val_norm(v);
}

/* The values both a and b allow; lo > hi when there are none. */
static struct val val_meet(struct val a, struct val b)
{
	struct val m = a;

	if (b.lo > m.lo)
		m.lo = b.lo;
	if (b.hi < m.hi)
		m.hi = b.hi;
	if (!m.has_ex && b.has_ex) {
		m.has_ex = 1;
		m.ex = b.ex;
	}
	if (m.lo <= m.hi)
		val_norm(&m);
	if (m.lo == m.hi && m.has_ex && m.ex == m.lo)
		m.lo = 1, m.hi = 0;     /* the only value is excluded */
	return m;
}

static struct val dom(int64_t lo, int64_t hi, bool has_ex, int64_t ex)
{
	struct val v = { lo, hi, ex, has_ex };

	val_norm(&v);
	return v;
}

/* What a handle's own value is on success / failure of its acquisition. */
static struct val handle_domain(const struct rule_acquire *acq, bool ok, bool pointer)
{
	if (acq->fails == FAIL_NEVER && acq->shape == SHAPE_RETURN)
		return pointer ? dom(INT64_MIN, INT64_MAX, true, 0) : TOP;   /* never NULL */
	if (acq->shape == SHAPE_OUT)    /* a pointer is non-NULL, a descriptor >= 0 */
		return !ok ? TOP : pointer ? dom(INT64_MIN, INT64_MAX, true, 0) :
				     dom(0, INT64_MAX, false, 0);
	if (acq->shape != SHAPE_RETURN)
		return ok ? dom(0, INT64_MAX, false, 0) : TOP;
	switch (acq->fails) {
	case FAIL_NULL: return ok ? dom(INT64_MIN, INT64_MAX, true, 0) : dom(0, 0, false, 0);
	case FAIL_NEGATIVE: return ok ? dom(0, INT64_MAX, false, 0) : dom(-1, -1, false, 0);
	case FAIL_NONZERO: return ok ? dom(0, 0, false, 0) : dom(INT64_MIN, INT64_MAX, true, 0);
	case FAIL_MAP_FAILED: return ok ? dom(INT64_MIN, INT64_MAX, true, -1) : dom(-1, -1, false, 0);
	case FAIL_NEVER: return TOP;
	}
	return TOP;
}

/* What the status result of an out/object acquisition is on success / failure. */
static struct val status_domain(const struct rule_acquire *acq, bool ok)
{
	switch (acq->fails) {
	case FAIL_NULL: return ok ? dom(INT64_MIN, INT64_MAX, true, 0) : dom(0, 0, false, 0);
	case FAIL_NEGATIVE: return ok ? dom(0, INT64_MAX, false, 0) : dom(INT64_MIN, -1, false, 0);
	case FAIL_NONZERO: return ok ? dom(0, 0, false, 0) : dom(INT64_MIN, INT64_MAX, true, 0);
	case FAIL_MAP_FAILED: return ok ? dom(INT64_MIN, INT64_MAX, true, -1) : dom(-1, -1, false, 0);
	case FAIL_NEVER: return TOP;
	}
	return TOP;
}

/* ---- findings ---- */

static bool seen_before(struct an *A, int kind, int site, struct ir_loc loc)
{
	size_t i;

	for (i = 0; i < A->seen.n; i++) {
		struct seen_key *k = &A->seen.v[i];

		if (k->kind == kind && k->site == site && k->line == loc.line && k->col == loc.col)
			return true;
	}
	if (A->seen.n == A->seen.cap) {
		A->seen.cap = A->seen.cap ? A->seen.cap * 2 : 16;
		A->seen.v = xrealloc(A->seen.v, A->seen.cap * sizeof(*A->seen.v));
	}
	A->seen.v[A->seen.n].kind = kind;
	A->seen.v[A->seen.n].site = site;
	A->seen.v[A->seen.n].line = loc.line;
	A->seen.v[A->seen.n].col = loc.col;
	A->seen.n++;
	return false;
}

static int resolve(const struct an *A, int b)
{
	int hops = 0;

	while (hops++ < 64 && A->f->blocks[b].nev == 0 && A->f->blocks[b].term.kind == T_GOTO)
		b = A->f->blocks[b].term.target;
	return b;
}

static bool block_acquires(const struct ir_block *blk, int site)
{
	size_t i;

	for (i = 0; i < blk->nev; i++)
		if (blk->ev[i].kind == EV_ACQUIRE && blk->ev[i].site == site)
			return true;
	return false;
}

static void exec_block(struct an *A, unsigned char *s, int block, size_t upto);

/*
 * The name to use for slot x: its acquisition's variable while that
 * still holds it, else another named variable holding it, else the
 * acquisition's variable (an orphan: realloc failed after p = realloc(p)).
 * NULL when only temporaries ever held it.
 */
static const char *slot_name(const struct an *A, unsigned char *s, int x)
{
	const struct ir_site *site = site_of_slot(A, x);
	int dst = site->dst < 0 ? -1 : site->dst + (x - A->base[A->slot_site[x]]);
	bool named = dst >= 0 && !(A->f->vars[dst].flags & VAR_TEMP);
	size_t v;

	if (named && s && vst(A, s, dst) && vst(A, s, dst)->role == ROLE_HANDLE &&
	    vst(A, s, dst)->bind == x)
		return A->f->vars[dst].name;
	for (v = 0; s && v < A->nvars; v++) {
		const struct var_st *w = A->rv[v] >= 0 ? vst(A, s, (int)v) : NULL;

		if (w && w->role == ROLE_HANDLE && w->bind == x &&
		    !(A->f->vars[v].flags & VAR_TEMP))
			return A->f->vars[v].name;
	}
	return named ? A->f->vars[dst].name : NULL;
}

/* Where slot x was last released on the path to the current event. */
static struct ir_loc first_release(struct an *A, const int *path, size_t len, int x)
{
	unsigned char *s = xmalloc(A->size);
	struct an saved = *A;
	size_t q;

	A->quiet = true;
	A->watch = x;
	A->watch_loc.line = 0;
	for (q = 0; q < len; q++) {
		memcpy(s, A->store + A->nodes[path[q]].state, A->size);
		A->node = path[q];
		exec_block(A, s, A->nodes[path[q]].block, q + 1 == len ? saved.evi : (size_t)-1);
	}
	saved.watch_loc = A->watch_loc;
	*A = saved;
	free(s);
	return saved.watch_loc;
}

/* The slots of node n's state after its block's events ran (a quiet replay into buf). */
static const struct slot_st *state_after(struct an *A, int n, unsigned char *buf)
{
	struct an saved = *A;

	A->quiet = true;
	memcpy(buf, A->store + A->nodes[n].state, A->size);
	A->node = n;
	exec_block(A, buf, A->nodes[n].block, (size_t)-1);
	*A = saved;
	return slots(A, buf);
}

static void report(struct an *A, enum finding_kind kind, int x, struct ir_loc loc,
		   enum ir_exit exit, const char *label, const char *releaser)
{
	unsigned char *after;
	const struct ir_site *site = site_of_slot(A, x);
	struct finding fd;
	struct note *notes;
	size_t nnotes = 0, len = 0, q, start = 0;
	int *path, n;

	if (A->quiet || A->f->context || param_slot(A, x) || seen_before(A, kind, x, loc))
		return;
	if (A->site_reported)
		A->site_reported[A->slot_site[x]] = true;
	for (n = A->node; n >= 0; n = A->nodes[n].parent)
		len++;
	path = xmalloc(len * sizeof(*path));
	q = len;
	for (n = A->node; n >= 0; n = A->nodes[n].parent)
		path[--q] = n;
	for (q = len; q-- > 0;)
		if (block_acquires(&A->f->blocks[A->nodes[path[q]].block], A->slot_site[x])) {
			start = q;
			break;
		}
	notes = xcalloc(2 * len + 4, sizeof(*notes));
	after = xmalloc(A->size);
	notes[nnotes].kind = NOTE_ACQUIRED;
	notes[nnotes++].loc = site->loc;
	if (site->acq->via && site->acq->res && site->acq->res->guessed) {
		notes[nnotes].kind = NOTE_GUESSED;
		notes[nnotes].loc = site->loc;
		notes[nnotes].text = site->acq->via;    /* the releaser paired with it */
		notes[nnotes++].func = site->acq->func;
	} else if (site->acq->via) {
		/* acquired through a function whose summary says it returns one */
		notes[nnotes].kind = NOTE_VIA;
		notes[nnotes].loc = site->loc;
		notes[nnotes].text = site->acq->via;
		notes[nnotes].func = site->acq->func;
		notes[nnotes].at.file = site->acq->file;
		notes[nnotes++].at.line = site->acq->line;
	}
	for (q = start; q + 1 < len; q++) {
		const struct ir_term *t = &A->f->blocks[A->nodes[path[q]].block].term;
		int next = A->nodes[path[q + 1]].block;
		bool taken;

		const struct slot_st *here = state_after(A, path[q], after);
		const struct slot_st *there = slots(A, A->store + A->nodes[path[q + 1]].state);

		if (here[x].st == RS_PENDING && there[x].st == RS_HELD && here[x].pend >= 0) {
			/* realloc/fdopen failed on this path: the old handle is back */
			const struct ir_site *by = site_of_slot(A, here[x].pend);

			notes[nnotes].kind = NOTE_TRANSFER_FAILED;
			notes[nnotes].loc = by->loc;
			notes[nnotes++].text = by->acq->func;
		}
		if (t->kind != T_BRANCH || t->note == BN_NONE || !t->text ||
		    resolve(A, t->t) == resolve(A, t->f))
			continue;
		taken = next == resolve(A, t->t);
		notes[nnotes].loc = t->loc;
		notes[nnotes].text = t->text;
		if (t->note == BN_CASE) {
			if (!taken)
				continue;
			notes[nnotes].kind = NOTE_CASE;
		} else {
			notes[nnotes].kind = taken != t->negated ? NOTE_BRANCH_TRUE : NOTE_BRANCH_FALSE;
		}
		nnotes++;
	}
	memset(&fd, 0, sizeof(fd));
	fd.kind = kind;
	fd.loc = loc;
	fd.var = slot_name(A, A->cur, x);
	fd.acquirer = site->acq->func;
	fd.acq_line = site->loc.line;
	fd.res = site->acq->res;
	fd.exit = exit;
	fd.label = label;
	fd.func = A->f->name;
	fd.releaser = releaser;
	if (kind == FK_LEAK) {
		notes[nnotes].kind = exit == EXIT_RETURN || exit == EXIT_END ?
				     NOTE_LEAVING : NOTE_OUT_OF_SCOPE;
		notes[nnotes++].loc = loc;
	} else if (kind == FK_DOUBLE_RELEASE) {
		struct ir_loc first = first_release(A, path, len, x);

		fd.first_release_line = first.line;
		if (first.line) {
			notes[nnotes].kind = NOTE_RELEASED;
			notes[nnotes].loc = first;
			notes[nnotes++].text = releaser;
		}
	}
	if (kind == FK_DISCARDED) {
		fd.loc = site->loc;
		nnotes = 0;
	}
	fd.notes = notes;
	fd.nnotes = nnotes;
	report_finding(&fd);
	free(after);
	free(notes);
	free(path);
}

/* ---- transitions ---- */

static void settle(struct an *A, unsigned char *s, int x, bool ok)
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
	report(A, FK_OVERWRITE, x, ev->loc, EXIT_SCOPE, NULL, NULL);
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
static void unequal(struct an *A, unsigned char *s, int v)
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

static int representative(struct an *A, unsigned char *s, int v)
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

/* Notes, for --explain, one way the handles of slot x's site were accounted for. */
static void explain(struct an *A, int x, enum explain_kind kind, unsigned line, const char *what,
		    int arg)
{
	int site;
	size_t i, count = 0;

	if (!A->opts->explain || A->quiet || param_slot(A, x))
		return;
	site = A->slot_site[x];
	for (i = 0; i < A->nexpl; i++) {
		const struct explain_step *st = &A->expl[i].step;

		if (A->expl[i].site != site)
			continue;
		if (++count >= 6 || (st->kind == kind && st->line == line && st->arg == arg &&
				      (st->what == what || (st->what && what && !strcmp(st->what, what)))))
			return;
	}
	if (A->nexpl == A->capexpl) {
		A->capexpl = A->capexpl ? A->capexpl * 2 : 16;
		A->expl = xrealloc(A->expl, A->capexpl * sizeof(*A->expl));
	}
	A->expl[A->nexpl].site = site;
	A->expl[A->nexpl].step.kind = kind;
	A->expl[A->nexpl].step.line = line;
	A->expl[A->nexpl].step.what = what;
	A->expl[A->nexpl++].step.arg = arg;
}

/* Sets why the next do_escape() happens (for --explain). */
static void because(struct an *A, enum explain_kind why, unsigned line, const char *what, int arg)
{
	A->why = why;
	A->why_line = line;
	A->why_what = what;
	A->why_arg = arg;
}

static void do_escape(struct an *A, unsigned char *s, int v, int out_param)
{
	struct var_st *w = vst(A, s, v);
	struct slot_st *sl = slots(A, s);

	if (w && w->role == ROLE_HANDLE && w->bind >= 0) {
		int x = w->bind;

		if (live(sl[x].st)) {
			explain(A, x, A->why, A->why_line, A->why_what, A->why_arg);
			sl[x].st = RS_ESCAPED;
			if (A->sb && out_param && !param_slot(A, x)) {
				sl[x].st = RS_OUT;      /* *out = p: an out-parameter */
				sl[x].pend = (int16_t)out_param;
			}
			settle(A, s, x, true);
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

static bool releases(const struct rule_release *rel, const struct rule_resource *res)
{
	for (; rel; rel = rel->next)
		if (rel->res == res || !rel->res)
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
	if (live(sl[x].st)) {
		const struct rule_resource *res = site_of_slot(A, x)->acq->res;

		if (ev->rel && res && !releases(ev->rel, res) && !res->guessed &&
		    !ev->rel->res->guessed)
			report(A, FK_MISMATCHED_RELEASE, x, ev->loc, EXIT_SCOPE, NULL, ev->callee);
		sl[x].st = RS_RELEASED;
		settle(A, s, x, true);
		explain(A, x, EXPL_RELEASED, ev->loc.line, ev->callee, 0);
		if (A->sb && !A->quiet && param_slot(A, x))
			summary_released(A->sb, (int)((size_t)A->slot_site[x] - A->first_param) + 1,
					 ev->rel ? ev->rel->res : NULL);
		if (A->quiet && A->watch == x)
			A->watch_loc = ev->loc;
	} else if (sl[x].st == RS_RELEASED) {
		report(A, FK_DOUBLE_RELEASE, x, ev->loc, EXIT_SCOPE, NULL, ev->callee);
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
					set_val(A, s, (int)v, sl[x].ok ? handle_domain(acq, true, A->f->vars[v].flags & VAR_POINTER) : TOP);
				}
			}
			settle(A, s, x, true);
		}
		if (site->dst >= 0) {
			unequal(A, s, site->dst + j);
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
		unequal(A, s, site->status);
		vst(A, s, site->status)->bind = (int16_t)ev->site;
		vst(A, s, site->status)->role = ROLE_STATUS;
		set_val(A, s, site->status, TOP);
	}
	if (from >= 0) {
		sl[from].st = RS_PENDING;
		sl[from].pend = (int16_t)first;
		sl[from].pmode = acq->reopen ? PM_REOPEN : PM_TRANSFER;
		if (sl[first].st == RS_HELD)
			settle(A, s, first, true);
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
		report(A, (A->f->vars[ev->var].flags & VAR_TEMP) ? FK_DISCARDED : FK_LEAK,
		       w->bind, ev->loc, ev->exit, ev->label, NULL);
		sl[w->bind].st = RS_LEAKED;
	}
	unbind(A, s, ev->var);
	unequal(A, s, ev->var);
	set_val(A, s, ev->var, TOP);
}

static void forget(struct an *A, unsigned char *s)
{
	size_t i;

	for (i = 0; i < A->nmem; i++)
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
		unequal(A, s, ev->var);
		set_val(A, s, ev->var, TOP);
		return;
	}
	if (w && w->role == ROLE_HANDLE) {
		do_escape(A, s, ev->var, 0);    /* fd += 1: not a handle we follow */
		unbind(A, s, ev->var);
	}
	unequal(A, s, ev->var);
	if (!p)
		return;
	if (ev->src == 0 && ev->value > 0 && p->lo > INT64_MIN && p->lo + ev->value >= 1)
		r = dom(1, INT64_MAX, false, 0);
	else if (ev->src == 0 && ev->value < 0 && p->hi < INT64_MAX && p->hi + ev->value <= -1)
		r = dom(INT64_MIN, -1, false, 0);
	else if (ev->src == 0 && ev->value == 0)
		r = *p;
	else if (ev->src == 1 && p->lo >= 1)
		r = dom(1, INT64_MAX, false, 0);
	else if (ev->src == 1 && p->hi <= -1)
		r = dom(INT64_MIN, -1, false, 0);
	else if (ev->src == 1 && p->lo == 0 && p->hi == 0)
		r = *p;
	set_val(A, s, ev->var, r);
}

/* dst gets a value we do not follow. */
static void clobber(struct an *A, unsigned char *s, int v, const struct ir_event *ev)
{
	lose(A, s, v, -1, ev);
	unbind(A, s, v);
	unequal(A, s, v);
	set_val(A, s, v, TOP);
}

static void do_assign(struct an *A, unsigned char *s, int dst, int src, const struct ir_event *ev)
{
	struct var_st *w = vst(A, s, dst), *from = vst(A, s, src);

	if (dst == src)
		return;
	lose(A, s, dst, from && from->role == ROLE_HANDLE ? from->bind : -1, ev);
	unequal(A, s, dst);
	if (w) {
		w->bind = from ? from->bind : -1;
		w->role = from ? from->role : ROLE_NONE;
		if (from && representative(A, s, src) != dst)
			w->eq = (int16_t)representative(A, s, src);
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
		because(A, EXPL_PASSED, ev->loc.line, ev->callee, i + 1);
		if (a->kind == ARG_ADDR) {
			/* the out-parameter of an acquisition is handled below; any
			   other &v may be stored, freed or overwritten by the callee */
			if (S && bit && site->ndst && site->acq->shape == SHAPE_OUT &&
			    site->dst == a->var)
				continue;
			do_escape(A, s, a->var, 0);
			unbind(A, s, a->var);
			unequal(A, s, a->var);
			set_val(A, s, a->var, TOP);
		} else if (!S && ev->guess_rel && i + 1 == ev->guess_rel->arg &&
			   (A->opts->guess || !ev->guess_rel->res->guessed) &&
			   !(A->opts->summaries &&
			     summaries_has_body(A->opts->summaries, ev->key, A->f->unit))) {
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
		} else if (!S || !bit) {
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
			explain(A, x, EXPL_OUT_PARAM, ev->loc.line, A->f->vars[site->out_param - 1].name, 0);
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
	because(A, EXPL_STORED, ev->loc.line, NULL, 0);
	switch (ev->kind) {
	case EV_ACQUIRE:
		do_acquire(A, s, ev);
		break;
	case EV_RELEASE:
		do_release(A, s, ev);
		break;
	case EV_ESCAPE:
		because(A, ev->out_param ? EXPL_OUT_PARAM : EXPL_STORED, ev->loc.line,
			ev->out_param ? A->f->vars[ev->out_param - 1].name : NULL, 0);
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
		unequal(A, s, ev->var);
		set_val(A, s, ev->var, dom(ev->value, ev->value, false, 0));
		break;
	case EV_CLOBBER:
		clobber(A, s, ev->var, ev);
		break;
	case EV_FORGET:
		if (ev->var >= 0) {
			unequal(A, s, ev->var);
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

static void exec_block(struct an *A, unsigned char *s, int block, size_t upto)
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
static void push(struct an *A, int block, const unsigned char *s, int parent)
{
	const uint64_t *live;
	uint64_t hash;
	size_t h, c;
	struct node *n;

	if (A->exhausted)
		return;
	block = resolve(A, block);
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

static bool tracks_value(const struct an *A, int var);

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
				struct val d = handle_domain(site->acq, false, false);

				if (d.lo == d.hi && !d.has_ex) {
					o.ret = RET_CONST;
					o.value = d.lo;
				}
			}
		} else if (v && tracks_value(A, t->var) && v->lo == v->hi && !v->has_ex) {
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
		because(A, EXPL_RETURNED, t->loc.line, NULL, 0);
		do_escape(A, s, t->var, 0);     /* return p: the caller has it */
	}
	if (A->f->is_main && !A->opts->check_main) {
		for (x = 0; x < A->nslots; x++)
			if (live(sl[x].st))
				explain(A, (int)x, EXPL_UNCHECKED_EXITS, 0, NULL, 0);
		return;
	}
	for (x = 0; x < A->nslots; x++) {
		const struct ir_site *site;

		if (!live(sl[x].st) || param_slot(A, (int)x))
			continue;
		site = site_of_slot(A, (int)x);
		if (site->acq->shape == SHAPE_OBJECT &&
		    (site->dst < 0 || !A->released_obj[site->dst])) {
			explain(A, (int)x, EXPL_UNCHECKED_EXITS, 0, NULL, 0);
			continue;   /* a lock wrapper: it means to return holding it */
		}
		report(A, FK_LEAK, (int)x, t->loc, t->kind == T_RETURN ? EXIT_RETURN : EXIT_END,
		       NULL, NULL);
	}
}

/* Sets every slot of the site of slot-or-status binding to ok/failed. */
static void decide(struct an *A, unsigned char *s, int site, bool ok)
{
	struct slot_st *sl = slots(A, s);
	int j, first = A->base[site];

	for (j = 0; j < A->sites[site].ndst; j++) {
		int x = first + j;

		if (sl[x].st == RS_OUT && !sl[x].ok) {
			/* already stored into *out (summary mode): now known good or not */
			sl[x].ok = ok;
			if (!ok) {
				sl[x].st = RS_FAILED;
				sl[x].pend = -1;
			}
			continue;
		}
		if (sl[x].st != RS_UNCHECKED)
			continue;
		sl[x].st = ok ? RS_HELD : RS_FAILED;
		sl[x].ok = ok;
		settle(A, s, x, ok);
	}
}

/* Refines what is known of var (and of the variables equal to it) in state n. */
static void refine_group(struct an *A, unsigned char *n, int var, struct val d,
			 const struct ir_term *t, bool truth)
{
	int r = representative(A, n, var);
	size_t u;

	val_refine(&d, t->cmp, t->value, truth);
	for (u = 0; u < A->nvars; u++) {
		if (A->rv[u] < 0 || A->cv[u] < 0)
			continue;
		if ((int)u == var || representative(A, n, (int)u) == r)
			*vval(A, n, (int)u) = val_meet(*vval(A, n, (int)u), d);
	}
}

/*
 * Whether the value of var is followed.  Also for a variable whose address
 * is taken: a call given &var forgets it, and a write through a pointer we
 * do not see could only make us skip a path, never report one.
 */
static bool tracks_value(const struct an *A, int var)
{
	return var >= 0 && A->cv[var] >= 0;
}

/* Follows the edges of t that state s allows, splitting an unchecked acquisition. */
static void branch(struct an *A, unsigned char *s, const struct ir_term *t, int node)
{
	struct var_st *w = t->var >= 0 ? vst(A, s, t->var) : NULL;
	struct slot_st *sl = slots(A, s);
	unsigned char *n = xmalloc(A->size);
	struct val known = tracks_value(A, t->var) ? *vval(A, s, t->var) : TOP;
	int outcome, site = -1, slot = -1;
	uint8_t st = RS_NONE;
	bool status = false;

	if (w && w->role == ROLE_HANDLE && w->bind >= 0) {
		slot = w->bind;
		site = A->slot_site[slot];
		st = sl[slot].st;
		if (st != RS_UNCHECKED && st != RS_FAILED && sl[slot].ok)
			st = RS_HELD;   /* released or passed on, but its value is a valid one */
	} else if (w && w->role == ROLE_STATUS && w->bind >= 0) {
		site = w->bind;
		st = sl[A->base[site]].st;
		if (st != RS_UNCHECKED && st != RS_FAILED && sl[A->base[site]].ok)
			st = RS_HELD;
		else if (st == RS_OUT)
			st = RS_UNCHECKED;      /* stored into *out, its status still open */
		status = true;
	}
	if (site >= 0 && (st == RS_UNCHECKED || st == RS_HELD || st == RS_FAILED)) {
		const struct rule_acquire *acq = A->sites[site].acq;

		/* outcome 1: the acquisition succeeded; 0: it failed */
		for (outcome = 1; outcome >= 0; outcome--) {
			struct val d;
			enum tri r;
			int edge;

			if ((st == RS_HELD && !outcome) || (st == RS_FAILED && outcome))
				continue;
			if (!outcome && acq->fails == FAIL_NEVER)
				continue;
			d = status ? status_domain(acq, outcome) :
			    handle_domain(acq, outcome, A->f->vars[t->var].flags & VAR_POINTER);
			d = val_meet(d, known);
			if (d.lo > d.hi)
				continue;       /* what we know of the value rules this out */
			r = val_eval(d, t->cmp, t->value);
			if (t->foreign)         /* fresh != stdin; a failed one may be anything */
				r = status || !outcome || slot < 0 || param_slot(A, slot) ? MAYBE :
				    t->cmp == CMP_EQ ? NO : t->cmp == CMP_NE ? YES : MAYBE;
			for (edge = 1; edge >= 0; edge--) {
				if ((edge && r == NO) || (!edge && r == YES))
					continue;
				memcpy(n, s, A->size);
				if (st == RS_UNCHECKED)
					decide(A, n, site, outcome);
				if (tracks_value(A, t->var))
					refine_group(A, n, t->var, d, t, edge);
				if (!status && slot >= 0 && outcome && acq->shape == SHAPE_RETURN &&
				    acq->fails == FAIL_NEGATIVE && tracks_value(A, t->var) &&
				    vval(A, n, t->var)->hi <= 2 && live(slots(A, n)[slot].st))
					/* a descriptor known to be 0, 1 or 2 is a standard stream */
					slots(A, n)[slot].st = RS_ESCAPED;
				push(A, edge ? t->t : t->f, n, node);
			}
		}
	} else if (tracks_value(A, t->var) && !t->foreign &&
		   (!w || w->role == ROLE_NONE || st != RS_NONE)) {
		enum tri r = val_eval(known, t->cmp, t->value);
		int edge;

		for (edge = 1; edge >= 0; edge--) {
			if ((edge && r == NO) || (!edge && r == YES))
				continue;
			memcpy(n, s, A->size);
			refine_group(A, n, t->var, known, t, edge);
			push(A, edge ? t->t : t->f, n, node);
		}
	} else {
		push(A, t->t, s, node);
		push(A, t->f, s, node);
	}
	free(n);
}

/* ---- set-up ---- */

static void mark(struct an *A, int v)
{
	if (v >= 0 && A->rv[v] < 0)
		A->rv[v] = (int)A->nrv++;
}

static void liveness(struct an *A);

/* How a parameter is followed in summary mode: as a handle that may be NULL (or -1). */
static const struct rule_acquire param_pointer = {
	.func = "(parameter)", .shape = SHAPE_RETURN, .fails = FAIL_NULL,
};
static const struct rule_acquire param_integer = {
	.func = "(parameter)", .shape = SHAPE_RETURN, .fails = FAIL_NEGATIVE,
};

/*
 * The function's sites, with the placeholders of EV_CALL events filled
 * in where the callee's summary says it acquires something, and, in
 * summary mode, one site per parameter.
 */
static void complete_sites(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i, nparams = A->sb ? (size_t)f->nparams : 0;

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
				if (e->args[a].kind == ARG_VAR && (size_t)e->args[a].var < nparams)
					used[e->args[a].var] = true;
		}
		if (blk->term.kind == T_RETURN && blk->term.var >= 0 &&
		    (size_t)blk->term.var < nparams)
			used[blk->term.var] = true;
	}
	A->nsites = f->nsites + nparams;
	A->first_param = f->nsites;
	A->sites = xcalloc(A->nsites + 1, sizeof(*A->sites));
	if (f->nsites)
		memcpy(A->sites, f->sites, f->nsites * sizeof(*A->sites));
	for (i = 0; i < nparams; i++) {
		struct ir_site *p = &A->sites[f->nsites + i];

		p->acq = (f->vars[i].flags & VAR_POINTER) ? &param_pointer : &param_integer;
		p->loc = f->loc;
		p->dst = (int)i;
		p->ndst = used[i] ? 1 : 0;
		p->status = p->from = -1;
	}
	free(used);
	if (!A->opts->summaries)
		return;
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *S;
			struct ir_site *site;

			if (e->kind != EV_CALL)
				continue;
			S = summaries_find(A->opts->summaries, e->key, f->unit);
			site = &A->sites[e->site];
			if (!S && e->guess_acq && (A->opts->guess || !e->guess_acq->res->guessed) &&
			    !summaries_has_body(A->opts->summaries, e->key, f->unit)) {
				site->acq = e->guess_acq;       /* X_new with X_free declared */
				site->dst = e->var;
				site->ndst = 1;
				continue;
			}
			if (!S || !S->ret.res)
				continue;
			site->acq = &S->ret;
			if (S->ret.shape == SHAPE_RETURN) {
				site->dst = e->var;
				site->ndst = 1;
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
		}
}

static void layout(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i, s;
	bool grew = true;

	A->nvars = f->nvars;
	A->rv = xmalloc((f->nvars + 1) * sizeof(int));
	A->cv = xmalloc((f->nvars + 1) * sizeof(int));
	A->released_obj = xcalloc(f->nvars + 1, sizeof(bool));
	A->has_kids = xcalloc(f->nvars + 1, sizeof(bool));
	for (i = 0; i < f->nvars; i++) {
		A->rv[i] = A->cv[i] = -1;
		if (f->vars[i].parent >= 0)
			A->has_kids[f->vars[i].parent] = true;
	}
	complete_sites(A);
	A->base = xmalloc((A->nsites + 1) * sizeof(int));
	for (s = 0; s < A->nsites; s++) {
		A->base[s] = (int)A->nslots;
		A->nslots += (size_t)A->sites[s].ndst;
	}
	A->slot_site = xmalloc((A->nslots + 1) * sizeof(int));
	for (s = 0; s < A->nsites; s++) {
		int j;

		for (j = 0; j < A->sites[s].ndst; j++) {
			A->slot_site[A->base[s] + j] = (int)s;
			if (A->sites[s].dst >= 0)
				mark(A, A->sites[s].dst + j);
		}
		mark(A, A->sites[s].status);
		mark(A, A->sites[s].from);
	}
	for (b = 0; b < f->nblocks; b++) {
		const struct ir_block *blk = &f->blocks[b];

		for (i = 0; i < blk->nev; i++) {
			const struct ir_event *e = &blk->ev[i];

			if (e->kind == EV_ACQUIRE)
				continue;
			if (e->kind == EV_CALL) {
				int a;

				for (a = 0; a < e->nargs; a++)
					if (e->args[a].kind != ARG_NONE)
						mark(A, e->args[a].var);
			}
			mark(A, e->var);
			if (e->kind == EV_ASSIGN)
				mark(A, e->src);
			if (e->kind == EV_RELEASE && e->var >= 0)
				A->released_obj[e->var] = true;
		}
		if ((blk->term.kind == T_BRANCH || (blk->term.kind == T_RETURN && A->sb)) &&
		    blk->term.var >= 0) {
			/* tested, or returned (a summary wants to know it is NULL) */
			mark(A, blk->term.var);
			if (A->cv[blk->term.var] < 0)
				A->cv[blk->term.var] = (int)A->ncv++;
		}
	}
	/* values flow into tested variables through assignments */
	while (grew) {
		grew = false;
		for (b = 0; b < f->nblocks; b++)
			for (i = 0; i < f->blocks[b].nev; i++) {
				const struct ir_event *e = &f->blocks[b].ev[i];

				if (e->kind == EV_ASSIGN && A->cv[e->var] >= 0 && A->cv[e->src] < 0) {
					A->cv[e->src] = (int)A->ncv++;
					grew = true;
				}
			}
	}
	A->mem = xmalloc((f->nvars + 1) * sizeof(int));
	for (i = 0; i < f->nvars; i++)
		if ((f->vars[i].flags & VAR_MEMORY) && A->cv[i] >= 0)
			A->mem[A->nmem++] = (int)i;
	A->lwords = (A->ncv + 63) / 64;
	liveness(A);
	A->off_vars = A->nslots * sizeof(struct slot_st);
	A->off_vars = (A->off_vars + 7) & ~(size_t)7;
	A->off_vals = A->off_vars + A->nrv * sizeof(struct var_st);
	A->off_vals = (A->off_vals + 7) & ~(size_t)7;
	A->size = A->off_vals + A->ncv * sizeof(struct val);
	if (!A->size)
		A->size = 1;
}

static int f_root(const struct an *A, int v)
{
	return A->f->vars[v].parent;
}

static void live_set(uint64_t *bits, int cv, bool on)
{
	if (cv < 0)
		return;
	if (on)
		bits[cv / 64] |= 1ULL << (cv % 64);
	else
		bits[cv / 64] &= ~(1ULL << (cv % 64));
}

/* Backward walk of block b from its exit set `out`: computes its entry set into `in`. */
static void live_block(const struct an *A, int b, const uint64_t *out, uint64_t *in)
{
	const struct ir_block *blk = &A->f->blocks[b];
	size_t i, k;

	memcpy(in, out, A->lwords * sizeof(*in));
	if ((blk->term.kind == T_BRANCH || blk->term.kind == T_RETURN) && blk->term.var >= 0)
		live_set(in, A->cv[blk->term.var], true);
	for (i = blk->nev; i-- > 0;) {
		const struct ir_event *e = &blk->ev[i];
		const struct ir_site *site;
		int j;

		switch (e->kind) {
		case EV_ASSIGN:
			if (A->cv[e->var] >= 0) {
				live_set(in, A->cv[e->var], false);
				live_set(in, A->cv[e->src], true);
			}
			break;
		case EV_SETCONST:
		case EV_CLOBBER:
		case EV_SCOPE_END:
			live_set(in, A->cv[e->var], false);
			break;
		case EV_FORGET:
			if (e->var >= 0)
				live_set(in, A->cv[e->var], false);
			else
				for (k = 0; k < A->nmem; k++)
					live_set(in, A->cv[A->mem[k]], false);
			break;
		case EV_CALL:
			live_set(in, A->cv[e->var], false);
			for (k = 0; k < A->nmem; k++) {
				int root = f_root(A, A->mem[k]), a;
				bool reach = root < 0;

				for (a = 0; a < e->nargs && !reach; a++)
					reach = e->args[a].kind != ARG_NONE && e->args[a].var == root;
				if (reach)
					live_set(in, A->cv[A->mem[k]], false);
			}
			if (!A->sites[e->site].ndst)
				break;
			__attribute__((fallthrough));   /* it acquires */
		case EV_ACQUIRE:
			site = &A->sites[e->site];
			for (j = 0; site->dst >= 0 && j < site->ndst; j++)
				live_set(in, A->cv[site->dst + j], false);
			if (site->status >= 0)
				live_set(in, A->cv[site->status], false);
			break;
		default:
			break;
		}
	}
}

/* Which tested values each block may read before they are written (a fixpoint). */
static void liveness(struct an *A)
{
	const struct ir_func *f = A->f;
	uint64_t *out = xcalloc(A->lwords + 1, sizeof(*out));
	uint64_t *in = xcalloc(A->lwords + 1, sizeof(*in));
	bool changed = true;
	size_t b, w, rounds = 0;

	A->live = xcalloc(f->nblocks * A->lwords + 1, sizeof(*A->live));
	while (changed && rounds++ < 10000) {
		changed = false;
		for (b = f->nblocks; b-- > 0;) {
			const struct ir_term *t = &f->blocks[b].term;
			uint64_t *cur = A->live + b * A->lwords;

			memset(out, 0, A->lwords * sizeof(*out));
			for (w = 0; w < A->lwords; w++) {
				if (t->kind == T_GOTO)
					out[w] |= A->live[(size_t)t->target * A->lwords + w];
				if (t->kind == T_BRANCH)
					out[w] |= A->live[(size_t)t->t * A->lwords + w] |
						  A->live[(size_t)t->f * A->lwords + w];
			}
			live_block(A, (int)b, out, in);
			for (w = 0; w < A->lwords; w++)
				if ((in[w] | cur[w]) != cur[w]) {
					cur[w] |= in[w];
					changed = true;
				}
		}
	}
	free(in);
	free(out);
}

static void initial_state(struct an *A, unsigned char *s)
{
	size_t i;

	memset(s, 0, A->size);
	for (i = 0; i < A->nslots; i++)
		slots(A, s)[i].pend = -1;
	for (i = 0; i < A->nrv; i++) {
		((struct var_st *)(s + A->off_vars))[i].bind = -1;
		((struct var_st *)(s + A->off_vars))[i].eq = -1;
	}
	for (i = 0; i < A->ncv; i++)
		((struct val *)(s + A->off_vals))[i] = TOP;
	/* summary mode: each parameter holds a handle of its own, maybe NULL */
	for (i = A->first_param; i < A->nsites; i++) {
		int x = A->base[i];
		struct var_st *w = vst(A, s, A->sites[i].dst);

		if (!A->sites[i].ndst)
			continue;
		slots(A, s)[x].st = RS_UNCHECKED;
		if (w) {
			w->bind = (int16_t)x;
			w->role = ROLE_HANDLE;
		}
	}
}

/* --explain: for each acquisition without a finding, what became of it. */
static void explain_sites(struct an *A)
{
	struct explain_step *steps = xcalloc(8, sizeof(*steps));
	size_t site, i;

	for (site = 0; site < A->first_param; site++) {
		const struct ir_site *s = &A->sites[site];
		const char *name = NULL;
		size_t n = 0;

		if (!s->acq || !s->ndst || A->site_reported[site])
			continue;
		if (s->dst >= 0 && !(A->f->vars[s->dst].flags & VAR_TEMP))
			name = A->f->vars[s->dst].name;
		for (i = 0; i < A->nexpl && n < 7; i++)
			if (A->expl[i].site == (int)site)
				steps[n++] = A->expl[i].step;
		if (A->exhausted)
			steps[n++].kind = EXPL_BUDGET;
		report_explain(s->loc, name, s->acq->func, s->acq->res, steps, n);
	}
	free(steps);
}

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
	layout(&A);
	if (opts->explain)
		A.site_reported = xcalloc(A.nsites + 1, sizeof(bool));
	if (!A.nslots && !b) {
		complete = true;    /* nothing acquired: nothing to follow */
		goto out;
	}
	s = xmalloc(A.size);
	A.norm = xmalloc(A.size);
	A.referenced = xmalloc(A.nslots + 1);
	initial_state(&A, s);
	push(&A, f->entry, s, -1);
	for (i = 0; i < A.nnodes && !A.exhausted; i++) {
		const struct ir_block *blk = &f->blocks[A.nodes[i].block];

		memcpy(s, A.store + A.nodes[i].state, A.size);
		A.node = (int)i;
		exec_block(&A, s, A.nodes[i].block, (size_t)-1);
		if (A.dead)
			continue;   /* a call that never returns */
		switch (blk->term.kind) {
		case T_GOTO:
			push(&A, blk->term.target, s, (int)i);
			break;
		case T_BRANCH:
			branch(&A, s, &blk->term, (int)i);
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
		explain_sites(&A);
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
	free(A.cv);
	free(A.rv);
	return complete;
}
