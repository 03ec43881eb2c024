/*
 * lower_call.c - calls to events: a callee a rule names acquires,
 * releases, borrows or never returns; any other direct call becomes an
 * EV_CALL that the analysis resolves with the callee's summary (lower_callee.c); calls
 * through pointers are unknown (their arguments escape) unless a rule
 * names the global pointer, or the pointer is a parameter (its arguments
 * are lent to whatever function the caller gives: EV_ESCAPE with src).
 * A function named as an argument is ARG_FUNC, a pointer into a local
 * pointer's object (p + n, &p->f) ARG_INNER.
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

	if (lower_addr_of(arg, &kid[0]))
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

/* The release entry of fn taking argument ai among those of mask, or NULL. */
static const struct rule_release *release_arg(const struct rule_fn *fn, int ai, unsigned mask)
{
	const struct rule_release *r;
	unsigned i = 0;

	for (r = fn ? fn->release : NULL; r && i < 32; r = r->next, i++)
		if (r->arg == ai && (mask & (1u << i)))
			return r;
	return NULL;
}

/*
 * The pseudo-variable for the object argument arg points to (a lock, a
 * temporary file's name, a transaction on a connection), keyed by key.
 * When arg is a local pointer p, "*p" hangs from p: handing p on (return
 * p, a store, an unknown callee) hands the object on too.  So does a
 * local-only object from the local variable it is part of (regex_t re;
 * regcomp(&re, ..); *out = re).
 */
static int object_var(struct lower *L, CXCursor arg, const char *key, bool local_only)
{
	CXCursor x = lower_strip_casts(arg);
	int parent = -1;

	if (key[0] == '*' && clang_getCursorKind(x) == CXCursor_DeclRefExpr)
		parent = lower_local_var(L, x);
	else if (local_only)
		parent = lower_local_object(L, arg);
	return lower_pseudo(L, key, key, parent);
}

/* Whether every release entry of fn in mask gives back an object resource. */
static bool releases_objects_only(const struct rule_fn *fn, unsigned mask)
{
	const struct rule_release *r;
	unsigned i = 0;

	for (r = fn->release; r && i < 32; r = r->next, i++)
		if ((mask & (1u << i)) && !r->res->object)
			return false;
	return true;
}

/*
 * Releases what argument arg of a call to fn holds: the object it points
 * to (a lock, a temporary file, a transaction on the connection) and the
 * handle it is.  A call that only releases objects (unlink(path),
 * funlockfile(fp)) leaves the handle alone, and does nothing to an object
 * not taken earlier in the function; when both are followed, each is
 * released only if fn releases its kind (fclose(fp) after flockfile(fp)
 * closes the stream).
 */
static void lower_release_arg(struct lower *L, const struct rule_fn *fn, CXCursor arg,
			      unsigned mask, struct ir_loc loc)
{
	struct ir_event ev = { .kind = EV_RELEASE, .loc = loc, .src = -1, .site = -1 };
	char *key = lower_object_key(L, arg);
	void *pv = key ? strmap_get(&L->pseudo, key) : NULL;
	bool objects = releases_objects_only(fn, mask);
	struct operand o = lower_expr(L, arg, CTX_BORROW);

	ev.rel = fn->release;
	ev.rel_mask = mask;
	ev.callee = fn->name;
	if (objects) {
		/* nothing to do before the object is first taken in the
		   function (unlock(&l) ... lock(&l): called holding it) */
		if (pv) {
			ev.var = (int)(intptr_t)pv - 1;
			lower_emit(L, &ev);
		}
		return;
	}
	ev.soft = pv && o.kind == OP_VAR;
	if (pv) {
		ev.var = (int)(intptr_t)pv - 1;
		lower_emit(L, &ev);
	}
	if (o.kind == OP_VAR && !objects) {
		ev.var = o.var;
		lower_emit(L, &ev);
	} else if (!pv && (ev.var = lower_param_slot(L, arg)) >= 0) {
		lower_emit(L, &ev);
	}
}


/* The handle destination of an acquisition's out/out-array/object
 * argument; -1 when it goes somewhere we do not track (then the
 * acquisition is treated as stored away). */
