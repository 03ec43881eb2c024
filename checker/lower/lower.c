/*
 * lower.c - the lowering's unit and function set-up: which functions are
 * lowered, their variables, source locations and text, facts about
 * callees (never returns) and file-scope statics (never written).
 * Statements are in lower_stmt.c, expressions in lower_expr.c, conditions
 * in lower_cond.c, calls in lower_call.c (names guessed in lower_guess.c),
 * annotations on declarations in lower_attr.c, variadic arguments in
 * lower_va.c.
 */
#include "lower.h"
#include "lower_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cursor map ---- */

void cursor_map_init(struct cursor_map *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->len = 0;
}

void cursor_map_release(struct cursor_map *m)
{
	free(m->slots);
	cursor_map_init(m);
}

static size_t cursor_map_find(const struct cursor_map *m, CXCursor key)
{
	size_t mask = m->cap - 1;
	size_t i = clang_hashCursor(key) & mask;

	while (m->slots[i].used && !clang_equalCursors(m->slots[i].key, key))
		i = (i + 1) & mask;
	return i;
}

int cursor_map_get(const struct cursor_map *m, CXCursor key)
{
	size_t i;

	if (!m->cap)
		return -1;
	i = cursor_map_find(m, key);
	return m->slots[i].used ? m->slots[i].value : -1;
}

void cursor_map_put(struct cursor_map *m, CXCursor key, int value)
{
	size_t i;

	if ((m->len + 1) * 2 > m->cap) {
		struct cursor_map old = *m;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		m->len = 0;
		for (i = 0; i < old.cap; i++)
			if (old.slots[i].used)
				cursor_map_put(m, old.slots[i].key, old.slots[i].value);
		free(old.slots);
	}
	i = cursor_map_find(m, key);
	if (!m->slots[i].used) {
		m->slots[i].used = true;
		m->slots[i].key = key;
		m->len++;
	}
	m->slots[i].value = value;
}

/* ---- children, stripping, text ---- */

struct child_buf {
	CXCursor *out;
	size_t n, max;
};

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, void *arg)
{
	struct child_buf *b = arg;

	(void)parent;
	if (b->n < b->max)
		b->out[b->n] = c;
	b->n++;
	return CXChildVisit_Continue;
}

/* Stores up to max children of c in out; returns how many c has. */
size_t lower_children(CXCursor c, CXCursor *out, size_t max)
{
	struct child_buf b = { out, 0, max };

	clang_visitChildren(c, collect_child, &b);
	return b.n;
}

/* Skips parentheses and implicit conversions (unexposed one-child nodes). */
/*
 * Whether c, an unexposed expression with the one child kid, is an
 * implicit conversion: libclang places it where its operand is (its
 * extent would cost a lexer run).
 */
static bool conversion(CXCursor c, CXCursor kid)
{
	return clang_equalLocations(clang_getCursorLocation(c), clang_getCursorLocation(kid));
}

CXCursor lower_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		CXCursor kid[2];

		if (k == CXCursor_ParenExpr) {
			if (lower_children(c, kid, 1) != 1)
				return c;
			c = kid[0];
		} else if (k == CXCursor_UnexposedExpr) {
			int64_t value;

			if (lower_children(c, kid, 2) != 1 || !clang_isExpression(clang_getCursorKind(kid[0])) ||
			    (!conversion(c, kid[0]) && lower_eval_int(c, &value)))
				return c;       /* (not the operand of __builtin_types_compatible_p) */
			c = kid[0];
		} else {
			return c;
		}
	}
}

static const char *intern_file(struct lower *L, CXFile file)
{
	CXString s;
	const char *name;
	unsigned i;

	for (i = 0; i < L->nfiles; i++)
		if (L->files[i] == file)
			return L->names[i];
	s = clang_getFileName(file);
	name = arena_strdup(&L->f->arena, clang_getCString(s));
	clang_disposeString(s);
	i = L->nfiles < 8 ? L->nfiles++ : 7;
	L->files[i] = file;
	L->names[i] = name;
	return name;
}

struct ir_loc lower_loc(struct lower *L, CXSourceLocation sl)
{
	struct ir_loc loc = { NULL, 0, 0 };
	CXFile file;
	unsigned line, col;

	clang_getExpansionLocation(sl, &file, &line, &col, NULL);
	if (file)
		loc.file = intern_file(L, file);
	loc.line = line;
	loc.col = col;
	return loc;
}

