/*
 * summary.c - function summaries: built from the exit paths analyse.c
 * describes, kept in a table keyed like EV_CALL.key, and computed for a
 * whole run callees first; see summary.h.
 */
#include "summary.h"
#include "summary_int.h"
#include "analyse/analyse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- building one summary ---- */

void summary_begin(struct summary_builder *b, const struct ir_func *f)
{
	memset(b, 0, sizeof(*b));
	b->f = f;
	b->returns_arg = -1;
	b->nmem = -1;
	b->rel_all = ~0ULL;
	b->refd_all = ~0ULL;
	b->err_ok = ~0ULL;
	b->xf_fresh = ~0ULL;
}

/*
 * An exit that stored nothing while the parameters o->void_params were
 * NULL: kept aside until the out-parameter is known, false when there is
 * no room (then it counts as a failure at once).
 */
static bool note_void(struct summary_builder *b, const struct exit_obs *o)
{
	struct void_exit *e = NULL;
	size_t i;

	for (i = 0; i < b->nvoids && !e; i++)
		if (b->voids[i].mask == o->void_params)
			e = &b->voids[i];
	if (!e) {
		if (b->nvoids == SUMMARY_MAX_VOIDS)
			return false;
		e = &b->voids[b->nvoids++];
		memset(e, 0, sizeof(*e));
		e->mask = o->void_params;
	}
	summary_note_result(&e->res, o);
	return true;
}

/* The exits kept by note_void() whose out-parameter was not NULL count as failures. */
static void settle_voids(struct summary_builder *b)
{
	uint64_t out = b->out_param > 0 && b->out_param <= SUMMARY_MAX_PARAMS ?
		       1ULL << (b->out_param - 1) : 0;
	size_t i;

	for (i = 0; i < b->nvoids; i++) {
		const struct void_exit *e = &b->voids[i];

		if (e->mask & out)
			continue;       /* called with NULL, nothing was asked for */
		b->out_missing = true;
		summary_vset_union(&b->f_res, &e->res);
	}
	b->nvoids = 0;
}

/* The members held at this fresh return: those held at every one so far stay. */
static void note_members(struct summary_builder *b, const struct exit_obs *o)
{
	int i, j, n = 0;

	if (b->nmem < 0) {
		for (i = 0; i < o->nmem; i++) {
			b->mem_name[i] = o->mem_name[i];
			b->mem_acq[i] = o->mem_acq[i];
		}
		b->nmem = o->nmem;
		return;
	}
	for (i = 0; i < b->nmem; i++)
		for (j = 0; j < o->nmem; j++)
			if (!strcmp(b->mem_name[i], o->mem_name[j]) &&
			    rules_same_resource(b->mem_acq[i]->res, o->mem_acq[j]->res)) {
				b->mem_name[n] = b->mem_name[i];
				b->mem_acq[n++] = b->mem_acq[i];
				break;
			}
	b->nmem = n;
}

