/*
 * analyse_where.c - where a leak found at an exit is reported: earlier on
 * its path, where it became certain (docs/design.md, "Where a finding is
 * reported"): at p = realloc(p, n) whose failure overwrote the only
 * pointer, or at a goto that jumps past every release of the handle.
 * Also which failed transfer gave a handle back on a path, for the notes.
 * analyse_path.c builds the finding.
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* Whether a block acquires anything (an acquisition, or a call a summary may make one). */
static bool block_acquires_any(const struct ir_block *blk)
{
	size_t i;

	for (i = 0; i < blk->nev; i++)
		if (blk->ev[i].kind == EV_ACQUIRE || blk->ev[i].kind == EV_CALL)
			return true;
	return false;
}

/* The slots of node n's state after its block's events ran (a quiet replay into buf). */
static const struct slot_st *state_after(struct an *A, int n, unsigned char *buf)
{
	struct an saved = *A;

	A->quiet = true;
	an_store_get(A, n, buf);
	A->node = n;
	an_exec_block(A, buf, A->nodes[n].block, (size_t)-1);
	*A = saved;
	return slots(A, buf);
}

/*
 * If a failed transfer on the edge path[q] -> path[q + 1] gave slot x
 * back (realloc or fdopen failed: the old handle is held again), its
 * site; else -1.  after: scratch for a state.
 */
int an_failed_transfer(struct an *A, const int *path, size_t q, int x, unsigned char *after)
{
	const struct ir_block *blk = &A->f->blocks[A->nodes[path[q]].block];
	unsigned char *sb = an_store_copy(A, path[q]), *st = an_store_copy(A, path[q + 1]);
	const struct slot_st *before = slots(A, sb), *there = slots(A, st), *here;
	int site = -1;

	/* only an acquisition or a call makes a handle wait on another */
	if (there[x].st == RS_HELD && (before[x].st == RS_PENDING || block_acquires_any(blk))) {
		here = state_after(A, path[q], after);
		if (here[x].st == RS_PENDING && here[x].pend >= 0)
			site = A->slot_site[here[x].pend];
	}
	free(sb);
	free(st);
	return site;
}

/* How a block uses a set of variables (block_use). */
enum use { USE_NONE, USE_MENTION, USE_DISPOSE };

static enum use at_least(enum use u, bool cond, enum use v)
{
	return cond && v > u ? v : u;
}

/*
 * How block b uses the variables of set: disposes of one (releases,
 * returns or stores it, passes it to a call that does not only read it,
 * transfers it: realloc(p, n)), only mentions one (tests, copies,
 * assigns, lends it), or neither.
 */
static enum use block_use(const struct an *A, int b, const bool *set)
{
	const struct ir_block *blk = &A->f->blocks[b];
	const struct ir_term *t = &blk->term;
	enum use u = USE_NONE;
	size_t i;
	int j;

	for (i = 0; i < blk->nev; i++) {
		const struct ir_event *e = &blk->ev[i];
		const struct ir_site *site;

		switch (e->kind) {
		case EV_ACQUIRE:
			site = &A->sites[e->site];
			u = at_least(u, site->from >= 0 && set[site->from], USE_DISPOSE);
			u = at_least(u, site->status >= 0 && set[site->status], USE_MENTION);
			for (j = 0; site->dst >= 0 && j < site->ndst; j++)
				u = at_least(u, set[site->dst + j], USE_MENTION);
			break;
		case EV_RELEASE:
		case EV_ESCAPE:
			u = at_least(u, set[e->var], USE_DISPOSE);
			break;
		case EV_CALL:
			for (j = 0; j < e->nargs; j++)
				if (e->args[j].kind != ARG_NONE && e->args[j].var >= 0 &&
				    set[e->args[j].var])
					u = at_least(u, true, e->args[j].borrowed ? USE_MENTION :
									   USE_DISPOSE);
			u = at_least(u, e->var >= 0 && set[e->var], USE_MENTION);
			break;
		case EV_ASSIGN:
		case EV_STATUS:
			u = at_least(u, e->var >= 0 && (set[e->var] || set[e->src]), USE_MENTION);
			break;
		case EV_SETCONST:
		case EV_CLOBBER:
		case EV_ARITH:
		case EV_NONNULL:
			u = at_least(u, e->var >= 0 && set[e->var], USE_MENTION);
			break;
		case EV_SCOPE_END:
		case EV_FORGET:
			break;
		}
	}
	if (t->kind == T_BRANCH)
		u = at_least(u, (t->var >= 0 && set[t->var]) ||
				(t->pair1[0] && (set[t->pair1[0] - 1] || set[t->pair1[1] - 1])),
			     USE_MENTION);
	if (t->kind == T_RETURN)
		u = at_least(u, t->var >= 0 && set[t->var], USE_DISPOSE);
	return u;
}

