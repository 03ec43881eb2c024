/*
 * lower_stmt.c - statements to blocks: if, loops, switch, goto and
 * labels, return, declarations, and the scopes that end variables'
 * lives (with their cleanup functions) at closing braces, break,
 * continue and goto.
 */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- scopes ---- */

void lower_scope_push(struct lower *L)
{
	if (L->nchain == L->capchain) {
		L->capchain = L->capchain ? L->capchain * 2 : 16;
		L->chain = xrealloc(L->chain, L->capchain * sizeof(*L->chain));
		L->chain_base = xrealloc(L->chain_base, L->capchain * sizeof(*L->chain_base));
		L->chain_top = xrealloc(L->chain_top, L->capchain * sizeof(*L->chain_top));
	}
	if (!L->nchain)
		L->decl_top = -1;       /* the function's outermost scope */
	L->chain[L->nchain] = ++L->next_scope;
	L->chain_base[L->nchain] = L->nscope;
	L->chain_top[L->nchain] = L->decl_top;
	L->nchain++;
}

static void declare(struct lower *L, int v)
{
	if (L->nscope == L->capscope) {
		L->capscope = L->capscope ? L->capscope * 2 : 32;
		L->scope = xrealloc(L->scope, L->capscope * sizeof(*L->scope));
	}
	L->scope[L->nscope].var = v;
	L->scope[L->nscope].scope = L->chain[L->nchain - 1];
	L->nscope++;
	if (L->ndecls == L->capdecls) {
		L->capdecls = L->capdecls ? L->capdecls * 2 : 32;
		L->decls = xrealloc(L->decls, L->capdecls * sizeof(*L->decls));
	}
	L->decls[L->ndecls].var = v;
	L->decls[L->ndecls].scope = L->chain[L->nchain - 1];
	L->decls[L->ndecls].up = L->decl_top;
	L->decl_top = (int)L->ndecls++;
}

/* Runs the cleanup function of v, if any, then ends v (unless the
 * function is being left: the exit check covers every handle then). */
static void end_var(struct lower *L, int v, enum ir_exit how, const char *label,
		    struct ir_loc loc, bool scope_end)
{
	const struct ir_var *var = &L->f->vars[v];
	struct ir_event ev = { .loc = loc, .var = v, .src = -1, .site = -1 };

	if (L->cur < 0)
		return;
	if (var->flags & VAR_CLEANUP) {
		ev.kind = EV_RELEASE;
		ev.callee = var->cleanup;
		lower_emit(L, &ev);
	}
	if (scope_end) {
		ev.kind = EV_SCOPE_END;
		ev.exit = how;
		ev.label = label;
		lower_emit(L, &ev);
	}
}

/* Ends the variables of the scopes at chain depth >= depth, innermost first. */
static void leave_scopes(struct lower *L, size_t depth, enum ir_exit how, const char *label,
			 struct ir_loc loc)
{
	size_t i, base = depth < L->nchain ? L->chain_base[depth] : L->nscope;

	if (how == EXIT_RETURN || how == EXIT_END) {
		/* leaving the function: only cleanup functions run (the exit
		   check covers every handle), so only their variables are visited */
		for (i = L->ncleanups; i-- > 0 && L->cleanups[i] >= base;)
			end_var(L, L->scope[L->cleanups[i]].var, how, label, loc, false);
		return;
	}
	for (i = L->nscope; i-- > base;)
		end_var(L, L->scope[i].var, how, label, loc, true);
}

void lower_scope_pop(struct lower *L, struct ir_loc loc)
{
	leave_scopes(L, L->nchain - 1, EXIT_SCOPE, NULL, loc);
	L->nchain--;
	L->nscope = L->chain_base[L->nchain];
	L->decl_top = L->chain_top[L->nchain];
	while (L->ncleanups && L->cleanups[L->ncleanups - 1] >= L->nscope)
		L->ncleanups--;
}

/* The variable declared last has a cleanup function. */
static void declare_cleanup(struct lower *L)
{
	if (L->ncleanups == L->capcleanups) {
		L->capcleanups = L->capcleanups ? L->capcleanups * 2 : 8;
		L->cleanups = xrealloc(L->cleanups, L->capcleanups * sizeof(*L->cleanups));
	}
	L->cleanups[L->ncleanups++] = L->nscope - 1;
}

