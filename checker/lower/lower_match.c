/*
 * lower_match.c - what decides whether a rule entry applies to a call
 * beyond its name and string literals: a constant argument (value-arg:
 * realpath(path, NULL)), a name made up earlier in the function
 * (named-by: fopen(tmpl, "w") after mktemp(tmpl)), and whether an object
 * argument is local to the function (local-only: regcomp(&re, ..)).
 */
#include "lower_int.h"

/*
 * If arg is the address of a local variable of the function or of a part
 * of one (&re, &s.re, &a[1]), an object that dies with the call: that
 * variable (re, s, a), else -1.
 */
int lower_local_object(struct lower *L, CXCursor arg)
{
	CXCursor x, kid[2];
	unsigned depth;

	if (!lower_addr_of(arg, &x))
		return -1;
	for (depth = 0; depth < LOWER_MAX_DEPTH; depth++) {
		enum CXCursorKind k;

		x = lower_strip(x);
		k = clang_getCursorKind(x);
		if (k == CXCursor_DeclRefExpr)
			return lower_local_var(L, x);
		if (!((k == CXCursor_MemberRefExpr && lower_children(x, kid, 2) == 1) ||
		      (k == CXCursor_ArraySubscriptExpr && lower_children(x, kid, 2) == 2)))
			return -1;
		x = lower_strip(kid[0]);        /* s in s.re, a in a[1]: not through a pointer */
		if (clang_getCanonicalType(clang_getCursorType(x)).kind == CXType_Pointer)
			return -1;
	}
	return -1;
}

/*
 * A call of a function that makes up names (mktemp(tmpl), tmpnam(buf),
 * p = tempnam(dir, pfx)): what its pointer arguments and the variable its
 * result goes to point to are names from namer, which a later acquire
 * entry with named-by may require (fopen(tmpl, "w") creates the file).
 */
void lower_record_names(struct lower *L, CXCursor call, const char *namer, int dst)
{
	int n = clang_Cursor_getNumArguments(call), i;
	char *key;

	for (i = 0; i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);

		if (clang_getCanonicalType(clang_getCursorType(a)).kind == CXType_Pointer &&
		    (key = lower_object_key(L, a)) != NULL)
			strmap_put(&L->named, key, (void *)namer);
	}
	if (dst >= 0 && !(L->f->vars[dst].flags & VAR_PSEUDO))
		strmap_put(&L->named, arena_printf(&L->f->arena, "*%s", L->f->vars[dst].name),
			   (void *)namer);
}

/*
 * Whether the conditions of acquire entry a on call's arguments hold: its
 * constant argument (value-arg) and its made-up name (named-by).
 */
bool lower_arg_conds_hold(struct lower *L, CXCursor call, const struct rule_acquire *a)
{
	int nargs = clang_Cursor_getNumArguments(call);
	const char *const *w;
	const char *namer;
	char *key;
	int64_t k;

	if (a->value_arg && (a->value_arg > nargs ||
			     !lower_eval_int(lower_strip_casts(clang_Cursor_getArgument(
					     call, (unsigned)a->value_arg - 1)), &k) ||
			     k != a->value))
		return false;
	if (!a->named_by)
		return true;
	if (a->arg < 1 || a->arg > nargs)
		return false;
	key = lower_object_key(L, clang_Cursor_getArgument(call, (unsigned)a->arg - 1));
	namer = key ? strmap_get(&L->named, key) : NULL;
	for (w = a->named_by; namer && *w; w++)
		if (*w == namer)
			return true;
	return false;
}
