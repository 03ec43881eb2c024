/*
 * lower_refc.c - reference counts a function keeps in its parameters'
 * structs: which parameters have a counter member incremented
 * (o->refcount++, ++o->ref_count, o->refs += 1,
 * __sync_fetch_and_add(&o->refcnt, 1)) or decremented (--o->refcount,
 * o->refs -= 1, the __sync subtractions), into ir_func.refc_inc and
 * refc_dec.  summary_refc.c turns a function that only increments such a
 * member of its argument into a "ref" and one that decrements it and
 * frees the argument on some paths into an "unref".
 *
 * Only members whose name says they count references (refcount,
 * ref_count, refCount, nrefs, refcnt, num_refs; see ref_name()) count: a
 * function adding one to s->count or s->prefix_len is no reference taker.
 * The __atomic builtins are no calls to libclang (an AtomicExpr, exposed
 * as an unexposed expression): lower_int_atomic() tells them by their
 * shape (integer arithmetic on &an integer) and atomic_name() by their
 * first token, the builtin or the macro written (GLib's
 * g_atomic_int_dec_and_test(&o->ref_count)).
 */
#include "lower_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Whether the member's name says it counts references: its last word, or
   its last two, one of the names below (words split at '_' and at a
   lower-case letter followed by a capital: ref_count, refCount, m_refs,
   num_refs; not prefix_len or href). */
static bool ref_name(const char *name)
{
	static const char *const names[] = {
		"ref", "refs", "nref", "nrefs", "refcount", "refcounts", "refcnt", "refct",
		"refcounter", "references", "referencecount", "referencecnt",
	};
	char word[2][32] = { "", "" }, both[64];
	size_t i, n = 0;
	const char *p;

	for (p = name; p && *p; p++) {
		bool cap = p > name && isupper((unsigned char)p[0]) && islower((unsigned char)p[-1]);

		if (*p == '_' || cap) {
			if (word[1][0] || cap) {
				memcpy(word[0], word[1], sizeof(word[0]));
				word[1][0] = '\0';
				n = 0;
			}
			if (*p == '_')
				continue;
		}
		if (n + 1 < sizeof(word[1])) {
			word[1][n++] = (char)tolower((unsigned char)*p);
			word[1][n] = '\0';
		}
	}
	snprintf(both, sizeof(both), "%s%s", word[0], word[1]);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(word[1], names[i]) || !strcmp(both, names[i]))
			return true;
	return false;
}

/* For e = p->refs (p a parameter, refs a reference counter), p's index; else -1. */
static int counter_param(struct lower *L, CXCursor e)
{
	CXCursor m = lower_strip(e), kid[2], base;
	CXString s;
	bool counter;
	int v;

	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || !lower_is_arrow(m) ||
	    lower_children(m, kid, 2) < 1)
		return -1;
	base = lower_strip(kid[0]);
	if (clang_getCursorKind(base) != CXCursor_DeclRefExpr ||
	    clang_getCursorKind(clang_getCursorReferenced(base)) != CXCursor_ParmDecl)
		return -1;
	s = clang_getCursorSpelling(m);
	counter = ref_name(clang_getCString(s));
	clang_disposeString(s);
	if (!counter)
		return -1;
	v = cursor_map_get(&L->vars, clang_getCursorReferenced(base));
	return v >= 0 && v < L->f->nparams && v < 64 ? v : -1;
}

/* For e = &p->refs, p's index as counter_param() says; else -1. */
static int counter_addr(struct lower *L, CXCursor e)
{
	CXCursor op;

	return lower_addr_of(e, &op) ? counter_param(L, op) : -1;
}

void lower_sync_name(char *name)
{
	size_t n = strlen(name);

	if (strncmp(name, "__sync_", 7) != 0 || n < 10)
		return;
	if (name[n - 2] == '_' && strchr("1248", name[n - 1]))
		name[n - 2] = '\0';
	else if (n > 11 && !strcmp(name + n - 3, "_16"))
		name[n - 3] = '\0';
}