struct ir_loc lower_cursor_loc(struct lower *L, CXCursor c)
{
	return lower_loc(L, clang_getRangeStart(clang_getCursorExtent(c)));
}

struct ir_loc lower_end_loc(struct lower *L, CXCursor c)
{
	struct ir_loc loc = lower_loc(L, clang_getRangeEnd(clang_getCursorExtent(c)));

	if (loc.col > 1)
		loc.col--;
	return loc;
}

/* The source text of c with runs of white space folded, or NULL. */
const char *lower_text(struct lower *L, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f1, f2;
	unsigned b, e, i, n = 0;
	char *out;
	bool space = false;

	clang_getExpansionLocation(clang_getRangeStart(r), &f1, NULL, NULL, &b);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &e);
	if (!f1 || f1 != f2 || f1 != L->main_file || e <= b || e > L->buflen || e - b > 160)
		return NULL;
	out = arena_alloc(&L->f->arena, e - b + 1);
	for (i = b; i < e; i++) {
		char ch = L->buf[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = true;
			continue;
		}
		if (space && n)
			out[n++] = ' ';
		space = false;
		out[n++] = ch;
	}
	out[n] = '\0';
	return out;
}

char *lower_spelling(struct lower *L, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	char *r = arena_strdup(&L->f->arena, clang_getCString(s));

	clang_disposeString(s);
	return r;
}

bool lower_eval_int(CXCursor c, int64_t *value)
{
	CXEvalResult ev = clang_Cursor_Evaluate(c);
	bool ok = false;

	if (!ev)
		return false;
	if (clang_EvalResult_getKind(ev) == CXEval_Int) {
		*value = clang_EvalResult_isUnsignedInt(ev) ?
			(int64_t)clang_EvalResult_getAsUnsigned(ev) :
			(int64_t)clang_EvalResult_getAsLongLong(ev);
		ok = true;
	}
	clang_EvalResult_dispose(ev);
	return ok;
}

bool lower_unexposed_constant(CXCursor c, const CXCursor *kid, size_t n, int64_t *value)
{
	return !(n == 1 && conversion(c, kid[0])) && lower_eval_int(c, value);
}

/* ---- callee facts ---- */

/* Whether the declaration says the function never returns (noreturn
 * attribute in its type, _Noreturn or [[noreturn]] on it). */
static bool decl_says_noreturn(CXCursor decl)
{
	CXString ts = clang_getTypeSpelling(clang_getCursorType(decl));
	bool yes = strstr(clang_getCString(ts), "noreturn") != NULL;
	CXPrintingPolicy pol;
	CXString ps;

	clang_disposeString(ts);
	if (yes)
		return true;
	pol = clang_getCursorPrintingPolicy(decl);
	clang_PrintingPolicy_setProperty(pol, CXPrintingPolicy_TerseOutput, 1);
	ps = clang_getCursorPrettyPrinted(decl, pol);
	yes = strstr(clang_getCString(ps), "noreturn") != NULL ||
	      strstr(clang_getCString(ps), "_Noreturn") != NULL;
	clang_disposeString(ps);
	clang_PrintingPolicy_dispose(pol);
	return yes;
}

bool lower_is_noreturn(struct lower *L, CXCursor decl, const char *name)
{
	struct lower_tu *T = L->tu;
	const struct rule_fn *fn = rules_lookup(T->rules, name);
	void *known;
	bool yes;

	if (fn && fn->noreturn)
		return true;
	known = strmap_get(&T->noreturn, name);
	if (known)
		return known == (void *)1;
	yes = decl_says_noreturn(decl);
	strmap_put(&T->noreturn, arena_strdup(&T->arena, name), yes ? (void *)1 : (void *)2);
	return yes;
}

/* ---- variables ---- */

static bool type_is_pointer(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer || t.kind == CXType_BlockPointer;
}

static bool is_integer_type(CXType t)
{
	t = clang_getCanonicalType(t);
	return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) || t.kind == CXType_Enum;
}

int lower_decl_var(struct lower *L, CXCursor decl, unsigned flags)
{
	int v;

	if (type_is_pointer(clang_getCursorType(decl)))
		flags |= VAR_POINTER;
	v = ir_var_add(L->f, "", flags, -1);
	L->f->vars[v].name = lower_spelling(L, decl);
	cursor_map_put(&L->vars, decl, v);
	return v;
}

