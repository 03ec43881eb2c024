/*
 * lower_call.c - calls to events: a callee a rule names acquires,
 * releases, borrows or never returns; any other direct call becomes an
 * EV_CALL that the analysis resolves with the callee's summary; calls
 * through pointers are unknown (their arguments escape) unless a rule
 * names the global pointer.
 */
#include "lower_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The spelling of the struct type an expression points to or is, or NULL. */
static const char *record_type(struct lower *L, CXType t)
{
	CXString sp;
	const char *r;

	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind != CXType_Record)
		return NULL;
	sp = clang_getTypeSpelling(t);
	r = arena_strdup(&L->f->arena, clang_getCString(sp));
	clang_disposeString(sp);
	return r;
}

/* For a lock argument &s->lock: the type of *s, whose holder may unlock it. */
const char *lower_container_type(struct lower *L, CXCursor arg)
{
	CXCursor x = lower_strip_casts(arg), kid[2];

	if (clang_getCursorKind(x) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(x) == CXUnaryOperator_AddrOf &&
	    lower_children(x, kid, 1) == 1)
		x = lower_strip_casts(kid[0]);
	if (clang_getCursorKind(x) != CXCursor_MemberRefExpr || lower_children(x, kid, 2) != 1)
		return NULL;
	return record_type(L, clang_getCursorType(kid[0]));
}

static bool is_setjmp(const char *name)
{
	return !strcmp(name, "setjmp") || !strcmp(name, "_setjmp") ||
	       !strcmp(name, "sigsetjmp") || !strcmp(name, "__sigsetjmp") ||
	       !strcmp(name, "savectx") || !strcmp(name, "vfork");
}

/* The release entry of fn taking argument ai, or NULL. */
static const struct rule_release *release_arg(const struct rule_fn *fn, int ai)
{
	const struct rule_release *r;

	for (r = fn ? fn->release : NULL; r; r = r->next)
		if (r->arg == ai)
			return r;
	return NULL;
}

static void lower_release_arg(struct lower *L, const struct rule_fn *fn, CXCursor arg,
			      struct ir_loc loc)
{
	struct ir_event ev = { .kind = EV_RELEASE, .loc = loc, .src = -1, .site = -1 };
	char *key = lower_object_key(L, arg);
	void *pv = key ? strmap_get(&L->pseudo, key) : NULL;
	struct operand o;

	if (pv) {
		lower_expr(L, arg, CTX_BORROW);
		ev.var = (int)(intptr_t)pv - 1;
	} else {
		o = lower_expr(L, arg, CTX_BORROW);
		if (o.kind != OP_VAR)
			return;
		ev.var = o.var;
	}
	ev.rel = fn->release;
	ev.callee = fn->name;
	lower_emit(L, &ev);
}

/* The handle destination of an acquisition's out/out-array/object
 * argument; -1 when it goes somewhere we do not track (then the
 * acquisition is treated as stored away). */
static int acquire_target(struct lower *L, const struct rule_acquire *acq, CXCursor arg)
{
	CXCursor x = lower_strip_casts(arg), kid[1];
	char *key;
	int v;

	switch (acq->shape) {
	case SHAPE_OUT:
		if (clang_getCursorKind(x) != CXCursor_UnaryOperator ||
		    clang_getCursorUnaryOperatorKind(x) != CXUnaryOperator_AddrOf ||
		    lower_children(x, kid, 1) != 1)
			return -1;
		return lower_local_lvalue(L, kid[0]);
	case SHAPE_OUT_ARRAY:
		if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
			return -1;
		v = lower_local_var(L, x);
		return v < 0 ? -1 : lower_array_slot(L, clang_getCursorReferenced(x), v, 0);
	case SHAPE_OBJECT: {
		size_t n;

		key = lower_object_key(L, arg);
		if (!key)
			return -1;
		n = L->f->nvars;
		v = lower_pseudo(L, key, key, -1);
		if ((size_t)v == n) {
			L->locks = xrealloc(L->locks, (L->nlocks + 1) * sizeof(*L->locks));
			L->lock_types = xrealloc(L->lock_types,
						 (L->nlocks + 1) * sizeof(*L->lock_types));
			L->locks[L->nlocks] = v;
			L->lock_types[L->nlocks++] = lower_container_type(L, arg);
		}
		return v;
	}
	default:
		return -1;
	}
}

