/*
 * analyse_branch.c - what is known of values (an interval minus at most
 * one point), what a handle's or a status's value is when its acquisition
 * succeeded or failed, and the branches a state may take: an unchecked
 * acquisition splits into "succeeded" and "failed", each following only
 * the edges its value allows.
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

enum tri { NO, YES, MAYBE };

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
	case CMP_NE:
		/* a point is excluded already: an end can still move in */
		if (v->has_ex && k == v->lo && v->lo < v->hi)
			v->lo++;
		else if (v->has_ex && k == v->hi && v->lo < v->hi)
			v->hi--;
		else if (!v->has_ex) {
			v->has_ex = 1;
			v->ex = k;
		}
		break;
	case CMP_LT: if (k > INT64_MIN && v->hi > k - 1) v->hi = k - 1; break;
	case CMP_LE: if (v->hi > k) v->hi = k; break;
	case CMP_GT: if (k < INT64_MAX && v->lo < k + 1) v->lo = k + 1; break;
	case CMP_GE: if (v->lo < k) v->lo = k; break;
	}
	val_norm(v);
}

/* The values both a and b allow; lo > hi when there are none. */
struct val an_val_meet(struct val a, struct val b)
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

struct val an_dom(int64_t lo, int64_t hi, bool has_ex, int64_t ex)
{
	struct val v = { lo, hi, ex, has_ex };

	val_norm(&v);
	return v;
}

/* A mapping that succeeded: never MAP_FAILED (-1), and never NULL either
 * (a user-space address, so `m == MAP_FAILED || m == NULL` tests failure). */
#define MAPPED an_dom(1, INT64_MAX, false, 0)

/* What a handle's own value is on success / failure of its acquisition. */
struct val an_handle_domain(const struct rule_acquire *acq, bool ok, bool pointer)
{
	/* never NULL, or a descriptor >= 0 from a wrapper that dies when open() fails (xopen) */
	if (acq->fails == FAIL_NEVER && acq->shape == SHAPE_RETURN)
		return pointer ? an_dom(INT64_MIN, INT64_MAX, true, 0) :
		       ok ? an_dom(0, INT64_MAX, false, 0) : TOP;
	if (acq->fails == FAIL_UNLESS)
		return an_status_domain(acq, ok);
	if (acq->fails == FAIL_HELD)    /* NULL only when nothing could be allocated */
		return !ok ? an_dom(0, 0, false, 0) : pointer ? an_dom(INT64_MIN, INT64_MAX, true, 0) :
								TOP;
	if (acq->shape == SHAPE_OUT)    /* a pointer is non-NULL, a descriptor >= 0 */
		return !ok ? TOP : pointer ? an_dom(INT64_MIN, INT64_MAX, true, 0) :
				     an_dom(0, INT64_MAX, false, 0);
	if (acq->shape != SHAPE_RETURN)
		return ok ? an_dom(0, INT64_MAX, false, 0) : TOP;
	switch (acq->fails) {
	case FAIL_NULL: return ok ? an_dom(INT64_MIN, INT64_MAX, true, 0) : an_dom(0, 0, false, 0);
	case FAIL_NEGATIVE: return ok ? an_dom(0, INT64_MAX, false, 0) : an_dom(-1, -1, false, 0);
	case FAIL_NONZERO: return ok ? an_dom(0, 0, false, 0) : an_dom(INT64_MIN, INT64_MAX, true, 0);
	case FAIL_MAP_FAILED: return ok ? MAPPED : an_dom(-1, -1, false, 0);
	case FAIL_NONPOSITIVE: return ok ? an_dom(0, INT64_MAX, false, 0) : an_dom(-1, -1, false, 0);
	case FAIL_NEVER: case FAIL_HELD: case FAIL_UNLESS: case FAIL_RANGE: return TOP;
	}
	return TOP;
}