/*
 * The variable a DeclRefExpr names, if it is a local of this function
 * (automatic storage) or a parameter; -1 for globals, statics, functions
 * and enumerators.  Locals are registered by their declaration in
 * lower_stmt.c; an unknown local (declared in a way we skipped) is
 * added on first use.
 */
int lower_local_var(struct lower *L, CXCursor ref)
{
	CXCursor decl = clang_getCursorReferenced(ref);
	enum CXCursorKind k = clang_getCursorKind(decl);
	int v;

	if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
		return -1;
	v = cursor_map_get(&L->vars, decl);
	if (v >= 0)
		return v;
	if (k == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(decl) == 1)
		return -1;
	return lower_decl_var(L, decl, k == CXCursor_ParmDecl ? VAR_PARAM : 0);
}

int lower_new_temp(struct lower *L, const char *name)
{
	int v = ir_var_add(L->f, name, VAR_TEMP, -1);

	arena_grow(&L->f->arena, (void **)&L->temps, &L->captemps, L->ntemps + 1, sizeof(int));
	L->temps[L->ntemps++] = v;
	return v;
}

/*
 * The pseudo-variable for slot index of the local array variable array
 * (ref is a reference to the array).  All slots of a small array are
 * created together so they are numbered consecutively: slot i is
 * slot 0 + i, which OUT_ARRAY acquisitions rely on.  -1 when the array
 * is too large or index out of range.
 */
int lower_array_slot(struct lower *L, CXCursor ref, int array, int64_t index)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(ref));
	long long size;
	char key[32];
	void *got;
	int base, i;

	if (t.kind != CXType_ConstantArray ||
	    clang_getCursorKind(clang_getCursorReferenced(ref)) != CXCursor_VarDecl)
		return -1;      /* a parameter written int a[2] is a pointer */
	size = clang_getArraySize(t);
	if (size <= 0 || size > 16 || index < 0 || index >= size)
		return -1;
	snprintf(key, sizeof(key), "#%d", array);
	got = strmap_get(&L->pseudo, key);
	if (got)
		return (int)(intptr_t)got - 1 + (int)index;
	base = (int)L->f->nvars;
	for (i = 0; i < size; i++) {
		char *name = arena_printf(&L->f->arena, "%s[%d]", L->f->vars[array].name, i);

		ir_var_add(L->f, name, VAR_PSEUDO, array);
	}
	strmap_put(&L->pseudo, arena_strdup(&L->f->arena, key), (void *)(intptr_t)(base + 1));
	return base + (int)index;
}

int lower_pseudo(struct lower *L, const char *key, const char *name, int parent)
{
	void *got = strmap_get(&L->pseudo, key);

	if (got)
		return (int)(intptr_t)got - 1;
	got = (void *)(intptr_t)(ir_var_add(L->f, name, VAR_PSEUDO, parent) + 1);
	strmap_put(&L->pseudo, arena_strdup(&L->f->arena, key), got);
	return (int)(intptr_t)got - 1;
}

/* ---- file-scope statics ---- */

/* Whether decl is a file-scope static or const integer whose value is
 * known: never written in this unit, with a constant initialiser. */
bool lower_static_const(struct lower *L, CXCursor decl, int64_t *value)
{
	CXType t = clang_getCursorType(decl);
	CXCursor init;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl || !is_integer_type(t))
		return false;
	if (!clang_isConstQualifiedType(t)) {
		if (!L->tu->have_statics || clang_getCursorLinkage(decl) != CXLinkage_Internal ||
		    cursor_map_get(&L->tu->written, decl) >= 0)
			return false;
		/* a static local may be written by an earlier call: only file scope */
		if (clang_getCursorKind(clang_getCursorSemanticParent(decl)) != CXCursor_TranslationUnit)
			return false;
	}
	init = clang_Cursor_getVarDeclInitializer(decl);
	if (clang_Cursor_isNull(init)) {
		if (clang_isConstQualifiedType(t) || clang_Cursor_hasVarDeclExternalStorage(decl) == 1)
			return false;
		*value = 0;         /* static storage starts zeroed */
		return true;
	}
	return lower_eval_int(init, value);
}

