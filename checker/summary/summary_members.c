/*
 * summary_members.c - what a function does to the members of the structs
 * its parameters point to: the members it fills with a fresh resource
 * (strbuf_addf(sb, ..) grows sb->buf), those it frees (strbuf_release(sb)
 * frees sb->buf), and whether it touches them in any other way (copies
 * one out, stores something else there, hands one on, writes the whole
 * struct): then a caller lets every member of the struct it gives go.
 *
 * A fill is seen at the exits of the walk (analyse.c: a fresh handle
 * stored into p->name is held there when the function returns); a
 * member filled on some exits only is told by the result (the usual
 * failure kinds or ranges, as an out-parameter's), except in a function
 * returning nothing, whose caller cannot tell either: there a member
 * filled on some path counts as filled (ALLOC_GROW grows it when it is
 * too small).  When the result cannot tell it, the member is "maybe
 * filled" (summary_member.maybe), as is one a callee maybe fills.  An
 * exit where the parameter is NULL fills nothing and tells nothing.  A
 * member both filled and freed is left to the callee (touched): which
 * one holds at the end depends on the path.
 */
#include "summary_int.h"

#include <stdlib.h>
#include <string.h>

/* Pairs (parameter, member) a function frees, at most this many. */
#define MAX_FREES 16

int summary_member_param(const struct ir_func *f, int v)
{
	int p;

	if (v < 0 || !(f->vars[v].flags & VAR_FIELD))
		return -1;
	p = f->vars[v].parent;
	return p >= 0 && p < f->nparams && p < SUMMARY_MAX_PARAMS ? p : -1;
}

/* The member name of VAR_FIELD variable v (p->name). */
static const char *member_name(const struct ir_func *f, int v)
{
	const char *m = strstr(f->vars[v].name, "->");

	return m ? m + 2 : "";
}

void summary_note_fills(struct summary_builder *b, const struct exit_obs *o)
{
	uint32_t mask = 0;
	int i, k;

	if (o->ret != RET_NONE)
		b->fill_valued = true;
	b->fills_over |= o->fill_over;
	for (i = 0; i < o->nfill; i++) {
		for (k = 0; k < b->nfills; k++)
			if (b->fills[k].param == o->fill_param[i] &&
			    !strcmp(b->fills[k].name, o->fill_name[i]))
				break;
		if (k == b->nfills) {
			if (k == SUMMARY_MAX_FILLS) {
				b->fills_over = true;
				continue;
			}
			b->fills[k].param = o->fill_param[i];
			b->fills[k].name = o->fill_name[i];
			b->fills[k].acq = o->fill_acq[i];
			b->fills[k].loc = o->fill_loc[i];
			b->fills[k].bad = false;
			b->fills[k].maybe = false;
			b->fills[k].regrow = b->fills[k].grows = true;
			b->nfills++;
		} else if (!rules_same_resource(b->fills[k].acq->res, o->fill_acq[i]->res)) {
			b->fills[k].bad = true;
		}
		if (!(o->fill_regrow & (1u << i)))
			b->fills[k].regrow = false;
		if (!(o->fill_grows & (1u << i)))
			b->fills[k].grows = false;
		if (o->fill_maybe & (1u << i))
			b->fills[k].maybe = true;
		mask |= 1u << k;
	}
	if (b->nfexit == SUMMARY_MAX_FEXITS) {
		b->fills_over = true;
		return;
	}
	memset(&b->fexit_res[b->nfexit], 0, sizeof(b->fexit_res[0]));
	summary_note_result(&b->fexit_res[b->nfexit], o);
	b->fexit_void[b->nfexit] = o->void_params;
	b->fexit_mask[b->nfexit++] = mask;
}

struct pm_list {
	struct summary_member m[MAX_FREES + SUMMARY_MAX_FILLS];
	int n;
	uint64_t touched;
};

static struct summary_member *pm_find(struct pm_list *l, int param, const char *name)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->m[i].param == param && !strcmp(l->m[i].name, name))
			return &l->m[i];
	return NULL;
}

/*
 * f frees (or, reset, overwrites) member name of parameter p (0-based);
 * name "*" is every member, reset to no resource (memset(p, 0, ..)).
 */