/* What the status result of an out/object acquisition is on success / failure. */
struct val an_status_domain(const struct rule_acquire *acq, bool ok)
{
	switch (acq->fails) {
	case FAIL_NULL: return ok ? an_dom(INT64_MIN, INT64_MAX, true, 0) : an_dom(0, 0, false, 0);
	case FAIL_NEGATIVE: return ok ? an_dom(0, INT64_MAX, false, 0) : an_dom(INT64_MIN, -1, false, 0);
	case FAIL_NONZERO: return ok ? an_dom(0, 0, false, 0) : an_dom(INT64_MIN, INT64_MAX, true, 0);
	case FAIL_MAP_FAILED: return ok ? MAPPED : an_dom(-1, -1, false, 0);
	case FAIL_NONPOSITIVE: return ok ? an_dom(0, INT64_MAX, false, 0) : an_dom(INT64_MIN, -1, false, 0);
	case FAIL_NEVER: case FAIL_HELD: return TOP;
	case FAIL_UNLESS: return ok ? an_dom(acq->ok_value, acq->ok_value, false, 0) :
				      an_dom(INT64_MIN, INT64_MAX, true, acq->ok_value);
	case FAIL_RANGE: return ok ? an_dom(acq->ok_value, acq->ok_hi, false, 0) :
				     an_dom(acq->fail_lo, acq->fail_hi, false, 0);
	}
	return TOP;
}

static void decide(struct an *A, unsigned char *s, int site, bool ok);

/*
 * The sites the same call acquired with site (led_by it) are decided by
 * the value that decided it, d: mkstemp's file exists when its
 * descriptor is >= 0; sqlite3_exec's error message is allocated when its
 * status is non-zero and its transaction begun when it is zero.
 */
static void decide_led(struct an *A, unsigned char *s, int site, bool primary_ok, struct val d)
{
	size_t k;

	for (k = (size_t)site + 1; k < an_led_end(A, (size_t)site); k++) {
		const struct rule_acquire *acq = A->sites[k].acq;
		struct val ok, bad;

		if (acq->status_call) {
			/* PQexec(conn, "BEGIN"): no result, no transaction; a
			   result says how it went through PQresultStatus() */
			if (!primary_ok)
				decide(A, s, (int)k, false);
			continue;
		}
		if (acq->fails == FAIL_NEVER || acq->fails == FAIL_HELD)
			continue;
		ok = an_val_meet(d, an_status_domain(acq, true));
		bad = an_val_meet(d, an_status_domain(acq, false));
		if (ok.lo > ok.hi)
			decide(A, s, (int)k, false);
		else if (bad.lo > bad.hi)
			decide(A, s, (int)k, true);
	}
}

/* Sets every slot of site to ok/failed (and the sites it leads, by value d). */
static void decide_by(struct an *A, unsigned char *s, int site, bool ok, struct val d)
{
	decide(A, s, site, ok);
	decide_led(A, s, site, ok, d);
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
		an_settle(A, s, x, ok);
	}
	/* a constructor's result decides the members it came with */
	for (j = site + 1; A->sites[site].acq && A->sites[site].acq->shape == SHAPE_RETURN &&
			   (size_t)j < A->first_param; j++)
		if (A->msite_of[j] == site && sl[A->base[j]].st == RS_UNCHECKED) {
			sl[A->base[j]].st = ok ? RS_HELD : RS_FAILED;
			sl[A->base[j]].ok = ok;
		}
}

/* Refines what is known of var (and of the variables equal to it) in state n. */
static void refine_group(struct an *A, unsigned char *n, int var, struct val d,
			 const struct ir_term *t, bool truth)
{
	int r = an_representative(A, n, var);
	size_t u;

	/* the group: var, the variable it copies (r), and the other copies of r
	   (only an assigned variable is a copy: A->eqvars) */
	val_refine(&d, t->cmp, t->value, truth);
	if (A->rv[var] >= 0 && A->cv[var] >= 0)
		*vval(A, n, var) = an_val_meet(*vval(A, n, var), d);
	if (r != var && A->rv[r] >= 0 && A->cv[r] >= 0)
		*vval(A, n, r) = an_val_meet(*vval(A, n, r), d);
	for (u = 0; u < A->neqvars; u++) {
		int c = A->eqvars[u];

		if (c != var && c != r && A->cv[c] >= 0 && vst(A, n, c)->eq == r)
			*vval(A, n, c) = an_val_meet(*vval(A, n, c), d);
	}
}

/*
 * Whether the value of var is followed.  Also for a variable whose address
 * is taken: a call given &var forgets it, and a write through a pointer we
 * do not see could only make us skip a path, never report one.
 */
bool an_tracks_value(const struct an *A, int var)
{
	return var >= 0 && A->cv[var] >= 0;
}

/*
 * Whether the edge (true when edge) of t keeps only values <= 0: `<= 0`,
 * `< 1` taken, `> 0`, `>= 1` not taken.  For a fails: non-positive result
 * (asprintf's length) that is the failure test, though 0 is a success.
 */
