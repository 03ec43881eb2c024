/*
 * lower_agg.c - members of local structs and unions as variables.
 *
 * `s.buf`, `iov[0].iov_base`, `u.a` of a local aggregate (a struct or
 * union variable, or a small array of them, declared in the function)
 * become pseudo-variables whose parent is the aggregate, like the slots
 * of a local array: a handle stored there stays tracked, reading it back
 * (free(s.buf)) releases it, the aggregate escaping (returned, copied,
 * passed by address) lets its members' handles go with it, and one that
 * dies still holding a handle leaks it.  Every member of a union is one
 * variable (they share their storage).
 *
 * An aggregate whose address is kept anywhere but as a direct argument
 * of a call (`p = &s`, `q = &s.buf`, an array of structs used as a
 * pointer) is left out: a write through the alias would be unseen.
 * Parameters are left out too (their members belong to the caller).
 */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

/* Members deeper than this (s.a.b.c) are not followed. */
#define AGG_MAX_DEPTH 3

/* How an expression's value is used, as far as aliasing goes. */
enum use {
	USE_VALUE,      /* read or copied */
	USE_ARG,        /* a direct argument of a call */
	USE_ADDR,       /* its address is taken outside a call's argument */
	USE_ADDR_ARG,   /* its address is a direct argument of a call */
	USE_BASE,       /* the base of a member or subscript read */
	USE_NONE,       /* not evaluated (sizeof) */
};

/*
 * A write of a blank struct over *param (memset(p, 0, ..), memcpy(p, &blank,
 * ..), *p = blank, *p = (struct T){ 0 }): a reset of every member when blank
 * is a local named nowhere else (its initialiser holds what it holds).
 */
struct blank_write {
	CXCursor param;             /* the parameter's declaration */
	CXCursor src;               /* the local copied, or a null cursor (memset, a literal) */
};

#define AGG_MAX_BLANKS 16

struct blanks {
	struct blank_write v[AGG_MAX_BLANKS];
	size_t n;
	struct cursor_map refs;     /* local declaration -> references to it seen */
};

struct scan {
	struct lower *L;
	enum use use;
	struct blanks *bl;
	unsigned depth;             /* of the walk: at LOWER_MAX_DEPTH it goes no deeper
				       (the lowering marks such a function unsupported) */
};

/* Whether t (canonical) is a struct or union, or an array of them. */
static bool aggregate_type(CXType t, bool *array)
{
	t = clang_getCanonicalType(t);
	*array = false;
	if (t.kind == CXType_ConstantArray) {
		*array = true;
		t = clang_getCanonicalType(clang_getArrayElementType(t));
	}
	return t.kind == CXType_Record;
}

/* Whether decl is an automatic local variable of the function (not a parameter). */
static bool local_decl(CXCursor decl)
{
	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       clang_Cursor_hasVarDeclGlobalStorage(decl) != 1;
}

static enum CXChildVisitResult scan_child(CXCursor c, CXCursor parent, void *arg);

/* L->aliased value of a parameter whose struct is used as a whole (*p = t). */
#define WHOLE 2
/* ... only ever overwritten with a blank struct (struct blank_write). */
#define RESET 3

/* What a C library writer of raw memory does (whole_writer()). */
enum writer {
	WR_NONE,        /* not one */
	WR_SET,         /* sets its first argument's bytes (memset(p, 0, n)) */
	WR_COPY,        /* copies its second argument's over its first's (memcpy) */
};

/* Whether call c is one of the C library's writers of raw memory (memset(p, ..)). */
static enum writer whole_writer(CXCursor c)
{
	static const char *const names[] = {
		"memset", "bzero", "explicit_bzero", "memset_explicit", "__builtin_memset",
		"memcpy", "memmove", "__builtin_memcpy", "__builtin_memmove", "mempcpy",
	};
	CXString sp = clang_getCursorSpelling(c);
	const char *n = clang_getCString(sp);
	enum writer w = WR_NONE;
	size_t i;

	for (i = 0; n && i < sizeof(names) / sizeof(names[0]) && w == WR_NONE; i++)
		if (strcmp(n, names[i]) == 0 ||
		    (strncmp(n, "__builtin___", 12) == 0 &&
		     strncmp(n + 12, names[i], strlen(names[i])) == 0))
			w = i < 5 ? WR_SET : WR_COPY;
	clang_disposeString(sp);
	return w;
}

