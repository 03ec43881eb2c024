/*
 * lower_cond.c - conditions to branches.
 *
 * A condition becomes branches on one variable against a constant: &&,
 * || and ?: become several branches, ! swaps the targets.  So that the
 * same test made twice takes the same branch twice, a scalar in memory
 * (lower_memory_var), a bit test `x & K` and an equality of two locals
 * each get a pseudo-variable to branch on.  An equality of two truth
 * values (`(x == 0) != (p == NULL)`) tests the second after each outcome
 * of the first.  The operands are lowered with lower_expr(), so calls in
 * a condition are events like any other.
 */
#include "lower_int.h"

#include <string.h>

/* The comparison of a relational or equality operator. */
static enum ir_cmp cmp_of(enum CXBinaryOperatorKind op)
{
	switch (op) {
	case CXBinaryOperator_EQ: return CMP_EQ;
	case CXBinaryOperator_NE: return CMP_NE;
	case CXBinaryOperator_LT: return CMP_LT;
	case CXBinaryOperator_LE: return CMP_LE;
	case CXBinaryOperator_GT: return CMP_GT;
	default: return CMP_GE;
	}
}

/* The comparison that holds for (b, a) when c holds for (a, b). */
static enum ir_cmp cmp_swap(enum ir_cmp c)
{
	switch (c) {
	case CMP_LT: return CMP_GT;
	case CMP_LE: return CMP_GE;
	case CMP_GT: return CMP_LT;
	case CMP_GE: return CMP_LE;
	default: return c;
	}
}

/* The condition text a branch shows in the notes of a path. */
struct cond_note {
	const char *text;           /* the condition as written */
	bool negated;               /* text is the negation of what is tested */
	struct ir_loc loc;
};

/* Ends the current block with a branch on var cmp k to t (holds) or f. */
static void branch(struct lower *L, int var, enum ir_cmp cmp, int64_t k, int t, int f,
		   const struct cond_note *note)
{
	struct ir_term *term;

	lower_ensure(L);
	L->last_branch = L->cur;
	term = &L->f->blocks[L->cur].term;
	term->kind = T_BRANCH;
	term->var = var;
	term->cmp = cmp;
	term->value = k;
	term->t = t;
	term->f = f;
	term->loc = note->loc;
	term->text = note->text;
	term->negated = note->negated;
	term->note = note->text ? BN_COND : BN_NONE;
	L->cur = -1;
}

static int bit_test_var(struct lower *L, CXCursor x, int64_t k);

/* For `x & K` (either way round) with K a constant: x and K. */
static bool masked(CXCursor s, CXCursor *x, int64_t *k)
{
	CXCursor kid[2];
	int side;

	if (clang_getCursorKind(s) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(s) != CXBinaryOperator_And ||
	    lower_children(s, kid, 2) != 2)
		return false;
	for (side = 0; side < 2; side++)
		if (lower_eval_int(kid[1 - side], k)) {
			*x = kid[side];
			return true;
		}
	return false;
}

/*
 * The pseudo-variable for a bit test `x & K` of a local or of a scalar in
 * memory, so the same test twice takes the same branch; -1 otherwise.
 * An assignment to the local clobbers it (lower_clobber_bits).
 */
static int bits_var(struct lower *L, CXCursor e)
{
	CXCursor x;
	int64_t k;

	if (!masked(lower_strip_casts(e), &x, &k))
		return -1;
	return bit_test_var(L, x, k);
}

/* The pseudo-variable for the bit test `x & k` (see bits_var()), or -1. */
static int bit_test_var(struct lower *L, CXCursor x, int64_t k)
{
	int v;
	char *key;

	v = lower_local_lvalue(L, x);
	if (v >= 0) {
		size_t n = L->f->nvars;
		int b;

		key = arena_printf(&L->f->arena, "bits:%d&%lld", v, (long long)k);
		b = lower_pseudo(L, key, arena_printf(&L->f->arena, "%s & %lld",
						      L->f->vars[v].name, (long long)k), v);
		if ((size_t)b == n) {
			L->bits = xrealloc(L->bits, (L->nbits + 1) * sizeof(*L->bits));
			L->bits[L->nbits++] = b;
		}
		return b;
	}
	key = lower_lvalue_key(L, x);
	if (!key)
		return -1;
	key = arena_printf(&L->f->arena, "mem:%s&%lld", key, (long long)k);
	v = lower_pseudo(L, key, key + 4, lower_path_root(L, x));
	L->f->vars[v].flags |= VAR_MEMORY;
	return v;
}

