/*
 * summary_walk.c - computing the summaries of a whole run, callees first
 * (summaries_analyse_all(), summary.h): a depth-first walk of the call
 * graph over the bodies of the run, each function analysed once its
 * callees are summarised; the result memo (struct summary_memo) skips the walk of a
 * function whose body and callees' summaries are those of an earlier run.
 */
#include "summary.h"
#include "summary_int.h"
#include "analyse/analyse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct walk {
	struct summaries *S;
	const struct summary_memo *memo;    /* or NULL */
	const struct body_source *src;
	struct strmap by_key;       /* key -> index + 1 into src (ambiguous: 0 stored as -1) */
	unsigned char *state;       /* 0 new, 1 on the stack, 2 done */
	const struct analyse_opts *opts;
	struct analyse_stats *stats;
	struct frame {              /* the depth-first stack: a function being visited */
		size_t fn;              /* its index in src */
		struct ir_func *f;      /* its IR (src->open()), or NULL */
		size_t b, e;            /* the next event of its body to look at */
	} *stack;
	size_t depth, cap;
};

/* The function a call with key made from caller calls: as summaries_find() does. */
static intptr_t callee_index(struct walk *w, const struct body *caller, const char *key)
{
	char local[1024];
	intptr_t j;

	if (strchr(key, ':'))
		return (intptr_t)strmap_get(&w->by_key, key);
	snprintf(local, sizeof(local), "%s:%s", caller->unit ? caller->unit : "", key);
	j = (intptr_t)strmap_get(&w->by_key, local);
	if (j <= 0 && w->S->cross_file)
		j = (intptr_t)strmap_get(&w->by_key, key);
	return j;
}

/* Whether f may keep its variadic arguments: it reads them with va_arg, or
 * hands its va_list to a callee that may (or that has no summary). */
static bool keeps_varargs(const struct summaries *S, const struct ir_func *f)
{
	size_t i;

	if (f->va_arg_used)
		return true;
	for (i = 0; i < f->nva_callees; i++) {
		const struct summary *c = strcmp(f->va_callees[i], "?") ?
					  summaries_find(S, f->va_callees[i], f->unit) : NULL;

		if (!c || c->keeps_varargs)
			return true;
	}
	return false;
}

/*
 * The next callee of the function on top of the stack (or function it
 * passes to a callee) that has a body in the run and is not visited yet
 * (index + 1), or 0 when there is none; the frame's cursor moves on past
 * the calls whose callees are all visited.  A callee on the stack (a call cycle) is
 * not waited for, so its callers see it as unknown.
 */
static size_t next_callee(struct walk *w, struct frame *fr)
{
	const struct ir_func *f = fr->f;
	const struct body *caller = &w->src->bodies[fr->fn];

	for (; f && fr->b < f->nblocks; fr->b++, fr->e = 0)
		for (; fr->e < f->blocks[fr->b].nev; fr->e++) {
			const struct ir_event *ev = &f->blocks[fr->b].ev[fr->e];
			intptr_t j;
			int a;

			if (ev->kind != EV_CALL)
				continue;
			j = callee_index(w, caller, ev->key);
			if (j > 0 && w->state[j - 1] == 0)
				return (size_t)j;
			/* a function it passes (a callback) too: the call's
			   summary may lend it an argument */
			for (a = 0; a < ev->nargs; a++) {
				if (ev->args[a].kind != ARG_FUNC)
					continue;
				j = callee_index(w, caller, ev->args[a].fn);
				if (j > 0 && w->state[j - 1] == 0)
					return (size_t)j;
			}
		}
	return 0;
}

/* Analyses function f, whose callees are done, and enters its summary. */
static void summarise(struct walk *w, const struct ir_func *f)
{
	struct summary_builder b;
	struct summary *s;
	bool complete;

	const struct summary_memo *m = w->memo;

	if (!m || !m->replay(m->arg, f, w->stats, &s)) {
		struct walk_observer obs = summary_observer(&b);

		if (m)
			m->begin(m->arg, w->stats);
		summary_begin(&b, f);
		complete = analyse_function(f, w->opts, w->stats, &obs);
		s = summary_finish(w->S, &b, complete);
		if (s)
			s->keeps_varargs = keeps_varargs(w->S, f);
		if (m)
			m->end(m->arg, f, s, w->stats);
	}
	if (s) {
		char local[1024];

		if (w->S->dump)
			summary_dump(s, stdout);
		w->S->computed++;
		if (strchr(f->key, ':')) {
			strmap_put(&w->S->map, f->key, s);
		} else {
			/* external: its own file always sees it; others when unambiguous */
			snprintf(local, sizeof(local), "%s:%s", f->unit ? f->unit : "", f->key);
			strmap_put(&w->S->map, arena_strdup(&w->S->arena, local), s);
			if (strmap_get(&w->by_key, f->key) != (void *)-1)
				strmap_put(&w->S->map, f->key, s);
		}
	}
}