static void add_free(struct pm_list *l, int p, const char *name, bool reset)
{
	struct summary_member *m = pm_find(l, p, name);

	if (!strcmp(name, "*") && !reset)
		l->touched |= 1ULL << p;
	else if (!m && l->n == MAX_FREES)
		l->touched |= 1ULL << p;        /* no room: let them all go */
	else if (!m)
		l->m[l->n++] = (struct summary_member){ .param = p, .name = name,
							.frees = !reset, .resets = reset };
	else if (reset)
		m->resets = true;
	else
		m->frees = true;
}

/* The members f frees, itself or through its callees. */
static void find_frees(const struct summaries *S, const struct ir_func *f, struct pm_list *l)
{
	size_t b, i;
	int a, p, k;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *c;

			if (e->kind == EV_RELEASE && (p = summary_member_param(f, e->var)) >= 0)
				add_free(l, p, member_name(f, e->var), false);
			if ((e->kind == EV_SETCONST || e->kind == EV_CLOBBER) &&
			    (p = summary_member_param(f, e->var)) >= 0)
				add_free(l, p, member_name(f, e->var),
					 e->kind == EV_SETCONST || strcmp(member_name(f, e->var), "*"));
			if (e->kind != EV_CALL || !(c = summaries_find(S, e->key, f->unit)))
				continue;
			for (a = 0; a < e->nargs && a < SUMMARY_MAX_PARAMS; a++) {
				const struct ir_arg *g = &e->args[a];

				if (g->kind != ARG_VAR || g->var < 0)
					continue;
				if ((p = summary_member_param(f, g->var)) >= 0 &&
				    ((c->releases | c->releases_some) & (1ULL << a)))
					add_free(l, p, member_name(f, g->var), false); /* free(p->buf) */
				if (g->var < f->nparams && g->var < SUMMARY_MAX_PARAMS &&
				    !(c->members_touched & (1ULL << a)))
					for (k = 0; k < c->npmem; k++)
						if (c->pmem[k].param == a &&
						    (c->pmem[k].frees || c->pmem[k].resets))
							add_free(l, g->var, c->pmem[k].name,
								 !c->pmem[k].frees);
			}
		}
}

/*
 * Whether b->fills[k] is a fill some exits of an initialiser make: f
 * returns nothing, resets every member of that parameter (l) and fills
 * it on some paths only, not by growing it (strbuf_init(sb, hint) grows
 * sb->buf `if (hint)`, and hint is mostly 0).  The summary says nothing
 * of it: the caller follows the member from its next fill (a miss when
 * the argument makes it fill, never a false leak).
 */
static bool init_maybe_fills(const struct summary_builder *b, struct pm_list *l, int k)
{
	const struct summary_member *all = pm_find(l, b->fills[k].param, "*");
	int e;

	if (b->fill_valued || b->fills[k].regrow || !all || !all->resets)
		return false;
	for (e = 0; e < b->nfexit; e++)
		if (!(b->fexit_mask[e] & (1u << k)))
			return true;
	return false;
}

/*
 * The fill of b->fills[k] as s's caller sees it; *maybe set when it
 * happens on some exits only and the result cannot tell which: the
 * caller holds it as "maybe filled", unless the result is none of those
 * of the exits that fill (FAIL_RANGE with ranges that overlap).
 */
