/*
 * lower_alias.c - a local pointer known to point at one local variable.
 *
 * `struct pair s, *p = &s;` or `char *buf; char **out = &buf;`: when every
 * value p is ever given is the address of the same local x (of p's pointee
 * type: a struct or union, or a pointer), and p is used only as `p->m`,
 * `(*p).m`, `*p`, a direct argument of a call (p, &p->m), an operand of
 * `==`, `!=` or `!`, or in a constant that evaluates nothing
 * (__typeof__(p)), then p is an alias of x: `p->m` names the member
 * variable x.m (lower_agg.c), `*p` names x itself, and p given to a call
 * is `&x` given to it (a summarised callee fills or frees x's members,
 * one that keeps p keeps x).  Giving p its value `&x` is then no escape
 * of x, and x is not left out of member tracking for it.
 *
 * Anything else about p (p's address taken, p a parameter or static,
 * incremented, assigned anything but &x, returned, stored, copied into
 * another variable, indexed, cast before a member access or a `*`, &p->m
 * kept, &p->v[i]) makes it an ordinary pointer, and its `&x` keeps x's
 * address as before.  So does x's address kept anywhere else (`q = &x`,
 * `&x.m` stored), other than as a direct argument of a call.  Not
 * handled: p pointing into x (`p = &s.inner`, `p = arr`), p tested on its
 * own (`if (p)`).
 */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

/* How an expression's value is used, as far as the pointers go. */
enum ause {
	A_VALUE,        /* read or copied */
	A_ARG,          /* a direct argument of a call */
	A_ADDR,         /* the operand of & outside a call's argument */
	A_ADDR_ARG,     /* the operand of & given directly to a call */
};

/* A value given to a candidate: &target. */
struct alias_pair {
	int cand;                   /* index in L->alias */
	CXCursor target;            /* the declaration of the local it points at */
};

struct ascan {
	struct lower *L;
	enum ause use;
	struct cursor_map kept;     /* locals whose address is kept other than as a
				       direct argument of a call or an alias's value */
	struct alias_pair *pairs;
	size_t npairs, cappairs;
	unsigned depth;             /* of the walk: deeper than LOWER_MAX_DEPTH gives up */
	bool deep;                  /* ... and then no pointer is an alias */
};

struct avisit {
	struct ascan *S;
	enum ause use;
};

static void visit(struct ascan *S, CXCursor c, enum ause use);

static enum CXChildVisitResult visit_child(CXCursor c, CXCursor parent, void *arg)
{
	struct avisit *v = arg;

	(void)parent;
	visit(v->S, c, v->use);
	return CXChildVisit_Continue;
}

static void visit_kids(struct ascan *S, CXCursor c, enum ause use)
{
	struct avisit v = { S, use };

	clang_visitChildren(c, visit_child, &v);
}

/* Whether decl is a variable with automatic storage of the function. */
static bool auto_var(CXCursor decl)
{
	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       clang_Cursor_hasVarDeclGlobalStorage(decl) != 1 &&
	       clang_Cursor_hasVarDeclExternalStorage(decl) != 1;
}

static enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, void *arg)
{
	(void)parent;
	if (clang_isAttribute(clang_getCursorKind(c))) {
		*(bool *)arg = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/* The candidate that e (a DeclRefExpr, after strip) names, or -1. */
static int cand_of(struct lower *L, CXCursor e)
{
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr || !L->nalias)
		return -1;
	return cursor_map_get(&L->ptrs, clang_getCursorReferenced(e));
}

static void bad(struct lower *L, int i)
{
	if (i >= 0)
		L->alias[i].bad = true;
}

/* Marks the local whose storage x (the operand of &) is part of as kept. */
static void keep_root(struct ascan *S, CXCursor x)
{
	CXCursor kid[2];

	for (;;) {
		enum CXCursorKind k;
		enum CXTypeKind bk;

		x = lower_strip(x);
		k = clang_getCursorKind(x);
		if (k == CXCursor_DeclRefExpr) {
			CXCursor decl = clang_getCursorReferenced(x);

			if (auto_var(decl))
				cursor_map_put(&S->kept, decl, 1);
			bad(S->L, cand_of(S->L, x));
			return;
		}
		if ((k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr) ||
		    lower_children(x, kid, 2) < 1)
			return;
		bk = clang_getCanonicalType(clang_getCursorType(kid[0])).kind;
		if (bk == CXType_Pointer)
			return;         /* &q->m, &q[i]: inside what q points at */
		x = kid[0];
	}
}

/*
 * If e is &x (casts aside), x a local struct, union or pointer of the type
 * candidate i points at: records the pair and returns true.
 */
static bool addr_target(struct ascan *S, int i, CXCursor e)
{
	struct lower *L = S->L;
	struct ptr_alias *a = &L->alias[i];
	CXCursor x, decl;
	CXType pt, xt;

	if (!lower_addr_of(e, &x))
		return false;
	x = lower_strip(x);
	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return false;
	decl = clang_getCursorReferenced(x);
	xt = clang_getCanonicalType(clang_getCursorType(decl));
	pt = clang_getCanonicalType(clang_getPointeeType(clang_getCursorType(a->decl)));
	if (!auto_var(decl) || (xt.kind != CXType_Record && xt.kind != CXType_Pointer) ||
	    !clang_equalTypes(clang_getUnqualifiedType(xt), clang_getUnqualifiedType(pt)))
		return false;
	bad(L, cand_of(L, x));          /* a pointer whose address is taken is no alias */
	if (S->npairs == S->cappairs) {
		S->cappairs = S->cappairs ? 2 * S->cappairs : 8;
		S->pairs = xrealloc(S->pairs, S->cappairs * sizeof(*S->pairs));
	}
	S->pairs[S->npairs].cand = i;
	S->pairs[S->npairs++].target = decl;
	if (clang_Cursor_isNull(a->target)) {
		a->target = decl;
		a->addr = lower_strip_casts(e);
	} else if (!clang_equalCursors(a->target, decl)) {
		a->bad = true;
	}
	return true;
}

/* Candidate i is given the value e (its initialiser or an assignment). */
static void give(struct ascan *S, int i, CXCursor e)
{
	if (!addr_target(S, i, e)) {
		bad(S->L, i);
		visit(S, e, A_VALUE);
	}
}

/* A declaration: a local pointer becomes a candidate. */
static void visit_decl(struct ascan *S, CXCursor d)
{
	struct lower *L = S->L;
	CXCursor init = clang_Cursor_getVarDeclInitializer(d);
	bool attr = false;
	int i;

	clang_visitChildren(d, find_attr, &attr);
	if (!auto_var(d) || attr ||
	    clang_getCanonicalType(clang_getCursorType(d)).kind != CXType_Pointer) {
		if (!clang_Cursor_isNull(init))
			visit(S, init, A_VALUE);
		/* the size of a variable-length array is evaluated; the
		   expression of __typeof__(p) x is not */
		if (clang_getCanonicalType(clang_getCursorType(d)).kind == CXType_VariableArray)
			visit_kids(S, d, A_VALUE);
		return;
	}
	if (L->nalias == L->capalias) {
		L->capalias = L->capalias ? 2 * L->capalias : 8;
		L->alias = xrealloc(L->alias, L->capalias * sizeof(*L->alias));
	}
	i = (int)L->nalias++;
	L->alias[i].decl = d;
	L->alias[i].target = clang_getNullCursor();
	L->alias[i].addr = clang_getNullCursor();
	L->alias[i].bad = false;
	cursor_map_put(&L->ptrs, d, i);
	if (!clang_Cursor_isNull(init))
		give(S, i, init);
}

/* Visits either operand of a == b or a != b, or of !a: a candidate there is only compared. */
static void visit_compared(struct ascan *S, CXCursor c)
{
	CXCursor kid[2];
	size_t n = lower_children(c, kid, 2), i;

	for (i = 0; i < n; i++)
		if (cand_of(S->L, lower_strip_casts(kid[i])) < 0)
			visit(S, kid[i], A_VALUE);
}

static void visit_unary(struct ascan *S, CXCursor c, enum ause use)
{
	CXCursor kid[1];

	if (lower_children(c, kid, 1) != 1)
		return;
	switch (clang_getCursorUnaryOperatorKind(c)) {
	case CXUnaryOperator_Deref:
		if (cand_of(S->L, lower_strip(kid[0])) >= 0) {
			if (use == A_ADDR || use == A_ADDR_ARG)
				bad(S->L, cand_of(S->L, lower_strip(kid[0])));      /* &*p */
			return;
		}
		visit(S, kid[0], A_VALUE);
		return;
	case CXUnaryOperator_LNot:
		visit_compared(S, c);
		return;
	case CXUnaryOperator_AddrOf:
		if (use != A_ARG)
			keep_root(S, kid[0]);
		visit(S, kid[0], use == A_ARG ? A_ADDR_ARG : A_ADDR);
		return;
	default:
		visit(S, kid[0], A_VALUE);
		return;
	}
}

static void visit_call(struct ascan *S, CXCursor c)
{
	int i, n = clang_Cursor_getNumArguments(c);
	CXCursor kid[1];

	if (lower_children(c, kid, 1) >= 1)
		visit(S, kid[0], A_VALUE);             /* the callee */
	for (i = 0; i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(c, (unsigned)i);

		if (cand_of(S->L, lower_strip_casts(a)) < 0)
			visit(S, a, A_ARG);
	}
}

/*
 * p->m and (.m of) the rest: a candidate may be the base of ->, and of
 * &p->m given to a call (as &s.m may be), not of &p->m kept.
 */
static void visit_member(struct ascan *S, CXCursor c, enum ause use)
{
	CXCursor kid[2];
	bool addr = use == A_ADDR || use == A_ADDR_ARG;
	int i;

	if (lower_children(c, kid, 2) != 1)
		return;
	if (clang_getCanonicalType(clang_getCursorType(kid[0])).kind == CXType_Pointer) {
		i = cand_of(S->L, lower_strip(kid[0]));
		if (i >= 0 && use == A_ADDR)
			bad(S->L, i);
		if (i < 0)
			visit(S, kid[0], A_VALUE);
		return;
	}
	visit(S, kid[0], addr ? use : A_VALUE);         /* &s.m: s's address */
}

/* visit() by the kind of c. */
static void visit_kind(struct ascan *S, CXCursor c, enum ause use)
{
	CXCursor kid[2];
	int64_t k;

	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryExpr:        /* sizeof, alignof: not evaluated */
		return;
	case CXCursor_VarDecl:
		visit_decl(S, c);
		return;
	case CXCursor_CallExpr:
		visit_call(S, c);
		return;
	case CXCursor_DeclRefExpr:
		bad(S->L, cand_of(S->L, c));    /* a use not in the list above */
		return;
	case CXCursor_MemberRefExpr:
		visit_member(S, c, use);
		return;
	case CXCursor_UnaryOperator:
		visit_unary(S, c, use);
		return;
	case CXCursor_UnexposedExpr:
		if (!lower_unexposed_constant(c, kid, lower_children(c, kid, 2), &k))
			visit_kids(S, c, use);  /* (a constant evaluates nothing) */
		return;
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
		visit_kids(S, c, use);
		return;
	case CXCursor_ArraySubscriptExpr:
		if (lower_children(c, kid, 2) == 2) {
			bool array = clang_getCanonicalType(clang_getCursorType(kid[0])).kind !=
				     CXType_Pointer;

			/* (&p->v[i] given to a call is not followed: A_ADDR) */
			visit(S, kid[0], array && (use == A_ADDR || use == A_ADDR_ARG) ? A_ADDR : A_VALUE);
			visit(S, kid[1], A_VALUE);
		}
		return;
	case CXCursor_BinaryOperator:
		if (lower_children(c, kid, 2) != 2)
			return;
		switch (clang_getCursorBinaryOperatorKind(c)) {
		case CXBinaryOperator_Assign: {
			int i = cand_of(S->L, lower_strip(kid[0]));

			if (i >= 0) {
				give(S, i, kid[1]);
				return;
			}
			break;
		}
		case CXBinaryOperator_EQ:
		case CXBinaryOperator_NE:
			visit_compared(S, c);
			return;
		default:
			break;
		}
		visit_kids(S, c, A_VALUE);
		return;
	default:
		visit_kids(S, c, A_VALUE);
		return;
	}
}

