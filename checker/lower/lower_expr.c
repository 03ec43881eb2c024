/*
 * lower_expr.c - expressions to events.
 *
 * An expression lowers to an operand: the local variable it denotes, a
 * constant, or nothing we track.  What happens to a tracked variable is
 * decided by the consumer of the operand: an unknown callee, a store
 * into memory or a return makes it escape; a borrower or a comparison
 * only looks at it; an assignment to a local makes an alias.
 * Conditions are lowered by lower_cond.c, calls by lower_call.c, what an
 * lvalue names by lower_lvalue.c.
 */
#include "lower_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Emits an event of kind that names only var (no source, no site). */
void lower_emit_var(struct lower *L, enum ir_ev_kind kind, int var, struct ir_loc loc)
{
	struct ir_event ev = { .kind = kind, .loc = loc, .var = var, .src = -1, .site = -1 };

	lower_emit(L, &ev);
}

/* Makes o escape at loc if it is a tracked variable. */
void lower_escape(struct lower *L, struct operand o, struct ir_loc loc)
{
	if (o.kind == OP_VAR)
		lower_emit_var(L, EV_ESCAPE, o.var, loc);
}

/* Skips parentheses, implicit and explicit non-void casts. */
CXCursor lower_strip_casts(CXCursor c)
{
	for (;;) {
		CXCursor kid[3];
		size_t n;

		c = lower_strip(c);
		if (clang_getCursorKind(c) != CXCursor_CStyleCastExpr ||
		    clang_getCursorType(c).kind == CXType_Void)
			return c;
		n = lower_children(c, kid, 3);
		if (n == 0 || n > 3)
			return c;
		c = kid[n - 1];
	}
}

/* Folds a op b into *r; false if op is not one we fold or the result is undefined. */
bool lower_fold(enum CXBinaryOperatorKind op, int64_t a, int64_t b, int64_t *r)
{
	switch (op) {
	case CXBinaryOperator_Mul: *r = (int64_t)((uint64_t)a * (uint64_t)b); return true;
	case CXBinaryOperator_Div: if (!b || (a == INT64_MIN && b == -1)) return false; *r = a / b; return true;
	case CXBinaryOperator_Rem: if (!b || (a == INT64_MIN && b == -1)) return false; *r = a % b; return true;
	case CXBinaryOperator_Add: *r = (int64_t)((uint64_t)a + (uint64_t)b); return true;
	case CXBinaryOperator_Sub: *r = (int64_t)((uint64_t)a - (uint64_t)b); return true;
	case CXBinaryOperator_Shl: if (b < 0 || b > 62) return false; *r = (int64_t)((uint64_t)a << b); return true;
	case CXBinaryOperator_Shr: if (b < 0 || b > 62) return false; *r = a >> b; return true;
	case CXBinaryOperator_LT: *r = a < b; return true;
	case CXBinaryOperator_GT: *r = a > b; return true;
	case CXBinaryOperator_LE: *r = a <= b; return true;
	case CXBinaryOperator_GE: *r = a >= b; return true;
	case CXBinaryOperator_EQ: *r = a == b; return true;
	case CXBinaryOperator_NE: *r = a != b; return true;
	case CXBinaryOperator_And: *r = a & b; return true;
	case CXBinaryOperator_Xor: *r = a ^ b; return true;
	case CXBinaryOperator_Or: *r = a | b; return true;
	default: return false;
	}
}

/* Lowers every expression child of c as a value that escapes. */
static void lower_children_escaping(struct lower *L, CXCursor c)
{
	CXCursor kid[32];
	size_t n = lower_children(c, kid, 32), i;
	bool borrow = lower_int_atomic(c);     /* __atomic_fetch_sub(&o->refs, ..) */

	for (i = 0; i < n && i < 32; i++)
		if (borrow && clang_isExpression(clang_getCursorKind(kid[i])))
			lower_expr(L, kid[i], CTX_BORROW);
		else if (clang_isExpression(clang_getCursorKind(kid[i])))
			lower_escape(L, lower_expr(L, kid[i], CTX_VALUE), lower_cursor_loc(L, kid[i]));
}

