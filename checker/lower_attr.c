/*
 * lower_attr.c - annotations on declarations that say what a function
 * acquires or releases.
 *
 * clang's ownership_returns / ownership_takes attributes are read from
 * the callee's pretty-printed declaration.
 *
 * GCC's malloc(dealloc) and malloc(dealloc, N) attributes are rejected
 * by clang ("'malloc' attribute takes no arguments"), which then drops
 * the attribute and goes on with a complete AST: that one error is not
 * fatal (lower_attr_dropped()).
 */
#include "lower.h"
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

bool lower_attr_dropped(CXDiagnostic d)
{
	CXString s = clang_getDiagnosticSpelling(d);
	const char *msg = clang_getCString(s);
	bool yes = !strcmp(msg, "'malloc' attribute takes no arguments") ||
		   !strcmp(msg, "'__malloc__' attribute takes no arguments");

	clang_disposeString(s);
	return yes;
}

/* The made-up resource of clang's ownership attributes of kind id. */
static struct rule_resource *owned_resource(struct lower *L, const char *id, size_t n)
{
	char *key = arena_printf(&L->f->arena, "own:%.*s", (int)n, id);
	struct rule_resource *res = strmap_get(&L->guessed, key);

	if (!res) {
		res = arena_alloc(&L->f->arena, sizeof(*res));
		res->id = key + 4;
		res->acquired = "allocated";
		res->released = "freed";
		res->held = "allocated";
		strmap_put(&L->guessed, key, res);
	}
	return res;
}

/*
 * clang's ownership_returns(kind) / ownership_takes(kind, N) attributes on
 * the callee's declaration (read from its pretty-printed form, so macros
 * do not matter): an acquirer of kind, or a releaser of argument N.
 * Returns true if the declaration says so.
 */
bool lower_attr_guess(struct lower *L, CXCursor decl, struct ir_event *ev)
{
	CXPrintingPolicy pol;
	CXString ps;
	const char *text, *p;
	bool found = false;

	pol = clang_getCursorPrintingPolicy(decl);
	clang_PrintingPolicy_setProperty(pol, CXPrintingPolicy_TerseOutput, 1);
	ps = clang_getCursorPrettyPrinted(decl, pol);
	text = clang_getCString(ps);
	if (text && (p = strstr(text, "ownership_returns("))) {
		struct rule_acquire *acq = arena_alloc(&L->f->arena, sizeof(*acq));
		size_t n;

		p += strlen("ownership_returns(");
		n = strcspn(p, ",) ");
		acq->func = ev->callee;
		acq->res = owned_resource(L, p, n);
		acq->shape = SHAPE_RETURN;
		acq->fails = FAIL_NULL;
		ev->guess_acq = acq;
		found = true;
	} else if (text && (p = strstr(text, "ownership_takes("))) {
		struct rule_release *rel = arena_alloc(&L->f->arena, sizeof(*rel));
		size_t n;

		p += strlen("ownership_takes(");
		n = strcspn(p, ",) ");
		rel->func = ev->callee;
		rel->res = owned_resource(L, p, n);
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
		rel->arg = atoi(p) > 0 ? atoi(p) : 1;
		ev->guess_rel = rel;
		found = true;
	}
	clang_disposeString(ps);
	clang_PrintingPolicy_dispose(pol);
	return found;
}
