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
		size_t next;            /* the next of its callees to look at */
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
 * the callees that are visited.  A callee on the stack (a call cycle) is
 * not waited for, so its callers see it as unknown.
 */
static size_t next_callee(struct walk *w, struct frame *fr)
{
	const struct body *caller = &w->src->bodies[fr->fn];

	for (; fr->next < caller->ncallees; fr->next++) {
		intptr_t j = callee_index(w, caller, caller->callees[fr->next]);

		if (j > 0 && w->state[j - 1] == 0)
			return (size_t)j;
	}
	return 0;
}

/*
 * Enters the summary s of function f (NULL: unknown), made by a walk or
 * given by the memo.
 */
static void enter(struct walk *w, const struct body *f, struct summary *s)
{
	char local[1024];

	if (!s)
		return;
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

/*
 * Function i, whose callees are done: its summary from the memo, else
 * from a walk of its IR (opened for it, and closed after).
 */
static void summarise(struct walk *w, size_t i)
{
	const struct body *head = &w->src->bodies[i];
	const struct summary_memo *m = w->memo;
	struct summary_builder b;
	struct walk_observer obs;
	struct summary *s = NULL;
	struct ir_func *f;
	bool complete;

	if (m && m->replay(m->arg, head, w->stats, &s)) {
		enter(w, head, s);
		return;
	}
	if (!(f = w->src->open(w->src->arg, i)))
		return;
	obs = summary_observer(&b);
	if (m)
		m->begin(m->arg, w->stats);
	summary_begin(&b, f);
	complete = analyse_function(f, w->opts, w->stats, &obs);
	s = summary_finish(w->S, &b, complete);
	if (s)
		s->keeps_varargs = keeps_varargs(w->S, f);
	if (m)
		m->end(m->arg, head, s, w->stats);
	w->src->close(w->src->arg, i, f);
	enter(w, head, s);
}

static void push_frame(struct walk *w, size_t i)
{
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->stack = xrealloc(w->stack, w->cap * sizeof(*w->stack));
	}
	w->stack[w->depth].fn = i;
	w->stack[w->depth].next = 0;
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
		summarise(w, fr->fn);
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

	for (i = 0; i < n; i++) {
		const char **callees = xcalloc(ir_func_callees(fns[i], NULL) + 1, sizeof(*callees));

		bodies[i] = (struct body){
			.key = fns[i]->key, .unit = fns[i]->unit, .loc = fns[i]->loc,
			.context = fns[i]->context, .callees = callees,
			.ncallees = ir_func_callees(fns[i], callees),
			.va_callees = fns[i]->va_callees, .nva_callees = fns[i]->nva_callees,
		};
	}
	summaries_analyse_source(S, &src, opts, memo, stats);
	for (i = 0; i < n; i++)
		free((void *)bodies[i].callees);
	free(bodies);
}
