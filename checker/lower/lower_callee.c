/*
 * lower_callee.c - a direct call no rule names: an EV_CALL event that the
 * analysis resolves with the callee's summary (its body in any file of the
 * run), or as an unknown callee that takes every argument.  What such a
 * callee is given (borrowed, lent, a pointer into a handle) is decided in
 * lower_arg.c; aggregates given whole are decided here.
 */
#include "lower_int.h"

#include <stdio.h>
#include <string.h>

bool lower_aggregate_arg(struct lower *L, CXCursor a)
{
	CXCursor x;

	if (lower_addr_of(a, &x) || lower_alias_addr(L, a, &x))
		return lower_is_aggregate(x);
	return lower_is_aggregate(a);
}

/*
 * A static function defined in a project header (not a system one) that
 * the unit calls (git's strbuf_setlen()): queued once, to be lowered after
 * the unit's own functions for its summary, as if the unit defined it.
 */
static void note_header_callee(struct lower *L, CXCursor decl)
{
	struct lower_tu *T = L->tu;
	CXCursor def = clang_getCursorDefinition(decl);

	if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl ||
	    clang_getCursorLinkage(def) != CXLinkage_Internal ||
	    clang_Location_isFromMainFile(clang_getCursorLocation(def)) ||
	    clang_Location_isInSystemHeader(clang_getCursorLocation(def)) ||
	    cursor_map_get(&T->header_seen, def) >= 0)
		return;
	cursor_map_put(&T->header_seen, def, 1);
	if (T->nheader_fns == T->capheader_fns) {
		T->capheader_fns = T->capheader_fns ? T->capheader_fns * 2 : 16;
		T->header_fns = xrealloc(T->header_fns, T->capheader_fns * sizeof(*T->header_fns));
	}
	T->header_fns[T->nheader_fns++] = def;
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
	bool lib = lower_in_library_header(L, decl);

	if (!lib)
		note_header_callee(L, decl);

	ev.args = arena_alloc(&L->f->arena, (size_t)(nargs > 0 ? nargs : 1) * sizeof(*ev.args));
	for (i = 0; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
		struct operand o;
		int v = lower_addr_local(L, a), w;

		if (v >= 0) {
			L->f->vars[v].flags |= VAR_ADDR_TAKEN;
			lower_clobber_bits(L, v, loc);
			if (!lib)
				lower_agg_members(L, v, a);
			ev.args[i].kind = ARG_ADDR;
			ev.args[i].var = v;
		} else if (lower_function_arg(L, a, &ev.args[i])) {
			continue;
		} else if ((w = lower_inner_pointer(L, a)) >= 0) {
			ev.args[i].kind = ARG_INNER;
			ev.args[i].var = w;
		} else {
			o = lower_expr(L, a, CTX_VALUE);
			ev.args[i].kind = o.kind == OP_VAR ? ARG_VAR : ARG_NONE;
			ev.args[i].var = o.kind == OP_VAR ? o.var : -1;
		}
		/* an aggregate, by value or address, carries its members' handles:
		   only a C library function is sure not to keep or free them
		   (const struct s * does not stop free(p->buf), and a summary
		   does not follow the members of a struct parameter) */
		if (lower_aggregate_arg(L, a) && v < 0 && !lib && ev.args[i].kind == ARG_VAR) {
			lower_escape(L, op_var(ev.args[i].var), loc);
			ev.args[i].kind = ARG_NONE;
		}
		ev.args[i].text = lower_text_literal(a);
		if (lower_aggregate_arg(L, a))
			ev.args[i].borrowed = lib;
		else
			ev.args[i].borrowed = lower_borrows_arg(fnty, lib, i, v >= 0);
		if (!lower_borrows_arg(fnty, false, i, false))  /* not through a const T * */
			lower_escape_locks(L, a, loc);
	}
	ev.nargs = nargs > 0 ? nargs : 0;
	ev.lib = lib;
	ev.callee = arena_strdup(&L->f->arena, name);
	ev.key = clang_getCursorLinkage(decl) == CXLinkage_Internal ?
		 arena_printf(&L->f->arena, "%s:%s", L->f->unit ? L->f->unit : "", name) : ev.callee;
	ev.var = dst >= 0 ? dst : lower_new_temp(L, "(result)");
	/* a pointer result is a pointer: *out = wrap(n); (*out)->x = 0 stores
	   a handle and proves it not NULL */
	if (dst < 0 && clang_getCanonicalType(clang_getCursorType(call)).kind == CXType_Pointer)
		L->f->vars[ev.var].flags |= VAR_POINTER;
	ev.loc = dst >= 0 ? L->assign_loc : loc;
	site.loc = loc;
	site.error_var1 = lower_call_gerror(L, call) + 1;
	ev.site = ir_site_add(L->f, &site);
	lower_guess(L, decl, name, &ev);
	lower_emit(L, &ev);
	return op_var(ev.var);
}