/* Whether a block reachable from block from (itself included) uses the
 * variables of set at least as much as level. */
static bool region_uses(struct an *A, int from, const bool *set, enum use level)
{
	int *queue = xmalloc((A->f->nblocks + 1) * sizeof(*queue));
	size_t head = 0, n = 0;
	bool found = false;

	A->search++;
	queue[n++] = from;
	A->seen_in[from] = A->search;
	while (head < n && !found) {
		int b = queue[head++], succ[2], ns, i;

		found = block_use(A, b, set) >= level;
		ns = ir_successors(A->f, (size_t)b, succ);
		for (i = 0; i < ns; i++)
			if (A->seen_in[succ[i]] != A->search) {
				A->seen_in[succ[i]] = A->search;
				queue[n++] = succ[i];
			}
	}
	free(queue);
	return found;
}

/* Adds to set the variables assigned from its members (in the blocks of in, or all). */
static void copies(const struct an *A, bool *set, const bool *in)
{
	bool grew = true;
	size_t q, i;

	while (grew) {
		grew = false;
		for (q = 0; q < A->f->nblocks; q++)
			for (i = 0; (!in || in[q]) && i < A->f->blocks[q].nev; i++) {
				const struct ir_event *e = &A->f->blocks[q].ev[i];

				if (e->kind == EV_ASSIGN && e->var >= 0 && e->src >= 0 &&
				    set[e->src] && !set[e->var])
					grew = set[e->var] = true;
			}
	}
}

/* The blocks reachable from block from (itself included). */
static bool *reachable(const struct an *A, int from)
{
	bool *in = xcalloc(A->f->nblocks + 1, sizeof(bool));
	int *queue = xmalloc((A->f->nblocks + 1) * sizeof(*queue));
	size_t head = 0, n = 0;

	queue[n++] = from;
	in[from] = true;
	while (head < n) {
		int b = queue[head++], succ[2], ns, i;

		ns = ir_successors(A->f, (size_t)b, succ);
		for (i = 0; i < ns; i++)
			if (!in[succ[i]]) {
				in[succ[i]] = true;
				queue[n++] = succ[i];
			}
	}
	free(queue);
	return in;
}

/*
 * The goto statement on the edge from block b to block nb of a path (its
 * trampoline: b itself, or an empty block jumped through), or -1 (also
 * when two of b's edges lead to nb: the path does not say which).
 */
static int edge_goto(const struct an *A, int b, int nb)
{
	const struct ir_term *t = &A->f->blocks[b].term;
	int succ[2], ns, i, g = -1, found = 0;

	if (t->kind == T_GOTO && t->text)
		return b;
	ns = ir_successors(A->f, (size_t)b, succ);
	for (i = 0; i < ns; i++) {
		int r = succ[i], hops = 0, at = -1;

		while (hops++ < 64 && A->f->blocks[r].nev == 0 &&
		       A->f->blocks[r].term.kind == T_GOTO) {
			if (A->f->blocks[r].term.text)
				at = r;
			r = A->f->blocks[r].term.target;
		}
		if (r == nb) {
			found++;
			g = at;
		}
	}
	return found == 1 ? g : -1;
}

/* Marks in set (nvars, or NULL) the variables holding slot x in state s; returns how many. */
static size_t mark_holders(const struct an *A, unsigned char *s, int x, bool *set)
{
	size_t v, n = 0;

	for (v = 0; v < A->nvars; v++) {
		const struct var_st *w = A->rv[v] >= 0 ? vst(A, s, (int)v) : NULL;

		if (w && w->role == ROLE_HANDLE && w->bind == x) {
			if (set)
				set[v] = true;
			n++;
		}
	}
	return n;
}