/*
 * An unknown callee that receives an object (or a pointer into it) may
 * unlock the locks it holds: the lock objects rooted there escape.
 */
void lower_escape_locks(struct lower *L, CXCursor arg, struct ir_loc loc)
{
	char *key;
	size_t i, n;

	const char *type;

	if (!L->nlocks)
		return;
	type = record_type(L, clang_getCursorType(arg));
	key = lower_object_key(L, arg);
	if (key && key[0] == '*')
		key++;
	n = key ? strlen(key) : 0;
	for (i = 0; i < L->nlocks; i++) {
		const char *name = L->f->vars[L->locks[i]].name;
		bool same_object = key && (!strcmp(name, key) ||
					   (name[0] == '*' && !strcmp(name + 1, key)) ||
					   (!strncmp(name, key, n) &&
					    (name[n] == '-' || name[n] == '.' || name[n] == '[')));
		/* another path to an object of the same type may be the same object */
		bool same_type = type && L->lock_types[i] && !strcmp(type, L->lock_types[i]);

		if (same_object || same_type) {
			struct ir_event ev = { .kind = EV_ESCAPE, .loc = loc, .var = L->locks[i],
					       .src = -1, .site = -1 };

			lower_emit(L, &ev);
		}
	}
}

/*
 * A direct call no rule describes: an EV_CALL event that the analysis
 * resolves with the callee's summary (computed from its body, in this
 * file or another), or as an unknown callee that takes every argument.
 */
static struct operand lower_summarised_call(struct lower *L, CXCursor call, CXCursor decl,
					    const char *name, int dst, struct ir_loc loc)
{
	int nargs = clang_Cursor_getNumArguments(call), i;
	struct ir_event ev = { .kind = EV_CALL, .loc = loc, .src = -1 };
	struct ir_site site = { .dst = -1, .status = -1, .from = -1, .ndst = 0 };

	ev.args = arena_alloc(&L->f->arena, (size_t)(nargs > 0 ? nargs : 1) * sizeof(*ev.args));
	for (i = 0; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i), x = lower_strip_casts(a), kid[1];
		struct operand o;
		int v = -1;

		if (clang_getCursorKind(x) == CXCursor_UnaryOperator &&
		    clang_getCursorUnaryOperatorKind(x) == CXUnaryOperator_AddrOf &&
		    lower_children(x, kid, 1) == 1)
			v = lower_local_lvalue(L, kid[0]);
		if (v >= 0) {
			L->f->vars[v].flags |= VAR_ADDR_TAKEN;
			lower_clobber_bits(L, v, loc);
			ev.args[i].kind = ARG_ADDR;
			ev.args[i].var = v;
		} else {
			o = lower_expr(L, a, CTX_VALUE);
			ev.args[i].kind = o.kind == OP_VAR ? ARG_VAR : ARG_NONE;
			ev.args[i].var = o.kind == OP_VAR ? o.var : -1;
		}
		lower_escape_locks(L, a, loc);
	}
	ev.nargs = nargs > 0 ? nargs : 0;
	ev.callee = arena_strdup(&L->f->arena, name);
	ev.key = clang_getCursorLinkage(decl) == CXLinkage_Internal ?
		 arena_printf(&L->f->arena, "%s:%s", L->f->unit ? L->f->unit : "", name) : ev.callee;
	ev.var = dst >= 0 ? dst : lower_new_temp(L, "(result)");
	ev.loc = dst >= 0 ? L->assign_loc : loc;
	site.loc = loc;
	ev.site = ir_site_add(L->f, &site);
	lower_guess(L, decl, name, &ev);
	lower_emit(L, &ev);
	return op_var(ev.var);
}