/* ---- loops and switch ---- */

static void push_loop(struct lower *L, int brk, int cont)
{
	if (L->nloops == L->caploops) {
		L->caploops = L->caploops ? L->caploops * 2 : 8;
		L->loops = xrealloc(L->loops, L->caploops * sizeof(*L->loops));
	}
	L->loops[L->nloops].brk = brk;
	L->loops[L->nloops].cont = cont;
	L->loops[L->nloops].depth = L->nchain;
	L->nloops++;
}

static void lower_jump(struct lower *L, CXCursor s, bool is_break)
{
	size_t i = L->nloops;
	struct ir_loc loc = lower_cursor_loc(L, s);

	while (i > 0 && !is_break && L->loops[i - 1].cont < 0)
		i--;
	if (i == 0) {
		L->cur = -1;
		return;
	}
	leave_scopes(L, L->loops[i - 1].depth, is_break ? EXIT_BREAK : EXIT_CONTINUE, NULL, loc);
	lower_goto(L, is_break ? L->loops[i - 1].brk : L->loops[i - 1].cont);
}

static void lower_while(struct lower *L, CXCursor s)
{
	CXCursor kid[2];
	int head = lower_block(L), body = lower_block(L), out = lower_block(L);

	if (lower_children(s, kid, 2) != 2)
		return;
	lower_goto(L, head);
	L->cur = head;
	lower_cond(L, kid[0], body, out);
	L->cur = body;
	push_loop(L, out, head);
	lower_stmt(L, kid[1]);
	L->nloops--;
	lower_goto(L, head);
	L->cur = out;
}

static void lower_do(struct lower *L, CXCursor s)
{
	CXCursor kid[2];
	int body = lower_block(L), test = lower_block(L), out = lower_block(L);

	if (lower_children(s, kid, 2) != 2)
		return;
	lower_goto(L, body);
	L->cur = body;
	push_loop(L, out, test);
	lower_stmt(L, kid[0]);
	L->nloops--;
	lower_goto(L, test);
	L->cur = test;
	lower_cond(L, kid[1], body, out);
	L->cur = out;
}

static unsigned offset_of(CXSourceLocation loc)
{
	unsigned off;

	clang_getExpansionLocation(loc, NULL, NULL, NULL, &off);
	return off;
}

static bool is_update(CXCursor c)
{
	enum CXCursorKind k;

	c = lower_strip(c);
	k = clang_getCursorKind(c);
	if (k == CXCursor_CompoundAssignOperator || k == CXCursor_DeclStmt)
		return true;
	if (k == CXCursor_BinaryOperator)
		return clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign ||
		       clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Comma;
	if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);

		return op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
		       op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec;
	}
	return false;
}

/*
 * libclang omits the missing parts of for (init; cond; inc), so the
 * children alone do not say which is which: find the two semicolons of
 * the header among its tokens and place each child by its offset.  When
 * the header comes from a macro (no semicolons in sight), guess from
 * the shape: declarations and assignments first, updates last.
 */
static void classify_for(struct lower *L, CXCursor s, CXCursor *kid, size_t n, CXCursor part[3])
{
	CXToken *tok = NULL;
	unsigned ntok = 0, i, semi[2], nsemi = 0, depth = 0;
	CXSourceRange head;
	size_t k;

	part[0] = part[1] = part[2] = clang_getNullCursor();
	if (n == 3) {
		part[0] = kid[0], part[1] = kid[1], part[2] = kid[2];
		return;
	}
	if (n == 0)
		return;
	head = clang_getRange(clang_getRangeStart(clang_getCursorExtent(s)),
			      clang_getRangeStart(clang_getCursorExtent(kid[n])));
	clang_tokenize(L->tu->tu, head, &tok, &ntok);
	for (i = 0; i < ntok && nsemi < 2; i++) {
		CXString sp = clang_getTokenSpelling(L->tu->tu, tok[i]);
		const char *t = clang_getCString(sp);

		if (!strcmp(t, "("))
			depth++;
		else if (!strcmp(t, ")"))
			depth--;
		else if (!strcmp(t, ";") && depth == 1)
			semi[nsemi++] = offset_of(clang_getTokenLocation(L->tu->tu, tok[i]));
		clang_disposeString(sp);
	}
	clang_disposeTokens(L->tu->tu, tok, ntok);
	if (nsemi == 2) {
		for (k = 0; k < n; k++) {
			unsigned off = offset_of(clang_getRangeStart(clang_getCursorExtent(kid[k])));

			part[off < semi[0] ? 0 : off < semi[1] ? 1 : 2] = kid[k];
		}
		return;
	}
	if (n == 1) {
		part[is_update(kid[0]) ? 0 : 1] = kid[0];
	} else if (is_update(kid[0])) {
		part[0] = kid[0];
		part[is_update(kid[1]) ? 2 : 1] = kid[1];
	} else {
		part[1] = kid[0];
		part[2] = kid[1];
	}
}

