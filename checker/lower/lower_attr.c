/*
 * lower_attr.c - annotations on declarations that say what a function
 * acquires or releases, turned into made-up acquire and release entries
 * on the calls (ir_event.guess_acq / guess_rel).  Unlike the name
 * guesses of lower.c they are declarations, not guesses: they win over
 * a summary (analyse.c) and their findings carry the plain flags.
 *
 * clang's ownership_returns / ownership_takes / ownership_holds
 * attributes are read from the callee's pretty-printed declaration.
 *
 * GCC's malloc(dealloc) and malloc(dealloc, N) attributes are rejected
 * by clang ("'malloc' attribute takes no arguments"), which then drops
 * the attribute and goes on with a complete AST: that one error is not
 * fatal (lower_attr_dropped()), and lower_attr_scan() reads the attribute
 * back from it.  The error points at the attribute's name, in the
 * declaration or in the macro definition it came from; the notes
 * "expanded from macro 'M'" lead out to the declaration, and a
 * parameter of M used as dealloc or N is replaced by the argument of
 * M's invocation.  The declared function becomes an acquirer (NULL
 * means failure) whose release is argument N (default 1) of dealloc:
 * dealloc's resource in the rules (malloc(free) is heap), else a
 * resource made up for dealloc.
 *
 * What it does not handle: a macro argument of more than one token
 * (ATTR(f, 1 + 1)); a dealloc or N that is itself a macro; arguments
 * built with ## or #; a second malloc(dealloc) on the same function (the
 * first counts); a rules function as dealloc that releases no argument
 * N (the attribute is ignored); functions declared through a typedef.
 */
#include "lower.h"
#include "lower_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ATTR_MAX_TOKENS 48      /* tokens read at one place */
#define ATTR_MAX_MACROS 8       /* macro expansions followed */

bool lower_attr_dropped(CXDiagnostic d)
{
	CXString s = clang_getDiagnosticSpelling(d);
	const char *msg = clang_getCString(s);
	bool yes = !strcmp(msg, "'malloc' attribute takes no arguments") ||
		   !strcmp(msg, "'__malloc__' attribute takes no arguments");

	clang_disposeString(s);
	return yes;
}

/* ---- reading malloc(dealloc, N) back ---- */

/* A token's spelling and where it starts in its file. */
struct tok {
	const char *s;              /* in the unit's arena */
	unsigned off;
};

/* A note "expanded from macro 'M'": M, and where in M's definition. */
struct expansion {
	const char *macro;          /* in the unit's arena */
	CXFile file;
	unsigned off;
};

/* Spells up to max tokens of f from offset off on (within 1 KiB). */
static size_t tokens_at(struct lower_tu *T, CXFile f, unsigned off, struct tok *out, size_t max)
{
	size_t size, n = 0;
	unsigned i, ntok, end;
	CXToken *toks;

	if (!f || !clang_getFileContents(T->tu, f, &size) || off >= size)
		return 0;
	end = size - off > 1024 ? off + 1024 : (unsigned)size;
	clang_tokenize(T->tu, clang_getRange(clang_getLocationForOffset(T->tu, f, off),
					     clang_getLocationForOffset(T->tu, f, end)),
		       &toks, &ntok);
	for (i = 0; i < ntok && n < max; i++, n++) {
		CXString s = clang_getTokenSpelling(T->tu, toks[i]);

		out[n].s = arena_strdup(&T->arena, clang_getCString(s));
		clang_disposeString(s);
		clang_getSpellingLocation(clang_getTokenLocation(T->tu, toks[i]), NULL, NULL, NULL,
					  &out[n].off);
	}
	clang_disposeTokens(T->tu, toks, ntok);
	return n;
}

/*
 * The arguments of the parenthesised list that opens at t[open]: args[i]
 * is argument i when it is one token, NULL otherwise.  Returns how many
 * there are, or -1 when t[open] is not "(" or the list does not close.
 */