/* Whether e is a truth value: a comparison, !x, x && y, x || y. */
bool lower_is_truth_value(CXCursor e)
{
	CXCursor x = lower_strip_casts(e);

	if (clang_getCursorKind(x) == CXCursor_UnaryOperator)
		return clang_getCursorUnaryOperatorKind(x) == CXUnaryOperator_LNot;
	if (clang_getCursorKind(x) != CXCursor_BinaryOperator)
		return false;
	switch (clang_getCursorBinaryOperatorKind(x)) {
	case CXBinaryOperator_EQ: case CXBinaryOperator_NE:
	case CXBinaryOperator_LT: case CXBinaryOperator_LE:
	case CXBinaryOperator_GT: case CXBinaryOperator_GE:
	case CXBinaryOperator_LAnd: case CXBinaryOperator_LOr:
		return true;
	default:
		return false;
	}
}

/*
 * v = (p == NULL): the test is lowered as a branch, and v set to 1 or 0 on
 * each side, so that a later `if (v)` knows what the test found
 * (`*failed = table == NULL; if (*failed) return`).
 */
static void assign_truth(struct lower *L, int v, CXCursor rhs, struct ir_loc loc)
{
	int t = lower_block(L), f = lower_block(L), join = lower_block(L), side;

	lower_cond(L, rhs, t, f);
	for (side = 0; side < 2; side++) {
		struct ir_event ev = { .kind = EV_SETCONST, .loc = loc, .var = v, .src = -1,
				       .site = -1, .value = side == 0 };

		L->cur = side == 0 ? t : f;
		lower_emit(L, &ev);
		lower_goto(L, join);
	}
	L->cur = join;
}

/*
 * Whether rhs is a pointer that is never NULL where it is made: a string
 * literal ("x", or a macro spelling one), the address of a variable
 * (&x, not &p->f), or an array or function named (decaying to its address).
 */
static bool never_null(CXCursor rhs)
{
	CXCursor r = lower_strip_casts(rhs), kid[1];
	enum CXCursorKind k = clang_getCursorKind(r);
	enum CXTypeKind t;

	if (k == CXCursor_StringLiteral)
		return true;
	if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(r) == CXUnaryOperator_AddrOf &&
	    lower_children(r, kid, 1) == 1)
		return clang_getCursorKind(lower_strip_casts(kid[0])) == CXCursor_DeclRefExpr;
	if (k != CXCursor_DeclRefExpr)
		return false;
	t = clang_getCanonicalType(clang_getCursorType(r)).kind;
	return t == CXType_ConstantArray || t == CXType_IncompleteArray ||
	       t == CXType_FunctionProto || t == CXType_FunctionNoProto;
}

/* Local v = rhs: an alias of a variable, a constant, a call's result or a value we do not follow. */
void lower_assign_local(struct lower *L, int v, CXCursor rhs, struct ir_loc loc)
{
	CXCursor r = lower_strip_casts(rhs);
	struct operand o;
	struct ir_event ev = { .loc = loc, .var = v, .src = -1, .site = -1 };

	lower_clobber_bits(L, v, loc);
	if (lower_alias_init(L, v, rhs, loc))
		return;
	if (lower_is_truth_value(r) && !(L->f->vars[v].flags & VAR_POINTER)) {
		assign_truth(L, v, r, loc);
		return;
	}
	if (clang_getCursorKind(r) == CXCursor_CallExpr) {
		L->assign_loc = loc;
		o = lower_call(L, r, v, CTX_VALUE);
		if (o.kind == OP_VAR && o.var == v)
			return;
	} else {
		o = lower_expr(L, rhs, CTX_VALUE);
	}
	if (o.kind == OP_VAR && lower_is_aggregate(rhs)) {
		lower_escape(L, o, loc);        /* t = s: s's members are t's now */
		ev.kind = EV_CLOBBER;
	} else if (o.kind == OP_VAR) {
		if (o.var == v)
			return;
		ev.kind = EV_ASSIGN;
		ev.src = o.var;
	} else if (o.kind == OP_CONST) {
		ev.kind = EV_SETCONST;
		ev.value = o.k;
	} else {
		ev.kind = EV_CLOBBER;
	}
	lower_emit(L, &ev);
	if ((ev.kind == EV_CLOBBER || ev.kind == EV_ASSIGN) && (L->f->vars[v].flags & VAR_POINTER) &&
	    never_null(rhs)) {
		ev.kind = EV_NONNULL;   /* env = ".git": a later `if (env)` is true */
		ev.src = 1;
		lower_emit(L, &ev);
	}
}