static bool zero_fails(const struct ir_term *t, int edge)
{
	enum ir_cmp c = t->cmp;

	if (!edge)
		c = c == CMP_GT ? CMP_LE : c == CMP_GE ? CMP_LT : c == CMP_LE ? CMP_GT :
		    c == CMP_LT ? CMP_GE : c;
	return (c == CMP_LE && t->value == 0) || (c == CMP_LT && t->value == 1);
}

/*
 * Whether variable x holds a fresh handle (acquired here, known valid, not
 * a realloc of an older one) that variable y cannot equal: y is no copy
 * of it, so it held its value before the handle existed or came from
 * elsewhere (`if (value != tmp) free(value)`).
 */
static bool fresh_unlike(const struct an *A, const unsigned char *s, int x, int y)
{
	const struct var_st *wx = vst(A, (unsigned char *)s, x), *wy = vst(A, (unsigned char *)s, y);
	const struct rule_acquire *acq;
	int slot;

	if (!wx || wx->role != ROLE_HANDLE || wx->bind < 0)
		return false;
	slot = wx->bind;
	acq = A->sites[A->slot_site[slot]].acq;
	if (param_slot(A, slot) || slots(A, (unsigned char *)s)[slot].st != RS_HELD ||
	    acq->transfer || acq->reopen)
		return false;
	return !wy || wy->role != ROLE_HANDLE || wy->bind != slot;
}

/*
 * The pointer v is not NULL (EV_NONNULL: it was dereferenced, or a call
 * returned it as its non-NULL result): on this path, nor are its copies.  An acquisition it holds that is NULL when it fails
 * has succeeded.  A value known to be NULL there (a path that crashes) is
 * left as it is.
 */
void an_nonnull(struct an *A, unsigned char *s, int v)
{
	static const struct ir_term ne0 = { .kind = T_BRANCH, .cmp = CMP_NE, .value = 0 };
	const struct val d = an_dom(INT64_MIN, INT64_MAX, true, 0);
	struct var_st *w = vst(A, s, v);
	struct val known = an_tracks_value(A, v) ? an_val_meet(*vval(A, s, v), d) : d;

	if (known.lo > known.hi)
		return;
	if (w && w->role == ROLE_HANDLE && w->bind >= 0) {
		const struct slot_st *x = &slots(A, s)[w->bind];
		int site = A->slot_site[w->bind];
		const struct rule_acquire *acq = A->sites[site].acq;
		struct val bad = an_val_meet(an_handle_domain(acq, false, true), d);

		if ((x->st == RS_UNCHECKED || (x->st == RS_OUT && !x->ok)) && bad.lo > bad.hi)
			decide_by(A, s, site, true, an_val_meet(an_handle_domain(acq, true, true), d));
	}
	refine_group(A, s, v, TOP, &ne0, true);
}

/* Follows the edges of t that state s allows, splitting an unchecked acquisition. */
/*
 * v holds the result of a call that kept a handle only if it succeeded:
 * once its value says the call failed, the handle is the caller's again;
 * once it says success, it is gone for good.
 */
static void kept_decided(struct an *A, unsigned char *n, int v)
{
	struct var_st *w = vst(A, n, v);
	struct rule_acquire how;
	struct val d = *vval(A, n, v), ok, bad;
	struct slot_st *sl = slots(A, n);

	memset(&how, 0, sizeof(how));
	how.fails = (enum rule_fail)w->pad;
	ok = an_val_meet(d, an_status_domain(&how, true));
	bad = an_val_meet(d, an_status_domain(&how, false));
	if (ok.lo > ok.hi) {
		if (sl[w->bind].st == RS_ESCAPED)
			sl[w->bind].st = RS_HELD;
	} else if (bad.lo <= bad.hi) {
		return;         /* not decided yet */
	}
	w->role = ROLE_NONE;
	w->bind = -1;
}