/* The parameter pointing to a struct that e (casts aside) names, or a null cursor. */
static CXCursor record_param(CXCursor e)
{
	CXCursor decl;
	CXType t;

	e = lower_strip_casts(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	decl = clang_getCursorReferenced(e);
	t = clang_getCanonicalType(clang_getCursorType(decl));
	if (clang_getCursorKind(decl) != CXCursor_ParmDecl || t.kind != CXType_Pointer ||
	    clang_getCanonicalType(clang_getPointeeType(t)).kind != CXType_Record)
		return clang_getNullCursor();
	return decl;
}

/*
 * p, a parameter pointing to a struct, is read or written as a whole
 * (`*p = t`, `t = *p`, `memset(p, 0, sizeof *p)`): its members change
 * or are copied out without being named, which a summary must know.
 */
static void mark_whole(struct lower *L, CXCursor e)
{
	CXCursor decl = record_param(e);

	if (!clang_Cursor_isNull(decl))
		cursor_map_put(&L->aliased, decl, WHOLE);
}

/*
 * Whether e (casts aside) is a blank struct's value: a compound literal
 * (*src: a null cursor) or a local struct (*src: its declaration).
 */
static bool blank_value(CXCursor e, CXCursor *src)
{
	CXCursor decl;

	e = lower_strip_casts(e);
	*src = clang_getNullCursor();
	if (clang_getCursorKind(e) == CXCursor_CompoundLiteralExpr)
		return true;
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return false;
	decl = clang_getCursorReferenced(e);
	*src = decl;
	return local_decl(decl) &&
	       clang_getCanonicalType(clang_getCursorType(decl)).kind == CXType_Record;
}

/* A blank struct (src, as blank_value() says; ok: it is one) written over *dst. */
static void blank_write(struct scan *s, CXCursor dst, CXCursor src, bool ok)
{
	CXCursor param = record_param(dst);

	if (clang_Cursor_isNull(param))
		return;
	if (!ok || !s->bl || s->bl->n == AGG_MAX_BLANKS)
		cursor_map_put(&s->L->aliased, param, WHOLE);
	else
		s->bl->v[s->bl->n++] = (struct blank_write){ param, src };
}

/* Visits the children of c, each used as use says. */
static void scan_kids(struct scan *from, CXCursor c, enum use use)
{
	struct scan s = { from->L, use, from->bl, from->depth + 1 };

	if (s.depth < LOWER_MAX_DEPTH)
		clang_visitChildren(c, scan_child, &s);
}

/*
 * If c is `*p = x`, p a parameter pointing to a struct: notes the write
 * (a blank one when x is) and scans x; true.  Else false, nothing done.
 */
static bool whole_store(struct scan *s, CXCursor c)
{
	CXCursor kid[2], lhs, p[1], src;
	struct scan v = { s->L, USE_VALUE, s->bl, s->depth };
	bool ok;

	if (clang_getCursorKind(c) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign ||
	    lower_children(c, kid, 2) != 2)
		return false;
	lhs = lower_strip(kid[0]);
	if (clang_getCursorKind(lhs) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(lhs) != CXUnaryOperator_Deref ||
	    lower_children(lhs, p, 1) != 1 || clang_Cursor_isNull(record_param(p[0])))
		return false;
	ok = blank_value(kid[1], &src);
	blank_write(s, p[0], src, ok);
	scan_child(kid[1], c, &v);
	return true;
}

/* The use of the children of c, when c itself is used as `use`. */
static enum use child_use(CXCursor c, enum use use)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:    /* implicit casts */
	case CXCursor_CStyleCastExpr:
		return use;
	case CXCursor_MemberRefExpr:
		/* &s.f takes the address of s; s.f read keeps s in place */
		return use == USE_ADDR || use == USE_ADDR_ARG ? use : USE_BASE;
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf)
			return use == USE_ARG ? USE_ADDR_ARG : USE_ADDR;
		return USE_VALUE;
	case CXCursor_UnaryExpr:        /* sizeof, alignof */
		return USE_NONE;
	default:
		return USE_VALUE;
	}
}

static enum CXChildVisitResult scan_child(CXCursor c, CXCursor parent, void *arg)
{
	struct scan *s = arg;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor kid[2];
	bool array;

