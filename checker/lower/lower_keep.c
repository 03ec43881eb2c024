/*
 * lower_keep.c - rule functions that move an argument: g_steal_pointer
 * (lower_steal), and a rule's borrower that keeps an argument only when it
 * succeeds (`{ call: curl_multi_add_handle, keeps: 2, on: zero }`,
 * pthread_create): an EV_CALL whose key names no function, with the kept
 * argument its only ARG_VAR and its result in a variable, so that the
 * analysis treats it as it treats a callee summarised as "keeps arg N on
 * success": a test of the result that sees failure hands the argument
 * back, untested it is kept.  The other arguments were lowered as
 * borrowed by lower_call().
 */
#include "lower_int.h"

#include <string.h>

/* Whether argument ai (1-based) of a call of fn is kept only on success. */
bool lower_keeps_on_success(const struct rule_fn *fn, int ai)
{
	return fn && fn->keeps == ai && fn->keeps_fails != FAIL_NEVER && !fn->acquire &&
	       !fn->release && !fn->steals && !fn->status_of && !fn->returns_arg;
}

struct operand lower_kept_arg(struct lower *L, CXCursor a, struct ir_loc loc)
{
	struct operand o = lower_expr(L, a, CTX_VALUE);

	lower_escape_locks(L, a, loc);
	if (o.kind == OP_VAR)
		return o;
	lower_escape(L, o, loc);        /* not a variable: kept */
	return op_none();
}

struct operand lower_keep_call(struct lower *L, const struct rule_fn *fn, int kept, int nargs,
			       int dst, struct ir_loc loc)
{
	struct ir_event ev = { .kind = EV_CALL, .loc = loc, .src = -1 };
	struct ir_site site = { .dst = -1, .status = -1, .from = -1, .ndst = 0 };
	int i;

	ev.args = arena_alloc(&L->f->arena, (size_t)nargs * sizeof(*ev.args));
	for (i = 0; i < nargs; i++) {
		ev.args[i].kind = ARG_NONE;     /* borrowed: lowered already */
		ev.args[i].var = -1;
	}
	ev.args[fn->keeps - 1].kind = ARG_VAR;
	ev.args[fn->keeps - 1].var = kept;
	ev.nargs = nargs;
	ev.lib = true;                  /* a borrower writes none of the program's memory */
	ev.callee = arena_strdup(&L->f->arena, fn->name);
	/* no summary key can be this: the rule wins over a body of the same name */
	ev.key = arena_printf(&L->f->arena, "(rule) %s", fn->name);
	ev.keep_arg = fn->keeps;
	ev.keep_fails = fn->keeps_fails;
	ev.var = dst >= 0 ? dst : lower_new_temp(L, "(result)");
	ev.loc = dst >= 0 ? L->assign_loc : loc;
	site.loc = loc;
	ev.site = ir_site_add(L->f, &site);
	lower_emit(L, &ev);
	return op_var(ev.var);
}

/*
 * q = g_steal_pointer(&p): q = p, then p = NULL; the handle moves to q.
 * Anything but the address of a local lets the result go untracked.
 */
struct operand lower_steal(struct lower *L, CXCursor call, const struct rule_fn *fn,
			   int dst, struct ir_loc loc)
{
	CXCursor a = lower_strip_casts(clang_Cursor_getArgument(call, (unsigned)fn->steals - 1));
	struct ir_event ev = { .kind = EV_ASSIGN, .loc = loc, .site = -1 };
	int v = lower_addr_local(L, a), to;

	if (v < 0) {
		lower_escape(L, lower_expr(L, a, CTX_VALUE), loc);
		return op_none();
	}
	to = dst >= 0 ? dst : lower_new_temp(L, "(result)");
	ev.var = to;
	ev.src = v;
	lower_emit(L, &ev);
	ev.kind = EV_SETCONST;
	ev.var = v;
	ev.src = -1;
	ev.value = 0;
	lower_emit(L, &ev);
	return op_var(to);
}
