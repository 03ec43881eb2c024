/*
 * analyse_field.c - handles held by the members of a struct we own.
 *
 * `s = malloc(sizeof *s); s->name = strdup(x);`: the string is held by
 * the struct (slot_st.holder, .hfid: which member).  It stays tracked
 * while s's object holds it; reading the member back (free(s->name), and
 * through an alias q->name with q == s) names it again.  What happens to
 * the struct happens to what it holds: returned, stored or handed on, it
 * takes its members along; freed by a rule's releaser (free(s)) while a
 * member still holds a handle that nothing else names, that handle leaks
 * there ("... when 's' is freed here"); freed by a function with a body
 * (a destructor), its members are taken to be freed with it; lost, it is
 * reported alone (its members go with it, unreported).
 *
 * A store into a member of anything else (a parameter's struct, a global,
 * a struct we do not know to be fresh) hands the handle on, as before.
 */
#include "analyse_int.h"

#include <string.h>

/* Whether v is the p->name variable of member fid with p naming struct slot h. */
static bool names_member(const struct an *A, unsigned char *s, int v, int h, int fid)
{
	const struct var_st *pw;
	int p;

	if (A->fid[v] != fid || (p = A->f->vars[v].parent) < 0)
		return false;
	pw = vst(A, s, p);
	return pw && pw->role == ROLE_HANDLE && pw->bind == h;
}

void an_field_stored(struct an *A, unsigned char *s, int v, int src)
{
	struct slot_st *sl = slots(A, s);
	const struct var_st *w = vst(A, s, v), *pw;
	int x, h, p = A->f->vars[v].parent;

	if (!w || w->role != ROLE_HANDLE || w->bind < 0 || !live(sl[w->bind].st))
		return;
	x = w->bind;
	pw = p >= 0 ? vst(A, s, p) : NULL;
	if (pw && pw->role == ROLE_HANDLE && (h = pw->bind) >= 0 && h != x &&
	    live(sl[h].st) && !param_slot(A, h) && !param_slot(A, x) && A->fid[v]) {
		/* (a parameter stored into our struct is the caller's no longer:
		   the summary says the function keeps it, as before) */
		sl[x].holder = (int16_t)(h + 1);
		sl[x].hfid = A->fid[v];
		return;
	}
	if (A->sb && pw && pw->role == ROLE_HANDLE && (h = pw->bind) >= 0 && param_slot(A, h) &&
	    (size_t)A->slot_site[h] - A->first_param == (size_t)p && !param_slot(A, x) &&
	    A->fid[v] && strcmp(A->fid_names[A->fid[v]], "*")) {
		/* p->buf = malloc(n), p our parameter: for the summary, a fill of
		   member buf (analyse.c notes it at each exit where it is held) */
		an_because(A, EXPL_STORED, A->why_line, A->f->vars[v].name, 0);
		an_explain(A, x, A->why, A->why_line, A->why_what, A->why_arg);
		an_escape_led(A, s, v);
		if (src >= 0 && A->has_kids[src])
			an_escape(A, s, src, 0);        /* o->tmp = tmp: the file named *tmp too */
		sl = slots(A, s);
		sl[x].st = RS_OUT;
		sl[x].pend = (int16_t)(p + 1);
		sl[x].hfid = A->fid[v];
		return;
	}
	/* a member of a struct that is not ours to follow: handed on (into
	   the container --explain names) */
	an_because(A, EXPL_STORED, A->why_line, A->f->vars[v].name, 0);
	an_escape_led(A, s, v);         /* (what the same call acquired goes along) */
	an_escape(A, s, v, 0);
	if (src >= 0 && A->has_kids[src])
		an_escape(A, s, src, 0);        /* o->tmp = tmp: the file named *tmp too */
}

