/*
 * cache_codec.c - an entry's bytes: writing the IR of a unit, and reading
 * it back without trusting it (see cache_int.h for the layout).
 *
 * Anyone who can write the file could have made it, and a disk can flip
 * a bit: the reader checks the checksum, and then every count against the
 * bytes left, every index against the sizes read before it, every enum
 * against its range, every rule reference against the rules, and the
 * invariants of ir.h that the analysis relies on without checking (an
 * acquisition site has a rule, an array slot's parent comes before it,
 * an out-array's variables exist ...).  An entry that fails any check is
 * a miss, never an error: the file is parsed again.
 */
#include "base/bytes.h"
#include "cache_int.h"
#include "base/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Parents are array variables and the locals a value in memory hangs
 * from: the lowering makes chains of two at most (an_escape() recurses
 * along them). */
#define MAX_PARENT_DEPTH 16

/* ---- writing ---- */

static void put_loc(struct bytes_out *b, struct ir_loc l)
{
	bytes_put_str(b, l.file);
	bytes_put_i64(b, l.line);
	bytes_put_i64(b, l.col);
}

/* A made-up acquire or release entry (a name guess, an ownership attribute). */
static void put_guess(struct bytes_out *b, const char *func, const struct rule_resource *res,
		      const char *via)
{
	bytes_put_str(b, func);
	bytes_put_str(b, res ? res->id : NULL);
	bytes_put_str(b, res ? res->acquired : NULL);
	bytes_put_str(b, res ? res->released : NULL);
	bytes_put_str(b, res ? res->held : NULL);
	bytes_put_i64(b, res && res->guessed);
	bytes_put_str(b, res ? res->releaser : NULL);
	bytes_put_str(b, via);
}

static void put_event(struct bytes_out *b, const struct ir_event *e)
{
	int a;

	bytes_put_i64(b, e->kind);
	put_loc(b, e->loc);
	bytes_put_i64(b, e->var);
	bytes_put_i64(b, e->src);
	bytes_put_i64(b, e->value);
	bytes_put_i64(b, e->site);
	bytes_put_i64(b, e->rel != NULL);
	bytes_put_i64(b, e->rel_mask);
	bytes_put_i64(b, e->soft);
	bytes_put_str(b, e->callee);
	bytes_put_i64(b, e->exit);
	bytes_put_str(b, e->label);
	bytes_put_i64(b, e->out_param);
	bytes_put_i64(b, e->lib);
	bytes_put_str(b, e->key);
	bytes_put_i64(b, e->keep_arg);
	bytes_put_i64(b, e->keep_fails);
	bytes_put_i64(b, e->nargs);
	for (a = 0; a < e->nargs; a++) {
		bytes_put_i64(b, e->args[a].kind);
		bytes_put_i64(b, e->args[a].var);
		bytes_put_i64(b, e->args[a].borrowed);
		bytes_put_str(b, e->args[a].fn);
		bytes_put_i64(b, e->args[a].fn_reads);
		bytes_put_i64(b, e->args[a].fn_ruled | (int64_t)e->args[a].text << 1);
	}
	bytes_put_i64(b, e->guess_acq != NULL);
	if (e->guess_acq)
		put_guess(b, e->guess_acq->func, e->guess_acq->res, e->guess_acq->via);
	bytes_put_i64(b, e->guess_rel != NULL);
	if (e->guess_rel) {
		put_guess(b, e->guess_rel->func, e->guess_rel->res, NULL);
		bytes_put_i64(b, e->guess_rel->arg);
	}
}

static void put_term(struct bytes_out *b, const struct ir_term *t)
{
	bytes_put_i64(b, t->kind);
	put_loc(b, t->loc);
	bytes_put_i64(b, t->target);
	bytes_put_i64(b, t->var);
	bytes_put_i64(b, t->cmp);
	bytes_put_i64(b, t->value);
	bytes_put_i64(b, t->t);
	bytes_put_i64(b, t->f);
	bytes_put_i64(b, t->note);
	bytes_put_str(b, t->text);
	bytes_put_i64(b, t->has_value);
	bytes_put_i64(b, t->foreign);
	bytes_put_i64(b, t->negated);
	bytes_put_i64(b, t->pair1[0]);
	bytes_put_i64(b, t->pair1[1]);
}