static void lower_expr_stmt(struct lower *L, CXCursor e)
{
	lower_expr(L, e, CTX_IGNORE);
	lower_flush_temps(L);
}

static void lower_for(struct lower *L, CXCursor s)
{
	CXCursor kid[4], part[3];
	size_t n = lower_children(s, kid, 4);
	int head = lower_block(L), body = lower_block(L), next = lower_block(L), out = lower_block(L);

	if (n == 0 || n > 4)
		return;
	classify_for(L, s, kid, n - 1, part);
	lower_scope_push(L);
	if (!clang_Cursor_isNull(part[0])) {
		if (clang_getCursorKind(part[0]) == CXCursor_DeclStmt)
			lower_stmt(L, part[0]);
		else
			lower_expr_stmt(L, part[0]);
	}
	lower_goto(L, head);
	L->cur = head;
	if (!clang_Cursor_isNull(part[1]))
		lower_cond(L, part[1], body, out);
	else
		lower_goto(L, body);
	L->cur = body;
	push_loop(L, out, next);
	lower_stmt(L, kid[n - 1]);
	L->nloops--;
	lower_goto(L, next);
	L->cur = next;
	if (!clang_Cursor_isNull(part[2]))
		lower_expr_stmt(L, part[2]);
	lower_goto(L, head);
	L->cur = out;
	lower_scope_pop(L, lower_end_loc(L, s));
}

struct case_walk {
	struct lower *L;
	struct case_ent *cases;
	size_t n, cap;
};

static enum CXChildVisitResult collect_cases(CXCursor c, CXCursor parent, void *arg)
{
	struct case_walk *w = arg;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_SwitchStmt || clang_isDeclaration(k) || clang_isExpression(k))
		return CXChildVisit_Continue;
	if (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 16;
			w->cases = xrealloc(w->cases, w->cap * sizeof(*w->cases));
		}
		w->cases[w->n].c = c;
		w->cases[w->n].block = lower_block(w->L);
		w->n++;
	}
	return CXChildVisit_Recurse;
}

static void lower_switch(struct lower *L, CXCursor s)
{
	CXCursor kid[2];
	struct case_walk w = { L, NULL, 0, 0 };
	struct switch_ctx sw, *outer = L->sw;
	struct operand o;
	int out = lower_block(L), dflt = out, match = -1;
	size_t i;

	if (lower_children(s, kid, 2) != 2)
		return;
	o = lower_expr(L, kid[0], CTX_BORROW);
	lower_flush_temps(L);
	clang_visitChildren(kid[1], collect_cases, &w);
	if (clang_getCursorKind(kid[1]) == CXCursor_CaseStmt ||
	    clang_getCursorKind(kid[1]) == CXCursor_DefaultStmt)
		collect_cases(kid[1], s, &w);
	for (i = 0; i < w.n; i++) {
		CXCursor ck[3];
		size_t nk = lower_children(w.cases[i].c, ck, 3);
		int64_t lo, hi;
		int next;
		const char *text;
		struct ir_term *term;

		if (clang_getCursorKind(w.cases[i].c) == CXCursor_DefaultStmt) {
			dflt = w.cases[i].block;
			continue;
		}
		if (nk < 2 || !lower_eval_int(ck[0], &lo))
			continue;
		hi = lo;
		if (nk == 3 && !lower_eval_int(ck[1], &hi))
			continue;
		if (o.kind == OP_CONST) {
			if (o.k >= lo && o.k <= hi && match < 0)
				match = w.cases[i].block;   /* switch (MODE): only its case */
			continue;
		}
		text = lower_text(L, ck[0]);
		text = arena_printf(&L->f->arena, "case %s", text ? text : "...");
		next = lower_block(L);
		lower_ensure(L);
		term = &L->f->blocks[L->cur].term;
		term->kind = T_BRANCH;
		term->var = o.kind == OP_VAR && lo == hi ? o.var : -1;
		term->cmp = CMP_EQ;
		term->value = lo;
		term->t = w.cases[i].block;
		term->f = next;
		term->note = BN_CASE;
		term->text = text;
		term->loc = lower_cursor_loc(L, w.cases[i].c);
		L->cur = next;
		if (o.kind == OP_CONST)
			break;
	}
	lower_goto(L, match >= 0 ? match : dflt);
	sw.cases = w.cases;
	sw.ncases = w.n;
	sw.next = 0;
	L->sw = &sw;
	push_loop(L, out, -1);     /* continue goes to the enclosing loop */
	lower_stmt(L, kid[1]);
	L->nloops--;
	L->sw = outer;
	lower_goto(L, out);
	L->cur = out;
	free(w.cases);
}