	(void)parent;
	if (s->depth >= LOWER_MAX_DEPTH)
		return CXChildVisit_Break;
	if (s->use == USE_NONE || lower_alias_skip(s->L, c))
		return CXChildVisit_Continue;   /* (p = &s, p an alias of s: lower_alias.c) */
	if (k == CXCursor_CallExpr) {
		int i, n = clang_Cursor_getNumArguments(c);
		enum writer w = whole_writer(c);
		CXCursor x, src = clang_getNullCursor();

		if (w == WR_SET && n >= 1)
			blank_write(s, clang_Cursor_getArgument(c, 0), src, true);
		if (w == WR_COPY && n >= 2) {
			bool ok = lower_addr_of(clang_Cursor_getArgument(c, 1), &x) &&
				  blank_value(x, &src);

			blank_write(s, clang_Cursor_getArgument(c, 0), src, ok);
			mark_whole(s->L, clang_Cursor_getArgument(c, 1));  /* copied out */
		}
		if (lower_children(c, kid, 1) >= 1)
			scan_kids(s, kid[0], USE_VALUE);        /* the callee */
		for (i = 0; i < n; i++) {
			struct scan a = { s->L, USE_ARG, s->bl, s->depth + 1 };

			scan_child(clang_Cursor_getArgument(c, (unsigned)i), c, &a);
		}
		return CXChildVisit_Continue;
	}
	if (s->use != USE_BASE && lower_children(c, kid, 2) >= 1 &&
	    ((k == CXCursor_UnaryOperator &&
	      clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref) ||
	     k == CXCursor_ArraySubscriptExpr))
		mark_whole(s->L, kid[0]);       /* t = *p, t = p[0]: all of *p at once */
	if (k == CXCursor_ArraySubscriptExpr && lower_children(c, kid, 2) == 2) {
		struct scan b = { s->L, s->use == USE_ADDR || s->use == USE_ADDR_ARG ?
					s->use : USE_BASE, s->bl, s->depth + 1 };
		struct scan i = { s->L, USE_VALUE, s->bl, s->depth + 1 };

		scan_child(kid[0], c, &b);
		scan_child(kid[1], c, &i);
		return CXChildVisit_Continue;
	}
	if (k == CXCursor_DeclRefExpr) {
		CXCursor decl = clang_getCursorReferenced(c);

		if (s->bl && local_decl(decl))
			cursor_map_put(&s->bl->refs, decl,
				       cursor_map_get(&s->bl->refs, decl) < 0 ? 1 :
				       cursor_map_get(&s->bl->refs, decl) + 1);
		if (local_decl(decl) && aggregate_type(clang_getCursorType(decl), &array) &&
		    (s->use == USE_ADDR || (array && s->use == USE_VALUE)))
			cursor_map_put(&s->L->aliased, decl, 1);
		return CXChildVisit_Continue;
	}
	if (whole_store(s, c))
		return CXChildVisit_Continue;   /* *p = t */
	scan_kids(s, c, child_use(c, s->use));
	return CXChildVisit_Continue;
}

void lower_scan_aliases(struct lower *L, CXCursor body)
{
	struct blanks bl = { .n = 0 };
	struct scan s = { L, USE_VALUE, &bl, 0 };
	size_t i;

	cursor_map_init(&bl.refs);
	scan_kids(&s, body, USE_VALUE);
	for (i = 0; i < bl.n; i++) {
		const struct blank_write *b = &bl.v[i];
		bool blank = clang_Cursor_isNull(b->src) || cursor_map_get(&bl.refs, b->src) == 1;

		if (!blank)
			cursor_map_put(&L->aliased, b->param, WHOLE);  /* a struct filled first */
		else if (cursor_map_get(&L->aliased, b->param) != WHOLE)
			cursor_map_put(&L->aliased, b->param, RESET);
	}
	cursor_map_release(&bl.refs);
}

/* The depth of member and slot pseudo-variables above v (0 for a plain variable). */
static int depth_of(const struct lower *L, int v)
{
	int d = 0;

	while (v >= 0 && (L->f->vars[v].flags & VAR_PSEUDO) && d < 16) {
		v = L->f->vars[v].parent;
		d++;
	}
	return d;
}

/* Whether the variable at the root of base (a DeclRefExpr chain) may have member slots. */
static bool root_allowed(struct lower *L, CXCursor base)
{
	CXCursor kid[2], decl;

	for (;;) {
		enum CXCursorKind k;

		base = lower_strip(base);
		k = clang_getCursorKind(base);
		if (k == CXCursor_DeclRefExpr)
			break;
		if ((k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr) ||
		    lower_children(base, kid, 2) < 1)
			return false;
		base = kid[0];
	}
	decl = clang_getCursorReferenced(base);
	return local_decl(decl) && cursor_map_get(&L->aliased, decl) < 0;
}