/*
 * A call through a global function pointer that a rule names (curl's
 * Curl_cmalloc, set once to malloc): the pointer variable's declaration,
 * so the call is matched like a direct call.  A null cursor otherwise.
 */
static CXCursor rule_pointer(struct lower *L, CXCursor call)
{
	CXCursor kid[1], decl;
	CXString cs;
	bool named;

	if (lower_children(call, kid, 1) < 1)
		return clang_getNullCursor();
	kid[0] = lower_strip_casts(kid[0]);
	if (clang_getCursorKind(kid[0]) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(kid[0]) == CXUnaryOperator_Deref &&
	    lower_children(kid[0], kid, 1) == 1)
		kid[0] = lower_strip_casts(kid[0]);   /* (*fp)(...) */
	if (clang_getCursorKind(kid[0]) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	decl = clang_getCursorReferenced(kid[0]);
	if (clang_getCursorKind(decl) != CXCursor_VarDecl ||
	    clang_Cursor_hasVarDeclGlobalStorage(decl) != 1)
		return clang_getNullCursor();
	cs = clang_getCursorSpelling(decl);
	named = rules_lookup(L->tu->rules, clang_getCString(cs)) != NULL;
	clang_disposeString(cs);
	return named ? decl : clang_getNullCursor();
}

/*
 * Whether a call is given the address of a local struct (MYSQL m;
 * mysql_init(&m)): an allocator called so initialises that struct in
 * place and returns its address, which is nothing to release.
 */
static bool fills_local_struct(struct lower *L, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call), i;

	for (i = 0; i < n; i++) {
		CXCursor x = lower_strip_casts(clang_Cursor_getArgument(call, (unsigned)i)), kid[1];

		if (clang_getCursorKind(x) == CXCursor_UnaryOperator &&
		    clang_getCursorUnaryOperatorKind(x) == CXUnaryOperator_AddrOf &&
		    lower_children(x, kid, 1) == 1 &&
		    clang_getCursorKind(lower_strip(kid[0])) == CXCursor_DeclRefExpr &&
		    lower_local_var(L, lower_strip(kid[0])) >= 0 &&
		    clang_getCanonicalType(clang_getCursorType(kid[0])).kind == CXType_Record)
			return true;
	}
	return false;
}

/* If arg is a parameter of pointer type: its 1-based index, else 0. */
static int param_pointer(struct lower *L, CXCursor arg)
{
	CXCursor x = lower_strip_casts(arg);
	int v;

	if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
		return 0;
	v = lower_local_var(L, x);
	return v >= 0 && v < L->f->nparams && (L->f->vars[v].flags & VAR_POINTER) ? v + 1 : 0;
}