static void mark_written(struct lower_tu *T, CXCursor target)
{
	CXCursor decl;

	target = lower_strip(target);
	if (clang_getCursorKind(target) != CXCursor_DeclRefExpr)
		return;
	decl = clang_getCursorReferenced(target);
	if (clang_getCursorKind(decl) == CXCursor_VarDecl)
		cursor_map_put(&T->written, decl, 1);
}

/*
 * The lvalue expression c may write: the left side of an assignment (or
 * op=), the operand of ++, -- or & (its address may be written through).
 */
bool lower_written_lvalue(CXCursor c, CXCursor *lvalue)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor kid[2];

	if (k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);

		if (op >= CXBinaryOperator_Assign && op <= CXBinaryOperator_OrAssign &&
		    lower_children(c, kid, 2) == 2) {
			*lvalue = kid[0];
			return true;
		}
	} else if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);

		if ((op == CXUnaryOperator_AddrOf || op == CXUnaryOperator_PostInc ||
		     op == CXUnaryOperator_PostDec || op == CXUnaryOperator_PreInc ||
		     op == CXUnaryOperator_PreDec) && lower_children(c, kid, 1) == 1) {
			*lvalue = kid[0];
			return true;
		}
	}
	return false;
}

static enum CXChildVisitResult scan_writes(CXCursor c, CXCursor parent, void *arg)
{
	CXCursor lvalue;

	(void)parent;
	if (lower_written_lvalue(c, &lvalue))
		mark_written(arg, lvalue);
	return CXChildVisit_Recurse;
}

/* ---- the unit ---- */

struct tu_walk {
	struct lower_tu *T;
	lower_fn_cb *cb;
	void *arg;
	unsigned count;
};

static bool in_main_file(CXCursor c)
{
	return clang_Location_isFromMainFile(clang_getCursorLocation(c)) != 0;
}

static CXCursor function_body(CXCursor fn)
{
	CXCursor kid[64];
	size_t n = lower_children(fn, kid, 64), i;

	for (i = n < 64 ? n : 64; i-- > 0;)
		if (clang_getCursorKind(kid[i]) == CXCursor_CompoundStmt)
			return kid[i];
	return clang_getNullCursor();
}

static enum CXChildVisitResult find_statics(CXCursor c, CXCursor parent, void *arg)
{
	struct lower_tu *T = arg;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl && in_main_file(c) &&
	    clang_getCursorLinkage(c) == CXLinkage_Internal &&
	    is_integer_type(clang_getCursorType(c)))
		T->have_statics = true;
	return T->have_statics ? CXChildVisit_Break : CXChildVisit_Continue;
}

static enum CXChildVisitResult scan_function_writes(CXCursor c, CXCursor parent, void *arg)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl && in_main_file(c) &&
	    clang_isCursorDefinition(c))
		clang_visitChildren(c, scan_writes, arg);
	else if (clang_getCursorKind(c) == CXCursor_VarDecl && in_main_file(c))
		clang_visitChildren(c, scan_writes, arg);   /* static int *p = &x; */
	return CXChildVisit_Continue;
}