static void put_func(struct bytes_out *b, const struct ir_func *f)
{
	size_t i, k;

	bytes_put_str(b, f->name);
	bytes_put_str(b, f->key);
	bytes_put_str(b, f->unit);
	bytes_put_i64(b, f->nparams);
	put_loc(b, f->loc);
	bytes_put_i64(b, f->entry);
	bytes_put_str(b, f->unsupported);
	bytes_put_i64(b, f->is_main | (int64_t)f->header << 1);
	bytes_put_i64(b, f->va_arg_used);
	bytes_put_i64(b, (int64_t)f->refc_inc);
	bytes_put_i64(b, (int64_t)f->refc_dec);
	bytes_put_i64(b, (int64_t)f->ngwrites);
	for (i = 0; i < f->ngwrites; i++)
		bytes_put_str(b, f->gwrites[i]);
	bytes_put_i64(b, (int64_t)f->nva_callees);
	for (i = 0; i < f->nva_callees; i++)
		bytes_put_str(b, f->va_callees[i]);
	bytes_put_i64(b, (int64_t)f->nvars);
	for (i = 0; i < f->nvars; i++) {
		bytes_put_str(b, f->vars[i].name);
		bytes_put_i64(b, f->vars[i].flags);
		bytes_put_i64(b, f->vars[i].parent);
		bytes_put_str(b, f->vars[i].cleanup);
	}
	bytes_put_i64(b, (int64_t)f->nsites);
	for (i = 0; i < f->nsites; i++) {
		const struct ir_site *s = &f->sites[i];

		bytes_put_str(b, s->acq ? s->acq->func : NULL);
		bytes_put_i64(b, s->acq ? s->acq->index : 0);
		put_loc(b, s->loc);
		bytes_put_i64(b, s->dst);
		bytes_put_i64(b, s->ndst);
		bytes_put_i64(b, s->status);
		bytes_put_i64(b, s->from);
		bytes_put_i64(b, s->led_by);
		bytes_put_i64(b, s->error_var1);
		bytes_put_i64(b, s->discarded);
	}
	bytes_put_i64(b, (int64_t)f->nblocks);
	for (i = 0; i < f->nblocks; i++) {
		bytes_put_i64(b, (int64_t)f->blocks[i].nev);
		for (k = 0; k < f->blocks[i].nev; k++)
			put_event(b, &f->blocks[i].ev[k]);
		put_term(b, &f->blocks[i].term);
		bytes_put_str(b, f->blocks[i].label);
	}
	bytes_put_i64(b, (int64_t)f->ncopies);
	for (i = 0; i < f->ncopies; i++) {
		bytes_put_i64(b, f->copies[i].block);
		bytes_put_i64(b, f->copies[i].dst);
		bytes_put_str(b, f->copies[i].member);
		bytes_put_i64(b, f->copies[i].src);
	}
}

void cache_put_func(struct bytes_out *b, const struct ir_func *f)
{
	put_func(b, f);
}

/* ---- reading ---- */

struct rbuf {
	struct bytes_in in;         /* in.bad: why the entry is unusable, or NULL */
	struct ir_func *f;          /* strings go into its arena, */
	struct bytes_pool *pool;    /* ... or into this pool, with the made-up
				       resources of guesses (cache_get_func()) */
	const struct rules *rules;  /* to resolve rule references; may be NULL */
	struct strmap guessed;      /* resource id -> made-up resource, per function */
};

static void fail(struct rbuf *r, const char *why)
{
	bytes_fail(&r->in, why);
}

static int64_t get_range(struct rbuf *r, int64_t lo, int64_t hi)
{
	return bytes_get_range(&r->in, lo, hi);
}

