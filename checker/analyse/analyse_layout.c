/*
 * analyse_layout.c - how a function's state is laid out: which variables
 * and values are followed (the sites: analyse_sites.c; what calls forget:
 * analyse_memory.c), which tested values each block may still read
 * (liveness), and the initial state.  Each pass is a worklist
 * or a single sweep, near-linear in the function's size; a function whose
 * liveness sets would pass half of ANALYSE_MAX_BYTES is marked too large.
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* The shape of the control-flow graph, for the layout's passes. */
struct cfg {
	size_t *order;          /* the blocks in postorder */
	size_t *first;          /* first[b] .. first[b + 1]: b's predecessors in pred */
	size_t *pred;
	bool *cyclic;           /* block -> on a cycle: a path can come back to it */
};

static void liveness(struct an *A, const struct cfg *g);

/* v is followed in the vars part of the state, unless nothing needs it (values_needed). */
static void mark(struct an *A, const bool *need, int v)
{
	if (v >= 0 && need[v] && A->rv[v] < 0)
		A->rv[v] = (int)A->nrv++;
}

/*
 * The function's sites, with the placeholders of EV_CALL events filled
 * in where the callee's summary says it acquires something, and, in
 * summary mode, one site per parameter.
 */
/*
 * doomed[b]: block b goes straight on, without a branch, into a call that
 * never returns: what is dropped on the way does not matter
 * (g_assert_null(g_memdup2(NULL, 1)) drops the result only on its way to
 * the abort).  Paths that merely end in exit() later, after branches and
 * loops (a main() whose option loop overwrites), are not doomed.
 */
static void doomed_blocks(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b;

	A->doomed = xcalloc(f->nblocks + 1, sizeof(bool));
	for (b = 0; b < f->nblocks; b++) {
		size_t x = b, hops = 0;

		while (hops++ < 64 && f->blocks[x].term.kind == T_GOTO)
			x = (size_t)f->blocks[x].term.target;
		A->doomed[b] = f->blocks[x].term.kind == T_DEAD;
	}
}


/*
 * The blocks in postorder of a depth-first walk from the entry (then from
 * each block not reached yet, in index order), so that a backward
 * analysis meets a block's successors before it, except along loops.
 */
static size_t *postorder(const struct ir_func *f)
{
	size_t *order = xmalloc((f->nblocks + 1) * sizeof(*order));
	size_t *stack = xmalloc((f->nblocks + 1) * sizeof(*stack));
	unsigned char *next = xcalloc(f->nblocks + 1, 1);    /* successors tried + 1; 0: unseen */
	size_t n = 0, depth, r;

	for (r = 0; r <= f->nblocks; r++) {
		size_t root = r == 0 ? (size_t)(f->entry >= 0 ? f->entry : 0) : r - 1;

		if (root >= f->nblocks || next[root])
			continue;
		next[root] = 1;
		stack[0] = root;
		depth = 1;
		while (depth) {
			size_t b = stack[depth - 1];
			int succ[2], ns = ir_successors(f, b, succ);

			if (next[b] - 1 < ns) {
				int c = succ[next[b]++ - 1];

				if (!next[c]) {
					next[c] = 1;
					stack[depth++] = (size_t)c;
				}
				continue;
			}
			order[n++] = b;
			depth--;
		}
	}
	free(next);
	free(stack);
	return order;
}

/* Fills g->first and g->pred: each block's predecessors (CSR). */
static void predecessors(const struct ir_func *f, struct cfg *g)
{
	size_t b;

	g->first = xcalloc(f->nblocks + 2, sizeof(*g->first));
	g->pred = xmalloc((2 * f->nblocks + 1) * sizeof(*g->pred));
	for (b = 0; b < f->nblocks; b++) {
		int succ[2], ns = ir_successors(f, b, succ), k;

		for (k = 0; k < ns; k++)
			g->first[succ[k] + 2]++;
	}
	for (b = 0; b < f->nblocks; b++)
		g->first[b + 2] += g->first[b + 1];
	for (b = 0; b < f->nblocks; b++) {
		int succ[2], ns = ir_successors(f, b, succ), k;

		for (k = 0; k < ns; k++)
			g->pred[g->first[succ[k] + 1]++] = b;
	}
}

/*
 * g->cyclic: the blocks on a cycle, those of a strongly connected
 * component of more than one block or with an edge to themselves
 * (Kosaraju: components are found backwards, in reverse postorder).
 */
