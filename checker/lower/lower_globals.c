/*
 * lower_globals.c - the globals a function may write itself: assigned,
 * incremented, their address taken, or handed to a callee as a pointer
 * (an array, a pointer variable).  The summaries add what the callees
 * write, so that a call that writes none of them keeps what the caller
 * knew of `config.verbose` across it (lower_int.h, ir_func.gwrites).
 * A store through a pointer that is not a global's is not counted: the
 * address of a global is counted where it is taken.
 */
#include "lower_int.h"

#include <string.h>

/* Adds the global variable decl to the function's list (once). */
static void add_global(struct lower *L, CXCursor decl)
{
	CXString s = clang_getCursorSpelling(decl);
	const char *name = clang_getCString(s);
	size_t i;

	for (i = 0; name && i < L->f->ngwrites; i++)
		if (!strcmp(L->f->gwrites[i], name))
			break;
	if (name && *name && i == L->f->ngwrites) {
		if (L->f->ngwrites == L->capgwrites) {
			const char **v;

			L->capgwrites = L->capgwrites ? 2 * L->capgwrites : 8;
			v = arena_alloc(&L->f->arena, L->capgwrites * sizeof(*v));
			if (L->f->ngwrites)
				memcpy(v, L->f->gwrites, L->f->ngwrites * sizeof(*v));
			L->f->gwrites = v;
		}
		L->f->gwrites[L->f->ngwrites++] = arena_strdup(&L->f->arena, name);
	}
	clang_disposeString(s);
}

/* The variable of static storage at the root of lvalue e (g, g.x, g[i], g->x, *g), or a null cursor. */
static CXCursor global_root(CXCursor e)
{
	CXCursor kid[2], decl;

	for (;;) {
		enum CXCursorKind k;

		e = lower_strip_casts(e);
		k = clang_getCursorKind(e);
		if (k == CXCursor_DeclRefExpr)
			break;
		if ((k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr ||
		     (k == CXCursor_UnaryOperator &&
		      clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref)) &&
		    lower_children(e, kid, 2) >= 1)
			e = kid[0];
		else
			return clang_getNullCursor();
	}
	decl = clang_getCursorReferenced(e);
	if (clang_getCursorKind(decl) != CXCursor_VarDecl ||
	    clang_Cursor_hasVarDeclGlobalStorage(decl) != 1)
		return clang_getNullCursor();
	return decl;
}

static void written(struct lower *L, CXCursor lvalue)
{
	CXCursor decl = global_root(lvalue);

	if (!clang_Cursor_isNull(decl))
		add_global(L, decl);
}

/* A global array or pointer handed to a callee: it may write through it. */
static void passed(struct lower *L, CXCursor arg)
{
	CXCursor x = lower_strip_casts(arg), decl;
	enum CXTypeKind t;

	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return;
	decl = clang_getCursorReferenced(x);
	t = clang_getCanonicalType(clang_getCursorType(decl)).kind;
	if (clang_getCursorKind(decl) == CXCursor_VarDecl &&
	    clang_Cursor_hasVarDeclGlobalStorage(decl) == 1 &&
	    (t == CXType_Pointer || t == CXType_ConstantArray || t == CXType_IncompleteArray))
		add_global(L, decl);
}

static enum CXChildVisitResult scan(CXCursor c, CXCursor parent, void *arg)
{
	struct lower *L = arg;
	CXCursor lvalue;
	int i, n;

	(void)parent;
	if (lower_written_lvalue(c, &lvalue)) {
		written(L, lvalue);
	} else if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		n = clang_Cursor_getNumArguments(c);
		for (i = 0; i < n; i++)
			passed(L, clang_Cursor_getArgument(c, (unsigned)i));
	}
	return CXChildVisit_Recurse;
}

void lower_global_writes(struct lower *L, CXCursor body)
{
	clang_visitChildren(body, scan, L);
}
