/*
 * analyse_path.c - findings with the path that leads to them (notes read
 * back through the nodes' parents, with quiet replays where a note needs
 * the state inside a block), and --explain's account of the acquisitions
 * without a finding.
 */
#include "analyse_int.h"
#include "util.h"

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

static bool block_acquires(const struct ir_block *blk, int site)
{
	size_t i;

	for (i = 0; i < blk->nev; i++)
		if (blk->ev[i].kind == EV_ACQUIRE && blk->ev[i].site == site)
			return true;
	return false;
}

/*
 * The name to use for slot x: its acquisition's variable while that
 * still holds it, else another named variable holding it, else the
 * acquisition's variable (an orphan: realloc failed after p = realloc(p)).
 * NULL when only temporaries ever held it.
 */
static const char *slot_name(const struct an *A, unsigned char *s, int x)
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
		memcpy(s, A->store + A->nodes[path[q]].state, A->size);
		A->node = path[q];
		an_exec_block(A, s, A->nodes[path[q]].block, q + 1 == len ? saved.evi : (size_t)-1);
	}
	saved.watch_loc = A->watch_loc;
	*A = saved;
	free(s);
	return saved.watch_loc;
}

/* The slots of node n's state after its block's events ran (a quiet replay into buf). */
static const struct slot_st *state_after(struct an *A, int n, unsigned char *buf)
{
	struct an saved = *A;

	A->quiet = true;
	memcpy(buf, A->store + A->nodes[n].state, A->size);
	A->node = n;
	an_exec_block(A, buf, A->nodes[n].block, (size_t)-1);
	*A = saved;
	return slots(A, buf);
}

void an_report(struct an *A, enum finding_kind kind, int x, struct ir_loc loc,
		   enum ir_exit exit, const char *label, const char *releaser)
{
	unsigned char *after;
	const struct ir_site *site = site_of_slot(A, x);
	struct finding fd;
	struct note *notes;
	size_t nnotes = 0, len = 0, q, start = 0;
	int *path, n;

	if (A->quiet || A->f->context || param_slot(A, x) || seen_before(A, kind, x, loc))
		return;
	if (kind != FK_DOUBLE_RELEASE && kind != FK_MISMATCHED_RELEASE && A->node >= 0 &&
	    A->doomed[A->nodes[A->node].block])
		return;         /* dropped on the way to abort(): the process is gone */
	if (A->site_reported)
		A->site_reported[A->slot_site[x]] = true;
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
	notes = xcalloc(2 * len + 4, sizeof(*notes));
	after = xmalloc(A->size);
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
		notes[nnotes].at.file = site->acq->file;
		notes[nnotes++].at.line = site->acq->line;
	}
	for (q = start; q + 1 < len; q++) {
		const struct ir_term *t = &A->f->blocks[A->nodes[path[q]].block].term;
		int next = A->nodes[path[q + 1]].block;
		bool taken;

		const struct slot_st *here = state_after(A, path[q], after);
		const struct slot_st *there = slots(A, A->store + A->nodes[path[q + 1]].state);

		if (here[x].st == RS_PENDING && there[x].st == RS_HELD && here[x].pend >= 0) {
			/* realloc/fdopen failed on this path: the old handle is back */
			const struct ir_site *by = site_of_slot(A, here[x].pend);

			notes[nnotes].kind = NOTE_TRANSFER_FAILED;
			notes[nnotes].loc = by->loc;
			notes[nnotes++].text = by->acq->func;
		}
		if (t->kind != T_BRANCH || t->note == BN_NONE || !t->text ||
		    an_resolve(A, t->t) == an_resolve(A, t->f))
			continue;
		taken = next == an_resolve(A, t->t);
		notes[nnotes].loc = t->loc;
		notes[nnotes].text = t->text;
		if (t->note == BN_CASE) {
			if (!taken)
				continue;
			notes[nnotes].kind = NOTE_CASE;
		} else {
			notes[nnotes].kind = taken != t->negated ? NOTE_BRANCH_TRUE : NOTE_BRANCH_FALSE;
		}
		nnotes++;
	}
	memset(&fd, 0, sizeof(fd));
	fd.kind = kind;
	fd.loc = loc;
	fd.var = slot_name(A, A->cur, x);
	fd.acquirer = site->acq->func;
	fd.acq_line = site->loc.line;
	fd.res = site->acq->res;
	fd.exit = exit;
	fd.label = label;
	fd.func = A->f->name;
	fd.releaser = releaser;
	if (kind == FK_LEAK) {
		notes[nnotes].kind = exit == EXIT_RETURN || exit == EXIT_END ?
				     NOTE_LEAVING : NOTE_OUT_OF_SCOPE;
		notes[nnotes++].loc = loc;
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
	free(after);
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

		if (!s->acq || !s->ndst || A->site_reported[site])
			continue;
		if (s->dst >= 0 && !(A->f->vars[s->dst].flags & VAR_TEMP))
			name = A->f->vars[s->dst].name;
		for (i = 0; i < A->nexpl && n < 7; i++)
			if (A->expl[i].site == (int)site)
				steps[n++] = A->expl[i].step;
		if (A->exhausted)
			steps[n++].kind = EXPL_BUDGET;
		report_explain(s->loc, name, s->acq->func, s->acq->res, steps, n);
	}
	free(steps);
}