void summary_observe(struct summary_builder *b, const struct exit_obs *o)
{
	b->any_exit = true;
	summary_note_result(&b->results, o);    /* (RET_NONE: return f(x), untracked: anything) */
	switch (o->ret) {
	case RET_FRESH:
		if (b->ret_acq && !rules_same_resource(b->ret_acq->res, o->acq->res))
			b->ret_bad = true;          /* two kinds of resource */
		note_members(b, o);
		if (!b->ret_acq) {
			b->ret_acq = o->acq;
			b->ret_loc = o->acq_loc;
		}
		b->ret_fresh = true;
		b->ret_unchecked |= o->unchecked;
		break;
	case RET_CONST:
		b->zero |= o->value == 0;
		b->negative |= o->value < 0;
		b->positive |= o->value > 0;
		break;
	default:
		b->ret_bad = true;
		break;
	}
	if (o->ret == RET_PARAM && (b->returns_arg == -1 || b->returns_arg == o->param))
		b->returns_arg = o->param;
	else
		b->returns_arg = 0;
	if (o->ret == RET_PARAM && o->param <= SUMMARY_MAX_PARAMS)
		b->returned |= 1ULL << (o->param - 1);

	if (o->out_param) {
		if (b->out_param && b->out_param != o->out_param)
			b->out_bad = true;
		b->out_param = o->out_param;
		if (!b->out_acq) {
			b->out_acq = o->out_acq;
			b->out_loc = o->out_loc;
		} else if (!rules_same_resource(b->out_acq->res, o->out_acq->res)) {
			b->out_bad = true;
		}
		if (o->out_thru) {
			/* return vasprintf(ret, ..): its failure comes out as is */
			enum rule_fail k = o->thru_fails;

			summary_vset_union(&b->s_res, &o->thru_ok);
			summary_vset_union(&b->f_res, &o->thru_bad);
			if (b->thru == 0 || (b->thru == 1 && b->thru_fails == k)) {
				b->thru = 1;
				b->thru_fails = k;
			} else {
				b->thru = -1;
			}
		} else {
			if (o->out_unchecked) {
				/* *out = fopen(..) unchecked: maybe NULL, so its
				   result may also be one of failure */
				b->out_missing = true;
				summary_note_result(&b->f_res, o);
			}
			summary_note_result(&b->s_res, o);
		}
	} else if (!o->void_params || !note_void(b, o)) {
		b->out_missing = true;
		summary_note_result(&b->f_res, o);
	}

	/* an error flag: 0 whenever a handle is returned, set on some NULL return */
	if (o->ret == RET_FRESH) {
		b->err_ok &= o->err_zero | o->err_linked | o->err_void;
		b->err_used |= o->err_linked;   /* passed on from the call it came from */
	}
	else if (o->ret != RET_CONST || o->value != 0)
		b->err_ok &= o->err_zero | o->err_void;      /* neither a handle nor NULL */
	else
		b->err_used |= o->err_set | o->err_linked;

	if (o->ret == RET_FRESH) {
		b->xf_moved |= o->moved;
		b->xf_fresh &= o->moved | o->released | o->null;
	} else {
		b->xf_other |= o->released | o->kept | o->moved;
	}
	b->rel_all &= o->released | o->null;
	b->rel_some |= o->released;
	b->kept |= o->kept;
	b->refd_all &= o->refd;
	summary_note_kept(b, o);
	summary_note_fills(b, o);
}

void summary_released(struct summary_builder *b, int param, const struct rule_resource *res)
{
	if (param < 1 || param > SUMMARY_MAX_PARAMS)
		return;
	if (!b->rel_res[param - 1])
		b->rel_res[param - 1] = res;
}

void summary_lent(struct summary_builder *b, int param, int fnparam, int pos)
{
	int p = param - 1;

	if (param < 1 || param > SUMMARY_MAX_PARAMS)
		return;
	if (fnparam < 1 || fnparam > SUMMARY_MAX_PARAMS || pos < 1 || pos > SUMMARY_MAX_PARAMS ||
	    (b->lend_fn[p] && (b->lend_fn[p] != fnparam || b->lend_pos[p] != pos))) {
		b->lend_fn[p] = 255;    /* to several: kept */
		return;
	}
	b->lend_fn[p] = (uint8_t)fnparam;
	b->lend_pos[p] = (uint8_t)pos;
}

static void observe_exit(void *b, const struct exit_obs *o)
{
	summary_observe(b, o);
}

static void observe_released(void *arg, int param, const struct rule_resource *res, bool shallow)
{
	struct summary_builder *b = arg;

	summary_released(b, param, res);
	if (shallow && param >= 1 && param <= SUMMARY_MAX_PARAMS)
		b->rel_shallow |= 1ULL << (param - 1);
}

static void observe_lent(void *b, int param, int fnparam, int pos)
{
	summary_lent(b, param, fnparam, pos);
}

struct walk_observer summary_observer(struct summary_builder *b)
{
	return (struct walk_observer){ observe_exit, observe_released, observe_lent, b };
}