static int out_param(struct lower *L, CXCursor lhs);

/* lhs = rhs: an assignment to a local, or a store that lets the value escape. */
static struct operand lower_assignment(struct lower *L, CXCursor e)
{
	CXCursor kid[2];
	struct ir_loc loc = lower_cursor_loc(L, e);
	struct operand o;
	bool copy, value_copy;
	int v;

	if (lower_children(e, kid, 2) != 2)
		return op_none();
	v = lower_local_lvalue(L, kid[0]);
	if (v >= 0) {
		lower_assign_local(L, v, kid[1], loc);
		return op_var(v);
	}
	/* a store into memory or a global: the value leaves our hands */
	if (lower_is_truth_value(kid[1]) && (v = lower_memory_var(L, kid[0], true)) >= 0) {
		lower_expr(L, kid[0], CTX_BORROW);
		assign_truth(L, v, kid[1], loc);
		return op_none();
	}
	lower_expr(L, kid[0], CTX_BORROW);
	o = lower_expr(L, kid[1], CTX_VALUE);
	/* *err = e, with e a flag a callee filled through &e: *err is a copy of
	   it (a summary then relates it to what the callee acquired) */
	copy = o.kind == OP_VAR && out_param(L, kid[0]) &&
	       (L->f->vars[o.var].flags & (VAR_POINTER | VAR_ADDR_TAKEN)) == VAR_ADDR_TAKEN;
	/* node->prev = old: node->prev holds a copy of the pointer old's value
	   (so that it is not NULL once old is dereferenced); old escapes */
	value_copy = !copy && o.kind == OP_VAR && !out_param(L, kid[0]) &&
		     (L->f->vars[o.var].flags & (VAR_POINTER | VAR_TEMP)) == VAR_POINTER;
	/* *valp = strdup(h); if (*valp) ..: *valp names the handle stored, so
	   the test decides it (an out-parameter tested in a statement of its own) */
	copy |= o.kind == OP_VAR && out_param(L, kid[0]) &&
		(L->f->vars[o.var].flags & VAR_POINTER);
	v = lower_memory_var(L, kid[0], o.kind == OP_CONST || copy || value_copy);
	if (v >= 0) {
		struct ir_event ev = { .kind = o.kind == OP_CONST ? EV_SETCONST :
					       copy || value_copy ? EV_ASSIGN : EV_CLOBBER,
				       .loc = loc, .var = v, .src = copy || value_copy ? o.var : -1,
				       .site = -1, .value = o.k, .soft = value_copy };

		lower_emit(L, &ev);
	}
	if (o.kind == OP_VAR) {
		struct ir_event ev = { .kind = EV_ESCAPE, .loc = loc, .var = o.var, .src = -1,
				       .site = -1, .out_param = out_param(L, kid[0]) };

		lower_emit(L, &ev);
	}
	/* the value of the assignment is what was stored: (*out = malloc(n)) == NULL
	   tests the new handle */
	return o.kind == OP_VAR ? o : op_none();
}