static const struct rule_acquire *fill_of(struct summaries *S, const struct summary *s,
					  const struct summary_builder *b, int k, bool *maybe)
{
	const struct rule_acquire *under = b->fills[k].acq;
	struct rule_acquire *m = arena_alloc(&S->arena, sizeof(*m));
	struct vset ok = { 0 }, bad = { 0 };
	int e;

	for (e = 0; e < b->nfexit; e++)
		if (!(b->fexit_void[e] & (1ULL << b->fills[k].param)))  /* no struct: no fill */
			summary_vset_union(b->fexit_mask[e] & (1u << k) ? &ok : &bad,
					   &b->fexit_res[e]);
	*m = *under;
	m->transfer = m->reopen = m->count = m->index = 0;
	m->next = NULL;
	m->when = NULL;
	m->status_call = NULL;
	m->shape = SHAPE_OUT;
	m->arg = b->fills[k].param + 1;
	m->fails = FAIL_NEVER;
	m->func = s->name;
	m->via = under->via ? under->via : under->func;
	m->file = under->via ? under->file : b->fills[k].loc.file;
	m->line = under->via ? under->line : b->fills[k].loc.line;
	if (!bad.n || !b->fill_valued || b->fills[k].regrow)
		return m;               /* on every exit, nobody can tell, or it grows */
	if (s->ret.res || !summary_sets_fail(&ok, &bad, m)) {
		/* maybe: a result outside those of the exits that fill says
		   it did not (ranges that overlap: reftable_backend_read_ref()
		   fills only when it returns 0, and not always then) */
		*maybe = true;
		m->fails = FAIL_NEVER;
		if (!s->ret.res && ok.n && bad.n &&
		    (ok.lo[0] > INT64_MIN || ok.hi[ok.n - 1] < INT64_MAX)) {
			m->fails = FAIL_RANGE;
			m->ok_value = ok.lo[0];
			m->ok_hi = ok.hi[ok.n - 1];
			m->fail_lo = bad.lo[0];
			m->fail_hi = bad.hi[bad.n - 1];
		}
	}
	return m;
}

/* Whether event e, on member v of parameter p, is one the list l explains. */
static bool explained(const struct ir_func *f, struct pm_list *l, const struct ir_event *e, int p)
{
	const struct summary_member *m = pm_find(l, p, member_name(f, e->var));

	if (!m)
		return false;
	switch (e->kind) {
	case EV_RELEASE:
		return m->frees;
	case EV_SETCONST:               /* sb->buf = NULL before it grows, after a free */
	case EV_CLOBBER:
		return m->fill || m->frees || m->resets;
	case EV_ASSIGN:                 /* p->name = s, s fresh */
	case EV_ACQUIRE:                /* p->name = malloc(n) */
	case EV_CALL:                   /* p->name = xmalloc(n), its summary's */
		return m->fill != NULL;
	default:
		return false;
	}
}

/* Whether c takes over its argument a and returns it, grown (a realloc wrapper). */
static bool takes_over(const struct summary *c, int a)
{
	return c && c->ret.res && c->ret.shape == SHAPE_RETURN && c->ret.transfer == a + 1;
}

/*
 * Whether giving member m to argument a of c is part of filling it: c takes
 * over that argument and m is filled (p->buf = xrealloc(p->buf, n)).
 */
static bool regrown(const struct summary *c, int a, const struct summary_member *m)
{
	return m && m->fill && takes_over(c, a);
}

/* The argument (0-based) of call e that its callee takes over and returns into v
 * (v = xrealloc(v, n)), or -1. */
static int regrows(const struct summaries *S, const struct ir_func *f,
		   const struct ir_event *e, int v)
{
	const struct summary *c;
	int a;

	if (e->kind != EV_CALL || e->var != v || !(c = summaries_find(S, e->key, f->unit)))
		return -1;
	for (a = 0; a < e->nargs; a++)
		if (e->args[a].kind == ARG_VAR && e->args[a].var == v && takes_over(c, a))
			return a;
	return -1;
}

/*
 * Whether variable v is only read through (v->x, borrowed) in f, but at
 * event self; with member m >= 0, v may also be regrown (v = xrealloc(v,
 * n)) and stored back into m (m = v): a working copy of m.
 */
static bool only_read_through(const struct summaries *S, const struct ir_func *f, int v,
			      int m, const struct ir_event *self)
{
	size_t b, i;
	int a, grow;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];

			grow = m >= 0 ? regrows(S, f, e, v) : -1;
			if (e == self || (m >= 0 && e->kind == EV_ASSIGN && e->var == m &&
					  e->src == v && !e->soft))
				continue;
			if (e->src == v || (e->var == v && e->kind != EV_NONNULL &&
					    e->kind != EV_SCOPE_END && e->kind != EV_FORGET &&
					    grow < 0 && !(m >= 0 && e->kind == EV_ESCAPE && e->soft)))
				return false;
			for (a = 0; e->kind == EV_CALL && a < e->nargs; a++)
				if (e->args[a].var == v && e->args[a].kind != ARG_INNER &&
				    !(e->args[a].kind == ARG_VAR && e->args[a].borrowed) &&
				    a != grow)
					return false;
		}
	return true;
}