static void mark_cycles(const struct ir_func *f, struct cfg *g)
{
	size_t *comp = xmalloc((f->nblocks + 1) * sizeof(*comp));  /* component root + 1 */
	size_t *stack = xmalloc((f->nblocks + 1) * sizeof(*stack));
	size_t *size = xcalloc(f->nblocks + 1, sizeof(*size));
	size_t r, b, k, depth;

	g->cyclic = xcalloc(f->nblocks + 1, sizeof(bool));
	memset(comp, 0, (f->nblocks + 1) * sizeof(*comp));
	for (r = f->nblocks; r-- > 0;) {
		size_t root = g->order[r];

		if (comp[root])
			continue;
		comp[root] = root + 1;
		stack[0] = root;
		depth = 1;
		while (depth) {
			b = stack[--depth];
			size[root]++;
			for (k = g->first[b]; k < g->first[b + 1]; k++)
				if (!comp[g->pred[k]]) {
					comp[g->pred[k]] = root + 1;
					stack[depth++] = g->pred[k];
				}
		}
	}
	for (b = 0; b < f->nblocks; b++) {
		int succ[2], ns = ir_successors(f, b, succ), i;

		g->cyclic[b] = size[comp[b] - 1] > 1;
		for (i = 0; i < ns; i++)
			g->cyclic[b] |= (size_t)succ[i] == b;
	}
	free(size);
	free(stack);
	free(comp);
}

static void cfg_build(const struct ir_func *f, struct cfg *g)
{
	g->order = postorder(f);
	predecessors(f, g);
	mark_cycles(f, g);
}

static void cfg_release(struct cfg *g)
{
	free(g->cyclic);
	free(g->pred);
	free(g->first);
	free(g->order);
}

/*
 * A call given &v of a local aggregate that may leave v's counts nonzero
 * (an_count_appended(): given a string literal that prints something,
 * strbuf_addstr(&sb, " ("), or summarised as counting, strbuf_addch()):
 * v's counts that are tested are followed.
 */
static void appended_counts(const struct an *A, const struct ir_event *e,
			    const unsigned char *tests, bool *need)
{
	const struct ir_func *f = A->f;
	const struct summary *S;
	bool may = false;
	size_t k;
	int a;

	if (e->kind != EV_CALL)
		return;
	for (a = 0; a < e->nargs; a++)
		may |= e->args[a].text;
	S = A->opts->summaries ? summaries_find(A->opts->summaries, e->key, A->f->unit) : NULL;
	for (a = 0; S && a < S->npmem; a++)
		may |= S->pmem[a].counts;
	for (a = 0; may && a < e->nargs; a++)
		for (k = 0; e->args[a].kind == ARG_ADDR && k < f->nvars; k++)
			if ((f->vars[k].flags & VAR_COUNT) && f->vars[k].parent == e->args[a].var &&
			    tests[k])
				need[k] = true;
}

/*
 * need[v]: v must be followed in the state (what it holds and, if it is
 * tested, its value).  Not needed for a variable that is only clobbered,
 * forgotten or ended, and tested by at most one branch, off any cycle:
 * it never holds a handle or a status, its value is unknown wherever it
 * is tested and unread afterwards, so following it would only make every
 * state bigger (10,000 `if (v_k == k)` on as many variables) without
 * telling any two paths apart.  Needed again when the test is decided
 * even for an unknown value (`v < INT64_MIN`).
 */

/*
 * Whether the result of call e is a value nothing is known of, like a
 * clobber: the callee acquires nothing there, returns no argument and no
 * known constant (`if (g(i)) y++` ten thousand times).
 */
static bool opaque_result(const struct an *A, const struct ir_event *e)
{
	const struct summary *S;

	if (e->kind != EV_CALL || A->sites[e->site].ndst || e->keep_arg)
		return false;
	S = A->opts->summaries ? summaries_find(A->opts->summaries, e->key, A->f->unit) : NULL;
	return !S || (S->returns_arg <= 0 && !S->keeps_on && !S->ret_known);
}