/* Visits c, used as use says (deeper than LOWER_MAX_DEPTH: gives up). */
static void visit(struct ascan *S, CXCursor c, enum ause use)
{
	if (S->depth >= LOWER_MAX_DEPTH) {
		S->deep = true;
		return;
	}
	S->depth++;
	visit_kind(S, c, use);
	S->depth--;
}

/* The longest text between `=` and `&` in `= (T *)&x` looked at. */
#define ALIAS_CAST_MAX 256

/*
 * Whether the text of body (in the main file) assigns an address anywhere:
 * `= &x` or `= (T *)&x`.  Only a filter that spares most functions the
 * walk: one whose alias is set in a macro is not followed (as before).
 */
static bool assigns_address(struct lower *L, CXCursor body)
{
	CXSourceRange r = clang_getCursorExtent(body);
	CXFile f1, f2;
	unsigned b, e, i, j;

	clang_getExpansionLocation(clang_getRangeStart(r), &f1, NULL, NULL, &b);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &e);
	if (!f1 || f1 != f2 || f1 != L->main_file || e <= b || e > L->buflen)
		return true;
	for (i = b + 1; i + 1 < e; i++) {
		int depth = 0;

		if (L->buf[i] != '&' || L->buf[i - 1] == '&' || L->buf[i + 1] == '&')
			continue;
		/* back over blanks and a cast, at most ALIAS_CAST_MAX bytes: nested
		   parentheses before every & must not make this quadratic */
		for (j = i - 1; j > b && i - j <= ALIAS_CAST_MAX; j--) {
			char ch = L->buf[j];

			if (ch == ')')
				depth++;
			else if (ch == '(' && depth > 0)
				depth--;
			else if (depth == 0 && ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
				break;
		}
		if (j > b && i - j <= ALIAS_CAST_MAX && L->buf[j] == '=' &&
		    !strchr("=!<>", L->buf[j - 1]))
			return true;
	}
	return false;
}

