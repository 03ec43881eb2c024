/*
 * analyse_memory.c - what calls and stores we do not follow forget of the
 * values in memory the walk tests (s->flag, *too_deep, globals): which
 * parameters the function hands out, which globals a callee may write
 * (its summary), and the cells *param a summary reports.
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/*
 * Whether a store or call we do not follow forgets memory variable v: not
 * a pure result hanging from a local, nor a value reached through a
 * parameter that the function never hands out (*too_deep, opt->verbose:
 * only a pointer derived from that parameter could write there).
 */
bool an_forgotten(const struct an *A, int v)
{
	int root = A->f->vars[v].parent;

	if (root < 0)
		return true;
	if (root < A->f->nparams && !A->exposed[root])
		return false;
	return !(A->f->vars[v].flags & VAR_PURE);
}

/* Marks the parameters that are handed out: passed, copied, stored, returned. */
void an_exposed_params(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i;
	int a;

	A->exposed = xcalloc((size_t)f->nparams + 1, sizeof(bool));
	for (b = 0; b < f->nblocks; b++) {
		const struct ir_block *blk = &f->blocks[b];

		for (i = 0; i < blk->nev; i++) {
			const struct ir_event *e = &blk->ev[i];

			if (e->kind == EV_CALL)
				for (a = 0; a < e->nargs; a++)
					if (e->args[a].kind != ARG_NONE && e->args[a].var >= 0 &&
					    e->args[a].var < f->nparams)
						A->exposed[e->args[a].var] = true;
			if ((e->kind == EV_ESCAPE || e->kind == EV_RELEASE || e->kind == EV_CLOBBER) &&
			    e->var >= 0 && e->var < f->nparams)
				A->exposed[e->var] = true;
			if (e->kind == EV_ASSIGN && e->src >= 0 && e->src < f->nparams)
				A->exposed[e->src] = true;
			if (e->kind == EV_ACQUIRE && f->sites[e->site].from >= 0 &&
			    f->sites[e->site].from < f->nparams)
				A->exposed[f->sites[e->site].from] = true;
		}
		if (blk->term.kind == T_RETURN && blk->term.var >= 0 && blk->term.var < f->nparams)
			A->exposed[blk->term.var] = true;
	}
}

void an_callee_of(const struct an *A, const struct ir_event *ev, struct an_callee *c)
{
	const struct summaries *S = A->opts->summaries;

	c->S = S ? summaries_find(S, ev->key, A->f->unit) : NULL;
	c->writes_none = !c->S && ev->lib && !(S && summaries_has_body(S, ev->key, A->f->unit));
}

/*
 * Whether the call ev (an EV_CALL, callee c) may change memory variable v:
 * one hanging from a variable it is given, or a global it may write (by
 * its summary: its own writes and its callees'; a C library function
 * without a body writes none of the program's; any other unknown callee,
 * any).
 */
bool an_call_forgets(const struct an *A, const struct ir_event *ev, const struct an_callee *c,
		     int v)
{
	int root = A->f->vars[v].parent, a;

	if (root >= 0) {
		for (a = 0; a < ev->nargs; a++)
			if (ev->args[a].kind != ARG_NONE && ev->args[a].var == root)
				return true;
		return false;
	}
	if (!A->groot[v])
		return true;
	if (c->S)
		return summary_writes_global(c->S, A->groot[v]);
	return !c->writes_none;
}

/* For each memory variable hanging from a global (`config.verbose`), the global's name. */
void an_global_roots(struct an *A)
{
	size_t k;

	A->groot = xcalloc(A->f->nvars + 1, sizeof(*A->groot));
	for (k = 0; k < A->nmem; k++) {
		int v = A->mem[k];
		const char *name = A->f->vars[v].name;
		size_t n = 0;

		if (A->f->vars[v].parent >= 0 || !name)
			continue;
		while (*name == '*' || *name == '(')
			name++;
		while ((name[n] >= 'a' && name[n] <= 'z') || (name[n] >= 'A' && name[n] <= 'Z') ||
		       (name[n] >= '0' && name[n] <= '9') || name[n] == '_')
			n++;
		if (n) {
			A->groot[v] = xmalloc(n + 1);
			memcpy(A->groot[v], name, n);
			A->groot[v][n] = '\0';
		}
	}
}

/* For *p with p parameter N (0-based), N; else -1. */
int an_param_cell(const struct an *A, int v)
{
	const struct ir_var *x = &A->f->vars[v];

	if (!(x->flags & VAR_MEMORY) || x->parent < 0 || x->parent >= A->f->nparams ||
	    !x->name || x->name[0] != '*' || !A->f->vars[x->parent].name ||
	    strcmp(x->name + 1, A->f->vars[x->parent].name))
		return -1;
	return x->parent;
}