/* ++, --, op=: the variable's value changes in a way we do not follow. */
/* For a store *p = ... or p[0] = ... through parameter p: its 1-based index, else 0. */
static int out_param(struct lower *L, CXCursor lhs)
{
	CXCursor x = lower_strip_casts(lhs), kid[2];
	enum CXCursorKind k = clang_getCursorKind(x);
	int64_t i;
	int v;

	if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(x) == CXUnaryOperator_Deref &&
	    lower_children(x, kid, 1) == 1)
		x = lower_strip_casts(kid[0]);
	else if (k == CXCursor_ArraySubscriptExpr && lower_children(x, kid, 2) == 2 &&
		 lower_eval_int(kid[1], &i) && i == 0)
		x = lower_strip_casts(kid[0]);
	else
		return 0;
	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return 0;
	v = lower_local_var(L, x);
	return v >= 0 && v < L->f->nparams ? v + 1 : 0;
}

/*
 * ++, --, op=: the variable's value changes.  Adding or multiplying an
 * integer by a constant keeps its sign (EV_ARITH: counters stay
 * non-zero); anything else, or any change to a pointer, is not followed.
 */
static void lower_update(struct lower *L, CXCursor target, CXCursor rhs, struct ir_loc loc,
			 enum CXBinaryOperatorKind op, int64_t step)
{
	int v = lower_local_lvalue(L, target);
	struct operand k = { OP_CONST, -1, step };
	struct ir_event ev = { .kind = EV_ARITH, .loc = loc, .var = v, .src = 0, .site = -1 };

	if (!clang_Cursor_isNull(rhs))
		k = lower_expr(L, rhs, CTX_BORROW);
	if (v < 0) {
		lower_note_step(L, target, op, k.kind == OP_CONST ? k.k : 0);
		lower_expr(L, target, CTX_BORROW);
		v = lower_memory_var(L, target, false);
		if (v >= 0)
			lower_emit_var(L, EV_CLOBBER, v, loc);
		return;
	}
	lower_clobber_bits(L, v, loc);
	if (!(L->f->vars[v].flags & VAR_POINTER) && k.kind == OP_CONST) {
		if (op == CXBinaryOperator_AddAssign || op == CXBinaryOperator_SubAssign) {
			ev.value = op == CXBinaryOperator_AddAssign ? k.k : -k.k;
			lower_emit(L, &ev);
			return;
		}
		if ((op == CXBinaryOperator_MulAssign && k.k > 0) ||
		    (op == CXBinaryOperator_ShlAssign && k.k >= 0 && k.k < 62)) {
			ev.src = 1;
			ev.value = op == CXBinaryOperator_MulAssign ? k.k : (int64_t)1 << k.k;
			lower_emit(L, &ev);
			return;
		}
	}
	if (L->f->vars[v].flags & VAR_POINTER) {
		ev.src = 2;         /* p++, p += n: a pointer that moves (analyse.c decides) */
		lower_emit(L, &ev);
		return;
	}
	lower_emit_var(L, EV_ESCAPE, v, loc);
	lower_emit_var(L, EV_CLOBBER, v, loc);
}

/* a && b, a || b used as a value: 1 or 0 in a temporary. */
static struct operand lower_logical_value(struct lower *L, CXCursor e, enum ctx ctx)
{
	int t = lower_block(L), f = lower_block(L), j = lower_block(L);
	int tmp = ctx == CTX_IGNORE ? -1 : lower_new_temp(L, "(value)");
	struct ir_loc loc = lower_cursor_loc(L, e);
	struct ir_event ev = { .kind = EV_SETCONST, .loc = loc, .var = tmp, .src = -1, .site = -1 };

	lower_cond(L, e, t, f);
	L->cur = t;
	if (tmp >= 0) {
		ev.value = 1;
		lower_emit(L, &ev);
	}
	lower_goto(L, j);
	L->cur = f;
	if (tmp >= 0) {
		ev.value = 0;
		lower_emit(L, &ev);
	}
	lower_goto(L, j);
	L->cur = j;
	return tmp >= 0 ? op_var(tmp) : op_none();
}

/* c ? a : b: each arm assigns its value to a temporary. */
static struct operand lower_conditional(struct lower *L, CXCursor e, enum ctx ctx)
{
	CXCursor kid[3];
	int a = lower_block(L), b = lower_block(L), j = lower_block(L), arm;
	int tmp = ctx == CTX_IGNORE ? -1 : lower_new_temp(L, "(value)");