static bool *values_needed(const struct an *A, const struct cfg *g)
{
	const struct ir_func *f = A->f;
	bool *need = xcalloc(f->nvars + 1, sizeof(bool));
	unsigned char *tests = xcalloc(f->nvars + 1, 1);    /* branches testing v, up to 2 */
	bool *deref = xcalloc(f->nvars + 1, sizeof(bool));   /* dereferenced: not NULL after */
	size_t b, i, s;

	for (s = 0; s < A->nsites; s++) {
		const struct ir_site *site = &A->sites[s];
		int j;

		for (j = 0; site->dst >= 0 && j < (site->ndst > 1 ? site->ndst : 1); j++)
			need[site->dst + j] = true;
		if (site->status >= 0)
			need[site->status] = true;
		if (site->from >= 0)
			need[site->from] = true;
		if (site->error_var1)
			need[site->error_var1 - 1] = true;
	}
	for (b = 0; b < f->nblocks; b++) {
		const struct ir_block *blk = &f->blocks[b];
		const struct ir_term *t = &blk->term;

		for (i = 0; i < blk->nev; i++) {
			const struct ir_event *e = &blk->ev[i];
			int a;

			if (e->kind == EV_NONNULL && e->var >= 0)
				deref[e->var] = true;
			else if (e->kind == EV_ASSIGN && e->soft)
				continue;       /* node->prev = old: below */
			else if (e->var >= 0 && e->kind != EV_CLOBBER && e->kind != EV_FORGET &&
				 e->kind != EV_SCOPE_END && !opaque_result(A, e))
				need[e->var] = true;
			if ((e->kind == EV_ASSIGN || e->kind == EV_STATUS) && e->src >= 0)
				need[e->src] = true;
			for (a = 0; e->kind == EV_CALL && a < e->nargs; a++)
				if (e->args[a].kind != ARG_NONE && e->args[a].var >= 0)
					need[e->args[a].var] = true;
		}
		if (t->kind == T_RETURN && t->var >= 0)
			need[t->var] = true;
		if (t->kind != T_BRANCH || t->var < 0)
			continue;
		if (tests[t->var] < 2)
			tests[t->var]++;
		if (tests[t->var] > 1 || g->cyclic[b] ||
		    ((t->cmp == CMP_LT || t->cmp == CMP_GE) && t->value == INT64_MIN) ||
		    ((t->cmp == CMP_LE || t->cmp == CMP_GT) && t->value == INT64_MAX))
			need[t->var] = true;
	}
	for (i = 0; i < f->nvars; i++)
		need[i] |= deref[i] && tests[i];    /* p->f, then if (p): decided */
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++)
			appended_counts(A, &f->blocks[b].ev[i], tests, need);
	/* a copy into memory (node->prev = old) is followed when it is tested,
	   and then so is what it copies */
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];

			if (e->kind == EV_ASSIGN && e->soft && (need[e->var] || tests[e->var])) {
				need[e->var] = true;
				need[e->src] = true;
			}
		}
	free(deref);
	free(tests);
	return need;
}

/*
 * Adds to set (var -> member) every variable whose value is assigned to a
 * member, directly or through others (a worklist over the assignments by
 * destination: one pass for a chain of any length and order).
 */
void an_assign_closure(const struct ir_func *f, bool *set)
{
	size_t *first = xcalloc(f->nvars + 2, sizeof(*first));     /* CSR by destination */
	int *src, *work = xmalloc((f->nvars + 1) * sizeof(*work));
	size_t b, i, n = 0, nwork = 0;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++)
			if (f->blocks[b].ev[i].kind == EV_ASSIGN) {
				first[f->blocks[b].ev[i].var + 2]++;
				n++;
			}
	if (!n) {
		free(work);
		free(first);
		return;
	}
	for (i = 0; i < f->nvars; i++)
		first[i + 2] += first[i + 1];
	src = xmalloc(n * sizeof(*src));
	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];

			if (e->kind == EV_ASSIGN)
				src[first[e->var + 1]++] = e->src;
		}
	for (i = 0; i < f->nvars; i++)
		if (set[i])
			work[nwork++] = (int)i;
	while (nwork) {
		int v = work[--nwork];

		for (i = first[v]; i < first[v + 1]; i++)
			if (!set[src[i]]) {
				set[src[i]] = true;
				work[nwork++] = src[i];
			}
	}
	free(src);
	free(work);
	free(first);
}

/* Values flow into tested variables through assignments: their sources are followed too. */
static void follow_assignments(struct an *A)
{
	const struct ir_func *f = A->f;
	bool *set = xcalloc(f->nvars + 1, sizeof(bool));
	size_t i;

	for (i = 0; i < f->nvars; i++)
		set[i] = A->cv[i] >= 0;
	an_assign_closure(f, set);
	for (i = 0; i < f->nvars; i++)
		if (set[i] && A->cv[i] < 0)
			A->cv[i] = (int)A->ncv++;
	free(set);
}

/* A->eqvars: the followed variables an assignment (or a call returning
 * its argument) may make a copy of another. */
static void copies(struct an *A)
{
	const struct ir_func *f = A->f;
	bool *copy = xcalloc(f->nvars + 1, sizeof(bool));
	size_t b, i;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];

			if ((e->kind == EV_ASSIGN || e->kind == EV_CALL) && e->var >= 0)
				copy[e->var] = true;
		}
	A->eqvars = xmalloc((f->nvars + 1) * sizeof(int));
	for (i = 0; i < f->nvars; i++)
		if (copy[i] && A->rv[i] >= 0)
			A->eqvars[A->neqvars++] = (int)i;
	free(copy);
}

