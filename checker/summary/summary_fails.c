/*
 * summary_fails.c - what a function's results say: sets of result
 * ranges, how an out-parameter acquirer's result tells failure (the usual
 * kinds, the failure of an acquirer whose status it passes on, or ranges
 * of success and of failure), and the constant range every exit returns;
 * see summary_int.h.
 */
#include "summary_int.h"

/* Adds every value of u to v. */
void summary_vset_union(struct vset *v, const struct vset *u)
{
	int i;

	for (i = 0; i < u->n; i++)
		vset_add(v, u->lo[i], u->hi[i]);
}

/* Whether some value of v lies in [lo, hi]. */
static bool vset_meets(const struct vset *v, int64_t lo, int64_t hi)
{
	int i;

	for (i = 0; i < v->n; i++)
		if (v->lo[i] <= hi && v->hi[i] >= lo)
			return true;
	return false;
}

/* Whether every value of v lies in [lo, hi]. */
static bool vset_within(const struct vset *v, int64_t lo, int64_t hi)
{
	int i;

	for (i = 0; i < v->n; i++)
		if (v->lo[i] < lo || v->hi[i] > hi)
			return false;
	return true;
}

/* Adds the result of exit o to v. */
void summary_note_result(struct vset *v, const struct exit_obs *o)
{
	if (o->ret == RET_OTHER && o->ranged) {
		/* return r; after if ((r = f()) != 0): whatever r may be */
		if (o->nonzero) {
			vset_add(v, o->lo, o->hi < -1 ? o->hi : -1);
			vset_add(v, o->lo > 1 ? o->lo : 1, o->hi);
		} else {
			vset_add(v, o->lo, o->hi);
		}
	} else if (o->ret == RET_CONST) {
		vset_add(v, o->value, o->value);
	} else {
		vset_add(v, INT64_MIN, INT64_MAX);      /* unknown: anything */
	}
}

/* Whether the results fit failure kind k (its success and failure domains). */
static bool fits(const struct vset *ok, const struct vset *bad, enum rule_fail k)
{
	switch (k) {
	case FAIL_NONZERO:      /* 0 on success only */
		return vset_within(ok, 0, 0) && !vset_meets(bad, 0, 0);
	case FAIL_NEGATIVE:     /* >= 0 on success, < 0 on failure */
	case FAIL_NONPOSITIVE:
		return vset_within(ok, 0, INT64_MAX) && vset_within(bad, INT64_MIN, -1);
	case FAIL_NULL:         /* non-zero on success, 0 on failure */
		return !vset_meets(ok, 0, 0) && vset_within(bad, 0, 0);
	default:
		return false;
	}
}

/*
 * How the result tells failure, from the results seen with and without
 * success: the failure of an acquisition whose status is returned as is,
 * one of the usual kinds, or else the range of the results of success
 * when no result of failure lies inside it (ARCHIVE_OK and ARCHIVE_WARN
 * against ARCHIVE_FATAL; 1 against 0 and -1).
 */
bool summary_status_fails(const struct summary_builder *b, struct rule_acquire *ret)
{
	if (b->thru == 1 && fits(&b->s_res, &b->f_res, b->thru_fails)) {
		ret->fails = b->thru_fails;
		return true;
	}
	return summary_sets_fail(&b->s_res, &b->f_res, ret);
}

/*
 * The usual kinds first; but a success that is never 0 (a count of at
 * least 1, against negative errors: git's split_cmdline()) is a range,
 * so that `> 0` found false means failure, as `< 0` found true does.
 */
bool summary_sets_fail(const struct vset *ok, const struct vset *bad, struct rule_acquire *ret)
{
	static const enum rule_fail usual[] = { FAIL_NONZERO, FAIL_NEGATIVE, FAIL_NULL };
	size_t i;

	for (i = 0; i < sizeof(usual) / sizeof(usual[0]); i++)
		if (fits(ok, bad, usual[i]) &&
		    !(usual[i] == FAIL_NEGATIVE && ok->n && ok->lo[0] > 0)) {
			ret->fails = usual[i];
			return true;
		}
	if (!ok->n || !bad->n || vset_meets(bad, ok->lo[0], ok->hi[ok->n - 1]))
		return false;
	ret->fails = FAIL_RANGE;
	ret->ok_value = ok->lo[0];
	ret->ok_hi = ok->hi[ok->n - 1];
	ret->fail_lo = bad->lo[0];
	ret->fail_hi = bad->hi[bad->n - 1];
	return true;
}

/*
 * The call's value when every exit returns a constant, or a value whose
 * range the walk knows (static int use_colour(void) { return 1; }): the
 * range of them all, less the one value between two (-1 or 1).
 */
void summary_known_result(struct summary *s, const struct summary_builder *b)
{
	const struct vset *r = &b->results;

	if (!r->n || b->ret_fresh || s->ret.res || s->returns_arg ||
	    (r->lo[0] == INT64_MIN && r->hi[r->n - 1] == INT64_MAX))
		return;
	s->ret_known = true;
	s->ret_lo = r->lo[0];
	s->ret_hi = r->hi[r->n - 1];
	if (r->n == 2 && (uint64_t)r->lo[1] - (uint64_t)r->hi[0] == 2) {
		s->has_ret_ex = true;
		s->ret_ex = r->hi[0] + 1;
	}
}

/* The results of this exit, by whether each parameter was kept (or released) here. */
void summary_note_kept(struct summary_builder *b, const struct exit_obs *o)
{
	bool r[4] = { false, false, false, false };
	int i, k, n = b->f->nparams < SUMMARY_MAX_PARAMS ? b->f->nparams : SUMMARY_MAX_PARAMS;
	struct vset v = { 0 };

	summary_note_result(&v, o);
	for (k = 0; k < v.n; k++) {
		r[0] |= v.lo[k] <= 0 && v.hi[k] >= 0;
		r[1] |= v.lo[k] != 0 || v.hi[k] != 0;
		r[2] |= v.lo[k] < 0;
		r[3] |= v.hi[k] >= 0;
	}
	for (i = 0; i < n; i++) {
		uint64_t bit = 1ULL << i;
		int shift = (o->kept | o->released) & bit ? 0 : 4;

		if (o->null & bit)
			continue;       /* NULL here: nothing to keep */
		for (k = 0; k < 4; k++)
			if (r[k])
				b->keep_res[i] |= (uint8_t)(1u << (k + shift));
	}
}

/* How the result tells that parameter i was not kept, if it does. */
bool summary_keep_fails(const struct summary_builder *b, int i, enum rule_fail *fails)
{
	unsigned r = b->keep_res[i];
	bool s_zero = r & 1, s_nonzero = r & 2, s_negative = r & 4;
	bool f_zero = r & 16, f_nonzero = r & 32, f_nonneg = r & 128;

	if (!(r & 15) || !(r & 240))
		return false;           /* kept always, or never */
	if (!s_nonzero && !f_zero)
		*fails = FAIL_NONZERO;
	else if (!s_negative && !f_nonneg)
		*fails = FAIL_NEGATIVE;
	else if (!s_zero && !f_nonzero)
		*fails = FAIL_NULL;
	else
		return false;
	return true;
}
