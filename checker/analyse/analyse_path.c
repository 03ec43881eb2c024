/*
 * analyse_path.c - findings with the path that leads to them (notes read
 * back through the nodes' parents, with quiet replays where a note needs
 * the state inside a block; only the branches that matter, at most
 * MAX_BRANCH_NOTES), reported where analyse_where.c says, and --explain's
 * account of the acquisitions without a finding.
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static bool seen_before(struct an *A, int kind, int site, struct ir_loc loc)
{
	size_t i;

	for (i = 0; i < A->seen.n; i++) {
		struct seen_key *k = &A->seen.v[i];

		if (k->kind == kind && k->site == site && k->line == loc.line && k->col == loc.col)
			return true;
	}
	if (A->seen.n == A->seen.cap) {
		A->seen.cap = A->seen.cap ? A->seen.cap * 2 : 16;
		A->seen.v = xrealloc(A->seen.v, A->seen.cap * sizeof(*A->seen.v));
	}
	A->seen.v[A->seen.n].kind = kind;
	A->seen.v[A->seen.n].site = site;
	A->seen.v[A->seen.n].line = loc.line;
	A->seen.v[A->seen.n].col = loc.col;
	A->seen.n++;
	return false;
}

/* Whether blk acquires for site: a rule's acquisition, or a call whose summary acquires. */
static bool block_acquires(const struct ir_block *blk, int site)
{
	size_t i;

	for (i = 0; i < blk->nev; i++)
		if ((blk->ev[i].kind == EV_ACQUIRE || blk->ev[i].kind == EV_CALL) &&
		    blk->ev[i].site == site)
			return true;
	return false;
}

/*
 * The name to use for slot x: its acquisition's variable while that
 * still holds it, else another named variable holding it, else the
 * acquisition's variable (an orphan: realloc failed after p = realloc(p)).
 * NULL when only temporaries ever held it.
 */
static const char *slot_name(struct an *A, unsigned char *s, int x)
{
	const struct ir_site *site = site_of_slot(A, x);
	int dst = site->dst < 0 ? -1 : site->dst + (x - A->base[A->slot_site[x]]);
	bool named = dst >= 0 && !(A->f->vars[dst].flags & VAR_TEMP);
	size_t v;

	if (named && s && vst(A, s, dst) && vst(A, s, dst)->role == ROLE_HANDLE &&
	    vst(A, s, dst)->bind == x)
		return A->f->vars[dst].name;
	for (v = 0; s && v < A->nvars; v++) {
		const struct var_st *w = A->rv[v] >= 0 ? vst(A, s, (int)v) : NULL;

		if (w && w->role == ROLE_HANDLE && w->bind == x &&
		    !(A->f->vars[v].flags & VAR_TEMP))
			return A->f->vars[v].name;
	}
	if (!named && s && slots(A, s)[x].holder && slots(A, s)[x].hfid) {
		/* a member of a struct, named by the struct: c->host */
		const char *owner = slot_name(A, s, slots(A, s)[x].holder - 1);

		if (owner) {
			snprintf(A->namebuf, sizeof(A->namebuf), "%s->%s", owner,
				 A->fid_names[slots(A, s)[x].hfid]);
			return A->namebuf;
		}
	}
	if (!named && s && slots(A, s)[x].rbase > 0)   /* one more reference: its object's name */
		return slot_name(A, s, slots(A, s)[x].rbase - 1);
	return named ? A->f->vars[dst].name : NULL;
}

/* Where slot x was last released on the path to the current event. */
static struct ir_loc first_release(struct an *A, const int *path, size_t len, int x)
{
	unsigned char *s = xmalloc(A->size);
	struct an saved = *A;
	size_t q;

	A->quiet = true;
	A->watch = x;
	A->watch_loc.line = 0;
	for (q = 0; q < len; q++) {
		an_store_get(A, path[q], s);
		A->node = path[q];
		an_exec_block(A, s, A->nodes[path[q]].block, q + 1 == len ? saved.evi : (size_t)-1);
	}
	saved.watch_loc = A->watch_loc;
	*A = saved;
	free(s);
	return saved.watch_loc;
}

/* ---- which branches a finding's notes show ---- */

/* At most this many branch notes per finding; the rest are counted in one note. */
#define MAX_BRANCH_NOTES 20
/* How far the two sides of a branch are searched for something that matters. */
#define SIDE_BLOCKS 32