/*
 * A->inert: the blocks whose events are all EV_NONNULL that change
 * nothing: on a cycle (A->looping), or of a variable the states do not
 * hold and that nothing copies.
 */
static void inert_blocks(struct an *A)
{
	const struct ir_func *f = A->f;
	bool *copied = xcalloc(f->nvars + 1, sizeof(bool));
	size_t b, i;
	int a;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];

			if (e->kind == EV_ASSIGN && e->src >= 0)
				copied[e->src] = true;
			for (a = 0; e->kind == EV_CALL && a < e->nargs; a++)
				if (e->args[a].kind == ARG_VAR)
					copied[e->args[a].var] = true;     /* returned as is */
		}
	A->inert = xcalloc(f->nblocks + 1, sizeof(bool));
	for (b = 0; b < f->nblocks; b++) {
		const struct ir_block *blk = &f->blocks[b];

		for (i = 0; i < blk->nev; i++) {
			int v = blk->ev[i].var;

			if (blk->ev[i].kind != EV_NONNULL ||
			    ((!A->looping[b] || blk->ev[i].src == 1) &&
			     (A->rv[v] >= 0 || A->cv[v] >= 0 || copied[v])))
				break;
		}
		A->inert[b] = blk->nev && i == blk->nev;
	}
	free(copied);
}

void an_layout(struct an *A)
{
	const struct ir_func *f = A->f;
	struct cfg g;
	bool *need;
	size_t b, i, s;

	A->nvars = f->nvars;
	A->rv = xmalloc((f->nvars + 1) * sizeof(int));
	A->cv = xmalloc((f->nvars + 1) * sizeof(int));
	A->released_obj = xcalloc(f->nvars + 1, sizeof(bool));
	doomed_blocks(A);
	A->has_kids = xcalloc(f->nvars + 1, sizeof(bool));
	for (i = 0; i < f->nvars; i++) {
		A->rv[i] = A->cv[i] = -1;
		if (f->vars[i].parent >= 0)
			A->has_kids[f->vars[i].parent] = true;
	}
	an_complete_sites(A);
	an_field_ids(A);
	an_exposed_params(A);
	cfg_build(f, &g);
	need = values_needed(A, &g);
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
				mark(A, need, A->sites[s].dst + j);
		}
		mark(A, need, A->sites[s].status);
		mark(A, need, A->sites[s].from);
		if (A->sites[s].error_var1)
			mark(A, need, A->sites[s].error_var1 - 1);
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
						mark(A, need, e->args[a].var);
			}
			mark(A, need, e->var);
			if (e->kind == EV_ASSIGN || e->kind == EV_STATUS)
				mark(A, need, e->src);
			if (e->kind == EV_RELEASE && e->var >= 0)
				A->released_obj[e->var] = true;
		}
		if ((blk->term.kind == T_BRANCH || (blk->term.kind == T_RETURN && A->sb)) &&
		    blk->term.var >= 0) {
			/* tested, or returned (a summary wants to know it is NULL) */
			mark(A, need, blk->term.var);
			if (A->cv[blk->term.var] < 0 &&
			    (blk->term.kind == T_RETURN || need[blk->term.var]))
				A->cv[blk->term.var] = (int)A->ncv++;
		}
	}
	/* summary mode: what each exit leaves in *param (an error flag?) */
	for (i = 0; A->sb && i < f->nvars; i++) {
		int p = an_param_cell(A, (int)i), x;

		for (x = 0; p >= 0 && x < 2; x++) {
			/* *param, and param itself (NULL: nothing stored there) */
			int v = x ? p : (int)i;

			need[v] = true;
			mark(A, need, v);
			if (A->cv[v] < 0)
				A->cv[v] = (int)A->ncv++;
		}
	}
	follow_assignments(A);
	A->mem = xmalloc((f->nvars + 1) * sizeof(int));
	for (i = 0; i < f->nvars; i++)
		if ((f->vars[i].flags & VAR_MEMORY) && A->cv[i] >= 0)
			A->mem[A->nmem++] = (int)i;
	an_global_roots(A);
	copies(A);
	A->lwords = (A->ncv + 63) / 64;
	/* the liveness sets may take half the memory, the states the rest */
	if (f->nblocks * A->lwords > ANALYSE_MAX_BYTES / 2 / sizeof(*A->live)) {
		A->too_large = true;    /* no liveness: no walk */
	} else {
		liveness(A, &g);
		A->max_store = ANALYSE_MAX_BYTES - (f->nblocks * A->lwords + 1) * sizeof(*A->live);
	}
	free(need);
	A->looping = g.cyclic;      /* kept */
	g.cyclic = NULL;
	cfg_release(&g);
	inert_blocks(A);
	A->off_vars = A->nslots * sizeof(struct slot_st);
	A->off_vars = (A->off_vars + 7) & ~(size_t)7;
	A->off_vals = A->off_vars + A->nrv * sizeof(struct var_st);
	A->off_vals = (A->off_vals + 7) & ~(size_t)7;
	A->size = A->off_vals + A->ncv * sizeof(struct val);
	if (!A->size)
		A->size = 1;
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
	struct an_callee callee;
	size_t i, k;

	memcpy(in, out, A->lwords * sizeof(*in));
	if ((blk->term.kind == T_BRANCH || blk->term.kind == T_RETURN) && blk->term.var >= 0)
		live_set(in, A->cv[blk->term.var], true);
	if (A->sb && (blk->term.kind == T_RETURN || blk->term.kind == T_END))
		for (k = 0; k < (size_t)A->f->nparams; k++)
			if (A->f->vars[k].flags & VAR_POINTER)
				live_set(in, A->cv[k], true);   /* NULL: nothing stored through it */
	if (A->sb && (blk->term.kind == T_RETURN || blk->term.kind == T_END))
		for (k = 0; k < A->nmem; k++)
			if (an_param_cell(A, A->mem[k]) >= 0) {
				/* the summary reads *param, and whether param is NULL */
				live_set(in, A->cv[A->mem[k]], true);
				live_set(in, A->cv[an_param_cell(A, A->mem[k])], true);
			}
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
		case EV_STATUS:
		case EV_SCOPE_END:
			live_set(in, A->cv[e->var], false);
			break;
		case EV_FORGET:
			if (e->var >= 0)
				live_set(in, A->cv[e->var], false);
			else
				for (k = 0; k < A->nmem; k++)
					if (an_forgotten(A, A->mem[k]))
						live_set(in, A->cv[A->mem[k]], false);
			break;
		case EV_CALL:
			live_set(in, A->cv[e->var], false);
			an_callee_of(A, e, &callee);
			for (k = 0; k < A->nmem; k++)
				if (an_call_forgets(A, e, &callee, A->mem[k]))
					live_set(in, A->cv[A->mem[k]], false);
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