/* Records in s the parameters that are only lent to a callback (summary_lent). */
static void set_lends(struct summaries *S, struct summary *s, const struct summary_builder *b)
{
	int i;

	for (i = 0; i < s->nparams; i++) {
		uint64_t bit = 1ULL << i;

		if (!b->lend_fn[i] || ((s->keeps | s->releases | s->releases_some) & bit))
			continue;
		if (b->lend_fn[i] == 255 || b->lend_fn[i] > s->nparams) {
			s->keeps |= bit;
			continue;
		}
		if (!s->lends_to) {
			s->lends_to = arena_alloc(&S->arena, (size_t)s->nparams);
			s->lends_as = arena_alloc(&S->arena, (size_t)s->nparams);
		}
		s->lends_to[i] = b->lend_fn[i];
		s->lends_as[i] = b->lend_pos[i];
	}
}

/*
 * The parameter (1-based) a realloc wrapper takes over, or 0: moved into
 * the fresh result on some return (or released before a fresh one is
 * made), and neither released nor kept on a return of failure, where the
 * caller still holds it (xrealloc(p, n), return realloc(p, n)).
 */
static int transfer_param(const struct summary_builder *b, int n)
{
	uint64_t m = b->xf_moved & b->xf_fresh & ~b->xf_other;
	int i;

	for (i = 0; i < n; i++)
		if (m & (1ULL << i))
			return i + 1;
	return 0;
}

/* What a function returning fresh resources returns on failure. */
static bool return_fails(const struct summary_builder *b, enum rule_fail *fails)
{
	enum rule_fail under = b->ret_acq->fails;

	if (b->positive)
		return false;
	if (b->ret_unchecked) {
		/* the failure of the call inside comes out as is */
		if ((under == FAIL_NULL && b->negative) || (under == FAIL_NEGATIVE && b->zero))
			return false;
		*fails = under == FAIL_NEVER ? (b->zero ? FAIL_NULL : b->negative ? FAIL_NEGATIVE :
						FAIL_NEVER) : under;
		return true;
	}
	if (b->zero && b->negative)
		return false;
	*fails = b->zero ? FAIL_NULL : b->negative ? FAIL_NEGATIVE : FAIL_NEVER;
	return true;
}

static void set_acquire(struct summary *s, const struct rule_acquire *under, struct ir_loc at)
{
	s->ret.func = s->name;
	s->ret.res = under->res;
	s->ret.via = under->via ? under->via : under->func;
	s->ret.file = under->via ? under->file : at.file;
	s->ret.line = under->via ? under->line : at.line;
	s->via = s->ret.via;
	s->via_loc.file = s->ret.file;
	s->via_loc.line = s->ret.line;
}

struct call_ctx {
	const struct summaries *S;
	const char *unit;                   /* the calling function's */
};

/* Whether the call ev never returns, by its callee's summary (ctx: struct call_ctx). */
static bool call_never_returns(const struct ir_event *ev, void *ctx)
{
	const struct call_ctx *c = ctx;
	const struct summary *s = summaries_find(c->S, ev->key, c->unit);

	return s && s->noreturn;
}

/* Adds name to s->gwrites (once); the arrays live in S's arena. */
static void add_gwrite(struct summaries *S, struct summary *s, const char *name, size_t *cap)
{
	size_t i;

	for (i = 0; i < s->ngwrites; i++)
		if (!strcmp(s->gwrites[i], name))
			return;
	if (s->ngwrites == *cap) {
		const char **v;

		*cap = *cap ? 2 * *cap : 8;
		v = arena_alloc(&S->arena, *cap * sizeof(*v));
		if (s->ngwrites)
			memcpy(v, s->gwrites, s->ngwrites * sizeof(*v));
		s->gwrites = v;
	}
	s->gwrites[s->ngwrites++] = name;
}

/*
 * The globals f may write: its own (ir_func.gwrites) and its callees';
 * any, after a call through a pointer (EV_FORGET of all memory) or to a
 * function without a summary that is not the C library's.
 */