static int get_int(struct rbuf *r)
{
	return bytes_get_int(&r->in);
}

static bool get_bool(struct rbuf *r)
{
	return bytes_get_bool(&r->in);
}

/* A variable index: -1 (none) allowed or not. */
static int get_var(struct rbuf *r, bool none_ok)
{
	return (int)get_range(r, none_ok ? -1 : 0, (int64_t)r->f->nvars - 1);
}

static size_t get_count(struct rbuf *r)
{
	return bytes_get_count(&r->in);
}

static const char *get_str(struct rbuf *r, struct arena *a)
{
	return r->pool ? bytes_get_pooled(&r->in, r->pool) : bytes_get_str(&r->in, a);
}

static const char *get_name(struct rbuf *r, struct arena *a)
{
	const char *s = get_str(r, a);

	if (!s)
		bytes_fail(&r->in, BYTES_CUT);
	return s;
}

/* Where what outlives the function goes: its arena, or the pool. */
static struct arena *keep_arena(struct rbuf *r)
{
	return r->pool ? &r->pool->arena : &r->f->arena;
}

static struct ir_loc get_loc(struct rbuf *r)
{
	struct ir_loc l;

	l.file = get_str(r, &r->f->arena);
	l.line = (unsigned)get_range(r, 0, UINT_MAX);
	l.col = (unsigned)get_range(r, 0, UINT_MAX);
	return l;
}

/* Reads what put_guess() wrote of a resource; one object per id and function. */
static struct rule_resource *guessed(struct rbuf *r)
{
	struct arena *a = keep_arena(r);
	const char *id = get_name(r, a), *acquired = get_str(r, a), *released = get_str(r, a);
	const char *held = get_str(r, a);
	bool is_guess = get_bool(r);
	const char *releaser = get_str(r, a);
	struct rule_resource *res;

	if (r->in.bad)
		return NULL;
	res = strmap_get(&r->guessed, id);
	if (!res) {
		res = arena_alloc(a, sizeof(*res));
		res->id = id;
		res->acquired = acquired ? acquired : "acquired";
		res->released = released ? released : "released";
		res->held = held ? held : "held";
		res->guessed = is_guess;
		res->releaser = releaser;
		strmap_put(&r->guessed, id, res);
	}
	return res;
}

static const struct rule_fn *lookup(const struct rbuf *r, const char *name)
{
	return name && r->rules ? rules_lookup(r->rules, name) : NULL;
}

static void get_vars(struct rbuf *r)
{
	struct ir_func *f = r->f;
	size_t i, n = get_count(r);

	for (i = 0; i < n && !r->in.bad; i++) {
		int v = ir_var_add(f, "", 0, -1), p, depth = 0;

		f->vars[v].name = get_name(r, &f->arena);
		f->vars[v].flags = (unsigned)get_range(r, 0, 0x7ff);   /* enum ir_var_flags */
		/* a parent comes first (it exists when its slots are made), so there are no cycles */
		f->vars[v].parent = (int)get_range(r, -1, v - 1);
		f->vars[v].cleanup = get_str(r, &f->arena);
		for (p = f->vars[v].parent; p >= 0 && !r->in.bad; p = f->vars[p].parent)
			if (++depth > MAX_PARENT_DEPTH)
				fail(r, "its variables nest too deeply");
		if ((f->vars[v].flags & VAR_CLEANUP) && !f->vars[v].cleanup)
			fail(r, "a variable has a cleanup attribute without its function");
	}
	if ((size_t)f->nparams > f->nvars)
		fail(r, BYTES_RANGE);
}

/* The site's rule: the k-th acquire entry of the function named; NULL for a placeholder. */
static const struct rule_acquire *get_acquire(struct rbuf *r)
{
	const char *func = get_str(r, &r->f->arena);
	int64_t k = get_range(r, 0, INT_MAX);
	const struct rule_fn *fn = lookup(r, func);
	const struct rule_acquire *acq = fn ? fn->acquire : NULL;

	while (acq && acq->index < k)
		acq = acq->next;
	if (func && (!acq || acq->index != k))
		fail(r, "it names a rule that no longer exists");
	return func ? acq : NULL;
}

