/*
 * lower_copy.c - what makes a string non-empty: a C library call that
 * writes into what a parameter's member points to, given another
 * parameter to read (git's strbuf_add(): memcpy(sb->buf + sb->len, data,
 * len); strbuf_vaddf(): vsnprintf(sb->buf + sb->len, n, fmt, ap)),
 * recorded in ir_func.copies for the summary ("copies arg 2 into member
 * buf of arg 1", summary_members.c); and a string literal argument that
 * prints at least one character (ir_arg.text).  With both, a caller
 * knows `strbuf_addstr(&sb, " atomic")` left sb.len nonzero
 * (analyse_count.c).
 *
 * An integer member of a parameter stepped up (`p->len++`, `p->nr += 2`:
 * strbuf_addch()) is recorded too (src -1): every path through it returns
 * with that count nonzero.
 *
 * What it does not handle: a copy by the function's own loop or store
 * (`p->buf[i] = c` alone), a literal chosen by `?:`, a
 * string that is not a literal (`if (*s) strbuf_addstr(&sb, s)`), and
 * gettext's `_("...")`, a call.
 */
#include "lower_int.h"

#include <ctype.h>
#include <string.h>

/* Whether t is a pointer to a const-qualified type (const char *, const void *). */
static bool points_to_const(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer && clang_isConstQualifiedType(clang_getPointeeType(t));
}

/* The 0-based parameter that e (casts aside) names, or -1. */
static int param_of(struct lower *L, CXCursor e)
{
	int v;

	e = lower_strip_casts(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr ||
	    clang_getCursorKind(clang_getCursorReferenced(e)) != CXCursor_ParmDecl)
		return -1;
	v = lower_local_var(L, e);
	return v >= 0 && v < L->f->nparams && (L->f->vars[v].flags & VAR_PARAM) ? v : -1;
}

/*
 * The parameter whose pointer member e writes through (p->m, or p->m + n),
 * with *member its name; -1 when e is no such thing.
 */
static int member_dst(struct lower *L, CXCursor e, const char **member)
{
	CXCursor x = lower_strip_casts(e), kid[2];
	CXType mt;
	int p;

	if (clang_getCursorKind(x) == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(x) == CXBinaryOperator_Add &&
	    lower_children(x, kid, 2) == 2)
		x = lower_strip_casts(kid[0]);
	mt = clang_getCanonicalType(clang_getCursorType(x));
	if (clang_getCursorKind(x) != CXCursor_MemberRefExpr || !lower_is_arrow(x) ||
	    mt.kind != CXType_Pointer || lower_children(x, kid, 1) != 1 ||
	    (p = param_of(L, kid[0])) < 0)
		return -1;
	*member = lower_spelling(L, x);
	return *member ? p : -1;
}

/* Appends {the current block, dst, member, src} to L->f->copies. */
static void record(struct lower *L, int dst, const char *member, int src)
{
	struct ir_copy *c = arena_alloc(&L->f->arena, (L->f->ncopies + 1) * sizeof(*c));

	if (L->f->ncopies)
		memcpy(c, L->f->copies, L->f->ncopies * sizeof(*c));
	L->f->copies = c;
	c[L->f->ncopies++] = (struct ir_copy){ .block = L->cur, .dst = dst, .member = member,
					       .src = src };
}

void lower_note_copy(struct lower *L, CXCursor call, CXCursor decl)
{
	CXType fnty = clang_getCursorType(decl), t0 = clang_getArgType(fnty, 0);
	int nargs = clang_Cursor_getNumArguments(call), i, dst, src;
	const char *member = NULL;

	if (nargs < 2 || L->cur < 0 || !lower_in_library_header(L, decl) ||
	    clang_getCanonicalType(t0).kind != CXType_Pointer || points_to_const(t0) ||
	    (dst = member_dst(L, clang_Cursor_getArgument(call, 0), &member)) < 0)
		return;
	for (i = 1; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);

		if ((src = param_of(L, a)) < 0 || src == dst || !points_to_const(clang_getCursorType(a)))
			continue;
		record(L, dst, member, src);
	}
}

void lower_note_step(struct lower *L, CXCursor target, enum CXBinaryOperatorKind op,
		     int64_t step)
{
	CXCursor x = lower_strip_casts(target), kid[1];
	CXType t = clang_getCanonicalType(clang_getCursorType(x));
	int p;

	if (op != CXBinaryOperator_AddAssign || step <= 0 || L->cur < 0 ||
	    clang_getCursorKind(x) != CXCursor_MemberRefExpr || !lower_is_arrow(x) ||
	    !(t.kind >= CXType_Bool && t.kind <= CXType_Int128) ||
	    lower_children(x, kid, 1) != 1 || (p = param_of(L, kid[0])) < 0)
		return;
	record(L, p, lower_spelling(L, x), -1);
}

/* How many characters format text s prints for sure: those outside conversions. */
static size_t printed(const char *s)
{
	size_t n = 0;

	while (*s) {
		if (*s != '%') {
			n++, s++;
			continue;
		}
		if (s[1] == '%') {
			n++, s += 2;
			continue;
		}
		for (s++; *s && !strchr("diouxXeEfFgGaAcspnm", *s); s++)
			;       /* flags, width, precision, length */
		if (*s)
			s++;
	}
	return n;
}

/* The value of the escape sequence after a backslash at *lit, which it passes. */
static int escape(const char **lit)
{
	const char *p = *lit;
	int v = 0, d;

	if (*p >= '0' && *p <= '7') {
		for (d = 0; d < 3 && *p >= '0' && *p <= '7'; d++)
			v = v * 8 + (*p++ - '0');
	} else if (*p == 'x') {
		for (p++; isxdigit((unsigned char)*p); p++)
			v = (v * 16 + (isdigit((unsigned char)*p) ? *p - '0' :
				       tolower((unsigned char)*p) - 'a' + 10)) & 0xff;
	} else {
		v = *p ? (unsigned char)*p++ : 0;
	}
	*lit = p;
	return v;
}

/*
 * The text of string literal spelling lit ("a\tb", or several pieces "a" "b")
 * into out (size n), escapes decoded as one byte each, up to the first NUL;
 * false when it is not a plain "..." literal or does not fit.
 */
static bool decode(const char *lit, char *out, size_t n)
{
	size_t k = 0;
	bool nul = false;       /* "\0": the string ends there */

	while (*lit && !nul) {
		if (isspace((unsigned char)*lit)) {
			lit++;
			continue;
		}
		if (*lit++ != '"')
			return false;
		while (*lit && *lit != '"') {
			char c = *lit++;

			if (c == '\\') {
				nul = escape(&lit) == 0;
				c = 'e';        /* one byte, not a '%' */
			}
			if (nul)
				break;
			if (k + 1 >= n)
				return false;
			out[k++] = c;
		}
		if (!nul && *lit++ != '"')
			return false;
	}
	out[k] = '\0';
	return true;
}

bool lower_text_literal(CXCursor a)
{
	CXCursor x = lower_strip_casts(a);
	CXString sp;
	char text[256];
	bool ok;

	if (clang_getCursorKind(x) != CXCursor_StringLiteral)
		return false;
	sp = clang_getCursorSpelling(x);
	ok = decode(clang_getCString(sp) ? clang_getCString(sp) : "", text, sizeof(text));
	clang_disposeString(sp);
	return ok && printed(text) > 0;
}
