/*
 * lower_va.c - what a variadic function does with its extra arguments.
 *
 * A summary covers a function's named parameters.  Arguments after them
 * are read with va_arg (and may be kept: g_object_new() storing a
 * property) or handed on as a va_list (to vsnprintf, or to a function of
 * our own).  The function records whether it reads them itself and to
 * which callees it hands its va_list; summary.c decides from that and
 * those callees' summaries whether the extra arguments may be kept.
 */
#include "lower_int.h"

#include <string.h>

/* Whether t is a va_list (or the pointer one decays to). */
static bool is_va_list(CXType t)
{
	CXString s = clang_getTypeSpelling(clang_getCanonicalType(t));
	const char *p = clang_getCString(s);
	bool va = p && (strstr(p, "__va_list_tag") || strstr(p, "va_list"));

	clang_disposeString(s);
	return va;
}

/* Records the callee of call, given a va_list: its summary key, "?" if unknown. */
static void va_passed(struct lower *L, CXCursor call)
{
	CXCursor decl = clang_getCursorReferenced(call);
	struct ir_func *f = L->f;
	const char *key = "?";

	if (clang_getCursorKind(decl) == CXCursor_FunctionDecl) {
		CXString s = clang_getCursorSpelling(decl);
		const char *name = clang_getCString(s);

		if (!strncmp(name, "__builtin_va_", 13) || rules_lookup(L->tu->rules, name)) {
			clang_disposeString(s);
			return;         /* va_end(ap), vsnprintf(...): uses it, keeps nothing */
		}
		key = clang_getCursorLinkage(decl) == CXLinkage_Internal ?
		      arena_printf(&f->arena, "%s:%s", f->unit ? f->unit : "", name) :
		      arena_strdup(&f->arena, name);
		clang_disposeString(s);
	}
	{
		const char **grown = arena_alloc(&f->arena, (f->nva_callees + 1) * sizeof(*grown));

		if (f->nva_callees)
			memcpy(grown, f->va_callees, f->nva_callees * sizeof(*grown));
		grown[f->nva_callees++] = key;
		f->va_callees = grown;
	}
}

static enum CXChildVisitResult va_visit(CXCursor c, CXCursor parent, void *arg)
{
	struct lower *L = arg;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor kid[2];

	(void)parent;
	if (k == CXCursor_CallExpr) {
		int n = clang_Cursor_getNumArguments(c), i;

		for (i = 0; i < n; i++)
			if (is_va_list(clang_getCursorType(clang_Cursor_getArgument(c, (unsigned)i)))) {
				va_passed(L, c);
				break;
			}
	} else if (k == CXCursor_UnexposedExpr && !L->f->va_arg_used &&
		   lower_children(c, kid, 2) == 1 && is_va_list(clang_getCursorType(kid[0])) &&
		   !is_va_list(clang_getCursorType(c))) {
		/* va_arg(ap, T): libclang shows it as an unexposed expression of
		   type T over ap (a va_list converts to nothing else) */
		L->f->va_arg_used = true;
	}
	return CXChildVisit_Recurse;
}

void lower_varargs(struct lower *L, CXCursor fn, CXCursor body)
{
	int n = clang_Cursor_getNumArguments(fn), i;
	bool va = clang_Cursor_isVariadic(fn) != 0;

	for (i = 0; i < n && !va; i++)
		va = is_va_list(clang_getCursorType(clang_Cursor_getArgument(fn, (unsigned)i)));
	if (va)
		clang_visitChildren(body, va_visit, L);
}