static void get_sites(struct rbuf *r)
{
	struct ir_func *f = r->f;
	size_t i, n = get_count(r);

	for (i = 0; i < n && !r->in.bad; i++) {
		struct ir_site s = { 0 };
		int64_t want;

		s.acq = get_acquire(r);
		s.loc = get_loc(r);
		s.dst = get_var(r, true);
		s.ndst = get_int(r);
		s.status = get_var(r, true);
		s.from = get_var(r, true);
		s.led_by = (int)get_range(r, 0, (int64_t)i);   /* 1 + an earlier site */
		s.error_var1 = (int)get_range(r, 0, (int64_t)f->nvars);
		s.discarded = get_bool(r);
		/* an acquisition acquires what its rule says; a placeholder for
		   an EV_CALL nothing until the analysis fills it in */
		want = !s.acq ? 0 : s.acq->shape == SHAPE_OUT_ARRAY ? s.acq->count : 1;
		if (s.ndst != want || (s.acq && s.ndst < 1) ||
		    (s.dst >= 0 && (int64_t)s.dst + s.ndst > (int64_t)f->nvars) ||
		    (s.led_by && (!s.acq || !f->sites[s.led_by - 1].acq)))
			fail(r, "an acquisition site does not fit its rule or its variables");
		ir_site_add(f, &s);
	}
}

/* A made-up acquire entry (EV_CALL.guess_acq). */
static const struct rule_acquire *get_guess_acq(struct rbuf *r)
{
	struct arena *a = keep_arena(r);
	struct rule_acquire *acq = arena_alloc(a, sizeof(*acq));

	acq->func = get_name(r, a);
	acq->res = guessed(r);
	acq->via = get_str(r, a);
	acq->shape = SHAPE_RETURN;
	acq->fails = FAIL_NULL;
	return acq;
}

/* A made-up release entry (EV_CALL.guess_rel). */
static const struct rule_release *get_guess_rel(struct rbuf *r)
{
	struct arena *a = keep_arena(r);
	struct rule_release *rel = arena_alloc(a, sizeof(*rel));

	rel->func = get_name(r, a);
	rel->res = guessed(r);
	get_str(r, a);
	rel->arg = get_int(r);
	return rel;
}

/* Whether variable index v is in range; none_ok: -1 too. */
static bool var_ok(const struct ir_func *f, int v, bool none_ok)
{
	return v == -1 ? none_ok : v >= 0 && (size_t)v < f->nvars;
}

/* Whether the fields the analysis reads for e's kind are in range (ir.h). */
static bool event_ok(const struct ir_func *f, const struct ir_event *e)
{
	int a;

	for (a = 0; a < e->nargs; a++)
		if (!var_ok(f, e->args[a].var, e->args[a].kind == ARG_NONE ||
			    e->args[a].kind == ARG_FUNC))
			return false;
	switch (e->kind) {
	case EV_ACQUIRE:
		return var_ok(f, e->var, true) && e->site >= 0 && (size_t)e->site < f->nsites &&
		       f->sites[e->site].acq;
	case EV_CALL:
		return var_ok(f, e->var, false) && e->callee && e->key && e->site >= 0 &&
		       (size_t)e->site < f->nsites && !f->sites[e->site].acq &&
		       e->keep_arg >= 0 && e->keep_arg <= e->nargs &&
		       (!e->keep_arg || (e->var >= 0 && e->args[e->keep_arg - 1].kind == ARG_VAR));
	case EV_RELEASE:
		return var_ok(f, e->var, false) && e->callee;
	case EV_STATUS:
		return var_ok(f, e->var, false) && var_ok(f, e->src, false) && e->callee;
	case EV_ASSIGN:
		return var_ok(f, e->var, false) && var_ok(f, e->src, false);
	case EV_ESCAPE:
		return var_ok(f, e->var, false) && e->out_param >= 0 && e->out_param <= f->nparams &&
		       e->src >= -1 && e->src < f->nparams && (e->src < 0 || e->value >= 1);
	case EV_ARITH:
		return var_ok(f, e->var, false) && e->src >= 0 && e->src <= 2;
	case EV_FORGET:
		return var_ok(f, e->var, true);
	case EV_SETCONST:
	case EV_CLOBBER:
	case EV_SCOPE_END:
	case EV_NONNULL:
		return var_ok(f, e->var, false);
	}
	return false;
}