static void global_writes(struct summaries *S, const struct ir_func *f, struct summary *s)
{
	size_t b, e, i, cap = 0;

	for (i = 0; i < f->ngwrites; i++)
		add_gwrite(S, s, f->gwrites[i], &cap);
	for (b = 0; b < f->nblocks && !s->gwrites_any; b++)
		for (e = 0; e < f->blocks[b].nev && !s->gwrites_any; e++) {
			const struct ir_event *ev = &f->blocks[b].ev[e];
			const struct summary *c;

			if (ev->kind == EV_FORGET && ev->var < 0) {
				s->gwrites_any = true;
				continue;
			}
			if (ev->kind != EV_CALL)
				continue;
			c = summaries_find(S, ev->key, f->unit);
			if (!c) {
				s->gwrites_any = !ev->lib || summaries_has_body(S, ev->key, f->unit);
				continue;
			}
			if (c->gwrites_any)
				s->gwrites_any = true;
			for (i = 0; i < c->ngwrites; i++)
				add_gwrite(S, s, c->gwrites[i], &cap);
		}
}

bool summary_writes_global(const struct summary *s, const char *name)
{
	size_t i;

	if (!s || s->gwrites_any)
		return true;
	for (i = 0; i < s->ngwrites; i++)
		if (!strcmp(s->gwrites[i], name))
			return true;
	return false;
}

struct summary *summary_finish(struct summaries *S, struct summary_builder *b, bool complete)
{
	const struct ir_func *f = b->f;
	struct summary *s;
	int i, n = f->nparams < SUMMARY_MAX_PARAMS ? f->nparams : SUMMARY_MAX_PARAMS;
	enum rule_fail fails;

	if (!complete)
		return NULL;        /* unknown: every argument escapes */
	settle_voids(b);
	s = arena_alloc(&S->arena, sizeof(*s));
	s->key = f->key;
	s->name = f->name;
	s->loc = f->loc;
	s->nparams = n;
	global_writes(S, f, s);
	/* never returns only when no path can: a walk that found no exit
	   because of what it assumed about values says nothing */
	s->noreturn = !b->any_exit &&
		      !ir_func_may_return(f, call_never_returns, &(struct call_ctx){ S, f->unit });
	if (s->noreturn)
		return s;
	if (b->ret_fresh && !b->ret_bad && return_fails(b, &fails)) {
		s->ret.shape = SHAPE_RETURN;
		s->ret.fails = fails;
		s->ret.ok_value = b->ret_acq->ok_value;
		set_acquire(s, b->ret_acq, b->ret_loc);
		s->ret.transfer = transfer_param(b, n);
		if (fails == FAIL_NULL) {
			uint64_t e = b->err_ok & b->err_used;

			for (i = 0; i < n && !s->error_arg; i++)
				if (e & (1ULL << i))
					s->error_arg = i + 1;
		}
	} else if (b->out_param > 0 && !b->out_bad && b->out_param <= n &&
		   !b->out_acq->transfer && !b->out_acq->reopen &&
		   (!b->out_missing && !b->thru ? (s->ret.fails = FAIL_NEVER, true) :
		    summary_status_fails(b, &s->ret))) {
		/* stored on every path that returns (xasprintf dies otherwise): never fails */
		/* (not when it reallocates what *out held: that is no fresh one) */
		s->ret.shape = SHAPE_OUT;
		s->ret.arg = b->out_param;
		set_acquire(s, b->out_acq, b->out_loc);
	}
	if (b->returns_arg > 0 && b->returns_arg <= n)
		s->returns_arg = b->returns_arg;
	summary_known_result(s, b);
	s->releases = b->rel_all & b->rel_some;
	s->releases_some = b->rel_some & ~s->releases;
	if (s->ret.res && s->ret.shape == SHAPE_RETURN && b->nmem > 0) {
		s->members = arena_alloc(&S->arena, (size_t)b->nmem * sizeof(*s->members));
		s->member_acq = arena_alloc(&S->arena, (size_t)b->nmem * sizeof(*s->member_acq));
		for (i = 0; i < b->nmem; i++) {
			const struct rule_acquire *under = b->mem_acq[i];
			struct rule_acquire *m = arena_alloc(&S->arena, sizeof(*m));

			/* acquired by this function, as its result is */
			*m = *under;
			m->transfer = m->reopen = m->arg = m->count = m->index = 0;
			m->next = NULL;
			m->when = NULL;
			m->status_call = NULL;
			m->shape = SHAPE_RETURN;
			m->fails = FAIL_NEVER;
			m->func = s->name;
			m->via = under->via ? under->via : under->func;
			m->file = under->via ? under->file : b->ret_loc.file;
			m->line = under->via ? under->line : b->ret_loc.line;
			s->members[i] = arena_strdup(&S->arena, b->mem_name[i]);
			s->member_acq[i] = m;
		}
		s->nmembers = b->nmem;
	}
	s->members_touched = summary_members(S, f, s, b);
	s->releases_shallow = b->rel_shallow & s->releases & ~s->members_touched;
	for (i = 0; i < s->npmem; i++)  /* free(c->host); free(c): a destructor */
		s->releases_shallow &= ~(1ULL << s->pmem[i].param);
	s->keeps = b->kept;
	if (s->ret.transfer) {
		uint64_t t = 1ULL << (s->ret.transfer - 1);

		/* the caller's handle moves into the result, as with realloc */
		s->releases &= ~t;
		s->releases_some &= ~t;
		s->releases_shallow &= ~t;
		s->keeps &= ~t;
	}
	for (i = 0; i < n; i++) {
		enum rule_fail kf;

		/* kept on success only (never released by it): the caller keeps
		   it on failure; one failure test for all such parameters */
		if ((s->keeps & (1ULL << i)) && !(b->rel_some & (1ULL << i)) &&
		    !(b->returned & (1ULL << i)) && summary_keep_fails(b, i, &kf) &&
		    (!s->keeps_on || s->keep_fails == kf)) {
			s->keeps_on |= 1ULL << i;
			s->keep_fails = kf;
		}
	}
	if (!s->returns_arg)
		s->keeps |= b->returned;    /* handed back on some paths only: it leaves */
	set_lends(S, s, b);
	if (n)
		s->rel = arena_alloc(&S->arena, (size_t)n * sizeof(*s->rel));
	for (i = 0; i < n; i++) {
		s->rel[i].func = s->name;
		s->rel[i].res = b->rel_res[i];
		s->rel[i].arg = i + 1;
	}
	summary_refc_finish(S, b, s);
	return s;
}