/* v changes: the bit tests and equalities made of it are forgotten. */
void lower_clobber_bits(struct lower *L, int v, struct ir_loc loc)
{
	size_t i;

	for (i = 0; i < L->nbits; i++)
		if (L->f->vars[L->bits[i]].parent == v)
			lower_emit_var(L, EV_CLOBBER, L->bits[i], loc);
	for (i = 0; i < L->npairs; i++)
		if (L->pairs[i].a == v || L->pairs[i].b == v)
			lower_emit_var(L, EV_CLOBBER, L->pairs[i].var, loc);
	/* p changes: p->name no longer names the member of the same object */
	for (i = 0; i < L->nfields; i++)
		if (L->f->vars[L->fields[i]].parent == v)
			lower_emit_var(L, EV_FORGET, L->fields[i], loc);
}

/*
 * The pseudo-variable for `a == b` of two locals, so that the same test
 * twice takes the same branch: it is 0 when they are equal (branch on it
 * != 0 for a != b), and forgotten when either changes.
 */
static int pair_var(struct lower *L, int a, int b)
{
	char *key;
	size_t n = L->f->nvars;
	int v;

	if (a > b) {
		int t = a;

		a = b;
		b = t;
	}
	key = arena_printf(&L->f->arena, "pair:%d:%d", a, b);
	v = lower_pseudo(L, key, arena_printf(&L->f->arena, "%s == %s", L->f->vars[a].name,
					      L->f->vars[b].name), -1);
	if ((size_t)v == n) {
		L->pairs = xrealloc(L->pairs, (L->npairs + 1) * sizeof(*L->pairs));
		L->pairs[L->npairs].var = v;
		L->pairs[L->npairs].a = a;
		L->pairs[L->npairs++].b = b;
	}
	return v;
}

/* Whether e names a variable of static storage that is not a local's (stdin, a global). */
static bool is_global(struct lower *L, CXCursor e)
{
	CXCursor x = lower_strip_casts(e), decl;

	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return false;
	decl = clang_getCursorReferenced(x);
	(void)L;
	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       clang_Cursor_hasVarDeclGlobalStorage(decl) == 1 &&
	       clang_getCursorKind(clang_getCursorSemanticParent(decl)) == CXCursor_TranslationUnit;
}

/*
 * Whether e is a pointer that existed before anything the function
 * acquires: a global (stdin), or the address of a local array or
 * variable (`buf != stackbuf`, `p == &fallback`).
 */
static bool is_foreign(struct lower *L, CXCursor e)
{
	CXCursor x = lower_strip_casts(e), decl;

	if (is_global(L, e))
		return true;
	if (lower_addr_of(x, &decl))
		x = lower_strip_casts(decl);
	else if (clang_getCanonicalType(clang_getCursorType(x)).kind != CXType_ConstantArray &&
		 clang_getCanonicalType(clang_getCursorType(x)).kind != CXType_VariableArray)
		return false;       /* (an array names its own storage) */
	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return false;
	decl = clang_getCursorReferenced(x);
	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       clang_Cursor_hasVarDeclGlobalStorage(decl) != 1 &&
	       clang_getCursorKind(clang_getCursorSemanticParent(decl)) != CXCursor_TranslationUnit;
}

/* An operand of a condition: a memory scalar or a bit test becomes its pseudo-variable. */
static struct operand cond_operand(struct lower *L, CXCursor e)
{
	struct operand o = lower_expr(L, e, CTX_BORROW);
	int v;

	if (o.kind != OP_NONE)
		return o;
	v = lower_memory_var(L, e, true);
	if (v < 0)
		v = bits_var(L, e);
	return v >= 0 ? op_var(v) : o;
}

static void cond_kind(struct lower *L, CXCursor c, int t, int f, const struct cond_note *outer);

