/*
 * lower_arg.c - what a call is given: C library functions and const T *
 * parameters that only read their argument, pointers into a local
 * pointer's object (p + n, &p->f: ARG_INNER), functions named as
 * arguments (ARG_FUNC), GLib's GError ** argument, and the arguments of a
 * call through a function pointer parameter, lent to whatever function
 * the caller gives.  lower_call.c uses them for each call.
 */
#include "lower_int.h"

#include <string.h>

/*
 * If arg is &err with err a local `GError *`: err's variable, else -1.
 * GLib's convention: a call that takes a GError ** sets it exactly when it
 * fails, so `if (err)` after it tests its failure.
 */
static int gerror_var(struct lower *L, CXCursor arg)
{
	CXCursor kid[1];
	CXType t;
	CXString sp;
	bool gerror;
	int v;

	if (!lower_addr_of(arg, &kid[0]) ||
	    clang_getCursorKind(lower_strip(kid[0])) != CXCursor_DeclRefExpr ||
	    (v = lower_local_var(L, lower_strip(kid[0]))) < 0)
		return -1;
	t = clang_getCanonicalType(clang_getCursorType(kid[0]));
	if (t.kind != CXType_Pointer)
		return -1;
	sp = clang_getTypeSpelling(clang_getCanonicalType(clang_getPointeeType(t)));
	gerror = !strcmp(clang_getCString(sp), "struct _GError");
	clang_disposeString(sp);
	return gerror ? v : -1;
}

/* The GError variable whose address call passes, or -1. */
int lower_call_gerror(struct lower *L, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call), i, v;

	for (i = 0; i < n; i++)
		if ((v = gerror_var(L, clang_Cursor_getArgument(call, (unsigned)i))) >= 0)
			return v;
	return -1;
}

/* Whether decl is declared in a header of the C library (rules' library-headers). */
bool lower_in_library_header(struct lower *L, CXCursor decl)
{
	CXSourceLocation where = clang_getCursorLocation(clang_getCanonicalCursor(decl));
	CXFile file = NULL;
	CXString name;

	if (!clang_Location_isInSystemHeader(where))
		return false;
	clang_getSpellingLocation(where, &file, NULL, NULL, NULL);
	if (!file)
		return false;
	if (file != L->tu->lib_file) {
		name = clang_getFileName(file);
		L->tu->lib_file = file;
		L->tu->lib_file_is = clang_getCString(name) &&
				     rules_library_header(L->tu->rules, clang_getCString(name));
		clang_disposeString(name);
	}
	return L->tu->lib_file_is;
}

/*
 * Whether a callee of type fnty (a function type, or a pointer to one)
 * with no rule and no body only reads its argument i: the parameter is a
 * pointer to const (clang's analyzer: nothing frees through a const
 * pointer), or, for a value rather than &var, the callee is a C library
 * function (lib) that no rule says keeps it.
 */
bool lower_borrows_arg(CXType fnty, bool lib, int i, bool addr)
{
	CXType p;

	fnty = clang_getCanonicalType(fnty);
	if (fnty.kind == CXType_Pointer)
		fnty = clang_getCanonicalType(clang_getPointeeType(fnty));
	if (i < clang_getNumArgTypes(fnty)) {
		p = clang_getCanonicalType(clang_getArgType(fnty, (unsigned)i));
		if (p.kind == CXType_Pointer &&
		    clang_isConstQualifiedType(clang_getPointeeType(p)))
			return true;
	}
	return lib && !addr;
}

/* The local pointer variable x names (not an array slot or lock object), or -1. */
static int pointer_var(struct lower *L, CXCursor x)
{
	int v;

	x = lower_strip_casts(x);
	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr || (v = lower_local_var(L, x)) < 0)
		return -1;
	return (L->f->vars[v].flags & (VAR_POINTER | VAR_PSEUDO)) == VAR_POINTER ? v : -1;
}

/* Whether x is a null pointer constant (0, NULL, (void *)0). */
static bool is_null(CXCursor x)
{
	int64_t k;

	x = lower_strip_casts(x);
	return clang_getCursorKind(x) == CXCursor_GNUNullExpr || (lower_eval_int(x, &k) && k == 0);
}

/* Whether x is p + n or &p->f (lower_inner_pointer()), without lowering anything. */
static bool inner_or_null_of(struct lower *L, CXCursor x)
{
	CXCursor kid[2];
	int v;

	x = lower_strip_casts(x);
	if (clang_getCursorKind(x) == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(x);

		return (op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub) &&
		       clang_getCanonicalType(clang_getCursorType(x)).kind == CXType_Pointer &&
		       lower_children(x, kid, 2) == 2 &&
		       pointer_var(L, kid[clang_getCanonicalType(clang_getCursorType(kid[0])).kind ==
					   CXType_Pointer ? 0 : 1]) >= 0;
	}
	if (!lower_addr_of(x, &kid[0]) || lower_local_lvalue(L, kid[0]) >= 0)
		return false;
	v = lower_path_root(L, kid[0]);
	return v >= 0 && (L->f->vars[v].flags & (VAR_POINTER | VAR_PSEUDO)) == VAR_POINTER;
}

/*
 * If arg points into what a local pointer points to (p + n, p - n, &p->f,
 * &p[i], &p->a.b[i]): that pointer's variable, with the rest of arg
 * lowered as only read (ARG_INNER); else -1, with nothing lowered.
 */