	if (lower_children(e, kid, 3) != 3)
		return op_none();
	lower_cond(L, kid[0], a, b);
	for (arm = 1; arm <= 2; arm++) {
		struct operand o;

		L->cur = arm == 1 ? a : b;
		o = lower_expr(L, kid[arm], ctx);
		if (tmp >= 0 && L->cur >= 0) {
			struct ir_event ev = { .loc = lower_cursor_loc(L, kid[arm]), .var = tmp,
					       .src = -1, .site = -1 };

			ev.kind = o.kind == OP_VAR ? EV_ASSIGN : o.kind == OP_CONST ? EV_SETCONST : EV_CLOBBER;
			ev.src = o.var;
			ev.value = o.k;
			lower_emit(L, &ev);
		}
		lower_goto(L, j);
	}
	L->cur = j;
	return tmp >= 0 ? op_var(tmp) : op_none();
}

/* ({ ...; value; }) */
static struct operand lower_stmt_expr(struct lower *L, CXCursor e, enum ctx ctx)
{
	CXCursor kid[1], *body;
	size_t n, i;
	struct operand o = op_none();

	if (lower_children(e, kid, 1) != 1 || clang_getCursorKind(kid[0]) != CXCursor_CompoundStmt)
		return op_none();
	n = lower_children(kid[0], NULL, 0);
	body = xcalloc(n ? n : 1, sizeof(*body));
	lower_children(kid[0], body, n);
	lower_scope_push(L);
	for (i = 0; i < n; i++) {
		if (i + 1 == n && clang_isExpression(clang_getCursorKind(body[i]))) {
			o = lower_expr(L, body[i], ctx);
			if (o.kind == OP_VAR && L->cur >= 0) {
				int tmp = lower_new_temp(L, "(value)");
				struct ir_event ev = { .kind = EV_ASSIGN, .loc = lower_cursor_loc(L, body[i]),
						       .var = tmp, .src = o.var, .site = -1 };

				lower_emit(L, &ev);
				o = op_var(tmp);
			}
		} else {
			lower_stmt(L, body[i]);
		}
	}
	lower_scope_pop(L, lower_end_loc(L, kid[0]));
	free(body);
	return o;
}

/*
 * The pointer b (its operand o) is dereferenced by p->f, p[i] or *p: from
 * here on, on this path, it is not NULL (EV_NONNULL on its variable, or on
 * the pseudo-variable of a value in memory already followed).
 */
static void lower_deref(struct lower *L, CXCursor b, struct operand o, struct ir_loc loc)
{
	int v;

	if (clang_getCanonicalType(clang_getCursorType(b)).kind != CXType_Pointer)
		return;         /* an array names its own storage */
	v = o.kind == OP_VAR ? o.var : lower_memory_var(L, b, false);
	if (v >= 0)
		lower_emit_var(L, EV_NONNULL, v, loc);
}

/* Where an element whose address is taken lies (element_of()). */
enum element {
	ELEM_NONE,      /* not in a buffer a pointer points to (&p->f, &a[i]) */
	ELEM_MEMBER,    /* in the buffer a member points to (&l->items[i]) */
	ELEM_LOCAL,     /* in the buffer a variable points to (&v[i]) */
};

/*
 * Where lvalue x lies: in the buffer a member points to (l->items[i],
 * s.v[i].name), its address an element of what that member owns, a
 * borrow, not a way to the struct holding the member; or in the buffer of
 * a pointer variable (v[i]), a borrow when a member owns that buffer too
 * (the walk decides: a soft EV_ESCAPE).
 */
static enum element element_of(CXCursor x)
{
	CXCursor kid[2];