static int split_args(const struct tok *t, size_t n, size_t open, const char **args, int max)
{
	int depth = 0, k = 0, len = 0;
	size_t i;

	if (open >= n || strcmp(t[open].s, "("))
		return -1;
	for (i = open + 1; i < n; i++) {
		bool close = !strcmp(t[i].s, ")");

		if (!depth && (close || !strcmp(t[i].s, ","))) {
			if (k < max)
				args[k] = len == 1 ? t[i - 1].s : NULL;
			if (len || k || !close)
				k++;            /* "()" has no argument */
			if (close)
				return k;
			len = 0;
			continue;
		}
		depth += !strcmp(t[i].s, "(") - close;
		len++;
	}
	return -1;
}

/* Whether (f, off) is where e points. */
static bool at_expansion(const struct expansion *e, CXFile f, unsigned off)
{
	return e->off == off && clang_File_isEqual(e->file, f);
}

/* The notes "expanded from macro 'M'" of d, at most max. */
static size_t expansions(struct lower_tu *T, CXDiagnostic d, struct expansion *out, size_t max)
{
	CXDiagnosticSet kids = clang_getChildDiagnostics(d);   /* owned by d */
	unsigned i, nkids = kids ? clang_getNumDiagnosticsInSet(kids) : 0;
	static const char prefix[] = "expanded from macro '";
	size_t n = 0;

	for (i = 0; i < nkids && n < max; i++) {
		CXDiagnostic note = clang_getDiagnosticInSet(kids, i);
		CXString s = clang_getDiagnosticSpelling(note);
		const char *msg = clang_getCString(s);

		if (!strncmp(msg, prefix, sizeof(prefix) - 1)) {
			const char *name = msg + sizeof(prefix) - 1;

			out[n].macro = arena_strndup(&T->arena, name, strcspn(name, "'"));
			clang_getSpellingLocation(clang_getDiagnosticLocation(note), &out[n].file,
						  NULL, NULL, &out[n].off);
			n++;
		}
		clang_disposeString(s);
		clang_disposeDiagnostic(note);
	}
	return n;
}

/*
 * The parameters of macro name, defined on the logical line of f that
 * holds offset off.  Returns how many (0 for an object-like macro), or
 * -1 when that line is not name's definition.
 */
static int macro_params(struct lower_tu *T, CXFile f, unsigned off, const char *name,
			const char **params, int max)
{
	size_t size;
	const char *buf = clang_getFileContents(T->tu, f, &size);
	struct tok t[ATTR_MAX_TOKENS];
	size_t n;

	if (!buf || off > size)
		return -1;
	while (off > 0 && !(buf[off - 1] == '\n' && (off < 2 || buf[off - 2] != '\\')))
		off--;          /* back to the line's start, over continued lines */
	n = tokens_at(T, f, off, t, ATTR_MAX_TOKENS);
	if (n < 3 || strcmp(t[0].s, "#") || strcmp(t[1].s, "define") || strcmp(t[2].s, name))
		return -1;
	if (n < 4 || strcmp(t[3].s, "(") || t[3].off != t[2].off + strlen(name))
		return 0;       /* object-like: "M (" has a space */
	return split_args(t, n, 3, params, max);
}

/*
 * Replaces in vals[0..1] the parameters of the macro defined around
 * (f, off) by the arguments of its invocation at (inv_f, inv_off).
 * Returns false when the invocation cannot be read or an argument that
 * is needed is more than one token.
 */
static bool substitute(struct lower_tu *T, const char *macro, CXFile f, unsigned off,
		       CXFile inv_f, unsigned inv_off, const char **vals)
{
	const char *params[8], *args[8];
	struct tok t[ATTR_MAX_TOKENS];
	int np = macro_params(T, f, off, macro, params, 8), na, i, v;
	size_t n;

	if (np < 0 || np > 8)
		return false;
	if (np == 0)
		return true;
	n = tokens_at(T, inv_f, inv_off, t, ATTR_MAX_TOKENS);
	if (n < 2 || strcmp(t[0].s, macro) || (na = split_args(t, n, 1, args, 8)) < 0)
		return false;
	for (v = 0; v < 2; v++)
		for (i = 0; i < np; i++)
			if (vals[v] && params[i] && !strcmp(vals[v], params[i])) {
				vals[v] = i < na ? args[i] : NULL;
				if (!vals[v])
					return false;
				break;
			}
	return true;
}