static void lower_case(struct lower *L, CXCursor s)
{
	CXCursor kid[3];
	size_t n = lower_children(s, kid, 3), i;

	if (L->sw) {
		/* cases come in the order they were collected: try the next first */
		size_t at = L->sw->next < L->sw->ncases &&
			    clang_equalCursors(L->sw->cases[L->sw->next].c, s) ? L->sw->next : 0;

		for (i = at; i < L->sw->ncases; i++)
			if (clang_equalCursors(L->sw->cases[i].c, s)) {
				lower_goto(L, L->sw->cases[i].block);
				L->cur = L->sw->cases[i].block;
				L->sw->next = i + 1;
				break;
			}
	}
	if (n >= 1 && n <= 3)
		lower_stmt(L, kid[n - 1]);
}

/* ---- goto and labels ---- */

static struct label *get_label(struct lower *L, const char *name)
{
	struct label *lab = strmap_get(&L->labels, name);

	if (!lab) {
		lab = arena_alloc(&L->f->arena, sizeof(*lab));
		lab->block = lower_block(L);
		strmap_put(&L->labels, arena_strdup(&L->f->arena, name), lab);
	}
	return lab;
}

static void lower_label(struct lower *L, CXCursor s)
{
	CXCursor kid[1];
	char *name = lower_spelling(L, s);
	struct label *lab = get_label(L, name);

	lower_goto(L, lab->block);
	L->cur = lab->block;
	L->f->blocks[lab->block].label = name;
	lab->defined = true;
	lab->nchain = L->nchain;
	lab->chain = arena_alloc(&L->f->arena, (L->nchain + 1) * sizeof(unsigned));
	if (L->nchain)
		memcpy(lab->chain, L->chain, L->nchain * sizeof(unsigned));
	if (lower_children(s, kid, 1) == 1)
		lower_stmt(L, kid[0]);
}

static void lower_goto_stmt(struct lower *L, CXCursor s)
{
	CXCursor kid[1];
	struct pending_goto *g;
	int tramp = lower_block(L);

	if (lower_children(s, kid, 1) != 1)
		return;
	if (L->ngotos == L->capgotos) {
		L->capgotos = L->capgotos ? L->capgotos * 2 : 8;
		L->gotos = xrealloc(L->gotos, L->capgotos * sizeof(*L->gotos));
	}
	g = &L->gotos[L->ngotos++];
	g->block = tramp;
	g->label = lower_spelling(L, kid[0]);
	g->loc = lower_cursor_loc(L, s);
	g->top = L->nscope ? L->decl_top : -1;
	lower_goto(L, tramp);
}

/*
 * Fills each goto's trampoline: end what the label's scopes do not hold,
 * innermost first.  The scopes the label is in are the outer ones the
 * goto is in too, so the first variable the label holds ends the walk.
 */