	for (;;) {
		enum CXCursorKind k;

		x = lower_strip_casts(x);
		k = clang_getCursorKind(x);
		if (k == CXCursor_MemberRefExpr && !lower_is_arrow(x) &&
		    lower_children(x, kid, 2) == 1) {
			x = kid[0];             /* .name of an element */
			continue;
		}
		if (k != CXCursor_ArraySubscriptExpr || lower_children(x, kid, 2) != 2)
			return ELEM_NONE;
		x = lower_strip_casts(kid[0]);
		if (clang_getCanonicalType(clang_getCursorType(x)).kind != CXType_Pointer)
			continue;       /* an array names its own storage */
		k = clang_getCursorKind(x);
		return k == CXCursor_MemberRefExpr ? ELEM_MEMBER :
		       k == CXCursor_DeclRefExpr ? ELEM_LOCAL : ELEM_NONE;
	}
}

/* &x, ++, --, !, -, ~ and the others; constants fold.  addr: e is the operand of &. */
static struct operand lower_unary(struct lower *L, CXCursor e, enum ctx ctx, bool addr)
{
	CXCursor kid[1];
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(e);
	struct ir_loc loc = lower_cursor_loc(L, e);
	struct operand o;

	if (lower_children(e, kid, 1) != 1)
		return op_none();
	switch (op) {
	case CXUnaryOperator_AddrOf: {
		CXCursor x = lower_strip(kid[0]);
		int v = lower_is_arrow(x) && !lower_is_local_arrow(L, x) ? -1 :
			lower_local_lvalue(L, x);

		if (v >= 0) {
			L->f->vars[v].flags |= VAR_ADDR_TAKEN;
			if (ctx == CTX_VALUE)
				lower_emit_var(L, EV_ESCAPE, v, loc);
			lower_emit_var(L, EV_FORGET, v, loc);     /* read(fd, &n, ..) writes n */
			lower_clobber_bits(L, v, loc);
			return op_none();
		}
		v = lower_path_root(L, x);
		L->root_temp = -1;
		L->addr_only = true;            /* &p->f computes an address: no read of *p */
		lower_expr(L, x, CTX_BORROW);
		L->addr_only = false;
		if (v < 0)
			v = L->root_temp;               /* &make()->member */
		if (v >= 0 && ctx == CTX_VALUE && element_of(x) != ELEM_MEMBER) {
			struct ir_event ev = { .kind = EV_ESCAPE, .loc = loc, .var = v, .src = -1,
					       .site = -1, .soft = element_of(x) == ELEM_LOCAL };

			lower_emit(L, &ev);     /* &p->member hands p on */
		}
		return op_none();
	}
	case CXUnaryOperator_PostInc: case CXUnaryOperator_PreInc:
		lower_update(L, kid[0], clang_getNullCursor(), loc, CXBinaryOperator_AddAssign, 1);
		return op_none();
	case CXUnaryOperator_PostDec: case CXUnaryOperator_PreDec:
		lower_update(L, kid[0], clang_getNullCursor(), loc, CXBinaryOperator_SubAssign, 1);
		return op_none();
	case CXUnaryOperator_Extension:
		return lower_expr(L, kid[0], ctx);
	case CXUnaryOperator_LNot:
		o = lower_expr(L, kid[0], CTX_BORROW);
		return o.kind == OP_CONST ? op_const(!o.k) : op_none();
	case CXUnaryOperator_Minus:
		o = lower_expr(L, kid[0], CTX_BORROW);
		return o.kind == OP_CONST ? op_const((int64_t)(0 - (uint64_t)o.k)) : op_none();
	case CXUnaryOperator_Plus:
		o = lower_expr(L, kid[0], CTX_BORROW);
		return o.kind == OP_CONST ? o : op_none();
	case CXUnaryOperator_Not:
		o = lower_expr(L, kid[0], CTX_BORROW);
		return o.kind == OP_CONST ? op_const(~o.k) : op_none();
	case CXUnaryOperator_Deref:
		if (!addr && lower_local_lvalue(L, e) >= 0)
			return op_var(lower_local_lvalue(L, e));       /* *p, p an alias of x */
		o = lower_expr(L, kid[0], CTX_BORROW);
		if (!addr)
			lower_deref(L, kid[0], o, loc);
		return op_none();
	default:        /* __real, __imag */
		lower_expr(L, kid[0], CTX_BORROW);
		return op_none();
	}
}

