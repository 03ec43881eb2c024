/*
 * lower_callee.c - a direct call no rule names: an EV_CALL event that the
 * analysis resolves with the callee's summary (its body in any file of the
 * run), or as an unknown callee.  Which arguments such a callee only
 * borrows (a `const T *` parameter, a C library function), and GLib's
 * GError ** convention, are decided here.
 */
#include "lower_int.h"

#include <stdio.h>
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
static bool in_library_header(struct lower *L, CXCursor decl)
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

/* Whether argument a is an aggregate, or the address of one (&s, &s.inner). */
bool lower_aggregate_arg(CXCursor a)
{
	CXCursor x;

	if (lower_addr_of(a, &x))
		return lower_is_aggregate(x);
	return lower_is_aggregate(a);
}

/*
 * A direct call no rule describes: an EV_CALL event that the analysis
 * resolves with the callee's summary (computed from its body, in this
 * file or another), or as an unknown callee that takes every argument.
 */
struct operand lower_summarised_call(struct lower *L, CXCursor call, CXCursor decl,
					    const char *name, int dst, struct ir_loc loc)
{
	int nargs = clang_Cursor_getNumArguments(call), i;
	struct ir_event ev = { .kind = EV_CALL, .loc = loc, .src = -1 };
	struct ir_site site = { .dst = -1, .status = -1, .from = -1, .ndst = 0 };
	CXType fnty = clang_getCursorType(decl);
	bool lib = in_library_header(L, decl);

	ev.args = arena_alloc(&L->f->arena, (size_t)(nargs > 0 ? nargs : 1) * sizeof(*ev.args));
	for (i = 0; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
		struct operand o;
		int v = lower_addr_local(L, a);

		if (v >= 0) {
			L->f->vars[v].flags |= VAR_ADDR_TAKEN;
			lower_clobber_bits(L, v, loc);
			ev.args[i].kind = ARG_ADDR;
			ev.args[i].var = v;
		} else {
			o = lower_expr(L, a, CTX_VALUE);
			ev.args[i].kind = o.kind == OP_VAR ? ARG_VAR : ARG_NONE;
			ev.args[i].var = o.kind == OP_VAR ? o.var : -1;
		}
		/* an aggregate, by value or address, carries its members' handles:
		   only a C library function is sure not to keep or free them
		   (const struct s * does not stop free(p->buf), and a summary
		   does not follow the members of a struct parameter) */
		if (lower_aggregate_arg(a) && v < 0 && !lib && ev.args[i].kind == ARG_VAR) {
			lower_escape(L, op_var(ev.args[i].var), loc);
			ev.args[i].kind = ARG_NONE;
		}
		if (lower_aggregate_arg(a))
			ev.args[i].borrowed = lib;
		else
			ev.args[i].borrowed = lower_borrows_arg(fnty, lib, i, v >= 0);
		if (!lower_borrows_arg(fnty, false, i, false))        /* not through a const T * */
			lower_escape_locks(L, a, loc);
	}
	ev.nargs = nargs > 0 ? nargs : 0;
	ev.lib = lib;
	ev.callee = arena_strdup(&L->f->arena, name);
	ev.key = clang_getCursorLinkage(decl) == CXLinkage_Internal ?
		 arena_printf(&L->f->arena, "%s:%s", L->f->unit ? L->f->unit : "", name) : ev.callee;
	ev.var = dst >= 0 ? dst : lower_new_temp(L, "(result)");
	ev.loc = dst >= 0 ? L->assign_loc : loc;
	site.loc = loc;
	site.error_var1 = lower_call_gerror(L, call) + 1;
	ev.site = ir_site_add(L->f, &site);
	lower_guess(L, decl, name, &ev);
	lower_emit(L, &ev);
	return op_var(ev.var);
}
