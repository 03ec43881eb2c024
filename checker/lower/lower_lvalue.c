/*
 * lower_lvalue.c - what an lvalue names: a local variable, an array slot
 * or a member (lower_agg.c), the root variable of a path (p in p->a.b),
 * a scalar in memory a condition tests (s->flag), a lock object's key.
 */
#include "lower_int.h"

#include <string.h>

/*
 * A stable key and display name for an lvalue used as a lock object
 * (s->lock, g_mutex, *m): built from the AST, so macros do not matter.
 * NULL if the expression is not a plain path of names and members, or is
 * deeper than LOWER_MAX_DEPTH.  Iterative and linear in the path's length:
 * generated code can chain p->next thousands deep.
 */
char *lower_lvalue_key(struct lower *L, CXCursor c)
{
	const char **suffix = NULL;     /* "->m", ".m", "[i]", innermost last */
	size_t nsuffix = 0, cap = 0, stars = 0, depth, len, i;
	char *name = NULL, *key = NULL, *at;

	for (depth = 0; depth < LOWER_MAX_DEPTH && !name; depth++) {
		enum CXCursorKind k;
		CXCursor kid[2];
		int64_t index;

		c = lower_strip_casts(c);
		k = clang_getCursorKind(c);
		if (k == CXCursor_DeclRefExpr) {
			name = lower_spelling(L, c);
			continue;
		}
		arena_grow(&L->f->arena, (void **)&suffix, &cap, nsuffix + 1, sizeof(*suffix));
		if (k == CXCursor_MemberRefExpr && lower_children(c, kid, 2) == 1) {
			CXType bt = clang_getCanonicalType(clang_getCursorType(kid[0]));

			suffix[nsuffix++] = arena_printf(&L->f->arena, "%s%s",
							 bt.kind == CXType_Pointer ? "->" : ".",
							 lower_spelling(L, c));
		} else if (k == CXCursor_ArraySubscriptExpr && lower_children(c, kid, 2) == 2 &&
			   lower_eval_int(kid[1], &index)) {
			suffix[nsuffix++] = arena_printf(&L->f->arena, "[%lld]", (long long)index);
		} else if (k == CXCursor_UnaryOperator && lower_children(c, kid, 1) == 1 &&
			   clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref) {
			stars++;                /* *(a.b) and (*a).b are both "*a.b" */
		} else {
			return NULL;
		}
		c = kid[0];
	}
	if (!name)
		return NULL;
	len = stars + strlen(name);
	for (i = 0; i < nsuffix; i++)
		len += strlen(suffix[i]);
	at = key = arena_alloc(&L->f->arena, len + 1);
	memset(at, '*', stars);
	at = stpcpy(at + stars, name);
	for (i = nsuffix; i-- > 0;)
		at = stpcpy(at, suffix[i]);
	return key;
}

bool lower_addr_of(CXCursor arg, CXCursor *operand)
{
	CXCursor kid[1];

	arg = lower_strip_casts(arg);
	if (clang_getCursorKind(arg) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(arg) != CXUnaryOperator_AddrOf ||
	    lower_children(arg, kid, 1) != 1)
		return false;
	*operand = kid[0];
	return true;
}

int lower_addr_local(struct lower *L, CXCursor arg)
{
	CXCursor x;

	/* (&p->name is no local's address: p's object is handed on) */
	if (lower_addr_of(arg, &x))
		return !lower_is_arrow(x) || lower_is_local_arrow(L, x) ?
		       lower_local_lvalue(L, x) : -1;
	return lower_alias_var(L, arg);         /* p, an alias of local x: &x */
}

/* The lock-object key of an argument: &X names X, a pointer p names *p. */
char *lower_object_key(struct lower *L, CXCursor arg)
{
	CXCursor kid[1];

	if (lower_addr_of(arg, &kid[0]))
		return lower_lvalue_key(L, kid[0]);
	arg = lower_strip_casts(arg);
	{
		char *p = lower_lvalue_key(L, arg);

		return p ? arena_printf(&L->f->arena, "*%s", p) : NULL;
	}
}

/*
 * The pseudo-variable standing for a scalar in memory (s->flag, a
 * global) when a condition tests it, so that testing it twice with no
 * call or store to it in between takes the same branch.  -1 if c is not
 * such a path.  Only pruning depends on it, so a store we do not see
 * can hide a finding but never make one.
 */
int lower_memory_var(struct lower *L, CXCursor c, bool create)
{
	enum CXCursorKind k = clang_getCursorKind(lower_strip_casts(c));
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	char *key, *mk;
	void *got;
	int v;

	if (k != CXCursor_MemberRefExpr && k != CXCursor_DeclRefExpr &&
	    k != CXCursor_UnaryOperator && k != CXCursor_ArraySubscriptExpr)
		return -1;
	if (!((t.kind >= CXType_Bool && t.kind <= CXType_Int128) || t.kind == CXType_Enum ||
	      t.kind == CXType_Pointer))
		return -1;
	key = lower_lvalue_key(L, c);
	if (!key)
		return -1;
	mk = arena_printf(&L->f->arena, "mem:%s", key);
	got = strmap_get(&L->pseudo, mk);
	if (got)
		return (int)(intptr_t)got - 1;
	if (!create)
		return -1;
	v = lower_pseudo(L, mk, key, lower_path_root(L, c));
	L->f->vars[v].flags |= VAR_MEMORY | lower_count_flag(c);
	return v;
}

/* Emits an EV_FORGET of every value in memory (a call or store may change them). */
void lower_forget_memory(struct lower *L, struct ir_loc loc)
{
	struct ir_event ev = { .kind = EV_FORGET, .loc = loc, .var = -1, .src = -1, .site = -1 };

	lower_emit(L, &ev);
}

/* The local variable (or array slot) an lvalue names, or -1. */
int lower_local_lvalue(struct lower *L, CXCursor c)
{
	CXCursor kid[2];

	c = lower_strip(c);
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
		return lower_local_var(L, c);
	if (clang_getCursorKind(c) == CXCursor_MemberRefExpr)
		return lower_member_slot(L, c);
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref &&
	    lower_children(c, kid, 1) == 1)
		return lower_alias_var(L, kid[0]);      /* *p, p an alias of local x: x */
	if (clang_getCursorKind(c) == CXCursor_ArraySubscriptExpr &&
	    lower_children(c, kid, 2) == 2) {
		CXCursor base = lower_strip(kid[0]);
		int64_t i;
		int a;

		if (clang_getCursorKind(base) != CXCursor_DeclRefExpr)
			return -1;
		a = lower_local_var(L, base);
		if (a < 0 || !lower_eval_int(kid[1], &i))
			return -1;
		return lower_array_slot(L, base, a, i);
	}
	return -1;
}

/* The local variable at the root of a member/subscript/deref path (p in &p->f). */
int lower_path_root(struct lower *L, CXCursor c)
{
	CXCursor kid[2];

	for (;;) {
		enum CXCursorKind k;

		c = lower_strip_casts(c);
		k = clang_getCursorKind(c);
		if (k == CXCursor_DeclRefExpr && lower_alias_var(L, c) >= 0)
			return lower_alias_var(L, c);   /* p->f, p an alias of s: s */
		if (k == CXCursor_DeclRefExpr)
			return lower_local_var(L, c);
		if ((k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr ||
		     k == CXCursor_UnaryOperator) && lower_children(c, kid, 2) >= 1)
			c = kid[0];
		else
			return -1;
	}
}