static const char *const fails_name[] = {
	"null", "negative", "nonzero", "map-failed", "never", "held", "ok-value", "non-positive",
	"range",
};

/* Prints how s's acquisition fails: "null", or "range [0, 0] ok, [-30, -30] not". */
static void dump_fails(FILE *out, const struct rule_acquire *a)
{
	fprintf(out, "fails: %s", fails_name[a->fails]);
	if (a->fails == FAIL_RANGE)
		fprintf(out, " [%lld, %lld] ok, [%lld, %lld] not", (long long)a->ok_value,
			(long long)a->ok_hi, (long long)a->fail_lo, (long long)a->fail_hi);
}

void summary_dump(const struct summary *s, void *file)
{
	FILE *out = file;
	int i, k;

	fprintf(out, "summary %s:", s->name);
	if (s->noreturn)
		fprintf(out, " never returns");
	if (s->ret.res && s->ret.shape == SHAPE_RETURN)
		fprintf(out, " returns %s (%s by %s(), fails: %s)", s->ret.res->id,
			s->ret.res->acquired, s->via, fails_name[s->ret.fails]);
	if (s->ret.res && s->ret.shape == SHAPE_RETURN && s->ret.transfer)
		fprintf(out, " taking over arg %d", s->ret.transfer);
	if (s->ret.res && s->ret.shape == SHAPE_OUT) {
		fprintf(out, " stores %s into *arg %d (%s by %s(), ", s->ret.res->id,
			s->ret.arg, s->ret.res->acquired, s->via);
		dump_fails(out, &s->ret);
		fprintf(out, ")");
	}
	for (i = 0; i < s->nmembers; i++)
		fprintf(out, "%s%s: %s", i ? ", " : " (with member ", s->members[i],
			s->member_acq[i]->res ? s->member_acq[i]->res->id : "?");
	if (s->nmembers)
		fprintf(out, ")");
	for (i = 0; i < s->npmem; i++) {
		const struct summary_member *m = &s->pmem[i];

		if (m->frees)
			fprintf(out, " frees member %s of arg %d", m->name, m->param + 1);
		else if (m->resets && !m->fill)         /* "*": a blank struct written */
			fprintf(out, strcmp(m->name, "*") ? " resets member %s of arg %d" :
				" resets every member%.0s of arg %d", m->name, m->param + 1);
		if (m->fill) {
			fprintf(out, " %s member %s of arg %d with %s (",
				m->maybe ? "maybe fills" : "fills", m->name, m->param + 1,
				m->fill->res->id);
			dump_fails(out, m->fill);
			fprintf(out, "%s)", m->regrow ? ", grown" : "");
		}
		if (m->fill && m->counts)
			fprintf(out, " counting");
		for (k = 0; k < 32; k++)
			if (m->copies & (1u << k))
				fprintf(out, " copies arg %d into it", k + 1);
	}
	if (s->error_arg)
		fprintf(out, " (failed when *arg %d is set)", s->error_arg);
	if (s->returns_arg)
		fprintf(out, " returns arg %d", s->returns_arg);
	if (s->ret_known && s->ret_lo == s->ret_hi)
		fprintf(out, " returns %lld", (long long)s->ret_lo);
	else if (s->ret_known)
		fprintf(out, " returns [%lld, %lld]%s", (long long)s->ret_lo, (long long)s->ret_hi,
			s->has_ret_ex ? " but one" : "");
	for (i = 0; i < s->nparams; i++) {
		uint64_t bit = 1ULL << i;

		if (s->releases & bit)
			fprintf(out, " releases arg %d%s%s", i + 1, s->rel[i].res ? " as " : "",
				s->rel[i].res ? s->rel[i].res->id : "");
		else if (s->releases_some & bit)
			fprintf(out, " may release arg %d", i + 1);
		else if (s->keeps_on & bit)
			fprintf(out, " keeps arg %d on success (fails: %s)", i + 1,
				fails_name[s->keep_fails]);
		else if (s->keeps & bit)
			fprintf(out, " keeps arg %d", i + 1);
		else if (s->lends_to && s->lends_to[i])
			fprintf(out, " lends arg %d to arg %d (as its arg %d)", i + 1,
				s->lends_to[i], s->lends_as[i]);
	}
	summary_refc_dump(s, out);
	fprintf(out, "\n");
}