/*
 * Which tested values each block may read before they are written: the
 * least fixpoint, by a worklist in postorder (each block once when there
 * is no loop), so O(blocks x words) rather than a round over every block
 * per step a value travels back.
 */
static void liveness(struct an *A, const struct cfg *g)
{
	const struct ir_func *f = A->f;
	uint64_t *out, *in;
	size_t *queue;
	unsigned char *queued;
	size_t b, w, head = 0, count = f->nblocks;

	A->live = xcalloc(f->nblocks * A->lwords + 1, sizeof(*A->live));
	if (!A->lwords)
		return;         /* no value is tested */
	out = xcalloc(A->lwords + 1, sizeof(*out));
	in = xcalloc(A->lwords + 1, sizeof(*in));
	queue = xmalloc((f->nblocks + 1) * sizeof(*queue));
	queued = xmalloc(f->nblocks + 1);
	for (b = 0; b < f->nblocks; b++) {
		queue[b] = g->order[b];
		queued[b] = 1;
	}
	while (count) {
		size_t p, k;
		int succ[2], ns;
		uint64_t *cur;
		bool changed = false;

		b = queue[head];
		head = (head + 1) % f->nblocks;
		count--;
		queued[b] = 0;
		cur = A->live + b * A->lwords;
		ns = ir_successors(f, b, succ);
		memset(out, 0, A->lwords * sizeof(*out));
		for (k = 0; k < (size_t)ns; k++)
			for (w = 0; w < A->lwords; w++)
				out[w] |= A->live[(size_t)succ[k] * A->lwords + w];
		live_block(A, (int)b, out, in);
		for (w = 0; w < A->lwords; w++)
			if ((in[w] | cur[w]) != cur[w]) {
				cur[w] |= in[w];
				changed = true;
			}
		for (k = g->first[b]; changed && k < g->first[b + 1]; k++) {
			p = g->pred[k];
			if (!queued[p]) {
				queued[p] = 1;
				queue[(head + count++) % f->nblocks] = p;
			}
		}
	}
	free(queued);
	free(queue);
	free(in);
	free(out);
}

void an_initial_state(struct an *A, unsigned char *s)
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