struct operand lower_call(struct lower *L, CXCursor call, int dst, enum ctx ctx)
{
	CXCursor decl = clang_getCursorReferenced(call);
	struct ir_loc loc = lower_cursor_loc(L, call);
	const struct rule_fn *fn = NULL;
	const struct rule_acquire *acq = NULL;
	struct operand result = op_none();
	struct ir_site site = { .dst = -1, .status = -1, .from = -1, .ndst = 1 };
	bool track = true;
	int nargs = clang_Cursor_getNumArguments(call), i, out_to = 0;
	CXString cs;
	char name[128];

	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		decl = rule_pointer(L, call);
	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl &&
	    clang_getCursorKind(decl) != CXCursor_VarDecl) {
		/* through a function pointer: an unknown callee */
		CXCursor kid[1];

		if (lower_children(call, kid, 1) >= 1)
			lower_expr(L, kid[0], CTX_BORROW);
		for (i = 0; i < nargs; i++) {
			CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);

			lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
		}
		lower_forget_memory(L, loc);
		return op_none();
	}
	cs = clang_getCursorSpelling(decl);
	snprintf(name, sizeof(name), "%s", clang_getCString(cs));
	clang_disposeString(cs);

	if (!strncmp(name, "__builtin_expect", 16) && nargs >= 1) {
		struct operand o = lower_expr(L, clang_Cursor_getArgument(call, 0), ctx);

		for (i = 1; i < nargs; i++)
			lower_expr(L, clang_Cursor_getArgument(call, (unsigned)i), CTX_BORROW);
		return o;
	}
	if (is_setjmp(name))
		lower_unsupported(L, "calls setjmp() or vfork()");
	fn = rules_lookup(L->tu->rules, name);
	acq = fn ? fn->acquire : NULL;
	if (!fn && strncmp(name, "__builtin_", 10) != 0 && !lower_is_noreturn(L, decl, name))
		return lower_summarised_call(L, call, decl, name, dst, loc);

	for (i = 0; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
		int ai = i + 1;
		struct operand o;

		if (acq && acq->shape != SHAPE_RETURN && ai == acq->arg) {
			site.dst = acquire_target(L, acq, a);
			if (site.dst < 0 && acq->shape == SHAPE_OUT && (out_to = param_pointer(L, a))) {
				/* vasprintf(ret, ...) with ret a parameter: acquired,
				   then stored into *ret (an out-parameter of ours) */
				site.dst = lower_new_temp(L, "(result)");
			} else if (site.dst < 0) {
				lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
				track = false;
			}
			continue;
		}
		if (acq && (ai == acq->transfer || ai == acq->reopen)) {
			o = lower_expr(L, a, CTX_BORROW);
			if (o.kind == OP_VAR)
				site.from = o.var;
			continue;
		}
		if (release_arg(fn, ai)) {
			lower_release_arg(L, fn, a, loc);
			continue;
		}
		if (fn && (fn->borrow || fn->acquire || fn->release || fn->noreturn)) {
			o = lower_expr(L, a, CTX_BORROW);
			if (fn->returns_arg == ai)
				result = o;
			continue;
		}
		lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
		lower_escape_locks(L, a, loc);
	}

	if (!fn || !(fn->borrow || fn->acquire || fn->release))
		lower_forget_memory(L, loc);
	if (lower_is_noreturn(L, decl, name)) {
		lower_ensure(L);
		L->f->blocks[L->cur].term.kind = T_DEAD;
		L->cur = -1;
		return op_none();
	}
	if (!acq || !track)
		return result;
	if (acq->reopen && site.from < 0)
		return op_none();   /* freopen(..., stdin): the result is the untracked stream */
	if (acq->shape == SHAPE_RETURN && fills_local_struct(L, call))
		return op_none();   /* mysql_init(&m): set up in place, its address returned */

	site.acq = acq;
	site.loc = loc;
	if (acq->shape == SHAPE_RETURN) {
		site.dst = dst >= 0 ? dst : lower_new_temp(L, "(result)");
		result = op_var(site.dst);
	} else {
		if (acq->shape == SHAPE_OUT_ARRAY)
			site.ndst = acq->count;
		site.status = dst >= 0 ? dst : ctx == CTX_IGNORE ? -1 : lower_new_temp(L, "(status)");
		result = site.status >= 0 ? op_var(site.status) : op_none();
	}
	{
		/* an overwrite is reported at the assignment, the acquisition at the call */
		struct ir_event ev = { .kind = EV_ACQUIRE, .loc = dst >= 0 ? L->assign_loc : loc,
				       .var = site.dst, .src = -1 };

		ev.site = ir_site_add(L->f, &site);
		lower_emit(L, &ev);
	}
	if (out_to) {
		struct ir_event st = { .kind = EV_ESCAPE, .loc = loc, .var = site.dst, .src = -1,
				       .site = -1, .out_param = out_to };

		lower_emit(L, &st);
	}
	return result;
}