static enum CXChildVisitResult find_call(CXCursor c, CXCursor parent, void *arg)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_CallExpr || k == CXCursor_StmtExpr) {
		*(bool *)arg = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/*
 * Whether `a == b` or `a != b` compares two truth values (`(x == 0) !=
 * (p == NULL)`) and b may be lowered twice, once after each outcome of a:
 * it holds no call nor statement expression.
 */
static bool truth_equality(CXCursor a, CXCursor b)
{
	bool call = false;

	if (!lower_is_truth_value(a) || !lower_is_truth_value(b))
		return false;
	clang_visitChildren(b, find_call, &call);
	return !call;
}

/* Lowers condition c (bounded recursion); outer: the text to show, or NULL for c's own. */
static void cond_rec(struct lower *L, CXCursor c, int t, int f, const struct cond_note *outer)
{
	if (L->depth >= LOWER_MAX_DEPTH) {
		lower_unsupported(L, IR_UNSUPPORTED_NESTING);
		lower_goto(L, t);
		return;
	}
	L->depth++;
	cond_kind(L, c, t, f, outer);
	L->depth--;
}

/*
 * For `~x & K` with K a single bit: the pseudo-variable of the bit test
 * `x & K`, whose value is 0 exactly when this one holds; else -1.
 */
static int inverted_bit(struct lower *L, CXCursor s)
{
	CXCursor x, inner[1];
	int64_t k;

	if (!masked(s, &x, &k) || k <= 0 || (k & (k - 1)))
		return -1;
	x = lower_strip_casts(x);
	if (clang_getCursorKind(x) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(x) != CXUnaryOperator_Not ||
	    lower_children(x, inner, 1) != 1)
		return -1;
	return bit_test_var(L, inner[0], k);
}

/* Lowers condition c by its kind: !, &&, ||, comma, comparison, ?:, __builtin_expect, value. */
static void cond_kind(struct lower *L, CXCursor c, int t, int f, const struct cond_note *outer)
{
	CXCursor s = lower_strip_casts(c), kid[3];
	enum CXCursorKind k = clang_getCursorKind(s);
	struct cond_note note;
	struct operand a, b;
	int v;

	if (outer) {
		note = *outer;
	} else {
		note.text = lower_text(L, s);
		note.negated = false;
		note.loc = lower_cursor_loc(L, s);
	}
	if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot &&
	    lower_children(s, kid, 1) == 1) {
		note.negated = !note.negated;
		cond_rec(L, kid[0], f, t, &note);
		return;
	}
	if (k == CXCursor_BinaryOperator && lower_children(s, kid, 2) == 2) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
		int mid;

