/*
 * analyse_count.c - a list's count tested zero: `add_some(&l, v, n); if
 * (!l.nr) return 0;`.  A callee that appends to the list grows l.items
 * (a regrow fill: summary_member.regrow) only when it appends, and l.nr
 * counts what it appended; where a branch finds l.nr zero, the members
 * of l holding what such a fill acquired hold nothing.
 *
 * What it does not handle: the count of another aggregate, a count in a
 * variable of its own (`n = l.nr; if (!n)`), a count that says nothing
 * was appended because items were removed again (taken as nothing held),
 * members a plain fill (`b->name = strdup(s)`) or the function itself
 * (`l.items = xrealloc(l.items, n)`) gave a resource, strings (VAR_TEXT:
 * a char * member, as git's strbuf sb.buf, holds its terminator once
 * grown, even when sb.len is 0).  A call that grows a member of &l
 * forgets the values of l's counts (an_count_forget), so that the branch
 * decides them; other calls given &l leave them as they were.
 */
#include "analyse_int.h"

#include <string.h>

/* Whether variable k is a member of aggregate v, at any depth. */
static bool member_of(const struct an *A, int k, int v)
{
	int d, p = A->f->vars[k].parent;

	for (d = 0; p >= 0 && d < 8; d++, p = A->f->vars[p].parent)
		if (p == v)
			return true;
	return false;
}

void an_count_forget(struct an *A, unsigned char *s, int v, const struct summary *S, int i)
{
	size_t k;
	int m;

	for (m = 0; S && m < S->npmem; m++)
		if (S->pmem[m].param == i && S->pmem[m].fill && S->pmem[m].regrow)
			break;
	if (!S || m == S->npmem)
		return;
	for (k = 0; k < A->nvars; k++)
		if ((A->f->vars[k].flags & VAR_COUNT) && member_of(A, (int)k, v)) {
			an_unequal(A, s, (int)k);
			an_set_val(A, s, (int)k, TOP);
		}
}

/*
 * Whether a member of local aggregate v named name (v.name) is a string
 * (VAR_TEXT: sb.buf).
 */
static bool text_member(const struct an *A, int v, const char *name)
{
	const char *vn = A->f->vars[v].name;
	size_t k, n = vn ? strlen(vn) : 0;

	for (k = 0; vn && k < A->nvars; k++) {
		const char *kn = A->f->vars[k].name;

		if (A->f->vars[k].parent == v && (A->f->vars[k].flags & VAR_TEXT) && kn &&
		    !strncmp(kn, vn, n) && kn[n] == '.' && !strcmp(kn + n + 1, name))
			return true;
	}
	return false;
}

void an_count_appended(struct an *A, unsigned char *s, const struct ir_event *ev,
		       const struct summary *S)
{
	const struct val positive = an_dom(1, INT64_MAX, false, 0);   /* a count, at least 1 */
	size_t k;
	int m, j, v;

	for (m = 0; S && m < S->npmem; m++) {
		const struct summary_member *pm = &S->pmem[m];
		bool text = false;

		if (!pm->fill || !(pm->copies || pm->counts) || pm->param >= ev->nargs ||
		    ev->args[pm->param].kind != ARG_ADDR || !an_members_stay(S, pm->param))
			continue;
		for (j = 0; j < ev->nargs && j < 32; j++)
			text |= (pm->copies & (1u << j)) && ev->args[j].text;
		v = ev->args[pm->param].var;
		if (!(text || pm->counts) || !text_member(A, v, pm->name))
			continue;
		for (k = 0; k < A->nvars; k++) {    /* sb.len, sb.alloc */
			struct val d;

			if (!(A->f->vars[k].flags & VAR_COUNT) || A->f->vars[k].parent != v ||
			    !an_tracks_value(A, (int)k))
				continue;
			d = an_val_meet(*vval(A, s, (int)k), positive);
			if (d.lo <= d.hi)
				an_set_val(A, s, (int)k, d);
		}
	}
}

/* Whether the edge (true when edge) of branch t keeps only the value 0 of a
 * count: `== 0` or `< 1` or `<= 0` taken, `!= 0` or `>= 1` or `> 0` not. */
static bool edge_zero(const struct ir_term *t, int edge)
{
	enum ir_cmp c = t->cmp;

	if (!edge)
		c = c == CMP_NE ? CMP_EQ : c == CMP_GE ? CMP_LT : c == CMP_GT ? CMP_LE : CMP_NE;
	return (c == CMP_EQ && t->value == 0) || (c == CMP_LT && t->value == 1) ||
	       (c == CMP_LE && t->value == 0);
}

/* Whether slot x holds what a callee's regrow fill acquired (list_add(&l, s)). */
static bool grown_by_callee(const struct an *A, int x)
{
	size_t site = (size_t)A->slot_site[x];

	return site >= A->f->nsites && site < A->first_param && A->fsite_of[site] >= 0 &&
	       A->fsite_grow[site];
}

void an_count_zero(struct an *A, unsigned char *s, const struct ir_term *t, int edge,
		   struct val before)
{
	struct slot_st *sl = slots(A, s);
	size_t k;
	int agg;

	if (t->var < 0 || !(A->f->vars[t->var].flags & VAR_COUNT) || t->foreign ||
	    !edge_zero(t, edge) || (before.lo == 0 && before.hi == 0))
		return;         /* (known zero before: l.nr = 0 was our own doing) */
	agg = A->f->vars[t->var].parent;
	for (k = 0; agg >= 0 && k < A->nvars; k++) {
		const struct var_st *w;

		if (A->f->vars[k].parent != agg || (A->f->vars[k].flags & VAR_TEXT) ||
		    !(w = vst(A, s, (int)k)) ||
		    w->role != ROLE_HANDLE || w->bind < 0 || !live(sl[w->bind].st) ||
		    !grown_by_callee(A, w->bind))
			continue;
		sl[w->bind].st = RS_FAILED;     /* never grown: nothing appended */
		sl[w->bind].ok = 0;
	}
}