void lower_scan_pointers(struct lower *L, CXCursor body)
{
	struct ascan S = { .L = L };
	bool changed = true;
	size_t i;

	if (!assigns_address(L, body))
		return;
	cursor_map_init(&S.kept);
	visit_kids(&S, body, A_VALUE);
	for (i = 0; S.deep && i < L->nalias; i++)
		L->alias[i].bad = true;         /* (a use may have been missed) */
	/* a pointer that is no alias keeps its target's address, and a
	   target whose address is kept has no alias */
	while (changed) {
		changed = false;
		for (i = 0; i < S.npairs; i++)
			if (L->alias[S.pairs[i].cand].bad && cursor_map_get(&S.kept, S.pairs[i].target) < 0) {
				cursor_map_put(&S.kept, S.pairs[i].target, 1);
				changed = true;
			}
		for (i = 0; i < L->nalias; i++)
			if (!L->alias[i].bad && (clang_Cursor_isNull(L->alias[i].target) ||
						 cursor_map_get(&S.kept, L->alias[i].target) >= 0)) {
				L->alias[i].bad = true;
				changed = true;
			}
	}
	free(S.pairs);
	cursor_map_release(&S.kept);
}

/* The alias that e (casts aside) names, or NULL. */
static const struct ptr_alias *alias_of(struct lower *L, CXCursor e)
{
	int i = cand_of(L, lower_strip_casts(e));

	return i >= 0 && !L->alias[i].bad ? &L->alias[i] : NULL;
}

bool lower_alias_skip(struct lower *L, CXCursor c)
{
	CXCursor kid[2];
	int i = -1;

	if (!L->nalias)
		return false;
	if (clang_getCursorKind(c) == CXCursor_VarDecl)
		i = cursor_map_get(&L->ptrs, c);
	else if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
		 clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign &&
		 lower_children(c, kid, 2) == 2)
		i = cand_of(L, lower_strip(kid[0]));
	return i >= 0 && !L->alias[i].bad;
}

bool lower_alias_addr(struct lower *L, CXCursor e, CXCursor *x)
{
	const struct ptr_alias *a = alias_of(L, e);

	return a && lower_addr_of(a->addr, x);
}

int lower_alias_var(struct lower *L, CXCursor e)
{
	CXCursor x;

	return lower_alias_addr(L, e, &x) ? lower_local_var(L, lower_strip(x)) : -1;
}

bool lower_alias_init(struct lower *L, int v, CXCursor rhs, struct ir_loc loc)
{
	struct ir_event ev = { .kind = EV_NONNULL, .loc = loc, .var = v, .src = 1, .site = -1 };
	CXCursor x;
	size_t i;

	if (!L->nalias || !lower_addr_of(rhs, &x))
		return false;
	for (i = 0; i < L->nalias; i++)
		if (!L->alias[i].bad && cursor_map_get(&L->vars, L->alias[i].decl) == v) {
			lower_emit_var(L, EV_CLOBBER, v, loc);
			lower_emit(L, &ev);     /* &x is not NULL */
			return true;
		}
	return false;
}

bool lower_alias_value(struct lower *L, CXCursor ref, enum ctx ctx)
{
	int t;

	if (ctx != CTX_VALUE || (t = lower_alias_var(L, ref)) < 0)
		return false;
	L->f->vars[t].flags |= VAR_ADDR_TAKEN;
	lower_emit_var(L, EV_ESCAPE, t, lower_cursor_loc(L, ref));
	return true;
}