static void finish_gotos(struct lower *L)
{
	size_t i, k;
	int j;

	for (i = 0; i < L->ngotos; i++) {
		struct pending_goto *g = &L->gotos[i];
		struct label *lab = strmap_get(&L->labels, g->label);

		L->cur = g->block;
		if (!lab || !lab->defined) {
			L->f->blocks[g->block].term.kind = T_DEAD;
			continue;
		}
		for (j = g->top; j >= 0; j = L->decls[j].up) {
			bool held = false;

			for (k = 0; k < lab->nchain && !held; k++)
				held = lab->chain[k] == L->decls[j].scope;
			if (held)
				break;
			end_var(L, L->decls[j].var, EXIT_GOTO, g->label, g->loc, true);
		}
		if (L->cur >= 0) {      /* the goto statement, for findings reported at it */
			L->f->blocks[L->cur].term.loc = g->loc;
			L->f->blocks[L->cur].term.text = g->label;
		}
		lower_goto(L, lab->block);
	}
}

/* ---- declarations ---- */

/* The cleanup function named in v's declaration, read from the
 * pretty-printed declaration so macros like _cleanup_free_ work. */
static const char *cleanup_function(struct lower *L, CXCursor decl)
{
	CXPrintingPolicy pol = clang_getCursorPrintingPolicy(decl);
	CXString ps;
	const char *text, *p;
	char *name = NULL;

	clang_PrintingPolicy_setProperty(pol, CXPrintingPolicy_TerseOutput, 1);
	ps = clang_getCursorPrettyPrinted(decl, pol);
	text = clang_getCString(ps);
	p = text ? strstr(text, "cleanup(") : NULL;
	if (p) {
		const char *e;

		p += strlen("cleanup(");
		e = strchr(p, ')');
		if (e)
			name = arena_strndup(&L->f->arena, p, (size_t)(e - p));
	}
	clang_disposeString(ps);
	clang_PrintingPolicy_dispose(pol);
	return name;
}

static enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, void *arg)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_UnexposedAttr) {
		*(bool *)arg = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static void lower_var_decl(struct lower *L, CXCursor d)
{
	CXCursor init;
	bool attr = false;
	int v;

	if (clang_Cursor_hasVarDeclGlobalStorage(d) == 1 ||
	    clang_Cursor_hasVarDeclExternalStorage(d) == 1)
		return;     /* static or extern: not tracked */
	v = lower_decl_var(L, d, 0);
	declare(L, v);
	clang_visitChildren(d, find_attr, &attr);
	if (attr) {
		const char *fn = cleanup_function(L, d);

		if (fn) {
			L->f->vars[v].flags |= VAR_CLEANUP;
			L->f->vars[v].cleanup = fn;
			declare_cleanup(L);
		}
	}
	init = clang_Cursor_getVarDeclInitializer(d);
	if (!clang_Cursor_isNull(init)) {
		struct ir_loc loc = lower_loc(L, clang_getCursorLocation(d));

		if (!lower_init_members(L, v, d, init, loc))
			lower_assign_local(L, v, init, loc);
		lower_flush_temps(L);
	}
}

static enum CXChildVisitResult visit_decl(CXCursor c, CXCursor parent, void *arg)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl)
		lower_var_decl(arg, c);
	return CXChildVisit_Continue;
}

/* ---- statements ---- */

static void lower_if(struct lower *L, CXCursor s)
{
	CXCursor kid[3];
	size_t n = lower_children(s, kid, 3);
	int then = lower_block(L), join = lower_block(L), other = join;

	if (n < 2 || n > 3)
		return;
	if (n == 3)
		other = lower_block(L);
	lower_cond(L, kid[0], then, other);
	L->cur = then;
	lower_stmt(L, kid[1]);
	lower_goto(L, join);
	if (n == 3) {
		L->cur = other;
		lower_stmt(L, kid[2]);
		lower_goto(L, join);
	}
	L->cur = join;
}

static void lower_return(struct lower *L, CXCursor s)
{
	CXCursor kid[1];
	struct ir_loc loc = lower_cursor_loc(L, s);
	struct ir_term *term;

	struct operand o = { OP_NONE, -1, 0 };
	size_t i;

	if (lower_children(s, kid, 1) == 1)
		o = lower_expr(L, kid[0], CTX_VALUE);
	/* temporaries die here, but the one returned */
	if (o.kind == OP_VAR)
		for (i = 0; i < L->ntemps; i++)
			if (L->temps[i] == o.var)
				L->temps[i] = L->temps[--L->ntemps];
	lower_flush_temps(L);
	if (L->cur < 0)
		return;     /* the value never returns (a noreturn call in it) */
	leave_scopes(L, 0, EXIT_RETURN, NULL, loc);
	term = &L->f->blocks[L->cur].term;
	term->kind = T_RETURN;
	term->loc = loc;
	term->var = o.kind == OP_VAR ? o.var : -1;    /* it escapes */
	term->has_value = o.kind == OP_CONST;
	term->value = o.k;
	L->cur = -1;
}