void an_branch(struct an *A, unsigned char *s, const struct ir_term *t, int node)
{
	struct var_st *w;
	struct slot_st *sl;
	unsigned char *n;
	struct val known;
	int outcome, site = -1, slot = -1;

	if (t->var >= 0 && A->fid[t->var])
		an_field_sync(A, s, t->var);    /* if (q->name) with q == p */
	w = t->var >= 0 ? vst(A, s, t->var) : NULL;
	sl = slots(A, s);
	n = xmalloc(A->size);
	known = an_tracks_value(A, t->var) ? *vval(A, s, t->var) : TOP;
	if (t->pair1[0] && t->pair1[1] &&
	    (fresh_unlike(A, s, t->pair1[0] - 1, t->pair1[1] - 1) ||
	     fresh_unlike(A, s, t->pair1[1] - 1, t->pair1[0] - 1))) {
		/* a != b: the pseudo-variable of `a == b` is non-zero */
		struct val d = an_val_meet(known, an_dom(INT64_MIN, INT64_MAX, true, 0));
		enum tri r = val_eval(d, t->cmp, t->value);
		int edge;

		for (edge = 1; edge >= 0; edge--) {
			if ((edge && r == NO) || (!edge && r == YES))
				continue;
			memcpy(n, s, A->size);
			if (an_tracks_value(A, t->var))
				refine_group(A, n, t->var, d, t, edge);
			an_push(A, edge ? t->t : t->f, n, node);
		}
		free(n);
		return;
	}
	uint8_t st = RS_NONE;
	bool status = false, error = false;

	if (w && w->role == ROLE_HANDLE && w->bind >= 0) {
		slot = w->bind;
		site = A->slot_site[slot];
		st = sl[slot].st;
		if (st != RS_UNCHECKED && st != RS_FAILED && sl[slot].ok)
			st = RS_HELD;   /* released or passed on, but its value is a valid one */
		else if (st == RS_OUT)
			st = RS_UNCHECKED;      /* (*out = malloc(n)) == NULL: stored, still open */
	} else if (w && (w->role == ROLE_STATUS || w->role == ROLE_ERROR) && w->bind >= 0) {
		error = w->role == ROLE_ERROR;
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
			/* GLib: the GError is set exactly when the call failed; a
			   summary's error flag is set only when it failed */
			d = error ? (outcome ? an_dom(0, 0, false, 0) :
				     A->sites[site].error_implies ? TOP :
				     an_dom(INT64_MIN, INT64_MAX, true, 0)) :
			    status ? an_status_domain(acq, outcome) :
			    an_handle_domain(acq, outcome, A->f->vars[t->var].flags & VAR_POINTER);
			d = an_val_meet(d, known);
			if (d.lo > d.hi)
				continue;       /* what we know of the value rules this out */
			r = val_eval(d, t->cmp, t->value);
			if (t->foreign)         /* fresh != stdin; a failed one may be anything */
				r = status || !outcome || slot < 0 || param_slot(A, slot) ? MAYBE :
				    t->cmp == CMP_EQ ? NO : t->cmp == CMP_NE ? YES : MAYBE;
			for (edge = 1; edge >= 0; edge--) {
				if ((edge && r == NO) || (!edge && r == YES))
					continue;
				if (outcome && acq->fails == FAIL_NONPOSITIVE && zero_fails(t, edge))
					continue;       /* asprintf(..) <= 0: the failure test */
				memcpy(n, s, A->size);
				if (st == RS_UNCHECKED) {
					struct val e = d;

					val_refine(&e, t->cmp, t->value, edge);
					decide_by(A, n, site, outcome, e);
				}
				if (an_tracks_value(A, t->var))
					refine_group(A, n, t->var, d, t, edge);
				if (!status && slot >= 0 && outcome && acq->shape == SHAPE_RETURN &&
				    (acq->fails == FAIL_NEGATIVE || acq->fails == FAIL_NEVER) &&
				    !(A->f->vars[t->var].flags & VAR_POINTER) && an_tracks_value(A, t->var) &&
				    vval(A, n, t->var)->hi <= 2 && live(slots(A, n)[slot].st))
					/* a descriptor known to be 0, 1 or 2 is a standard stream */
					slots(A, n)[slot].st = RS_ESCAPED;
				an_push(A, edge ? t->t : t->f, n, node);
			}
		}
	} else if (an_tracks_value(A, t->var) && !t->foreign &&
		   (!w || w->role == ROLE_NONE || w->role == ROLE_KEPT || st != RS_NONE)) {
		enum tri r = val_eval(known, t->cmp, t->value);
		int edge;

		for (edge = 1; edge >= 0; edge--) {
			if ((edge && r == NO) || (!edge && r == YES))
				continue;
			memcpy(n, s, A->size);
			refine_group(A, n, t->var, known, t, edge);
			if (w && w->role == ROLE_KEPT)
				kept_decided(A, n, t->var);
			an_count_zero(A, n, t, edge, known);
			an_push(A, edge ? t->t : t->f, n, node);
		}
	} else {
		int edge;

		for (edge = 1; edge >= 0; edge--) {
			memcpy(n, s, A->size);
			an_count_zero(A, n, t, edge, TOP);
			an_push(A, edge ? t->t : t->f, n, node);
		}
	}
	free(n);
}