/* ---- the table ---- */

void summaries_init(struct summaries *S, bool cross_file)
{
	arena_init(&S->arena);
	strmap_init(&S->map);
	strmap_init(&S->bodies);
	S->cross_file = cross_file;
	S->dump = false;
	S->computed = 0;
}

void summaries_release(struct summaries *S)
{
	strmap_release(&S->bodies);
	strmap_release(&S->map);
	arena_release(&S->arena);
}

const struct summary *summaries_find(const struct summaries *S, const char *key,
				     const char *unit)
{
	const struct summary *s;
	char local[1024];

	if (strchr(key, ':'))
		return strmap_get(&S->map, key);        /* a static function */
	/* the caller's own file first: another file may define the name too */
	snprintf(local, sizeof(local), "%s:%s", unit ? unit : "", key);
	s = strmap_get(&S->map, local);
	if (!s && S->cross_file)
		s = strmap_get(&S->map, key);
	return s;
}

bool summaries_has_body(const struct summaries *S, const char *key, const char *unit)
{
	char local[1024];

	if (strchr(key, ':'))
		return strmap_get(&S->bodies, key) != NULL;
	snprintf(local, sizeof(local), "%s:%s", unit ? unit : "", key);
	return strmap_get(&S->bodies, local) || (S->cross_file && strmap_get(&S->bodies, key));
}