/* The atomic calls that add to (1) or subtract from (-1) *argument 1, else 0. */
static int atomic_step(const char *name)
{
	static const char *const inc[] = {
		"g_atomic_int_inc", "g_atomic_ref_count_inc", "g_ref_count_inc",
		"__atomic_fetch_add", "__atomic_add_fetch", "__sync_fetch_and_add",
		"__sync_add_and_fetch", "atomic_fetch_add", "atomic_fetch_add_explicit",
		"__c11_atomic_fetch_add",
	};
	static const char *const dec[] = {
		"g_atomic_int_dec_and_test", "g_atomic_ref_count_dec", "g_ref_count_dec",
		"__atomic_fetch_sub", "__atomic_sub_fetch", "__sync_fetch_and_sub",
		"__sync_sub_and_fetch", "atomic_fetch_sub", "atomic_fetch_sub_explicit",
		"__c11_atomic_fetch_sub",
	};
	size_t i;

	for (i = 0; i < sizeof(inc) / sizeof(inc[0]); i++)
		if (!strcmp(name, inc[i]))
			return 1;
	for (i = 0; i < sizeof(dec) / sizeof(dec[0]); i++)
		if (!strcmp(name, dec[i]))
			return -1;
	return 0;
}

static bool int_type(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;

	return k >= CXType_Bool && k <= CXType_Int128;
}

bool lower_int_atomic(CXCursor e)
{
	CXCursor kid[2], op;

	if (clang_getCursorKind(e) != CXCursor_UnexposedExpr || !int_type(clang_getCursorType(e)) ||
	    lower_children(e, kid, 2) < 2)
		return false;
	return lower_addr_of(lower_strip(kid[0]), &op) && int_type(clang_getCursorType(op));
}

/* For an atomic expression e (lower_int_atomic), the token it was written
   with: __atomic_fetch_sub, or the macro that expands to it
   (g_atomic_int_dec_and_test).  The result is in buf. */
static void atomic_name(CXCursor e, char *buf, size_t size)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(e);
	CXFile file;
	unsigned line, col;
	CXToken *tok;

	buf[0] = '\0';
	clang_getExpansionLocation(clang_getCursorLocation(e), &file, &line, &col, NULL);
	tok = file ? clang_getToken(tu, clang_getLocation(tu, file, line, col)) : NULL;
	if (tok) {
		CXString s = clang_getTokenSpelling(tu, *tok);

		snprintf(buf, size, "%s", clang_getCString(s));
		clang_disposeString(s);
		clang_disposeTokens(tu, tok, 1);
	}
}

static void note(struct lower *L, int p, int step)
{
	if (p < 0 || !step)
		return;
	if (step > 0)
		L->f->refc_inc |= 1ULL << p;
	else
		L->f->refc_dec |= 1ULL << p;
}

static enum CXChildVisitResult scan(CXCursor c, CXCursor parent, void *arg)
{
	struct lower *L = arg;
	CXCursor kid[2];
	int64_t k;

	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryOperator:
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PreInc:
			if (lower_children(c, kid, 1) == 1)
				note(L, counter_param(L, kid[0]), 1);
			break;
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreDec:
			if (lower_children(c, kid, 1) == 1)
				note(L, counter_param(L, kid[0]), -1);
			break;
		default:
			break;
		}
		break;
	case CXCursor_CompoundAssignOperator: {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);

		if ((op == CXBinaryOperator_AddAssign || op == CXBinaryOperator_SubAssign) &&
		    lower_children(c, kid, 2) == 2 && lower_eval_int(kid[1], &k) && k == 1)
			note(L, counter_param(L, kid[0]), op == CXBinaryOperator_AddAssign ? 1 : -1);
		break;
	}
	case CXCursor_UnexposedExpr: {
		char name[128];

		if (!lower_int_atomic(c) || lower_children(c, kid, 2) < 2)
			break;
		atomic_name(c, name, sizeof(name));
		note(L, counter_addr(L, lower_strip(kid[0])), atomic_step(name));
		break;
	}
	case CXCursor_CallExpr: {
		CXString s = clang_getCursorSpelling(c);
		char name[128];
		int step;

		snprintf(name, sizeof(name), "%s", clang_getCString(s));
		clang_disposeString(s);
		lower_sync_name(name);
		step = atomic_step(name);
		if (step && clang_Cursor_getNumArguments(c) >= 1)
			note(L, counter_addr(L, clang_Cursor_getArgument(c, 0)), step);
		break;
	}
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

void lower_refc_scan(struct lower *L, CXCursor body)
{
	clang_visitChildren(body, scan, L);
}