/* Whether canonical type t is an integer type. */
static bool integer_type(CXType t)
{
	return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) || t.kind == CXType_Enum;
}

/* The VAR_COUNT or VAR_TEXT flag of a member of type mt of a struct (see ir.h), or 0. */
static unsigned member_flags(CXType mt)
{
	CXType pt;

	mt = clang_getCanonicalType(mt);
	if (integer_type(mt))
		return VAR_COUNT;
	pt = clang_getCanonicalType(clang_getPointeeType(mt));
	return mt.kind == CXType_Pointer &&
	       (pt.kind == CXType_Char_S || pt.kind == CXType_Char_U ||
		pt.kind == CXType_SChar || pt.kind == CXType_UChar) ? VAR_TEXT : 0;
}

unsigned lower_count_flag(CXCursor c)
{
	CXCursor kid[2], base;

	c = lower_strip_casts(c);
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr || lower_is_arrow(c) ||
	    lower_children(c, kid, 2) != 1)
		return 0;
	base = lower_strip(kid[0]);
	return clang_getCursorKind(base) == CXCursor_DeclRefExpr &&
	       local_decl(clang_getCursorReferenced(base)) ?
	       member_flags(clang_getCursorType(c)) & VAR_COUNT : 0;
}

/*
 * The pseudo-variable for member name, of type mt, of aggregate variable b,
 * of type bt (canonical); a member of a struct gets member_flags().
 */
static int field_var(struct lower *L, int b, CXType bt, const char *name, CXType mt)
{
	bool is_union = clang_getCursorKind(clang_getTypeDeclaration(bt)) == CXCursor_UnionDecl;
	/* the members of a union share one variable */
	char *key = is_union ? arena_printf(&L->f->arena, "#%d|", b) :
			       arena_printf(&L->f->arena, "#%d.%s", b, name);
	int v = lower_pseudo(L, key, arena_printf(&L->f->arena, "%s.%s", L->f->vars[b].name, name),
			     b);

	if (!is_union)
		L->f->vars[v].flags |= member_flags(mt);
	return v;
}

/* For p->name or (*p).name, with p a pointer variable: p's reference. */
static bool arrow_base(CXCursor member, CXCursor *ref)
{
	CXCursor kid[2], base;
	CXType t;

	if (clang_getCursorKind(member) != CXCursor_MemberRefExpr ||
	    lower_children(member, kid, 2) != 1)
		return false;
	base = lower_strip_casts(kid[0]);
	t = clang_getCanonicalType(clang_getCursorType(base));
	if (t.kind != CXType_Pointer) {
		/* (*p).name */
		if (clang_getCursorKind(base) != CXCursor_UnaryOperator ||
		    clang_getCursorUnaryOperatorKind(base) != CXUnaryOperator_Deref ||
		    lower_children(base, kid, 1) != 1)
			return false;
		base = lower_strip_casts(kid[0]);
	}
	*ref = base;
	return true;
}

bool lower_is_arrow(CXCursor c)
{
	CXCursor ref;

	return arrow_base(lower_strip(c), &ref);
}

bool lower_is_local_arrow(struct lower *L, CXCursor c)
{
	CXCursor ref, x;

	return arrow_base(lower_strip(c), &ref) && lower_alias_addr(L, ref, &x);
}

/* Whether canonical type t points to a function. */
static bool function_pointer(CXType t)
{
	CXType pt = clang_getCanonicalType(clang_getPointeeType(t));

	return t.kind == CXType_Pointer &&
	       (pt.kind == CXType_FunctionProto || pt.kind == CXType_FunctionNoProto);
}

/*
 * The VAR_FIELD pseudo-variable for p->name, with p a local or parameter
 * pointing to a struct and name a pointer member (not a pointer to a
 * function: it holds no resource); -1 otherwise.
 */
static int arrow_field(struct lower *L, CXCursor member)
{
	CXCursor ref;
	CXType mt = clang_getCanonicalType(clang_getCursorType(member));
	char *name;
	int p;

	if (mt.kind != CXType_Pointer || function_pointer(mt) ||
	    !arrow_base(member, &ref) ||
	    clang_getCursorKind(ref) != CXCursor_DeclRefExpr)
		return -1;
	p = lower_local_var(L, ref);
	if (p < 0 || (L->f->vars[p].flags & VAR_PSEUDO))
		return -1;
	name = lower_spelling(L, member);
	return lower_field_named(L, p, name);
}