void an_field_sync(struct an *A, unsigned char *s, int v)
{
	struct slot_st *sl = slots(A, s);
	struct var_st *w = vst(A, s, v);
	const struct var_st *pw;
	int p = A->f->vars[v].parent, h;
	size_t u;

	if (!w || !A->fid[v] || p < 0 || (w->role == ROLE_HANDLE && w->bind >= 0))
		return;
	pw = vst(A, s, p);
	if (!pw || pw->role != ROLE_HANDLE || (h = pw->bind) < 0)
		return;
	for (u = 0; u < A->nslots; u++)
		if (sl[u].holder == h + 1 && sl[u].hfid == A->fid[v] && live(sl[u].st)) {
			w->role = ROLE_HANDLE;
			w->bind = (int16_t)u;
			return;
		}
}

void an_field_overwritten(struct an *A, unsigned char *s, int v)
{
	struct slot_st *sl = slots(A, s);
	const struct var_st *w = vst(A, s, v), *pw;
	int x, h, p = A->f->vars[v].parent;
	size_t u;

	if (!w || !A->fid[v] || w->role != ROLE_HANDLE || (x = w->bind) < 0 || p < 0 ||
	    !sl[x].holder || sl[x].hfid != A->fid[v])
		return;
	h = sl[x].holder - 1;
	pw = vst(A, s, p);
	if (!pw || pw->role != ROLE_HANDLE || pw->bind != h)
		return;
	/* the member itself changes: it no longer holds x, under any name */
	sl[x].holder = 0;
	sl[x].hfid = 0;
	for (u = 0; u < A->nvars; u++) {
		struct var_st *uw;

		if ((int)u == v || !names_member(A, s, (int)u, h, A->fid[v]))
			continue;
		uw = vst(A, s, (int)u);
		if (uw && uw->role == ROLE_HANDLE && uw->bind == x) {
			uw->bind = -1;
			uw->role = ROLE_NONE;
		}
	}
}

void an_field_forget(struct an *A, unsigned char *s, int v)
{
	struct var_st *w = vst(A, s, v);

	if (w && A->fid[v]) {
		w->bind = -1;           /* p changed: p->name names another member */
		w->role = ROLE_NONE;
	}
}

void an_held_follow(struct an *A, unsigned char *s, int h, enum held_fate fate,
		    const struct ir_event *ev)
{
	struct slot_st *sl = slots(A, s);
	size_t x;

	for (x = 0; x < A->nslots; x++) {
		if (sl[x].holder != h + 1)
			continue;
		if (!live(sl[x].st)) {
			sl[x].holder = 0;
			sl[x].hfid = 0;
			continue;
		}
		if (fate == HELD_FREED && ev && !an_named_elsewhere(A, s, (int)x, h)) {
			an_report(A, FK_LEAK, (int)x, ev->loc, EXIT_OWNER,
				  ev->var >= 0 ? A->f->vars[ev->var].name : NULL, NULL);
			sl[x].st = RS_LEAKED;
		} else if (fate == HELD_FREED) {
			sl[x].holder = 0;       /* a variable still names it */
			sl[x].hfid = 0;
			continue;
		} else if (fate == HELD_ESCAPE) {
			an_explain(A, (int)x, A->why, A->why_line, A->why_what, A->why_arg);
			sl[x].st = RS_ESCAPED;
		} else {
			sl[x].st = RS_LEAKED;   /* reported with its holder */
		}
		an_held_follow(A, s, (int)x, fate == HELD_FREED ? HELD_DROP : fate, ev);
	}
}

bool an_named_elsewhere(const struct an *A, unsigned char *s, int x, int h)
{
	const struct slot_st *sl = slots(A, s);
	size_t v;

	for (v = 0; v < A->nvars; v++) {
		const struct var_st *w;

		if (A->rv[v] < 0)
			continue;
		w = vst(A, s, (int)v);
		if (w->role != ROLE_HANDLE || w->bind != x)
			continue;
		if (A->fid[v] && sl[x].hfid == A->fid[v] &&
		    names_member(A, s, (int)v, h, A->fid[v]))
			continue;       /* the member itself */
		return true;
	}
	return false;
}