/*
 * The goto a leak of slot x at the exit ending the path is reported at
 * (its trampoline block), or -1.  That is the last goto statement on the
 * path after the acquisition when x is held there by named variables H
 * and the goto jumps past every release of it: no block reachable from
 * the label uses H, the acquisition's variable or their copies (a
 * release, a test, a copy, a call: nothing can free it after the jump),
 * and some block reachable from the acquisition disposes of one of them
 * (so there was a release to jump past; a function that never frees it
 * is reported at the exit).
 */
int an_skipping_goto(struct an *A, const int *path, size_t start, size_t len, int x,
		     int *after_node)
{
	const struct ir_site *site = site_of_slot(A, x);
	bool *set, *after, *reach;
	size_t q = len - 1;
	unsigned char *s;
	int g = -1;

	while (g < 0 && q-- > start)
		g = edge_goto(A, A->nodes[path[q]].block, A->nodes[path[q + 1]].block);
	if (g < 0)
		return -1;
	*after_node = path[q + 1];
	s = an_store_copy(A, path[q + 1]);
	if (!live(slots(A, s)[x].st)) {
		free(s);
		return -1;
	}
	set = xcalloc(A->nvars + 1, sizeof(*set));
	if (!mark_holders(A, s, x, set)) {
		free(set);
		free(s);
		return -1;
	}
	free(s);
	if (site->dst >= 0)
		set[site->dst + (x - A->base[A->slot_site[x]])] = true;
	after = xmalloc((A->nvars + 1) * sizeof(*after));
	memcpy(after, set, (A->nvars + 1) * sizeof(*after));
	copies(A, set, NULL);
	/* after the label, only copies made there can hold it (a member
	   filled from it on another path holds something else here) */
	reach = reachable(A, A->f->blocks[g].term.target);
	copies(A, after, reach);
	if (region_uses(A, A->f->blocks[g].term.target, after, USE_MENTION) ||
	    !region_uses(A, A->nodes[path[start]].block, set, USE_DISPOSE))
		g = -1;
	free(reach);
	free(after);
	free(set);
	return g;
}

/* Whether site is p = realloc(p, n): a transfer returning the new handle
 * into the variable that held the old one, NULL when it fails. */
static bool self_transfer(const struct ir_site *site)
{
	return site->acq && site->acq->transfer && site->acq->shape == SHAPE_RETURN &&
	       site->acq->fails == FAIL_NULL && site->dst >= 0 && site->from == site->dst;
}

/*
 * The site of p = realloc(p, n) whose failure lost slot x on the path
 * (the NULL result overwrote the only variable holding x: after it,
 * nothing holds x), or -1.
 */
int an_lost_by_transfer(struct an *A, const int *path, size_t start, size_t len, int x)
{
	unsigned char *after = NULL;
	int found = -1;
	size_t q, i;

	for (q = start; q + 1 < len && found < 0; q++) {
		const struct ir_block *blk = &A->f->blocks[A->nodes[path[q]].block];
		unsigned char *sb = an_store_copy(A, path[q]);
		const struct slot_st *before = slots(A, sb);
		bool maybe = before[x].st == RS_PENDING && before[x].pend >= 0 &&
			     self_transfer(site_of_slot(A, before[x].pend));
		int t;

		free(sb);
		for (i = 0; i < blk->nev && !maybe; i++)
			maybe = blk->ev[i].kind == EV_ACQUIRE &&
				self_transfer(&A->sites[blk->ev[i].site]);
		if (!maybe)
			continue;
		if (!after)
			after = xmalloc(A->size);
		t = an_failed_transfer(A, path, q, x, after);
		if (t >= 0 && self_transfer(&A->sites[t])) {
			unsigned char *st = an_store_copy(A, path[q + 1]);

			if (!mark_holders(A, st, x, NULL))
				found = t;
			free(st);
		}
	}
	free(after);
	return found;
}

/* Where site's acquisition event is (the assignment p = realloc(p, n)), else the call. */
struct ir_loc an_acquisition_loc(const struct an *A, int site)
{
	size_t b, i;

	for (b = 0; b < A->f->nblocks; b++)
		for (i = 0; i < A->f->blocks[b].nev; i++)
			if (A->f->blocks[b].ev[i].kind == EV_ACQUIRE &&
			    A->f->blocks[b].ev[i].site == site)
				return A->f->blocks[b].ev[i].loc;
	return A->sites[site].loc;
}