/* Makes what the notes of the function's findings need (at the first one). */
static void notes_init(struct an *A)
{
	const struct ir_func *f = A->f;
	size_t b, i, s;
	int j;

	if (A->lastpos)
		return;
	A->lastpos = xmalloc((f->nblocks + 1) * sizeof(*A->lastpos));
	for (b = 0; b < f->nblocks; b++)
		A->lastpos[b] = -1;
	A->seen_in = xcalloc(f->nblocks + 1, sizeof(*A->seen_in));
	A->holder = xcalloc(f->nvars + 1, sizeof(bool));
	for (s = 0; s < A->nsites; s++) {
		const struct ir_site *site = &A->sites[s];

		for (j = 0; site->dst >= 0 && j < site->ndst; j++)
			A->holder[site->dst + j] = true;
		if (site->status >= 0)
			A->holder[site->status] = true;
		if (site->error_var1)
			A->holder[site->error_var1 - 1] = true;
	}
	A->tested = xcalloc(f->nvars + 1, sizeof(bool));
	for (b = 0; b < f->nblocks; b++) {
		const struct ir_term *t = &f->blocks[b].term;

		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];

			if ((e->kind == EV_ASSIGN || e->kind == EV_CALL || e->kind == EV_STATUS) &&
			    e->var >= 0)
				A->holder[e->var] = true;
		}
		if (t->kind == T_BRANCH && t->var >= 0)
			A->tested[t->var] = true;
	}
	an_assign_closure(f, A->tested);
}

/* Whether v may hold a handle or a status, or its value decide a branch. */
static bool followed(const struct an *A, int v)
{
	return v >= 0 && (A->holder[v] || (A->tested[v] && A->cv[v] >= 0));
}

/* Whether a new value of v in block b can matter: v is followed and its
 * value is read further on (tested by b, or live after it). */
static bool change_matters(const struct an *A, int v, int b)
{
	const struct ir_term *t = &A->f->blocks[b].term;
	int succ[2], ns, i;

	if (v < 0 || !followed(A, v))
		return false;
	if (A->holder[v] || t->var == v)
		return true;
	ns = ir_successors(A->f, (size_t)b, succ);
	for (i = 0; i < ns; i++)
		if (A->live[(size_t)succ[i] * A->lwords + (size_t)A->cv[v] / 64] >>
		    (A->cv[v] % 64) & 1)
			return true;
	return false;
}

/*
 * Whether block b can make a difference to a finding: an event other than
 * a change to a variable whose value is not read further on, a branch on
 * a followed variable, or a way out of the function.
 */
static bool block_matters(const struct an *A, int b)
{
	const struct ir_block *blk = &A->f->blocks[b];
	size_t i;

	for (i = 0; i < blk->nev; i++) {
		const struct ir_event *e = &blk->ev[i];

		switch (e->kind) {
		case EV_ARITH:
		case EV_SETCONST:
		case EV_CLOBBER:
		case EV_SCOPE_END:
		case EV_NONNULL:
			if (change_matters(A, e->var, b))
				return true;
			break;
		case EV_FORGET:
			if (e->var >= 0 ? change_matters(A, e->var, b) : A->nmem > 0)
				return true;
			break;
		default:
			return true;
		}
	}
	switch (blk->term.kind) {
	case T_GOTO:
		return false;
	case T_BRANCH:
		return followed(A, blk->term.var);
	default:
		return true;    /* a return, the end, a call that never returns */
	}
}

/*
 * Whether the branch at path[q] matters to the finding at the end of the
 * path: the side not taken (other) does something that matters (searched
 * until it comes back to the path, at most SIDE_BLOCKS blocks), or never
 * comes back, or the path does something that matters before it comes
 * back.  A branch both of whose sides only count or set variables that
 * are not followed (`if (x == k) y++;`) does not.
 */
static bool branch_matters(struct an *A, const int *path, size_t q, size_t len, int other)
{
	int queue[SIDE_BLOCKS + 1];
	size_t head = 0, n = 0, k;
	bool back = false;

	A->search++;
	queue[n++] = other;
	A->seen_in[other] = A->search;
	while (head < n) {
		int b = queue[head++], succ[2], ns, i;

		if (A->lastpos[b] > (int)q) {
			back = true;    /* on the path further on: the sides meet */
			continue;
		}
		if (block_matters(A, b))
			return true;
		ns = ir_successors(A->f, (size_t)b, succ);
		for (i = 0; i < ns; i++) {
			if (A->seen_in[succ[i]] == A->search)
				continue;
			if (n == SIDE_BLOCKS)
				return true;    /* too far to tell */
			A->seen_in[succ[i]] = A->search;
			queue[n++] = succ[i];
		}
	}
	if (!back)
		return true;
	/* the path's own side, up to where the other comes back to it */
	for (k = q + 1; k < len; k++) {
		int b = A->nodes[path[k]].block;

		if (A->seen_in[b] == A->search)
			return false;
		if (k - q > SIDE_BLOCKS || block_matters(A, b))
			return true;
	}
	return true;
}

