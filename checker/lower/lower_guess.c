/*
 * lower_guess.c - acquirers and releasers guessed from names: a callee no
 * rule describes and with no body in the unit, named PREFIX_new (create,
 * open, alloc, dup) and returning a pointer, when PREFIX_free (destroy,
 * close, ...) is declared taking that pointer, or such a releaser of an
 * acquirer so declared.  Annotations on the declaration (lower_attr.c)
 * are asked first.
 */
#include "lower_int.h"

#include <stdio.h>
#include <string.h>

static const char *const guess_acquire[] = { "new", "create", "open", "alloc", "dup" };
static const char *const guess_release[] = {
	"free", "destroy", "close", "release", "unref", "delete", "cleanup",
};

static enum CXChildVisitResult collect_decl(CXCursor c, CXCursor parent, void *arg)
{
	struct lower_tu *T = arg;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl) {
		CXString s = clang_getCursorSpelling(c);
		const char *name = clang_getCString(s);

		if (!strmap_get(&T->decls, name)) {
			CXCursor *keep = arena_alloc(&T->arena, sizeof(*keep));

			*keep = c;
			strmap_put(&T->decls, arena_strdup(&T->arena, name), keep);
		}
		clang_disposeString(s);
	}
	return CXChildVisit_Continue;
}

/* The canonical spelling of t, in the function's arena. */
static const char *type_key(struct lower *L, CXType t)
{
	CXString s = clang_getTypeSpelling(clang_getCanonicalType(t));
	const char *r = arena_strdup(&L->f->arena, clang_getCString(s));

	clang_disposeString(s);
	return r;
}

/* The releaser PREFIX_{free,destroy,...} declared in the unit taking what
 * the acquirer returns (type rt) as its first parameter, or NULL. */
static const char *paired_releaser(struct lower *L, const char *prefix, size_t n, const char *rt)
{
	size_t i;

	for (i = 0; i < sizeof(guess_release) / sizeof(*guess_release); i++) {
		char *name = arena_printf(&L->f->arena, "%.*s_%s", (int)n, prefix, guess_release[i]);
		CXCursor *d = strmap_get(&L->tu->decls, name);

		if (d && clang_Cursor_getNumArguments(*d) >= 1 &&
		    !strcmp(type_key(L, clang_getCursorType(clang_Cursor_getArgument(*d, 0))), rt))
			return name;
	}
	return NULL;
}

/* The made-up resource for prefix (one per function, so its acquirer and
 * releaser meet). */
static struct rule_resource *guessed_resource(struct lower *L, const char *prefix, size_t n)
{
	char *key = arena_strndup(&L->f->arena, prefix, n);
	struct rule_resource *res = strmap_get(&L->guessed, key);

	if (!res) {
		res = arena_alloc(&L->f->arena, sizeof(*res));
		res->id = key;
		res->acquired = "created";
		res->released = "released";
		res->held = "held";
		res->guessed = true;
		strmap_put(&L->guessed, key, res);
	}
	return res;
}

/*
 * For a callee no rule describes: if its name is PREFIX_new (create,
 * open, alloc, dup) returning a pointer and PREFIX_free (destroy, close,
 * ...) is declared taking that pointer, or it is such a releaser of an
 * acquirer so declared, records the guess in ev.  A summary from a body
 * wins over it (analyse.c); findings resting on it are flagged -guessed.
 */
void lower_guess(struct lower *L, CXCursor decl, const char *name, struct ir_event *ev)
{
	const char *us = strrchr(name, '_');
	size_t n, i;

	if (lower_attr_guess(L, decl, ev))
		return;

	if (!us || us == name || !clang_Cursor_isNull(clang_getCursorDefinition(decl)))
		return;         /* a body in this file: its summary says what it does */
	n = (size_t)(us - name);
	if (!L->tu->decls_built) {
		clang_visitChildren(clang_getTranslationUnitCursor(L->tu->tu), collect_decl, L->tu);
		L->tu->decls_built = true;
	}
	for (i = 0; i < sizeof(guess_acquire) / sizeof(*guess_acquire); i++) {
		CXType rt = clang_getResultType(clang_getCursorType(decl));
		const char *rel;
		struct rule_acquire *acq;

		if (strcmp(us + 1, guess_acquire[i]) != 0)
			continue;
		if (clang_getCanonicalType(rt).kind != CXType_Pointer)
			return;
		rel = paired_releaser(L, name, n, type_key(L, rt));
		if (!rel)
			return;
		acq = arena_alloc(&L->f->arena, sizeof(*acq));
		acq->func = ev->callee;
		acq->res = guessed_resource(L, name, n);
		acq->shape = SHAPE_RETURN;
		acq->fails = FAIL_NULL;
		acq->via = rel;         /* read by the note: the releaser paired with it */
		ev->guess_acq = acq;
		return;
	}
	for (i = 0; i < sizeof(guess_release) / sizeof(*guess_release); i++) {
		size_t k;

		if (strcmp(us + 1, guess_release[i]) != 0 || clang_Cursor_getNumArguments(decl) < 1)
			continue;
		for (k = 0; k < sizeof(guess_acquire) / sizeof(*guess_acquire); k++) {
			char *acq_name = arena_printf(&L->f->arena, "%.*s_%s", (int)n, name,
						      guess_acquire[k]);
			CXCursor *a = strmap_get(&L->tu->decls, acq_name);
			struct rule_release *rel;
			CXType rt;

			if (!a)
				continue;
			rt = clang_getResultType(clang_getCursorType(*a));
			if (clang_getCanonicalType(rt).kind != CXType_Pointer ||
			    strcmp(type_key(L, rt),
				   type_key(L, clang_getCursorType(clang_Cursor_getArgument(decl, 0)))))
				continue;
			rel = arena_alloc(&L->f->arena, sizeof(*rel));
			rel->func = ev->callee;
			rel->res = guessed_resource(L, name, n);
			rel->arg = 1;
			ev->guess_rel = rel;
			return;
		}
	}
}