/* Whether e is a pointer turned into an integer: `(uintptr_t)p`. */
static bool pointer_inside(CXCursor e)
{
	return clang_getCanonicalType(clang_getCursorType(e)).kind != CXType_Pointer &&
	       clang_getCanonicalType(clang_getCursorType(lower_strip_casts(e))).kind == CXType_Pointer;
}

/*
 * Whether `a op b` turns the pointer in a or b into a tagged pointer:
 * (uintptr_t)p | 2, ^ 1, or & ~3 (the mask keeps the high bits).  Not
 * (uintptr_t)p & 7, an alignment test.
 */
static bool tags_pointer(enum CXBinaryOperatorKind op, CXCursor a, CXCursor b)
{
	int64_t k;

	if (!pointer_inside(a) && !pointer_inside(b))
		return false;
	if (op == CXBinaryOperator_Or || op == CXBinaryOperator_Xor)
		return true;
	return op == CXBinaryOperator_And &&
	       ((lower_eval_int(b, &k) && (k < 0 || k > 0xffff)) ||
		(lower_eval_int(a, &k) && (k < 0 || k > 0xffff)));
}

/* Assignments, &&, ||, comma, op= and arithmetic; constants fold. */
static struct operand lower_binary(struct lower *L, CXCursor e, enum ctx ctx)
{
	CXCursor kid[2];
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
	struct operand a, b;
	int64_t r;

	if (lower_children(e, kid, 2) != 2)
		return op_none();
	switch (op) {
	case CXBinaryOperator_Assign:
		return lower_assignment(L, e);
	case CXBinaryOperator_LAnd:
	case CXBinaryOperator_LOr:
		return lower_logical_value(L, e, ctx);
	case CXBinaryOperator_Comma:
		lower_expr(L, kid[0], CTX_IGNORE);
		return lower_expr(L, kid[1], ctx);
	default:
		break;
	}
	if (op >= CXBinaryOperator_MulAssign && op <= CXBinaryOperator_OrAssign) {
		lower_update(L, kid[0], kid[1], lower_cursor_loc(L, e), op, 0);
		return op_none();
	}
	if (ctx == CTX_VALUE && (((op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub) &&
				  clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Pointer) ||
				 tags_pointer(op, kid[0], kid[1]))) {
		/* p + n, or a tagged (uintptr_t)p | 2, may be stored and
		   freed later as p: p escapes */
		struct ir_loc loc = lower_cursor_loc(L, e);

		a = lower_expr(L, kid[0], CTX_VALUE);
		b = lower_expr(L, kid[1], CTX_VALUE);
		lower_escape(L, a, loc);
		lower_escape(L, b, loc);
		return op_none();
	}
	a = lower_expr(L, kid[0], CTX_BORROW);
	b = lower_expr(L, kid[1], CTX_BORROW);
	if (a.kind == OP_CONST && b.kind == OP_CONST && lower_fold(op, a.k, b.k, &r))
		return op_const(r);
	return op_none();
}

static struct operand lower_expr_kind(struct lower *L, CXCursor e, enum ctx ctx);

/* Lowers expression e used as ctx says; the operand it stands for. */
struct operand lower_expr(struct lower *L, CXCursor e, enum ctx ctx)
{
	struct operand o = op_none();

	if (L->depth >= LOWER_MAX_DEPTH) {
		lower_unsupported(L, IR_UNSUPPORTED_NESTING);
		L->addr_only = false;
		return o;
	}
	L->depth++;
	o = lower_expr_kind(L, e, ctx);
	L->depth--;
	return o;
}

/* lower_expr() by the kind of e. */
static struct operand lower_expr_kind(struct lower *L, CXCursor e, enum ctx ctx)
{
	enum CXCursorKind k = clang_getCursorKind(e);
	CXCursor kid[3];
	size_t n;
	int64_t value;
	bool addr = L->addr_only;       /* e is the operand of & (through parentheses) */