static void lower_function(struct tu_walk *W, CXCursor fn, CXCursor body, CXFile unit)
{
	struct lower L;
	char *name;
	int n, i;
	CXString s = clang_getCursorSpelling(fn);
	size_t len;
	CXFile file;

	memset(&L, 0, sizeof(L));
	L.tu = W->T;
	L.f = ir_func_new(clang_getCString(s));
	clang_disposeString(s);
	name = (char *)L.f->name;
	L.f->is_main = strcmp(name, "main") == 0;
	cursor_map_init(&L.vars);
	cursor_map_init(&L.aliased);
	cursor_map_init(&L.ptrs);
	strmap_init(&L.pseudo);
	strmap_init(&L.named);
	strmap_init(&L.labels);
	strmap_init(&L.guessed);
	clang_getExpansionLocation(clang_getCursorLocation(fn), &file, NULL, NULL, NULL);
	L.main_file = file;
	L.buf = file ? clang_getFileContents(W->T->tu, file, &len) : NULL;
	L.buflen = L.buf ? len : 0;
	L.f->loc = lower_loc(&L, clang_getCursorLocation(fn));

	if (unit)
		L.f->header = true;     /* a header's static function: its caller's unit */
	else if (file && !W->T->unit_file)
		W->T->unit_file = file;
	L.f->unit = unit ? intern_file(&L, unit) : file ? intern_file(&L, file) : NULL;
	L.f->key = clang_getCursorLinkage(fn) == CXLinkage_Internal ?
		   arena_printf(&L.f->arena, "%s:%s", L.f->unit ? L.f->unit : "", name) : name;
	n = clang_Cursor_getNumArguments(fn);
	for (i = 0; i < n; i++)
		lower_decl_var(&L, clang_Cursor_getArgument(fn, (unsigned)i), VAR_PARAM);
	L.f->nparams = n > 0 ? n : 0;
	L.f->entry = L.cur = ir_block_add(L.f);
	lower_scan_pointers(&L, body);
	lower_scan_aliases(&L, body);
	lower_whole_params(&L, fn);
	lower_body(&L, body);
	lower_varargs(&L, fn, body);
	lower_global_writes(&L, body);
	lower_refc_scan(&L, body);

	W->count++;
	W->cb(L.f, W->arg);
	strmap_release(&L.guessed);
	strmap_release(&L.labels);
	strmap_release(&L.pseudo);
	strmap_release(&L.named);
	cursor_map_release(&L.vars);
	cursor_map_release(&L.aliased);
	cursor_map_release(&L.ptrs);
	free(L.alias);
	free(L.cleanups);
	free(L.scope);
	free(L.chain);
	free(L.chain_base);
	free(L.chain_top);
	free(L.decls);
	free(L.loops);
	free(L.gotos);
	free(L.locks);
	free(L.lock_types);
	free(L.bits);
	free(L.fields);
	free(L.pairs);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, void *arg)
{
	struct tu_walk *W = arg;
	CXCursor body;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !in_main_file(c) ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	body = function_body(c);
	if (!clang_Cursor_isNull(body))
		lower_function(W, c, body, NULL);
	return CXChildVisit_Continue;
}

/* Lowers the header functions the unit's functions call, and those they call. */
static void lower_header_functions(struct tu_walk *W)
{
	struct lower_tu *T = W->T;
	size_t i;

	for (i = 0; i < T->nheader_fns && T->unit_file; i++) {
		CXCursor body = function_body(T->header_fns[i]);

		if (!clang_Cursor_isNull(body))
			lower_function(W, T->header_fns[i], body, T->unit_file);
	}
}

unsigned lower_tu(CXTranslationUnit tu, const struct rules *rules, lower_fn_cb *cb, void *arg)
{
	struct lower_tu T;
	struct tu_walk W = { &T, cb, arg, 0 };
	CXCursor top = clang_getTranslationUnitCursor(tu);

	memset(&T, 0, sizeof(T));
	T.tu = tu;
	T.rules = rules;
	arena_init(&T.arena);
	strmap_init(&T.noreturn);
	strmap_init(&T.decls);
	strmap_init(&T.dealloc_of);
	strmap_init(&T.deallocs);
	cursor_map_init(&T.written);
	lower_attr_scan(&T);
	clang_visitChildren(top, find_statics, &T);
	if (T.have_statics)
		clang_visitChildren(top, scan_function_writes, &T);
	cursor_map_init(&T.header_seen);
	clang_visitChildren(top, visit_top, &W);
	lower_header_functions(&W);
	cursor_map_release(&T.header_seen);
	free(T.header_fns);
	cursor_map_release(&T.written);
	strmap_release(&T.deallocs);
	strmap_release(&T.dealloc_of);
	strmap_release(&T.decls);
	strmap_release(&T.noreturn);
	arena_release(&T.arena);
	return W.count;
}

/* ---- blocks ---- */

int lower_block(struct lower *L)
{
	return ir_block_add(L->f);
}

void lower_ensure(struct lower *L)
{
	if (L->cur < 0)
		L->cur = lower_block(L);
}

void lower_emit(struct lower *L, const struct ir_event *ev)
{
	lower_ensure(L);
	ir_event_add(L->f, L->cur, ev);
}

void lower_goto(struct lower *L, int target)
{
	if (L->cur >= 0) {
		L->f->blocks[L->cur].term.kind = T_GOTO;
		L->f->blocks[L->cur].term.target = target;
	}
	L->cur = -1;
}

void lower_unsupported(struct lower *L, const char *why)
{
	if (!L->f->unsupported)
		L->f->unsupported = why;
}