/*
 * Where macro is invoked: at the note whose place spells it (inside the
 * next macro's definition), else at the declaration (exp_f, exp_off).
 */
static void invocation(struct lower_tu *T, const struct expansion *e, size_t ne,
		       const char *macro, CXFile exp_f, unsigned exp_off, CXFile *f, unsigned *off)
{
	struct tok t[1];
	size_t i;

	for (i = 0; i < ne; i++)
		if (tokens_at(T, e[i].file, e[i].off, t, 1) == 1 && !strcmp(t[0].s, macro)) {
			*f = e[i].file;
			*off = e[i].off;
			return;
		}
	*f = exp_f;
	*off = exp_off;
}

/*
 * Reads malloc(dealloc[, N]) where diagnostic d points, following its
 * macro expansions out to the declaration at (exp_f, exp_off).  Sets
 * vals[0] to dealloc and vals[1] to N ("1" when absent); false when it
 * cannot tell.
 */
static bool read_attr(struct lower_tu *T, CXDiagnostic d, CXFile exp_f, unsigned exp_off,
		      const char **vals)
{
	struct expansion e[ATTR_MAX_MACROS];
	struct tok t[ATTR_MAX_TOKENS];
	const char *args[2];
	size_t ne, n, level, i;
	CXFile f;
	unsigned off;
	int na;

	clang_getSpellingLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
	n = tokens_at(T, f, off, t, ATTR_MAX_TOKENS);
	na = split_args(t, n, n > 1 && !strcmp(t[1].s, "::") ? 3 : 1, args, 2);   /* gnu::malloc */
	if (na < 1 || na > 2 || !args[0] || (na == 2 && !args[1]))
		return false;
	vals[0] = args[0];
	vals[1] = na == 2 ? args[1] : "1";
	ne = expansions(T, d, e, ATTR_MAX_MACROS);
	for (level = 0; level < ATTR_MAX_MACROS; level++) {
		CXFile inv_f;
		unsigned inv_off;

		for (i = 0; i < ne && !at_expansion(&e[i], f, off); i++)
			;
		if (i == ne)
			return true;    /* spelled in the declaration itself */
		invocation(T, e, ne, e[i].macro, exp_f, exp_off, &inv_f, &inv_off);
		if (!substitute(T, e[i].macro, f, off, inv_f, inv_off, vals))
			return false;
		f = inv_f;
		off = inv_off;
	}
	return false;
}

/*
 * The name of the function whose declaration holds the attribute at
 * (f, off): the declaration there, or the first one declared after it
 * (an attribute in front: [[gnu::malloc(f)]] T *g(void)).  NULL if none
 * before the next ";" or "{".
 */
static const char *declared_function(struct lower_tu *T, CXFile f, unsigned off)
{
	struct tok t[ATTR_MAX_TOKENS];
	size_t n = tokens_at(T, f, off, t, ATTR_MAX_TOKENS), i;

	for (i = 0; i < n; i++) {
		CXCursor c = clang_getCursor(T->tu, clang_getLocationForOffset(T->tu, f, t[i].off));

		if (clang_getCursorKind(c) == CXCursor_FunctionDecl) {
			CXString s = clang_getCursorSpelling(c);
			const char *name = arena_strdup(&T->arena, clang_getCString(s));

			clang_disposeString(s);
			return name;
		}
		if (!strcmp(t[i].s, ";") || !strcmp(t[i].s, "{"))
			break;
	}
	return NULL;
}