/*
 * Keeps at most MAX_BRANCH_NOTES of the nbr branch notes at br (marked
 * keep[]: those on a followed handle or status first, then the last ones,
 * nearest the finding); returns how many are dropped.
 */
static size_t cap_branch_notes(const bool *tracked, bool *keep, size_t nbr)
{
	size_t i, kept = 0, ntracked = 0;

	for (i = 0; i < nbr; i++)
		ntracked += tracked[i];
	for (i = nbr; i-- > 0;) {
		keep[i] = kept < MAX_BRANCH_NOTES &&
			  (tracked[i] || ntracked + kept < MAX_BRANCH_NOTES);
		kept += keep[i];
		if (tracked[i])
			ntracked--;
	}
	return nbr - kept;
}

/*
 * Removes the branch notes br[i] not kept (keep[i]) from notes[0..n); one
 * note at the first of them counts them.  Returns the new count.
 */
static size_t drop_branch_notes(struct note *notes, size_t n, const size_t *br,
				const bool *keep, size_t nbr, size_t omitted)
{
	size_t i, b = 0, r = 0;
	bool counted = false;

	for (i = 0; i < n; i++) {
		if (b < nbr && br[b] == i && !keep[b++]) {
			if (!counted) {
				struct ir_loc loc = notes[i].loc;

				memset(&notes[r], 0, sizeof(notes[r]));
				notes[r].kind = NOTE_BRANCHES_OMITTED;
				notes[r].loc = loc;
				notes[r++].count = omitted;
				counted = true;
			}
			continue;
		}
		notes[r++] = notes[i];
	}
	return r;
}

/*
 * Appends to notes[0..nnotes) the notes of the path from path[start] to the
 * finding at path[len - 1] about slot x: where a transfer failed and gave
 * x back (but the transfer of site lost, or -1), and the branches that
 * matter (branch_matters), at most MAX_BRANCH_NOTES of them.  Returns the
 * new count.
 */
static size_t path_notes(struct an *A, const int *path, size_t start, size_t len, int x,
			 int lost, struct note *notes, size_t nnotes)
{
	unsigned char *after = xmalloc(A->size);
	size_t *br = xmalloc(len * sizeof(*br));
	bool *tracked = xmalloc(len * sizeof(*tracked));
	bool *keep = xmalloc(len * sizeof(*keep));
	size_t q, nbr = 0, omitted;

	notes_init(A);
	for (q = start; q < len; q++)
		A->lastpos[A->nodes[path[q]].block] = (int)q;
	for (q = start; q + 1 < len; q++) {
		const struct ir_block *blk = &A->f->blocks[A->nodes[path[q]].block];
		const struct ir_term *t = &blk->term;
		int next = A->nodes[path[q + 1]].block;
		int by = an_failed_transfer(A, path, q, x, after);
		bool taken;

		/* realloc/fdopen failed on this path: the old handle is back (not
		   said when the finding is the loss at that realloc) */
		if (by >= 0 && by != lost) {
			notes[nnotes].kind = NOTE_TRANSFER_FAILED;
			notes[nnotes].loc = A->sites[by].loc;
			notes[nnotes++].text = A->sites[by].acq->func;
		}
		if (t->kind != T_BRANCH || t->note == BN_NONE || !t->text ||
		    an_resolve(A, t->t) == an_resolve(A, t->f))
			continue;
		taken = next == an_resolve(A, t->t);
		if (t->note == BN_CASE && !taken)
			continue;
		tracked[nbr] = t->var >= 0 && A->holder[t->var];   /* a handle, a status */
		if (!tracked[nbr] && !branch_matters(A, path, q, len, taken ? t->f : t->t))
			continue;
		notes[nnotes].loc = t->loc;
		notes[nnotes].text = t->text;
		notes[nnotes].kind = t->note == BN_CASE ? NOTE_CASE :
				     taken != t->negated ? NOTE_BRANCH_TRUE : NOTE_BRANCH_FALSE;
		br[nbr++] = nnotes++;
	}
	for (q = start; q < len; q++)
		A->lastpos[A->nodes[path[q]].block] = -1;
	omitted = cap_branch_notes(tracked, keep, nbr);
	if (omitted)
		nnotes = drop_branch_notes(notes, nnotes, br, keep, nbr, omitted);
	free(keep);
	free(tracked);
	free(br);
	free(after);
	return nnotes;
}