	L->addr_only = false;
	switch (k) {
	case CXCursor_ParenExpr:
		L->addr_only = addr;
		if (lower_children(e, kid, 1) == 1)
			return lower_expr(L, kid[0], ctx);
		L->addr_only = false;
		return op_none();
	case CXCursor_UnexposedExpr:
		n = lower_children(e, kid, 2);
		if (lower_unexposed_constant(e, kid, n, &value))
			return op_const(value);
		L->addr_only = addr && n == 1;
		if (n == 1 && clang_isExpression(clang_getCursorKind(kid[0])))
			return lower_expr(L, kid[0], ctx);
		L->addr_only = false;
		if (n == 0)
			return op_none();       /* (no constant: tried above) */
		lower_children_escaping(L, e);
		return op_none();
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
		return lower_eval_int(e, &value) ? op_const(value) : op_none();
	case CXCursor_GNUNullExpr:
		return op_const(0);
	case CXCursor_DeclRefExpr: {
		CXCursor decl = clang_getCursorReferenced(e);
		int v;

		if (clang_getCursorKind(decl) == CXCursor_EnumConstantDecl)
			return op_const(clang_getEnumConstantDeclValue(decl));
		v = lower_local_var(L, e);
		if (v >= 0 && lower_alias_value(L, e, ctx))
			return op_none();       /* p = &x given away: x goes */
		if (v >= 0)
			return op_var(v);
		if (lower_static_const(L, decl, &value))
			return op_const(value);
		return op_none();
	}
	case CXCursor_CStyleCastExpr:
		n = lower_children(e, kid, 3);
		if (n == 0 || n > 3)
			return op_none();
		if (clang_getCursorType(e).kind == CXType_Void)
			ctx = CTX_IGNORE;
		return lower_expr(L, kid[n - 1], ctx);
	case CXCursor_UnaryOperator:
		return lower_unary(L, e, ctx, addr);
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		return lower_binary(L, e, ctx);
	case CXCursor_CallExpr:
		return lower_call(L, e, -1, ctx);
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr: {
		int v = lower_local_lvalue(L, e);

		if (v >= 0) {
			/* a slot of its own (fds[1]; a member p->name): a pointer
			   at its base (p) is dereferenced all the same */
			int base = -1;

			if (!addr && lower_children(e, kid, 1) >= 1 &&
			    clang_getCursorKind(lower_strip_casts(kid[0])) == CXCursor_DeclRefExpr)
				base = lower_local_var(L, lower_strip_casts(kid[0]));
			if (base >= 0)
				lower_deref(L, kid[0], op_var(base), lower_cursor_loc(L, e));
			return op_var(v);
		}
		n = lower_children(e, kid, 2);
		if (n >= 1) {
			struct operand base;

			/* &s.a.b reads nothing, nor does &p->a.b read *p */
			L->addr_only = addr && k == CXCursor_MemberRefExpr &&
				       clang_getCanonicalType(clang_getCursorType(kid[0])).kind !=
				       CXType_Pointer;
			base = lower_expr(L, kid[0], CTX_BORROW);
			L->addr_only = false;
			if (base.kind == OP_VAR && (L->f->vars[base.var].flags & VAR_TEMP))
				L->root_temp = base.var;
			if (n == 2)
				lower_expr(L, kid[1], CTX_BORROW);
			if (!addr)
				lower_deref(L, kid[0], base, lower_cursor_loc(L, e));
		}
		return op_none();
	}
	case CXCursor_ConditionalOperator:
		return lower_conditional(L, e, ctx);
	case CXCursor_StmtExpr:
		return lower_stmt_expr(L, e, ctx);
	case CXCursor_UnaryExpr:        /* sizeof, alignof: operand not evaluated */
		return lower_eval_int(e, &value) ? op_const(value) : op_none();
	case CXCursor_StringLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_ImaginaryLiteral:
		return op_none();
	default:
		lower_children_escaping(L, e);
		return op_none();
	}
}