int lower_field_named(struct lower *L, int p, const char *name)
{
	size_t n = L->f->nvars;
	int v = lower_pseudo(L, arena_printf(&L->f->arena, "#%d->%s", p, name),
			     arena_printf(&L->f->arena, "%s->%s", L->f->vars[p].name, name), p);

	if ((size_t)v == n) {
		L->f->vars[v].flags |= VAR_FIELD | VAR_MEMORY | VAR_POINTER;
		L->fields = xrealloc(L->fields, (L->nfields + 1) * sizeof(*L->fields));
		L->fields[L->nfields++] = v;
	}
	return v;
}

/*
 * The VAR_FIELD pseudo-variable "p->[K]" for p[K], p a parameter and K a
 * constant 0..15 (close(fd[0]) in close_pair(int fd[2])): its release is
 * the summary's "frees member [K] of arg N", which a caller passing a
 * local array applies to its slot (analyse_pmem.c); -1 otherwise.
 */
int lower_param_slot(struct lower *L, CXCursor arg)
{
	CXCursor x = lower_strip(arg), kid[2], base;
	int64_t i;
	int p;

	if (clang_getCursorKind(x) != CXCursor_ArraySubscriptExpr || lower_children(x, kid, 2) != 2)
		return -1;
	base = lower_strip(kid[0]);
	if (clang_getCursorKind(base) != CXCursor_DeclRefExpr ||
	    clang_getCursorKind(clang_getCursorReferenced(base)) != CXCursor_ParmDecl ||
	    !lower_eval_int(kid[1], &i) || i < 0 || i > 15)
		return -1;
	p = lower_local_var(L, base);
	if (p < 0 || !(L->f->vars[p].flags & VAR_PARAM))
		return -1;
	return lower_field_named(L, p, arena_printf(&L->f->arena, "[%d]", (int)i));
}

int lower_member_slot(struct lower *L, CXCursor member)
{
	CXCursor kid[2], base;
	CXType bt;
	bool array;
	int b;

	if (lower_children(member, kid, 2) != 1)
		return -1;
	base = lower_strip(kid[0]);
	if (lower_is_arrow(member)) {
		CXCursor ref;

		/* p->name, p an alias of local s: s.name */
		if (!arrow_base(member, &ref) || !lower_alias_addr(L, ref, &base))
			return arrow_field(L, member);
		base = lower_strip(base);
	}
	bt = clang_getCanonicalType(clang_getCursorType(base));
	if (bt.kind != CXType_Record || !aggregate_type(bt, &array) || !root_allowed(L, base))
		return -1;
	b = lower_local_lvalue(L, base);
	if (b < 0 || (L->f->vars[b].flags & VAR_PARAM) || depth_of(L, b) >= AGG_MAX_DEPTH)
		return -1;
	return field_var(L, b, bt, lower_spelling(L, member), clang_getCursorType(member));
}

struct fields {
	CXCursor *v;
	size_t n, max;
};

static enum CXVisitorResult collect_field(CXCursor c, CXClientData arg)
{
	struct fields *f = arg;

	if (f->n == f->max)
		return CXVisit_Break;
	f->v[f->n++] = c;
	return CXVisit_Continue;
}

#define AGG_MAX_FIELDS 32

/*
 * For a designated initialiser `.name = x` of one member: name's cursor
 * (a MemberRef) and x.  False for anything else (positional, .a.b = x,
 * [i] = x).
 */
static bool designated(CXCursor e, CXCursor *field, CXCursor *value)
{
	CXCursor kid[3];

	if (clang_getCursorKind(e) != CXCursor_UnexposedExpr || lower_children(e, kid, 3) != 2 ||
	    clang_getCursorKind(kid[0]) != CXCursor_MemberRef)
		return false;
	*field = clang_getCursorReferenced(kid[0]);
	*value = kid[1];
	return !clang_Cursor_isNull(*field);
}

/* Member m gets initialiser x (a nested list goes to m's members). */
static void init_member(struct lower *L, int m, CXType ft, CXCursor x, struct ir_loc loc);

/*
 * Assigns the initialisers of init (an initialiser list) to the members of
 * aggregate b: all positional (one per member, in order) or all of the form
 * `.name = x`.  False, with nothing emitted, for any other list.
 */