/* Whether v is a plain local (not a member, slot or parameter). */
static bool plain_local(const struct ir_func *f, int v)
{
	return v >= 0 && !(f->vars[v].flags & (VAR_FIELD | VAR_PSEUDO | VAR_PARAM));
}

/*
 * Whether assignment e copies into a local what the event before it, prev,
 * just made member e->src hold (`regs = p->priv = xmalloc(n)`), the local
 * then only read through (`regs->nr = n`): the member is not copied out.
 */
static bool chained(const struct summaries *S, const struct ir_func *f,
		    const struct ir_event *prev, const struct ir_event *e)
{
	return e->kind == EV_ASSIGN && prev->var == e->src && plain_local(f, e->var) &&
	       (prev->kind == EV_ACQUIRE || prev->kind == EV_CALL) &&
	       only_read_through(S, f, e->var, -1, e);
}

/*
 * Whether assignment e copies filled member e->src into a local that is
 * its working copy (`v = p->items; if (full) { v = xrealloc(v, n);
 * p->items = v; } v[nr] = x;`): the member is regrown, not copied out.
 */
static bool working_copy(const struct summaries *S, const struct ir_func *f,
			 struct pm_list *l, const struct ir_event *e, int p)
{
	const struct summary_member *m = pm_find(l, p, member_name(f, e->src));

	return e->kind == EV_ASSIGN && m && m->fill && plain_local(f, e->var) &&
	       only_read_through(S, f, e->var, e->src, e);
}

/*
 * The parameters whose members f may free, take, overwrite or copy out,
 * itself or through a callee, other than as l says (reading one, testing
 * it or giving it to a C library function does not count).
 */
static uint64_t touched(const struct summaries *S, const struct ir_func *f, struct pm_list *l)
{
	uint64_t m = l->touched;
	size_t b, i;
	int a, p;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *c;

			if (e->kind != EV_NONNULL && e->kind != EV_FORGET &&
			    e->kind != EV_SCOPE_END && (p = summary_member_param(f, e->var)) >= 0 &&
			    !explained(f, l, e, p))
				m |= 1ULL << p;         /* freed, stored, overwritten */
			if ((e->kind == EV_ASSIGN || e->kind == EV_STATUS) &&
			    (p = summary_member_param(f, e->src)) >= 0 &&
			    !(i > 0 && chained(S, f, &f->blocks[b].ev[i - 1], e)) &&
			    !working_copy(S, f, l, e, p))
				m |= 1ULL << p;         /* copied out */
			if (e->kind != EV_CALL)
				continue;
			c = summaries_find(S, e->key, f->unit);
			for (a = 0; a < e->nargs; a++) {
				const struct ir_arg *g = &e->args[a];

				if (g->kind == ARG_VAR && !g->borrowed &&
				    (p = summary_member_param(f, g->var)) >= 0 &&
				    !regrown(c, a, pm_find(l, p, member_name(f, g->var))) &&
				    !(c && a < SUMMARY_MAX_PARAMS &&
				      ((c->releases | c->releases_some) & (1ULL << a)) &&
				      !((c->keeps | c->members_touched) & (1ULL << a))))
					m |= 1ULL << p; /* handed on */
				if (g->kind == ARG_ADDR && (p = summary_member_param(f, g->var)) >= 0)
					m |= 1ULL << p; /* getline(&p->line, ..) */
				if ((g->kind == ARG_VAR || g->kind == ARG_INNER) && g->var >= 0 &&
				    g->var < f->nparams && g->var < SUMMARY_MAX_PARAMS && !e->lib &&
				    (!c || a >= SUMMARY_MAX_PARAMS || (c->members_touched & (1ULL << a))))
					m |= 1ULL << g->var;    /* to a callee that may */
			}
		}
	return m;
}