static void push_frame(struct walk *w, size_t i)
{
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->stack = xrealloc(w->stack, w->cap * sizeof(*w->stack));
	}
	w->stack[w->depth].fn = i;
	w->stack[w->depth].f = w->src->open(w->src->arg, i);
	w->stack[w->depth].b = 0;
	w->stack[w->depth].e = 0;
	w->depth++;
	w->state[i] = 1;
}

/*
 * Depth-first from function i, callees before callers, in the order of
 * their calls in the body; each function is summarised once all its
 * callees not on the stack are.  The stack is explicit, so a call chain
 * of any depth fits.
 */
static void visit(struct walk *w, size_t i)
{
	push_frame(w, i);
	while (w->depth) {
		struct frame *fr = &w->stack[w->depth - 1];
		size_t j = next_callee(w, fr);

		if (j) {
			push_frame(w, j - 1);
			continue;
		}
		if (fr->f) {
			summarise(w, fr->f);
			w->src->close(w->src->arg, fr->fn, fr->f);
		}
		w->state[fr->fn] = 2;
		w->depth--;
	}
}

/*
 * Whether a and b, two bodies of one external name, are one definition
 * seen twice: the same place in the same file (libtool compiles every file
 * twice, with and without -fPIC; an inline function in a header is seen by
 * every file including it).  Two programs of one database defining the
 * same name in two files are not.
 */
static bool same_definition(const struct body *a, const struct body *b)
{
	return a->loc.line == b->loc.line && a->loc.col == b->loc.col &&
	       a->loc.file && b->loc.file && !strcmp(a->loc.file, b->loc.file);
}

void summaries_analyse_source(struct summaries *S, const struct body_source *src,
			      const struct analyse_opts *opts, const struct summary_memo *memo,
			      struct analyse_stats *stats)
{
	struct walk w = { S, memo, src, { 0 }, NULL, opts, stats, NULL, 0, 0 };
	size_t i, n = src->n;
	intptr_t j;

	strmap_init(&w.by_key);
	w.state = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		const struct body *f = &src->bodies[i];
		char local[1024];

		strmap_put(&S->bodies, f->key, (void *)1);
		if (strchr(f->key, ':')) {
			strmap_put(&w.by_key, f->key, (void *)(intptr_t)(i + 1));
			continue;
		}
		snprintf(local, sizeof(local), "%s:%s", f->unit ? f->unit : "", f->key);
		strmap_put(&S->bodies, arena_strdup(&S->arena, local), (void *)1);
		strmap_put(&w.by_key, arena_strdup(&S->arena, local), (void *)(intptr_t)(i + 1));
		j = (intptr_t)strmap_get(&w.by_key, f->key);
		if (!j)
			strmap_put(&w.by_key, f->key, (void *)(intptr_t)(i + 1));
		else if (j > 0 && !same_definition(&src->bodies[j - 1], f))
			strmap_put(&w.by_key, f->key, (void *)-1);     /* defined twice */
	}
	for (i = 0; i < n; i++)
		if (w.state[i] == 0)
			visit(&w, i);
	free(w.stack);
	free(w.state);
	strmap_release(&w.by_key);
}

static struct ir_func *array_open(void *fns, size_t i)
{
	return ((struct ir_func **)fns)[i];
}

static void array_close(void *fns, size_t i, struct ir_func *f)
{
	(void)fns, (void)i, (void)f;
}

void summaries_analyse_all(struct summaries *S, const struct ir_func *const *fns, size_t n,
			   const struct analyse_opts *opts, const struct summary_memo *memo,
			   struct analyse_stats *stats)
{
	struct body *bodies = xcalloc(n + 1, sizeof(*bodies));
	struct body_source src = { bodies, n, array_open, array_close, (void *)fns };
	size_t i;

	for (i = 0; i < n; i++)
		bodies[i] = (struct body){ fns[i]->key, fns[i]->unit, fns[i]->loc };
	summaries_analyse_source(S, &src, opts, memo, stats);
	free(bodies);
}