/* Records that fn's result is released by argument arg of dealloc. */
static void record_dealloc(struct lower_tu *T, const char *fn, const char *dealloc, int arg)
{
	struct dealloc_attr *a = arena_alloc(&T->arena, sizeof(*a));

	if (!strncmp(dealloc, "__builtin_", 10) && rules_lookup(T->rules, dealloc + 10))
		dealloc += 10;  /* glibc's __attr_dealloc_free: __builtin_free */
	a->dealloc = dealloc;
	a->arg = arg;
	if (!strmap_get(&T->dealloc_of, fn))
		strmap_put(&T->dealloc_of, fn, a);
	if (!strmap_get(&T->deallocs, dealloc))
		strmap_put(&T->deallocs, dealloc, a);
}

void lower_attr_scan(struct lower_tu *T)
{
	unsigned i, n = clang_getNumDiagnostics(T->tu);

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(T->tu, i);
		const char *vals[2], *fn;
		CXFile f;
		unsigned off;

		if (lower_attr_dropped(d)) {
			clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
			if (read_attr(T, d, f, off, vals) && atoi(vals[1]) > 0 &&
			    (fn = declared_function(T, f, off)))
				record_dealloc(T, fn, vals[0], atoi(vals[1]));
		}
		clang_disposeDiagnostic(d);
	}
}

/* ---- made-up entries on calls ---- */

/*
 * The made-up resource stored under key (its id is key + skip), one per
 * function so that its acquirer and releaser meet.  releaser, if not
 * NULL, is the one function that releases it, named in messages.
 */
static struct rule_resource *made_up(struct lower *L, char *key, size_t skip,
				     const char *released, const char *releaser)
{
	struct rule_resource *res = strmap_get(&L->guessed, key);

	if (!res) {
		res = arena_alloc(&L->f->arena, sizeof(*res));
		res->id = key + skip;
		res->acquired = "allocated";
		res->released = released;
		res->held = "allocated";
		res->releaser = releaser;
		strmap_put(&L->guessed, key, res);
	}
	return res;
}

/*
 * The resource released by argument a->arg of a->dealloc: the rules'
 * (malloc(free) is heap), or one made up for dealloc.  NULL when dealloc
 * is a rules function that releases no such argument.
 */
static const struct rule_resource *dealloc_resource(struct lower *L, const struct dealloc_attr *a)
{
	const struct rule_fn *fn = rules_lookup(L->tu->rules, a->dealloc);
	const struct rule_release *r;
	char *key;

	if (!fn) {
		key = arena_printf(&L->f->arena, "dealloc:%s", a->dealloc);
		return made_up(L, key, strlen("dealloc:"), "released", key + strlen("dealloc:"));
	}
	for (r = fn->release; r; r = r->next)
		if (r->arg == a->arg)
			return r->res;
	return NULL;
}

/*
 * GCC's malloc(dealloc, N): a call of a function so declared acquires
 * (NULL: failed); a call of dealloc releases its argument N.  Returns
 * true if the callee is either.
 */
static bool lower_dealloc(struct lower *L, struct ir_event *ev)
{
	const struct dealloc_attr *a = strmap_get(&L->tu->dealloc_of, ev->callee);
	const struct dealloc_attr *d = strmap_get(&L->tu->deallocs, ev->callee);
	const struct rule_resource *res;

	if (a && (res = dealloc_resource(L, a))) {
		struct rule_acquire *acq = arena_alloc(&L->f->arena, sizeof(*acq));

		acq->func = ev->callee;
		acq->res = res;
		acq->shape = SHAPE_RETURN;
		acq->fails = FAIL_NULL;
		ev->guess_acq = acq;
	}
	if (d && (res = dealloc_resource(L, d))) {
		struct rule_release *rel = arena_alloc(&L->f->arena, sizeof(*rel));

		rel->func = ev->callee;
		rel->res = res;
		rel->arg = d->arg;
		ev->guess_rel = rel;
	}
	return ev->guess_acq || ev->guess_rel;
}