/* Whether every path from f's entry to a return or its end goes through block b. */
static bool on_every_exit(const struct ir_func *f, int b)
{
	bool *seen = xcalloc(f->nblocks + 1, sizeof(bool));
	int *stack = xcalloc(f->nblocks + 1, sizeof(int)), n = 0, succ[2], k, x;
	bool cut = true;

	if (f->entry >= 0 && f->entry != b) {
		seen[f->entry] = true;
		stack[n++] = f->entry;
	}
	while (n > 0 && cut) {
		x = stack[--n];
		if (f->blocks[x].term.kind == T_RETURN || f->blocks[x].term.kind == T_END)
			cut = false;
		for (k = ir_successors(f, (size_t)x, succ) - 1; k >= 0; k--)
			if (succ[k] != b && !seen[succ[k]]) {
				seen[succ[k]] = true;
				stack[n++] = succ[k];
			}
	}
	free(stack);
	free(seen);
	return cut;
}

/*
 * What f's every path that returns writes into member m->name of parameter
 * m->param (summary_member.copies, .counts): the strings of the
 * parameters a C library call copies there (ir_func.copies) and whether an
 * integer member of that parameter is stepped up (src -1), itself or by a
 * callee given the parameter (and those strings) that does.
 */
static void appends(const struct summaries *S, const struct ir_func *f, struct summary_member *m)
{
	size_t b, i;
	int k, j, p = m->param;

	for (i = 0; i < f->ncopies; i++) {
		const struct ir_copy *c = &f->copies[i];

		if (c->dst != p || c->src >= 32 || (c->src >= 0 && strcmp(c->member, m->name)) ||
		    !on_every_exit(f, c->block))
			continue;
		if (c->src < 0)
			m->counts = true;
		else
			m->copies |= 1u << c->src;
	}
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];
			const struct summary *c;

			if (e->kind != EV_CALL || !(c = summaries_find(S, e->key, f->unit)))
				continue;
			for (k = 0; k < c->npmem; k++) {
				const struct summary_member *cm = &c->pmem[k];
				uint32_t got = 0;

				if (!(cm->copies || cm->counts) || cm->param >= e->nargs ||
				    e->args[cm->param].kind != ARG_VAR || e->args[cm->param].var != p ||
				    !on_every_exit(f, (int)b))
					continue;
				m->counts |= cm->counts;
				for (j = 0; j < e->nargs && j < 32 && !strcmp(cm->name, m->name); j++)
					if ((cm->copies & (1u << j)) && e->args[j].kind == ARG_VAR &&
					    e->args[j].var >= 0 && e->args[j].var < f->nparams &&
					    e->args[j].var < 32 && e->args[j].var != p)
						got |= 1u << e->args[j].var;
				m->copies |= got;
			}
		}
}

uint64_t summary_members(struct summaries *S, const struct ir_func *f, struct summary *s,
			 const struct summary_builder *b)
{
	struct pm_list l = { .n = 0 };
	struct summary_member *out;
	uint64_t t;
	int k, i, n = 0;

	find_frees(S, f, &l);
	for (k = 0; k < b->nfills; k++) {
		int p = b->fills[k].param;
		struct summary_member *m = pm_find(&l, p, b->fills[k].name);
		const struct rule_acquire *fill;
		bool maybe = b->fills[k].maybe;

		if (p < 0 || p >= SUMMARY_MAX_PARAMS || (!b->fills_over && init_maybe_fills(b, &l, k)))
			continue;
		if (b->fills_over || b->fills[k].bad || (m && m->frees)) {
			l.touched |= 1ULL << p;         /* filled and freed: left to it */
			continue;
		}
		fill = fill_of(S, s, b, k, &maybe);
		if (m) {
			m->fill = fill;         /* sb->buf = NULL, then it grows */
			m->maybe = maybe;
			m->resets = false;
			m->regrow = b->fills[k].grows;
		} else {
			l.m[l.n++] = (struct summary_member){ .param = p, .name = b->fills[k].name,
							      .fill = fill, .maybe = maybe,
							      .regrow = b->fills[k].grows };
		}
	}
	t = touched(S, f, &l);
	for (i = 0; i < l.n; i++)
		n += !(t & (1ULL << l.m[i].param));
	if (!n)
		return t;
	out = arena_alloc(&S->arena, (size_t)n * sizeof(*out));
	for (i = 0, n = 0; i < l.n; i++)
		if (!(t & (1ULL << l.m[i].param))) {
			out[n] = l.m[i];
			if (out[n].fill)
				appends(S, f, &out[n]);
			out[n++].name = arena_strdup(&S->arena, l.m[i].name);
		}
	s->pmem = out;
	s->npmem = n;
	return t;
}