static int acquire_target(struct lower *L, const struct rule_acquire *acq, CXCursor arg)
{
	CXCursor x = lower_strip_casts(arg);
	char *key;
	int v;

	switch (acq->shape) {
	case SHAPE_OUT:
		return lower_addr_local(L, arg);
	case SHAPE_OUT_ARRAY:
		if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
			return -1;
		v = lower_local_var(L, x);
		return v < 0 ? -1 : lower_array_slot(L, clang_getCursorReferenced(x), v, 0);
	case SHAPE_OBJECT: {
		size_t n;

		if (acq->res->local_only && lower_local_object(L, arg) < 0)
			return -1;
		key = lower_object_key(L, arg);
		if (!key)
			return -1;
		n = L->f->nvars;
		v = object_var(L, arg, key, acq->res->local_only);
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
		const char *inner = name[0] == '*' ? name + 1 : name;   /* *s->path: s->path */
		bool same_object = key && (!strcmp(inner, key) ||
					   (!strncmp(inner, key, n) &&
					    (inner[n] == '-' || inner[n] == '.' || inner[n] == '[')));
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
 * A call through a global function pointer that a rule names (curl's
 * Curl_cmalloc, set once to malloc): the pointer variable's declaration,
 * so the call is matched like a direct call.  A function named in
 * parentheses ((g_steal_pointer)(pp), which keeps a macro of the same
 * name from expanding) is that function.  A null cursor otherwise.
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
	if (clang_getCursorKind(decl) == CXCursor_FunctionDecl)
		return decl;    /* (g_steal_pointer)(pp): a parenthesised name */
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
		CXCursor kid[1];

		if (lower_addr_of(clang_Cursor_getArgument(call, (unsigned)i), &kid[0]) &&
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

/*
 * The text of argument ai (1-based) when it is a string literal, else
 * NULL.  The cursor's spelling is the literal with adjacent ones joined
 * ("BEGIN" " IMMEDIATE"); escapes are left as written.
 */
static const char *literal_arg(struct lower *L, CXCursor call, int ai)
{
	CXCursor a;
	CXString sp;
	const char *text = NULL, *q, *end;

	if (ai < 1 || ai > clang_Cursor_getNumArguments(call))
		return NULL;
	a = lower_strip_casts(clang_Cursor_getArgument(call, (unsigned)ai - 1));
	if (clang_getCursorKind(a) != CXCursor_StringLiteral)
		return NULL;
	sp = clang_getCursorSpelling(a);
	q = strchr(clang_getCString(sp), '"');          /* after a prefix: L, u8 */
	end = q ? strrchr(q + 1, '"') : NULL;
	if (end)
		text = arena_strndup(&L->f->arena, q + 1, (size_t)(end - q - 1));
	clang_disposeString(sp);
	return text;
}

/* Whether entry condition c holds for call. */
static bool cond_holds(struct lower *L, CXCursor call, const struct rule_strcond *c)
{
	return !c || rules_strcond_holds(c, literal_arg(L, call, c->arg));
}

/*
 * Whether acquire entry a applies to call: its string-literal condition
 * and its conditions on arguments (lower_match.c) hold.
 */
static bool acquire_applies(struct lower *L, CXCursor call, const struct rule_acquire *a)
{
	return cond_holds(L, call, a->when) && lower_arg_conds_hold(L, call, a);
}

/* Bit i: release entry i of fn applies to this call (its string condition holds). */
static unsigned release_mask(struct lower *L, CXCursor call, const struct rule_fn *fn)
{
	const struct rule_release *r;
	unsigned mask = 0, i = 0;

	for (r = fn ? fn->release : NULL; r && i < 32; r = r->next, i++)
		if (cond_holds(L, call, r->when))
			mask |= 1u << i;
	return mask;
}

/* One acquisition a call performs (mkstemp: the descriptor and the file). */
struct call_acq {
	const struct rule_acquire *acq;
	struct ir_site site;
	bool track;                 /* its handle goes somewhere we follow */
	int out_to;                 /* handed on to *param out_to of ours, or 0 */
};

#define MAX_CALL_ACQ 4

/* The acquisitions of fn that apply to call, the returned handle first. */
static size_t call_acquisitions(struct lower *L, CXCursor call, const struct rule_fn *fn,
				struct call_acq *out)
{
	const struct rule_acquire *a;
	size_t n = 0;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (a = fn ? fn->acquire : NULL; a && n < MAX_CALL_ACQ; a = a->next) {
			if ((a->shape == SHAPE_RETURN) != (pass == 0) ||
			    !acquire_applies(L, call, a))
				continue;
			memset(&out[n], 0, sizeof(out[n]));
			out[n].acq = a;
			out[n].track = true;
			out[n].site.dst = out[n].site.status = out[n].site.from = -1;
			out[n].site.ndst = 1;
			n++;
		}
	return n;
}

/* The acquisition of acqs taking its handle through argument ai, or NULL. */
static struct call_acq *acq_at_arg(struct call_acq *acqs, size_t n, int ai)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (acqs[k].acq->shape != SHAPE_RETURN && acqs[k].acq->arg == ai)
			return &acqs[k];
	return NULL;
}

/*
 * Whether an acquisition stores its handle through a pointer that is not
 * the address of a local (vasprintf(strp, ..) with strp a parameter):
 * what was known of that memory (*strp = NULL before the call) is stale.
 */
static bool writes_memory(const struct call_acq *acqs, size_t nacq)
{
	size_t k;

	for (k = 0; k < nacq; k++)
		if (acqs[k].acq->shape != SHAPE_RETURN && acqs[k].acq->shape != SHAPE_OBJECT &&
		    (acqs[k].out_to || !acqs[k].track))
			return true;
	return false;
}

/*
 * Whether call hands a function to its callee (qsort's comparison): that
 * function may run during the call and write any memory (a global flag).
 */
static bool passes_callback(CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call), i;

	for (i = 0; i < n; i++) {
		CXType t = clang_getCanonicalType(
			clang_getCursorType(clang_Cursor_getArgument(call, (unsigned)i)));

		if (t.kind == CXType_Pointer)
			t = clang_getCanonicalType(clang_getPointeeType(t));
		if (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)
			return true;
	}
	return false;
}

/* Lowers argument a (number ai) of a call to fn, a callee some rule names. */
static void lower_rule_arg(struct lower *L, const struct rule_fn *fn, CXCursor a, int ai,
			   unsigned relmask, struct call_acq *acqs, size_t nacq,
			   struct operand *result, struct ir_loc loc)
{
	struct call_acq *c = acq_at_arg(acqs, nacq, ai);
	struct operand o;
	size_t k;
	bool from = false;

	if (c) {
		c->site.dst = acquire_target(L, c->acq, a);
		if (c->site.dst < 0 && c->acq->shape == SHAPE_OUT && (c->out_to = param_pointer(L, a))) {
			/* vasprintf(ret, ...) with ret a parameter: acquired,
			   then stored into *ret (an out-parameter of ours) */
			c->site.dst = lower_new_temp(L, "(result)");
		} else if (c->site.dst < 0 && c->acq->res->local_only) {
			/* regcomp(&s->re, ..): the obligation goes with *s */
			lower_expr(L, a, CTX_BORROW);
			c->track = false;
		} else if (c->site.dst < 0) {
			lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
			c->track = false;
		} else if (c->acq->transfer == ai) {
			c->site.from = c->site.dst;     /* getline(&line, ...): grows *line */
		}
		if (c->acq->shape != SHAPE_OBJECT || !release_arg(fn, ai, relmask))
			return;
	}
	for (k = 0; k < nacq; k++)
		if (acqs[k].acq->transfer == ai || acqs[k].acq->reopen == ai || acqs[k].acq->ref == ai)
			from = true;
	if (from) {
		o = lower_expr(L, a, CTX_BORROW);
		for (k = 0; k < nacq; k++)
			if (o.kind == OP_VAR && (acqs[k].acq->transfer == ai || acqs[k].acq->reopen == ai ||
						 acqs[k].acq->ref == ai))
				acqs[k].site.from = o.var;
		return;
	}
	if (release_arg(fn, ai, relmask)) {
		lower_release_arg(L, fn, a, relmask, loc);
		return;
	}
	if ((fn->borrow || fn->acquire || fn->release || fn->noreturn) && fn->keeps != ai) {
		int v;

		if (fn->returns_arg == 1 && ai > 1 && (v = lower_addr_local(L, a)) >= 0 &&
		    ((L->f->vars[v].flags & VAR_POINTER) || lower_aggregate_arg(L, a))) {
			/* memcpy(slot, &p, sizeof p): the pointer itself is copied into
			   memory; memcpy(out, &s, sizeof s): what s holds, too */
			lower_escape(L, op_var(v), loc);
			return;
		}
		o = lower_expr(L, a, CTX_BORROW);
		if (fn->returns_arg == ai)
			*result = o;
		return;
	}
	lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
	lower_escape_locks(L, a, loc);
}

/*
 * Emits the acquisitions of a call: the first one followed is the
 * primary, whose handle or status the caller tests; the others are
 * decided by the same test (site.primary).
 */
static struct operand emit_acquisitions(struct lower *L, struct call_acq *acqs, size_t nacq,
					int dst, enum ctx ctx, bool ret_pointer, int error_var,
					struct ir_loc loc)
{
	struct operand result = op_none();
	int primary = -1;
	size_t k;

	for (k = 0; k < nacq; k++) {
		struct call_acq *c = &acqs[k];
		const struct rule_acquire *acq = c->acq;
		struct ir_event ev = { .kind = EV_ACQUIRE, .src = -1 };

		if (!c->track || (acq->reopen && c->site.from < 0))
			continue;   /* freopen(..., stdin): the result is the untracked stream */
		c->site.acq = acq;
		c->site.loc = loc;
		if (acq->shape == SHAPE_RETURN) {
			c->site.dst = dst >= 0 ? dst : lower_new_temp(L, "(result)");
			if (dst < 0 && ret_pointer)     /* g_assert_null(g_memdup2(NULL, n)) */
				L->f->vars[c->site.dst].flags |= VAR_POINTER;
			result = op_var(c->site.dst);
		} else {
			if (acq->shape == SHAPE_OUT_ARRAY)
				c->site.ndst = acq->count;
			if (primary < 0) {
				c->site.status = dst >= 0 ? dst : ctx == CTX_IGNORE ? -1 :
						 lower_new_temp(L, "(status)");
				result = c->site.status >= 0 ? op_var(c->site.status) : op_none();
			}
		}
		c->site.discarded = dst < 0 && ctx == CTX_IGNORE;
		c->site.led_by = primary + 1;
		if (primary < 0)
			c->site.error_var1 = error_var + 1;
		/* an overwrite is reported at the assignment, the acquisition at the call */
		ev.loc = dst >= 0 && (acq->shape == SHAPE_RETURN || primary < 0) ? L->assign_loc : loc;
		ev.var = c->site.dst;
		ev.site = ir_site_add(L->f, &c->site);
		if (primary < 0)
			primary = ev.site;
		lower_emit(L, &ev);
		if (c->out_to) {
			struct ir_event st = { .kind = EV_ESCAPE, .loc = loc, .var = c->site.dst,
					       .src = -1, .site = -1, .out_param = c->out_to };

			lower_emit(L, &st);
		}
	}
	return result;
}

/*
 * st = PQresultStatus(res): the status of what the call that returned
 * res acquired with it (see EV_STATUS).  Its arguments are lowered already.
 */
static struct operand lower_status_of(struct lower *L, CXCursor call, const struct rule_fn *fn,
				      int dst, struct ir_loc loc)
{
	CXCursor a = lower_strip_casts(clang_Cursor_getArgument(call, (unsigned)fn->status_of - 1));
	struct ir_event ev = { .kind = EV_STATUS, .loc = loc, .site = -1 };

	if (clang_getCursorKind(a) != CXCursor_DeclRefExpr || (ev.src = lower_local_var(L, a)) < 0)
		return op_none();
	ev.var = dst >= 0 ? dst : lower_new_temp(L, "(status)");
	ev.callee = fn->name;
	lower_emit(L, &ev);
	return op_var(ev.var);
}

/*
 * The pseudo-variable standing for the result of a pure call (strcmp(path,
 * "-")) whose arguments are locals, paths in memory, literals or
 * constants, so that calling it again with the same unchanged arguments
 * takes the same branch: `if (strcmp(path, "-")) fp = fopen(path, "r");
 * ... if (strcmp(path, "-")) fclose(fp);`.  Assigning an argument
 * variable, or a call that may write memory, forgets it.  -1 otherwise.
 */
static int pure_result(struct lower *L, CXCursor call, const char *name)
{
	int nargs = clang_Cursor_getNumArguments(call), i, vars[2] = { -1, -1 }, nv = 0, v;
	size_t n = L->f->nvars;
	char *key = arena_printf(&L->f->arena, "pure:%s(", name);

	for (i = 0; i < nargs; i++) {
		CXCursor a = lower_strip_casts(clang_Cursor_getArgument(call, (unsigned)i));
		const char *lit = clang_getCursorKind(a) == CXCursor_StringLiteral ?
				  literal_arg(L, call, i + 1) : NULL;
		char *part = lit ? arena_printf(&L->f->arena, "\"%s\"", lit) : NULL;
		int64_t k;

		if (!part && lower_eval_int(a, &k))
			part = arena_printf(&L->f->arena, "%lld", (long long)k);
		if (!part && clang_getCursorKind(a) == CXCursor_DeclRefExpr &&
		    (v = lower_local_var(L, a)) >= 0 && nv < 2) {
			vars[nv++] = v;
			part = arena_printf(&L->f->arena, "%s", L->f->vars[v].name);
		}
		if (!part)
			return -1;
		key = arena_printf(&L->f->arena, "%s%s%s", key, i ? ", " : "", part);
	}
	key = arena_printf(&L->f->arena, "%s)", key);
	v = lower_pseudo(L, key, key + 5, vars[0]);
	if ((size_t)v == n) {
		L->f->vars[v].flags |= VAR_MEMORY | VAR_PURE;
		L->pairs = xrealloc(L->pairs, (L->npairs + 1) * sizeof(*L->pairs));
		L->pairs[L->npairs].var = v;
		L->pairs[L->npairs].a = vars[0];
		L->pairs[L->npairs++].b = vars[1];
	}
	return v;
}

/*
 * _FORTIFY_SOURCE turns printf(fmt, ...) into __printf_chk(flag, fmt,
 * ...), memcpy into __builtin___memcpy_chk, asprintf into __asprintf_chk;
 * headers also call __builtin_strlen: the rule of the plain name, when
 * the variant keeps the positions it names (a borrower; an acquirer or
 * borrower through argument 1 at most).
 */
static const struct rule_fn *fortified(struct lower *L, const char *name)
{
	const struct rule_fn *fn;
	const struct rule_acquire *a;
	char plain[128];
	size_t n;

	if (!strncmp(name, "__builtin_", 10))
		name += 10;             /* __builtin___memcpy_chk, __builtin_strlen */
	n = strlen(name);
	if (n > 6 && !strncmp(name, "__", 2) && !strcmp(name + n - 4, "_chk")) {
		name += 2;
		n -= 6;
	}
	if (n >= sizeof(plain))
		return NULL;
	memcpy(plain, name, n);
	plain[n] = '\0';
	fn = rules_lookup(L->tu->rules, plain);
	if (!fn || fn->release || fn->noreturn || fn->returns_arg > 1 || fn->status_of ||
	    fn->steals || fn->keeps)
		return NULL;
	for (a = fn->acquire; a; a = a->next)
		if (a->arg > 1 || a->transfer > 1 || a->reopen > 1 || a->when || a->value_arg ||
		    a->named_by)
			return NULL;
	return fn;
}

/*
 * The result of a call returning its argument v or NULL (realpath(path,
 * buf), fgets(buf, n, fp)): a temporary that is, on one side of a branch
 * on nothing, a copy of v, not NULL (so neither is v), and on the other
 * 0, which says nothing of v.
 */
static struct operand or_null_result(struct lower *L, int v, struct ir_loc loc)
{
	int tmp = lower_new_temp(L, "(result)"), same = lower_block(L), null = lower_block(L);
	int join = lower_block(L);
	struct ir_event copy = { .kind = EV_ASSIGN, .loc = loc, .var = tmp, .src = v, .site = -1 };
	struct ir_event zero = { .kind = EV_SETCONST, .loc = loc, .var = tmp, .src = -1, .site = -1 };
	struct ir_event nonnull = { .kind = EV_NONNULL, .loc = loc, .var = tmp, .src = 1, .site = -1 };
	struct ir_term *t;

	lower_ensure(L);
	t = &L->f->blocks[L->cur].term;
	t->kind = T_BRANCH;
	t->loc = loc;
	t->var = -1;
	t->cmp = CMP_NE;
	t->t = same;
	t->f = null;
	t->note = BN_NONE;
	L->cur = same;
	lower_emit(L, &copy);
	lower_emit(L, &nonnull);
	lower_goto(L, join);
	L->cur = null;
	lower_emit(L, &zero);
	lower_goto(L, join);
	L->cur = join;
	return op_var(tmp);
}

struct operand lower_call(struct lower *L, CXCursor call, int dst, enum ctx ctx)
{
	CXCursor decl = clang_getCursorReferenced(call);
	struct ir_loc loc = lower_cursor_loc(L, call);
	const struct rule_fn *fn = NULL;
	struct call_acq acqs[MAX_CALL_ACQ];
	struct operand result = op_none(), kept = op_none(), r;
	int nargs = clang_Cursor_getNumArguments(call), i;
	size_t nacq;
	unsigned relmask;
	CXString cs;
	char name[128];

	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		decl = rule_pointer(L, call);
	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl &&
	    clang_getCursorKind(decl) != CXCursor_VarDecl) {
		/* through a function pointer: an unknown callee */
		CXCursor kid[1];

		CXType fnty = { .kind = CXType_Invalid };
		int via = -1;

		if (lower_children(call, kid, 1) >= 1) {
			lower_expr(L, kid[0], CTX_BORROW);
			fnty = clang_getCursorType(kid[0]);
			via = lower_param_callee(L, kid[0]);
		}
		for (i = 0; i < nargs; i++) {
			CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);

			if (lower_borrows_arg(fnty, false, i, false) && !lower_aggregate_arg(L, a))
				lower_expr(L, a, CTX_BORROW);   /* a const T * parameter */
			else if (via >= 0)
				lower_lend_arg(L, a, via, i + 1, loc);
			else
				lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
		}
		lower_forget_memory(L, loc);
		return op_none();
	}
	cs = clang_getCursorSpelling(decl);
	snprintf(name, sizeof(name), "%s", clang_getCString(cs));
	clang_disposeString(cs);
	lower_sync_name(name);

	if (!strncmp(name, "__builtin_expect", 16) && nargs >= 1) {
		struct operand o = lower_expr(L, clang_Cursor_getArgument(call, 0), ctx);

		for (i = 1; i < nargs; i++)
			lower_expr(L, clang_Cursor_getArgument(call, (unsigned)i), CTX_BORROW);
		return o;
	}
	if (is_setjmp(name))
		lower_unsupported(L, IR_UNSUPPORTED_SETJMP);
	lower_note_copy(L, call, decl);
	if (rules_namer(L->tu->rules, name))
		lower_record_names(L, call, rules_namer(L->tu->rules, name), dst);
	fn = rules_lookup(L->tu->rules, name);
	if (!fn)
		fn = fortified(L, name);
	if (!fn && strncmp(name, "__builtin_", 10) != 0 && !lower_is_noreturn(L, decl, name))
		return lower_summarised_call(L, call, decl, name, dst, loc);

	if (fn && fn->steals > 0 && fn->steals <= nargs)
		return lower_steal(L, call, fn, dst, loc);
	nacq = call_acquisitions(L, call, fn, acqs);
	relmask = release_mask(L, call, fn);
	for (i = 0; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);

		if (ctx != CTX_IGNORE && lower_keeps_on_success(fn, i + 1))
			kept = lower_kept_arg(L, a, loc);       /* kept if the call succeeds */
		else if (fn)
			lower_rule_arg(L, fn, a, i + 1, relmask, acqs, nacq, &result, loc);
		else
			lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
	}

	if (!fn || !(fn->borrow || fn->acquire || fn->release) || writes_memory(acqs, nacq) ||
	    passes_callback(call))
		lower_forget_memory(L, loc);
	if (lower_is_noreturn(L, decl, name)) {
		lower_ensure(L);
		L->f->blocks[L->cur].term.kind = T_DEAD;
		L->cur = -1;
		return op_none();
	}
	if (kept.kind == OP_VAR)
		return lower_keep_call(L, fn, kept.var, nargs, dst, loc);
	if (fn && fn->status_of > 0 && fn->status_of <= nargs && ctx != CTX_IGNORE)
		return lower_status_of(L, call, fn, dst, loc);
	if (fn && fn->pure && ctx != CTX_IGNORE && !nacq) {
		int v = pure_result(L, call, name);

		if (v >= 0)
			return op_var(v);
	}
	if (!nacq && fn && fn->or_null)
		return result.kind == OP_VAR && ctx != CTX_IGNORE ? or_null_result(L, result.var, loc) :
		       op_none();
	if (!nacq)
		return result;
	if (acqs[0].acq->shape == SHAPE_RETURN && fills_local_struct(L, call))
		return op_none();   /* mysql_init(&m): set up in place, its address returned */
	r = emit_acquisitions(L, acqs, nacq, dst, ctx,
			      clang_getCanonicalType(clang_getCursorType(call)).kind == CXType_Pointer,
			      lower_call_gerror(L, call), loc);
	return r.kind != OP_NONE ? r : result;
}