/* The made-up resource of clang's ownership attributes of kind id. */
static struct rule_resource *owned_resource(struct lower *L, const char *id, size_t n)
{
	return made_up(L, arena_printf(&L->f->arena, "own:%.*s", (int)n, id), strlen("own:"),
		       "freed", NULL);
}

/* In text, the kind of attribute attr ("ownership_takes("), with its
 * length in *n; NULL if text has no such attribute. */
static const char *ownership_kind(const char *text, const char *attr, size_t *n)
{
	const char *p = text ? strstr(text, attr) : NULL;

	if (!p)
		return NULL;
	p += strlen(attr);
	*n = strcspn(p, ",) ");
	return p;
}

/* The next argument number of the attribute's list at *p, moving *p past
 * it; 0 at the list's end. */
static int ownership_index(const char **p)
{
	const char *s = *p + strcspn(*p, ",)");

	if (*s != ',')
		return 0;
	*p = s + 1;
	return atoi(*p);
}

/* ownership_holds(kind, N...): the callee keeps argument N, which
 * escapes before the call (neither leaked nor released by it). */
static void ownership_holds(struct lower *L, const char *p, struct ir_event *ev)
{
	int i;

	while ((i = ownership_index(&p)) > 0)
		if (i <= ev->nargs && ev->args[i - 1].kind == ARG_VAR) {
			struct ir_event esc = { .kind = EV_ESCAPE, .loc = ev->loc,
						.var = ev->args[i - 1].var, .src = -1, .site = -1 };

			lower_emit(L, &esc);
		}
}

/*
 * clang's ownership_returns(kind), ownership_takes(kind, N) and
 * ownership_holds(kind, N...) attributes on the callee's declaration
 * (read from its pretty-printed form, so macros do not matter): an
 * acquirer of kind, a releaser of argument N, a keeper of argument N.
 * Returns true if the declaration says so.
 */
static bool lower_ownership(struct lower *L, CXCursor decl, struct ir_event *ev)
{
	CXPrintingPolicy pol = clang_getCursorPrintingPolicy(decl);
	CXString ps;
	const char *text, *p;
	size_t n;
	int i;
	bool found = false;

	clang_PrintingPolicy_setProperty(pol, CXPrintingPolicy_TerseOutput, 1);
	ps = clang_getCursorPrettyPrinted(decl, pol);
	text = clang_getCString(ps);
	if ((p = ownership_kind(text, "ownership_returns(", &n))) {
		struct rule_acquire *acq = arena_alloc(&L->f->arena, sizeof(*acq));

		acq->func = ev->callee;
		acq->res = owned_resource(L, p, n);
		acq->shape = SHAPE_RETURN;
		acq->fails = FAIL_NULL;
		ev->guess_acq = acq;
		found = true;
	} else if ((p = ownership_kind(text, "ownership_takes(", &n))) {
		struct rule_release *rel = arena_alloc(&L->f->arena, sizeof(*rel));

		rel->func = ev->callee;
		rel->res = owned_resource(L, p, n);
		i = ownership_index(&p);
		rel->arg = i > 0 ? i : 1;
		ev->guess_rel = rel;
		found = true;
	}
	if ((p = ownership_kind(text, "ownership_holds(", &n))) {
		ownership_holds(L, p, ev);
		found = true;
	}
	clang_disposeString(ps);
	clang_PrintingPolicy_dispose(pol);
	return found;
}

/* The attributes of the declaration a call names, else of the first one
 * (clang does not print the attributes a definition inherits). */
bool lower_attr_guess(struct lower *L, CXCursor decl, struct ir_event *ev)
{
	CXCursor first = clang_getCanonicalCursor(decl);

	return lower_dealloc(L, ev) || lower_ownership(L, decl, ev) ||
	       (!clang_equalCursors(first, decl) && lower_ownership(L, first, ev));
}