static void get_event(struct rbuf *r, struct ir_event *e)
{
	struct arena *a = &r->f->arena;
	bool has_rel;
	size_t n;
	int j, k;

	e->kind = (enum ir_ev_kind)get_range(r, EV_ACQUIRE, EV_NONNULL);
	e->loc = get_loc(r);
	e->var = get_int(r);
	e->src = get_int(r);
	e->value = bytes_get_i64(&r->in);
	e->site = get_int(r);
	has_rel = get_bool(r);
	e->rel_mask = (unsigned)get_range(r, 0, UINT_MAX);
	e->soft = get_bool(r);
	e->callee = get_str(r, a);
	e->exit = (enum ir_exit)get_range(r, EXIT_RETURN, EXIT_GOTO);
	e->label = get_str(r, a);
	e->out_param = get_int(r);
	e->lib = get_bool(r);
	e->key = get_str(r, a);
	e->keep_arg = get_int(r);
	e->keep_fails = (enum rule_fail)get_range(r, FAIL_NULL, FAIL_RANGE);
	n = get_count(r);
	if (n > INT_MAX)
		fail(r, BYTES_RANGE);
	e->nargs = r->in.bad ? 0 : (int)n;
	e->args = arena_alloc(a, (size_t)(e->nargs + 1) * sizeof(*e->args));
	for (j = 0; j < e->nargs && !r->in.bad; j++) {
		e->args[j].kind = (enum ir_arg_kind)get_range(r, ARG_NONE, ARG_FUNC);
		e->args[j].var = get_int(r);
		e->args[j].borrowed = get_bool(r);
		e->args[j].fn = get_str(r, a);
		e->args[j].fn_reads = (uint32_t)get_range(r, 0, UINT32_MAX);
		k = (int)get_range(r, 0, 3);
		e->args[j].fn_ruled = k & 1;
		e->args[j].text = (k & 2) != 0;
		if (e->args[j].kind == ARG_FUNC && !e->args[j].fn)
			fail(r, "a function argument has no name");
	}
	if (has_rel) {
		const struct rule_fn *fn = lookup(r, e->callee);

		if (!(e->rel = fn ? fn->release : NULL))
			fail(r, "it names a rule that no longer exists");
	}
	if (get_bool(r))
		e->guess_acq = get_guess_acq(r);
	if (get_bool(r))
		e->guess_rel = get_guess_rel(r);
	if (!r->in.bad && !event_ok(r->f, e))
		fail(r, "an event's variable, site or name is out of range");
}

static void get_term(struct rbuf *r, struct ir_term *t, size_t nblocks)
{
	int64_t last = (int64_t)nblocks - 1;

	t->kind = (enum ir_term_kind)get_range(r, T_NONE, T_DEAD);
	t->loc = get_loc(r);
	t->target = (int)get_range(r, t->kind == T_GOTO ? 0 : INT_MIN, t->kind == T_GOTO ? last : INT_MAX);
	t->var = get_var(r, true);
	t->cmp = (enum ir_cmp)get_range(r, CMP_EQ, CMP_GE);
	t->value = bytes_get_i64(&r->in);
	t->t = (int)get_range(r, t->kind == T_BRANCH ? 0 : INT_MIN, t->kind == T_BRANCH ? last : INT_MAX);
	t->f = (int)get_range(r, t->kind == T_BRANCH ? 0 : INT_MIN, t->kind == T_BRANCH ? last : INT_MAX);
	t->note = (enum ir_branch_note)get_range(r, BN_COND, BN_NONE);
	t->text = get_str(r, &r->f->arena);
	t->has_value = get_bool(r);
	t->foreign = get_bool(r);
	t->negated = get_bool(r);
	t->pair1[0] = (int)get_range(r, 0, (int64_t)r->f->nvars);
	t->pair1[1] = (int)get_range(r, 0, (int64_t)r->f->nvars);
}