		switch (op) {
		case CXBinaryOperator_LAnd:
		case CXBinaryOperator_LOr:
			/* b is tested when a holds (a && b) or when it does not (a || b) */
			mid = lower_block(L);
			if (op == CXBinaryOperator_LAnd)
				cond_rec(L, kid[0], mid, f, NULL);
			else
				cond_rec(L, kid[0], t, mid, NULL);
			L->cur = mid;
			cond_rec(L, kid[1], t, f, NULL);
			return;
		case CXBinaryOperator_Comma:
			lower_expr(L, kid[0], CTX_IGNORE);
			cond_rec(L, kid[1], t, f, &note);
			return;
		case CXBinaryOperator_EQ: case CXBinaryOperator_NE:
		case CXBinaryOperator_LT: case CXBinaryOperator_LE:
		case CXBinaryOperator_GT: case CXBinaryOperator_GE: {
			int64_t r;

			if ((op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) &&
			    truth_equality(kid[0], kid[1])) {
				/* (a) != (b): b decides after each outcome of a */
				int x = lower_block(L), y = lower_block(L);
				bool eq = op == CXBinaryOperator_EQ;

				cond_rec(L, kid[0], x, y, NULL);
				L->cur = x;
				cond_rec(L, kid[1], eq ? t : f, eq ? f : t, NULL);
				L->cur = y;
				cond_rec(L, kid[1], eq ? f : t, eq ? t : f, NULL);
				return;
			}

			a = cond_operand(L, kid[0]);
			b = cond_operand(L, kid[1]);
			if ((op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) &&
			    ((a.kind == OP_VAR && is_foreign(L, kid[1])) ||
			     (b.kind == OP_VAR && is_foreign(L, kid[0])))) {
				branch(L, a.kind == OP_VAR && is_foreign(L, kid[1]) ? a.var : b.var,
				       cmp_of(op), 0, t, f, &note);
				L->f->blocks[L->last_branch].term.foreign = true;
			} else if ((op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) &&
				   a.kind == OP_VAR && b.kind == OP_VAR && a.var != b.var &&
				   !(L->f->vars[a.var].flags & (VAR_TEMP | VAR_PSEUDO)) &&
				   !(L->f->vars[b.var].flags & (VAR_TEMP | VAR_PSEUDO))) {
				branch(L, pair_var(L, a.var, b.var), cmp_of(op), 0, t, f, &note);
				L->f->blocks[L->last_branch].term.pair1[0] = a.var + 1;
				L->f->blocks[L->last_branch].term.pair1[1] = b.var + 1;
			} else if (a.kind == OP_VAR && b.kind == OP_CONST)
				branch(L, a.var, cmp_of(op), b.k, t, f, &note);
			else if (a.kind == OP_CONST && b.kind == OP_VAR)
				branch(L, b.var, cmp_swap(cmp_of(op)), a.k, t, f, &note);
			else if (a.kind == OP_CONST && b.kind == OP_CONST && lower_fold(op, a.k, b.k, &r))
				lower_goto(L, r ? t : f);
			else
				branch(L, -1, CMP_NE, 0, t, f, &note);
			return;
		}
		default:
			break;
		}
	}
	if (k == CXCursor_ConditionalOperator && lower_children(s, kid, 3) == 3) {
		int x = lower_block(L), y = lower_block(L);

		cond_rec(L, kid[0], x, y, NULL);
		L->cur = x;
		cond_rec(L, kid[1], t, f, NULL);
		L->cur = y;
		cond_rec(L, kid[2], t, f, NULL);
		return;
	}
	if (k == CXCursor_CallExpr && clang_Cursor_getNumArguments(s) >= 1) {
		CXString cs = clang_getCursorSpelling(clang_getCursorReferenced(s));
		bool expect = !strncmp(clang_getCString(cs), "__builtin_expect", 16);

		clang_disposeString(cs);
		if (expect) {
			cond_rec(L, clang_Cursor_getArgument(s, 0), t, f, &note);
			return;
		}
	}
	if ((v = inverted_bit(L, s)) >= 0) {
		branch(L, v, CMP_EQ, 0, t, f, &note);   /* ~flags & K: flags & K is 0 */
		return;
	}
	a = cond_operand(L, s);
	if (a.kind == OP_CONST)
		lower_goto(L, a.k ? t : f);
	else
		branch(L, a.kind == OP_VAR ? a.var : -1, CMP_NE, 0, t, f, &note);
}

/* Ends the temporaries of the current full expression (their scope is over). */
void lower_flush_temps(struct lower *L)
{
	size_t i;

	if (L->cur >= 0)
		for (i = L->ntemps; i-- > 0;) {
			struct ir_event ev = { .kind = EV_SCOPE_END, .var = L->temps[i], .src = -1,
					       .site = -1, .exit = EXIT_SCOPE };

			lower_emit(L, &ev);
		}
	L->ntemps = 0;
}

/*
 * Lowers condition c to branches reaching t when it holds and f when not.
 * Temporaries made while evaluating it die on both edges.
 */
void lower_cond(struct lower *L, CXCursor c, int t, int f)
{
	size_t before = L->ntemps, i;
	int t2 = lower_block(L), f2 = lower_block(L), edge;

	cond_rec(L, c, t2, f2, NULL);
	for (edge = 0; edge < 2; edge++) {
		L->cur = edge ? f2 : t2;
		for (i = L->ntemps; i-- > before;) {
			struct ir_event ev = { .kind = EV_SCOPE_END, .var = L->temps[i], .src = -1,
					       .site = -1, .exit = EXIT_SCOPE };

			lower_emit(L, &ev);
		}
		lower_goto(L, edge ? f : t);
	}
	L->ntemps = before;
}