int lower_inner_pointer(struct lower *L, CXCursor arg)
{
	CXCursor x = lower_strip_casts(arg), kid[3];
	enum CXBinaryOperatorKind op;
	int v, side;

	if (clang_getCursorKind(x) == CXCursor_ConditionalOperator &&
	    lower_children(x, kid, 3) == 3) {
		/* c ? &p->f : NULL (either way round): p's, or NULL */
		bool null1 = is_null(kid[1]), null2 = is_null(kid[2]);

		if (null1 == null2 || !inner_or_null_of(L, null1 ? kid[2] : kid[1]))
			return -1;
		lower_expr(L, kid[0], CTX_BORROW);
		return lower_inner_pointer(L, null1 ? kid[2] : kid[1]);
	}

	if (clang_getCursorKind(x) == CXCursor_BinaryOperator) {
		op = clang_getCursorBinaryOperatorKind(x);
		if ((op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub) ||
		    clang_getCanonicalType(clang_getCursorType(x)).kind != CXType_Pointer ||
		    lower_children(x, kid, 2) != 2)
			return -1;
		side = clang_getCanonicalType(clang_getCursorType(kid[0])).kind == CXType_Pointer ? 0 : 1;
		v = pointer_var(L, kid[side]);
		if (v < 0)
			v = lower_inner_pointer(L, kid[side]);        /* p + 1 + n */
		if (v >= 0)
			lower_expr(L, kid[1 - side], CTX_BORROW);
		return v;
	}
	if (!lower_addr_of(arg, &kid[0]) || lower_local_lvalue(L, kid[0]) >= 0)
		return -1;
	v = lower_path_root(L, kid[0]);
	if (v < 0 || (L->f->vars[v].flags & (VAR_POINTER | VAR_PSEUDO)) != VAR_POINTER)
		return -1;
	L->addr_only = true;            /* &p->f computes an address: no read of *p */
	lower_expr(L, kid[0], CTX_BORROW);
	L->addr_only = false;
	return v;
}

/* Whether fn, a rule, only reads its argument ai (called as a callback). */
static bool rule_reads_arg(const struct rule_fn *fn, int ai)
{
	const struct rule_acquire *a;
	const struct rule_release *r;

	if (!(fn->borrow || fn->acquire || fn->release || fn->noreturn) || fn->keeps == ai ||
	    fn->steals == ai)
		return false;
	for (r = fn->release; r; r = r->next)
		if (r->arg == ai)
			return false;
	for (a = fn->acquire; a; a = a->next)
		if (a->arg == ai || a->transfer == ai || a->reopen == ai)
			return false;
	return true;
}

/*
 * If arg names a function (f, &f, a cast of either): fills *out as an
 * ARG_FUNC (its key as a direct call would have it, and which arguments
 * it only reads when it has no body: its rule's, or a C library
 * function's, or its const T * parameters) and returns true.
 */
bool lower_function_arg(struct lower *L, CXCursor arg, struct ir_arg *out)
{
	CXCursor x = lower_strip_casts(arg), decl;
	const struct rule_fn *fn;
	CXString cs;
	CXType fnty;
	bool lib;
	int i;

	if (lower_addr_of(x, &x))
		x = lower_strip_casts(x);
	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return false;
	decl = clang_getCursorReferenced(x);
	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		return false;
	cs = clang_getCursorSpelling(decl);
	out->fn = arena_strdup(&L->f->arena, clang_getCString(cs));
	clang_disposeString(cs);
	fn = rules_lookup(L->tu->rules, out->fn);
	if (clang_getCursorLinkage(decl) == CXLinkage_Internal)
		out->fn = arena_printf(&L->f->arena, "%s:%s", L->f->unit ? L->f->unit : "", out->fn);
	out->kind = ARG_FUNC;
	out->var = -1;
	out->fn_ruled = fn != NULL;
	out->fn_reads = 0;
	fnty = clang_getCursorType(decl);
	lib = !fn && lower_in_library_header(L, decl);
	for (i = 0; i < 32; i++)
		if (fn ? rule_reads_arg(fn, i + 1) : lower_borrows_arg(fnty, lib, i, false))
			out->fn_reads |= 1u << i;
	return true;
}

/* If callee (the function expression of a call) is a parameter, cb or *cb: its variable, else -1. */
int lower_param_callee(struct lower *L, CXCursor callee)
{
	CXCursor x = lower_strip_casts(callee), kid[1];
	int v;

	if (clang_getCursorKind(x) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(x) == CXUnaryOperator_Deref &&
	    lower_children(x, kid, 1) == 1)
		x = lower_strip_casts(kid[0]);
	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return -1;
	v = lower_local_var(L, x);
	return v >= 0 && v < L->f->nparams ? v : -1;
}

/*
 * Argument a (number ai) of a call through the function pointer that
 * parameter via holds (a callback the caller gives): what it hands over
 * is lent to that function (EV_ESCAPE with src), so that the caller,
 * which knows the function, judges it.
 */
void lower_lend_arg(struct lower *L, CXCursor a, int via, int ai, struct ir_loc loc)
{
	struct ir_event ev = { .kind = EV_ESCAPE, .loc = loc, .src = via, .value = ai,
			       .site = -1 };
	struct operand o;
	int v = lower_inner_pointer(L, a);

	if (v < 0) {
		o = lower_expr(L, a, CTX_VALUE);
		if (o.kind != OP_VAR)
			return;
		v = o.var;
	}
	ev.var = v;
	lower_emit(L, &ev);
}