/* Notes for the members of struct slot x that are lost with it (8 at most). */
static size_t member_notes(struct an *A, int x, struct ir_loc loc, struct note *notes,
			   size_t nnotes)
{
	const struct slot_st *sl = slots(A, A->cur);
	size_t y, n = 0;

	for (y = 0; A->cur && y < A->nslots && n < 8; y++) {
		const struct ir_site *ms;

		if (sl[y].holder != x + 1 || !live(sl[y].st) || !sl[y].hfid)
			continue;
		ms = site_of_slot(A, (int)y);
		notes[nnotes].kind = NOTE_MEMBER;
		notes[nnotes].loc = loc;
		notes[nnotes].text = A->fid_names[sl[y].hfid];
		notes[nnotes].func = ms->acq->func;
		notes[nnotes++].at.line = ms->loc.line;
		n++;
	}
	return nnotes;
}

void an_report(struct an *A, enum finding_kind kind, int x, struct ir_loc loc,
		   enum ir_exit exit, const char *label, const char *releaser)
{
	const struct ir_site *site = site_of_slot(A, x);
	bool at_exit = kind == FK_LEAK && (exit == EXIT_RETURN || exit == EXIT_END);
	struct finding fd;
	struct note *notes;
	struct ir_loc at = loc;     /* where it is reported */
	size_t nnotes = 0, len = 0, q, start = 0;
	int *path, n, lost = -1, g = -1, jumped = -1;
	char *also = NULL;

	if (A->quiet || A->f->context || param_slot(A, x) ||
	    (!at_exit && seen_before(A, kind, x, loc)))
		return;
	if ((kind == FK_LEAK || kind == FK_OVERWRITE) && an_unowned_maybe(A, x))
		return;         /* maybe filled, and never ours to release */
	if (kind != FK_DOUBLE_RELEASE && kind != FK_MISMATCHED_RELEASE && A->node >= 0 &&
	    A->doomed[A->nodes[A->node].block])
		return;         /* dropped on the way to abort(): the process is gone */
	for (n = A->node; n >= 0; n = A->nodes[n].parent)
		len++;
	path = xmalloc(len * sizeof(*path));
	q = len;
	for (n = A->node; n >= 0; n = A->nodes[n].parent)
		path[--q] = n;
	for (q = len; q-- > 0;)
		if (block_acquires(&A->f->blocks[A->nodes[path[q]].block], A->slot_site[x])) {
			start = q;
			break;
		}
	if (at_exit) {
		/* lost earlier than the exit: at a failed p = realloc(p, n), or
		   at a goto past every release */
		notes_init(A);
		if ((lost = an_lost_by_transfer(A, path, start, len, x)) >= 0)
			at = an_acquisition_loc(A, lost);
		else if ((g = an_skipping_goto(A, path, start, len, x, &jumped)) >= 0)
			at = A->f->blocks[g].term.loc;
		if (seen_before(A, kind, x, at)) {
			free(path);
			return;
		}
	}
	if (A->site_reported)
		A->site_reported[A->slot_site[x]] = true;
	notes = xcalloc(2 * len + 12, sizeof(*notes));
	notes[nnotes].kind = NOTE_ACQUIRED;
	notes[nnotes++].loc = site->loc;
	if (site->acq->via && site->acq->res && site->acq->res->guessed) {
		notes[nnotes].kind = NOTE_GUESSED;
		notes[nnotes].loc = site->loc;
		notes[nnotes].text = site->acq->via;    /* the releaser paired with it */
		notes[nnotes++].func = site->acq->func;
	} else if (site->acq->via) {
		/* acquired through a function whose summary says it returns one */
		notes[nnotes].kind = NOTE_VIA;
		notes[nnotes].loc = site->loc;
		notes[nnotes].text = site->acq->via;
		notes[nnotes].func = site->acq->func;
		notes[nnotes].out = site->acq->shape != SHAPE_RETURN;
		notes[nnotes].at.file = site->acq->file;
		notes[nnotes++].at.line = site->acq->line;
	}
	nnotes = path_notes(A, path, start, len, x, lost, notes, nnotes);
	memset(&fd, 0, sizeof(fd));
	fd.kind = kind;
	fd.loc = at;
	fd.var = slot_name(A, A->cur, x);
	fd.acquirer = site->acq->func;
	fd.acq_line = site->loc.line;
	fd.res = site->acq->res;
	fd.exit = exit;
	fd.label = label;
	fd.func = A->f->name;
	fd.releaser = releaser;
	if (lost >= 0 || g >= 0) {
		fd.exit_loc = loc;
		fd.lost_by = lost >= 0 ? A->sites[lost].acq->func : NULL;
		fd.exit = lost >= 0 ? exit : EXIT_GOTO;
		fd.label = g >= 0 ? A->f->blocks[g].term.text : NULL;
		if (g >= 0) {
			unsigned char *s = an_store_copy(A, jumped);

			fd.retarget = an_retarget(A, g, s, x, &also);
			free(s);
		}
		fd.retarget_also = also;
	}
	if (kind == FK_LEAK && exit != EXIT_OWNER) {
		notes[nnotes].kind = exit == EXIT_RETURN || exit == EXIT_END ?
				     NOTE_LEAVING : NOTE_OUT_OF_SCOPE;
		notes[nnotes++].loc = loc;
		nnotes = member_notes(A, x, loc, notes, nnotes);
	} else if (kind == FK_DOUBLE_RELEASE) {
		struct ir_loc first = first_release(A, path, len, x);

		fd.first_release_line = first.line;
		if (first.line) {
			notes[nnotes].kind = NOTE_RELEASED;
			notes[nnotes].loc = first;
			notes[nnotes++].text = releaser;
		}
	}
	if (kind == FK_DISCARDED) {
		fd.loc = site->loc;
		nnotes = 0;
	}
	fd.notes = notes;
	fd.nnotes = nnotes;
	report_finding(&fd);
	free(also);
	free(notes);
	free(path);
}