static void lower_compound(struct lower *L, CXCursor s)
{
	size_t n = lower_children(s, NULL, 0), i;
	CXCursor *kid = xcalloc(n ? n : 1, sizeof(*kid));

	lower_children(s, kid, n);
	lower_scope_push(L);
	for (i = 0; i < n; i++)
		lower_stmt(L, kid[i]);
	lower_scope_pop(L, lower_end_loc(L, s));
	free(kid);
}

static void lower_stmt_kind(struct lower *L, CXCursor s);

void lower_stmt(struct lower *L, CXCursor s)
{
	if (L->depth >= LOWER_MAX_DEPTH) {
		lower_unsupported(L, IR_UNSUPPORTED_NESTING);
		return;
	}
	L->depth++;
	lower_stmt_kind(L, s);
	L->depth--;
}

static void lower_stmt_kind(struct lower *L, CXCursor s)
{
	enum CXCursorKind k = clang_getCursorKind(s);

	switch (k) {
	case CXCursor_CompoundStmt:
		lower_compound(L, s);
		break;
	case CXCursor_DeclStmt:
		clang_visitChildren(s, visit_decl, L);
		break;
	case CXCursor_IfStmt:
		lower_if(L, s);
		break;
	case CXCursor_WhileStmt:
		lower_while(L, s);
		break;
	case CXCursor_DoStmt:
		lower_do(L, s);
		break;
	case CXCursor_ForStmt:
		lower_for(L, s);
		break;
	case CXCursor_SwitchStmt:
		lower_switch(L, s);
		break;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		lower_case(L, s);
		break;
	case CXCursor_BreakStmt:
		lower_jump(L, s, true);
		break;
	case CXCursor_ContinueStmt:
		lower_jump(L, s, false);
		break;
	case CXCursor_ReturnStmt:
		lower_return(L, s);
		break;
	case CXCursor_GotoStmt:
		lower_goto_stmt(L, s);
		break;
	case CXCursor_LabelStmt:
		lower_label(L, s);
		break;
	case CXCursor_IndirectGotoStmt:
		lower_unsupported(L, IR_UNSUPPORTED_COMPUTED_GOTO);
		L->cur = -1;
		break;
	case CXCursor_NullStmt:
		break;
	case CXCursor_GCCAsmStmt: {
		CXCursor kid[32];
		size_t n = lower_children(s, kid, 32), i;

		for (i = 0; i < n && i < 32; i++)
			if (clang_isExpression(clang_getCursorKind(kid[i]))) {
				struct operand o = lower_expr(L, kid[i], CTX_VALUE);

				if (o.kind == OP_VAR) {
					struct ir_event ev = { .kind = EV_ESCAPE, .var = o.var,
							       .loc = lower_cursor_loc(L, s),
							       .src = -1, .site = -1 };

					lower_emit(L, &ev);
				}
			}
		lower_flush_temps(L);
		break;
	}
	default:
		if (clang_isExpression(k)) {
			lower_expr_stmt(L, s);
		} else if (clang_isStatement(k)) {
			/* attributed statements and the like: lower what they hold */
			CXCursor kid[8];
			size_t n = lower_children(s, kid, 8), i;

			for (i = 0; i < n && i < 8; i++)
				lower_stmt(L, kid[i]);
		}
		break;
	}
}

void lower_body(struct lower *L, CXCursor body)
{
	size_t n = lower_children(body, NULL, 0), i;
	CXCursor *kid = xcalloc(n ? n : 1, sizeof(*kid));
	struct ir_loc end = lower_end_loc(L, body);

	lower_children(body, kid, n);
	lower_scope_push(L);
	for (i = 0; i < n; i++)
		lower_stmt(L, kid[i]);
	if (L->cur >= 0) {
		struct ir_term *term;

		leave_scopes(L, 0, EXIT_END, NULL, end);
		term = &L->f->blocks[L->cur].term;
		term->kind = T_END;
		term->loc = end;
		L->cur = -1;
	}
	finish_gotos(L);
	free(kid);
}