static struct ir_func *get_func(struct rbuf *r)
{
	struct ir_func *f = ir_func_new("");
	struct arena *a = &f->arena;
	size_t i, k, n;

	r->f = f;
	strmap_init(&r->guessed);
	f->name = get_name(r, a);
	f->key = get_name(r, a);
	f->unit = get_str(r, a);
	f->nparams = (int)get_range(r, 0, INT_MAX);
	f->loc = get_loc(r);
	f->entry = (int)get_range(r, -1, INT_MAX);
	f->unsupported = get_str(r, a);
	k = (size_t)get_range(r, 0, 3);
	f->is_main = k & 1;
	f->header = (k & 2) != 0;
	f->va_arg_used = get_bool(r);
	f->refc_inc = (uint64_t)bytes_get_i64(&r->in);
	f->refc_dec = (uint64_t)bytes_get_i64(&r->in);
	n = get_count(r);
	f->gwrites = arena_alloc(a, (n + 1) * sizeof(*f->gwrites));
	for (i = 0; i < n && !r->in.bad; i++)
		f->gwrites[f->ngwrites++] = get_name(r, a);
	n = get_count(r);
	f->va_callees = arena_alloc(a, (n + 1) * sizeof(*f->va_callees));
	for (i = 0; i < n && !r->in.bad; i++)
		f->va_callees[f->nva_callees++] = get_name(r, a);
	get_vars(r);
	get_sites(r);
	n = get_count(r);
	for (i = 0; i < n && !r->in.bad; i++) {
		int b = ir_block_add(f);
		size_t nev = get_count(r);

		for (k = 0; k < nev && !r->in.bad; k++) {
			struct ir_event e = { 0 };

			get_event(r, &e);
			ir_event_add(f, b, &e);
		}
		get_term(r, &f->blocks[b].term, n);
		f->blocks[b].label = get_str(r, &f->arena);
	}
	if (f->entry >= 0 && (size_t)f->entry >= f->nblocks)
		fail(r, BYTES_RANGE);
	n = get_count(r);
	f->copies = arena_alloc(a, (n + 1) * sizeof(*f->copies));
	for (i = 0; i < n && !r->in.bad; i++) {
		struct ir_copy *c = &f->copies[f->ncopies++];

		c->block = (int)get_range(r, 0, f->nblocks ? (int64_t)f->nblocks - 1 : 0);
		c->dst = (int)get_range(r, 0, f->nparams ? f->nparams - 1 : 0);
		c->member = get_name(r, a);
		c->src = (int)get_range(r, -1, f->nparams ? f->nparams - 1 : 0);
	}
	strmap_release(&r->guessed);
	return f;
}

struct ir_func *cache_get_func(const unsigned char *p, size_t len, const struct rules *rules,
			       struct bytes_pool *pool)
{
	struct rbuf r = { .in = { p, p + len, NULL }, .rules = rules, .pool = pool };
	struct ir_func *f = get_func(&r);

	if (!r.in.bad && r.in.p != r.in.end)
		fail(&r, BYTES_CUT);
	if (r.in.bad) {
		ir_func_free(f);
		return NULL;
	}
	return f;
}

void cache_unit_free(struct cache_unit *u)
{
	size_t i;

	if (!u)
		return;
	for (i = 0; i < u->nfns; i++)
		ir_func_free(u->fns[i]);
	free(u->fns);
	free(u);
}