/* Notes, for --explain, one way the handles of slot x's site were accounted for. */
void an_explain(struct an *A, int x, enum explain_kind kind, unsigned line, const char *what,
		    int arg)
{
	int site;
	size_t i, count = 0;

	if (!A->opts->explain || A->quiet || param_slot(A, x))
		return;
	site = A->slot_site[x];
	for (i = 0; i < A->nexpl; i++) {
		const struct explain_step *st = &A->expl[i].step;

		if (A->expl[i].site != site)
			continue;
		if (++count >= 6 || (st->kind == kind && st->line == line && st->arg == arg &&
				      (st->what == what || (st->what && what && !strcmp(st->what, what)))))
			return;
	}
	if (A->nexpl == A->capexpl) {
		A->capexpl = A->capexpl ? A->capexpl * 2 : 16;
		A->expl = xrealloc(A->expl, A->capexpl * sizeof(*A->expl));
	}
	A->expl[A->nexpl].site = site;
	A->expl[A->nexpl].step.kind = kind;
	A->expl[A->nexpl].step.line = line;
	A->expl[A->nexpl].step.what = what;
	A->expl[A->nexpl++].step.arg = arg;
}

/* Sets why the next do_escape() happens (for --explain). */
void an_because(struct an *A, enum explain_kind why, unsigned line, const char *what, int arg)
{
	A->why = why;
	A->why_line = line;
	A->why_what = what;
	A->why_arg = arg;
}

/* --explain: for each acquisition without a finding, what became of it. */
void an_explain_sites(struct an *A)
{
	struct explain_step *steps = xcalloc(8, sizeof(*steps));
	size_t site, i;

	for (site = 0; site < A->first_param; site++) {
		const struct ir_site *s = &A->sites[site];
		const char *name = NULL;
		size_t n = 0;

		if (!s->acq || !s->ndst || A->site_reported[site] || A->msite_of[site] >= 0)
			continue;       /* (a constructor's member: said with the struct) */
		if (s->dst >= 0 && !(A->f->vars[s->dst].flags & VAR_TEMP))
			name = A->f->vars[s->dst].name;
		for (i = 0; i < A->nexpl && n < 7; i++)
			if (A->expl[i].site == (int)site)
				steps[n++] = A->expl[i].step;
		if (A->exhausted)
			steps[n++].kind = A->too_large ? EXPL_TOO_LARGE : EXPL_BUDGET;
		report_explain(s->loc, name, s->acq->func, s->acq->res, steps, n);
	}
	free(steps);
}