static bool init_members(struct lower *L, int b, CXType t, CXCursor init, struct ir_loc loc)
{
	CXCursor fld[AGG_MAX_FIELDS + 1], kid[AGG_MAX_FIELDS + 1], name[AGG_MAX_FIELDS + 1];
	CXCursor val[AGG_MAX_FIELDS + 1];
	struct fields f = { fld, 0, AGG_MAX_FIELDS + 1 };
	size_t n, i, ndesig = 0;

	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Record || depth_of(L, b) >= AGG_MAX_DEPTH ||
	    clang_getCursorKind(init) != CXCursor_InitListExpr)
		return false;
	clang_Type_visitFields(t, collect_field, &f);
	n = lower_children(init, kid, AGG_MAX_FIELDS + 1);
	if (f.n > AGG_MAX_FIELDS || n > f.n)
		return false;
	for (i = 0; i < n; i++)
		ndesig += designated(kid[i], &name[i], &val[i]);
	if (ndesig != n && (ndesig || n != f.n))
		return false;   /* (an initialiser we cannot pair with its member) */
	for (i = 0; i < n; i++) {
		CXCursor fc = ndesig ? name[i] : fld[i];
		CXType ft = clang_getCursorType(fc);

		init_member(L, field_var(L, b, t, lower_spelling(L, fc), ft), ft,
			    ndesig ? val[i] : kid[i], loc);
	}
	return true;
}

static void init_member(struct lower *L, int m, CXType ft, CXCursor x, struct ir_loc loc)
{
	CXCursor s = lower_strip(x);

	if (clang_getCursorKind(s) != CXCursor_InitListExpr)
		lower_assign_local(L, m, x, loc);
	else if (!init_members(L, m, ft, s, loc))
		lower_escape(L, lower_expr(L, s, CTX_VALUE), loc);
}

bool lower_init_members(struct lower *L, int v, CXCursor decl, CXCursor init, struct ir_loc loc)
{
	if (!local_decl(decl) || cursor_map_get(&L->aliased, decl) >= 0)
		return false;
	return init_members(L, v, clang_getCursorType(decl), lower_strip(init), loc);
}

bool lower_is_aggregate(CXCursor e)
{
	bool array;

	return aggregate_type(clang_getCursorType(e), &array);
}

void lower_whole_params(struct lower *L, CXCursor fn)
{
	int i, n = clang_Cursor_getNumArguments(fn);

	for (i = 0; i < n && i < L->f->nparams; i++)
		switch (cursor_map_get(&L->aliased, clang_Cursor_getArgument(fn, (unsigned)i))) {
		case WHOLE:
			lower_emit_var(L, EV_CLOBBER, lower_field_named(L, i, "*"), L->f->loc);
			break;
		case RESET:     /* every member set to no resource (summary_members.c) */
			lower_emit_var(L, EV_SETCONST, lower_field_named(L, i, "*"), L->f->loc);
			break;
		}
}

#define AGG_MAX_MEMBERS 16

void lower_agg_members(struct lower *L, int v, CXCursor arg)
{
	CXCursor x, fv[AGG_MAX_FIELDS];
	struct fields fs = { fv, 0, AGG_MAX_FIELDS };
	CXType t;
	size_t i, made = 0;

	if (v < 0 || (!lower_addr_of(arg, &x) && !lower_alias_addr(L, arg, &x)) ||
	    (L->f->vars[v].flags & VAR_PARAM) ||
	    depth_of(L, v) >= AGG_MAX_DEPTH - 1)
		return;
	x = lower_strip(x);
	t = clang_getCanonicalType(clang_getCursorType(x));
	if (t.kind != CXType_Record || !root_allowed(L, x) ||
	    clang_getCursorKind(clang_getTypeDeclaration(t)) == CXCursor_UnionDecl)
		return;
	clang_Type_visitFields(t, collect_field, &fs);
	for (i = 0; i < fs.n && made < AGG_MAX_MEMBERS; i++) {
		CXType ft = clang_getCanonicalType(clang_getCursorType(fv[i]));
		CXString sp;

		if (ft.kind != CXType_Pointer || function_pointer(ft))
			continue;
		sp = clang_getCursorSpelling(fv[i]);
		if (clang_getCString(sp)[0])
			field_var(L, v, t, arena_strdup(&L->f->arena, clang_getCString(sp)), ft);
		clang_disposeString(sp);
		made++;
	}
}
