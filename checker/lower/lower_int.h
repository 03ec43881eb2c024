/*
 * lower_int.h - state shared by the lowering's files (lower.c: unit and
 * function set-up, names and locations; lower_stmt.c: statements and
 * scopes; lower_expr.c: expressions; lower_cond.c: conditions;
 * lower_lvalue.c: what an lvalue names; lower_agg.c: members of
 * aggregates; lower_alias.c: local pointers known to point at a local;
 * lower_call.c: calls; lower_callee.c: calls no rule names; lower_arg.c:
 * their arguments; lower_match.c: conditions of rule entries on
 * arguments; lower_keep.c: stealers and borrowers that keep an argument only when they
 * succeed).  Not an API: only lower*.c include it.
 */
#ifndef LEAKCHECK_LOWER_INT_H
#define LEAKCHECK_LOWER_INT_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "ir/ir.h"
#include "rules/rules.h"
#include "base/util.h"

/* A set of declarations (cursors), keyed by clang_hashCursor. */
struct cursor_map {
	struct cursor_slot {
		CXCursor key;       /* null cursor: empty */
		int value;
		bool used;
	} *slots;
	size_t cap, len;
};

/* GCC's malloc(dealloc, N) on a function's declaration (lower_attr.c). */
struct dealloc_attr {
	const char *dealloc;        /* the deallocator's name */
	int arg;                    /* which of its arguments it releases (1-based) */
};

/* Per translation unit. */
struct lower_tu {
	CXTranslationUnit tu;
	const struct rules *rules;
	struct arena arena;         /* interned file names, cache keys */
	struct strmap noreturn;     /* callee name -> (void *)1 noreturn, (void *)2 returns */
	struct cursor_map written;  /* file-scope statics written (or address taken) in the TU */
	bool have_statics;          /* the main file defines integer statics worth folding */
	struct strmap decls;        /* function name -> CXCursor * (arena), for guesses */
	bool decls_built;
	struct strmap dealloc_of;   /* function name -> struct dealloc_attr * (its attribute) */
	struct strmap deallocs;     /* deallocator name -> struct dealloc_attr * (the first
				       attribute naming it) */
	CXFile lib_file;            /* the last header asked about by lower_borrows_arg() */
	CXCursor *header_fns;       /* static functions of project headers called from the
				       unit, to lower after it (lower_note_header_callee()) */
	size_t nheader_fns, capheader_fns;
	struct cursor_map header_seen;
	CXFile unit_file;           /* the main file, once a function of it is lowered */
	bool lib_file_is;           /* ... and whether it is a C library header */
};

struct scope_var {
	int var;
	unsigned scope;             /* unique id of the scope that declares it */
};

struct loop_ctx {
	int brk;                    /* break target */
	int cont;                   /* continue target, -1 inside a switch without loop */
	size_t depth;               /* scope chain length outside the statement */
};

struct case_ent {
	CXCursor c;                 /* the case or default statement */
	int block;
};

struct switch_ctx {
	struct case_ent *cases;
	size_t ncases;
	size_t next;                /* the case expected next (cases come in order) */
};

struct label {
	int block;
	bool defined;
	unsigned *chain;            /* scope ids active at the label */
	size_t nchain;
};

struct pending_goto {
	int block;                  /* trampoline: scope ends, then a jump to the label */
	const char *label;
	struct ir_loc loc;
	int top;                    /* the innermost declaration in scope at the goto
				       (index in lower.decls), or -1 */
};

/* Per function. */
struct lower {
	struct lower_tu *tu;
	struct ir_func *f;
	int cur;                    /* block receiving events; -1 when unreachable */
	struct cursor_map vars;     /* VarDecl/ParmDecl -> variable */
	struct cursor_map aliased;  /* local aggregates whose address is kept (lower_agg.c) */
	struct cursor_map ptrs;     /* local pointer declaration -> index in alias */
	struct ptr_alias {          /* a local pointer and the local it may point at
				       (lower_alias.c) */
		CXCursor decl;          /* the pointer's declaration */
		CXCursor target;        /* the local's declaration, or a null cursor */
		CXCursor addr;          /* an `&target` the pointer is given */
		bool bad;               /* it is no alias: used otherwise, or given another value */
	} *alias;
	size_t nalias, capalias;
	struct strmap pseudo;       /* "lock object" / "array[slot]" key -> variable + 1 */
	struct strmap named;        /* object key of a name made up earlier ("*tmpl" after
				       mktemp(tmpl)) -> the rules' name of its maker */
	struct scope_var *scope;    /* declared variables, innermost last */
	size_t nscope, capscope;
	size_t *cleanups;           /* indexes in scope of the variables with a cleanup
				       function, innermost last (what a return runs) */
	size_t ncleanups, capcleanups;
	struct decl {               /* every declaration of the function, each with the one
				       in scope before it: the declarations in scope at any
				       point are a path to the root (what a goto records) */
		int var;
		unsigned scope;         /* the scope id that declares it */
		int up;                 /* the declaration in scope before it, or -1 */
	} *decls;
	size_t ndecls, capdecls;
	int decl_top;               /* the innermost declaration in scope, or -1 */
	unsigned *chain;            /* active scope ids, innermost last */
	size_t *chain_base;         /* for each active scope: nscope when it opened */
	int *chain_top;             /* for each active scope: decl_top when it opened */
	size_t nchain, capchain;
	unsigned next_scope;
	struct loop_ctx *loops;
	size_t nloops, caploops;
	struct switch_ctx *sw;      /* innermost switch, or NULL */
	struct strmap labels;       /* name -> struct label * */
	struct pending_goto *gotos;
	size_t ngotos, capgotos;
	int *temps;                 /* temporaries of the current full expression */
	size_t ntemps, captemps;
	const char *buf;            /* main file contents, for condition text */
	size_t buflen;
	CXFile main_file;
	unsigned depth;             /* recursion depth of the walk (bounded) */
	size_t capgwrites;          /* room in f->gwrites */
	CXFile files[8];            /* small cache CXFile -> name in the function's arena */
	const char *names[8];       /* (the IR outlives the translation unit) */
	unsigned nfiles;
	struct ir_loc assign_loc;   /* the assignment lower_call's dst comes from */
	int last_branch;            /* block of the last branch made */
	int root_temp;              /* temporary at the root of the last member path */
	bool addr_only;             /* the expression being lowered is the operand of &:
				       its outermost p->f, p[i] or *p reads nothing */
	int *locks;                 /* lock-object pseudo-variables */
	const char **lock_types;    /* for each: the type of the object holding it, or NULL */
	size_t nlocks, caplocks;
	int *bits;                  /* pseudo-variables for `v & K` tests of locals */
	size_t nbits;
	int *fields;                /* VAR_FIELD pseudo-variables (p->name) */
	size_t nfields;
	struct pair_test {
		int var;                /* pseudo-variable standing for a == b */
		int a, b;               /* the compared locals */
	} *pairs;
	size_t npairs;
	struct strmap guessed;      /* name prefix -> struct rule_resource * made up */
};

/* Deeper nesting than this marks the function unsupported instead of
 * risking the stack (machine-generated code can nest thousands deep). */
#define LOWER_MAX_DEPTH 1000

/* An expression's value as far as the lowering can tell. */
enum operand_kind { OP_NONE, OP_VAR, OP_CONST };

struct operand {
	enum operand_kind kind;
	int var;                    /* OP_VAR */
	int64_t k;                  /* OP_CONST */
};

/* How an expression's value is used. */
enum ctx {
	CTX_VALUE,      /* flows somewhere: stored, passed on, returned */
	CTX_BORROW,     /* looked at: compared, dereferenced, passed to a borrower */
	CTX_IGNORE,     /* thrown away */
};

/* lower.c */
void cursor_map_init(struct cursor_map *m);
void cursor_map_release(struct cursor_map *m);
int cursor_map_get(const struct cursor_map *m, CXCursor key); /* -1 if absent */
void cursor_map_put(struct cursor_map *m, CXCursor key, int value);
struct ir_loc lower_loc(struct lower *L, CXSourceLocation sl);
struct ir_loc lower_cursor_loc(struct lower *L, CXCursor c);
struct ir_loc lower_end_loc(struct lower *L, CXCursor c);   /* last character of c */
const char *lower_text(struct lower *L, CXCursor c);        /* source text or NULL */
size_t lower_children(CXCursor c, CXCursor *out, size_t max);
CXCursor lower_strip(CXCursor c);   /* through parens and implicit casts */
char *lower_spelling(struct lower *L, CXCursor c);          /* in the function arena */
bool lower_is_noreturn(struct lower *L, CXCursor decl, const char *name);
/* lower_va.c: records what a variadic function does with its extra arguments */
void lower_varargs(struct lower *L, CXCursor fn, CXCursor body);
/* lower_refc.c: the parameters whose reference counter member is incremented or
   decremented (ir_func.refc_inc, refc_dec). */
void lower_refc_scan(struct lower *L, CXCursor body);
/* lower_refc.c: clang names the __sync_* builtins by their operand size
   (__sync_fetch_and_add_4): cuts that suffix off name, in place. */
void lower_sync_name(char *name);
/* lower_refc.c: whether e (an unexposed expression) is integer atomic
   arithmetic on an integer: __atomic_fetch_sub(&o->refs, 1, ..) (clang's
   AtomicExpr, not exposed): its operands are only read. */
bool lower_int_atomic(CXCursor e);

int lower_local_var(struct lower *L, CXCursor ref);         /* DeclRefExpr -> var or -1 */
bool lower_static_const(struct lower *L, CXCursor decl, int64_t *value);
bool lower_eval_int(CXCursor c, int64_t *value);
/* Whether c, an unexposed expression with the n children kid (as
 * lower_children() gives them, n <= 2), is a constant other than through an
 * implicit conversion (__builtin_types_compatible_p(__typeof__(p), T),
 * _Generic): *value is it, and nothing in c is evaluated. */
bool lower_unexposed_constant(CXCursor c, const CXCursor *kid, size_t n, int64_t *value);
int lower_new_temp(struct lower *L, const char *name);
int lower_decl_var(struct lower *L, CXCursor decl, unsigned flags);
int lower_array_slot(struct lower *L, CXCursor ref, int array, int64_t index);
int lower_pseudo(struct lower *L, const char *key, const char *name, int parent);
void lower_guess(struct lower *L, CXCursor decl, const char *name, struct ir_event *ev);
void lower_emit(struct lower *L, const struct ir_event *ev);
int lower_block(struct lower *L);   /* new block */
void lower_goto(struct lower *L, int target);   /* ends cur with a jump; cur = -1 */
void lower_ensure(struct lower *L); /* gives cur a block if it is unreachable */
void lower_unsupported(struct lower *L, const char *why);

static inline struct operand op_none(void)
{
	struct operand o = { OP_NONE, -1, 0 };
	return o;
}

static inline struct operand op_var(int v)
{
	struct operand o = { OP_VAR, v, 0 };
	return o;
}

static inline struct operand op_const(int64_t k)
{
	struct operand o = { OP_CONST, -1, k };
	return o;
}

/* lower_attr.c */
/* Reads GCC's malloc(dealloc, N) attributes of the unit (from clang's
 * errors about them) into T->dealloc_of and T->deallocs. */
void lower_attr_scan(struct lower_tu *T);
/* Records in ev what the callee's annotations say it acquires or releases;
 * returns true if they say anything. */
bool lower_attr_guess(struct lower *L, CXCursor decl, struct ir_event *ev);

/* lower_expr.c */
void lower_emit_var(struct lower *L, enum ir_ev_kind kind, int var, struct ir_loc loc);
void lower_escape(struct lower *L, struct operand o, struct ir_loc loc);
CXCursor lower_strip_casts(CXCursor c);
/* Whether arg (casts aside) is &X; *operand is then X. */
bool lower_addr_of(CXCursor arg, CXCursor *operand);
/* If arg is &v of a local variable or array slot: v, else -1. */
int lower_addr_local(struct lower *L, CXCursor arg);
/* a op b folded into *r; false if op is not one we fold or the result is undefined */
bool lower_fold(enum CXBinaryOperatorKind op, int64_t a, int64_t b, int64_t *r);
/* "s->lock", "*m": key of a path of names and members (function arena), or NULL */
char *lower_lvalue_key(struct lower *L, CXCursor c);
char *lower_object_key(struct lower *L, CXCursor arg);
/* pseudo-variable of a scalar in memory tested by conditions, or -1;
   create: make it if it does not exist yet */
int lower_memory_var(struct lower *L, CXCursor c, bool create);
int lower_local_lvalue(struct lower *L, CXCursor c);

/* lower_callee.c: direct calls no rule names (EV_CALL, resolved by summaries). */
/* The EV_CALL of call to decl (name), its result into dst (or a temporary). */
struct operand lower_summarised_call(struct lower *L, CXCursor call, CXCursor decl,
				     const char *name, int dst, struct ir_loc loc);
/* Whether argument a is an aggregate, or the address of one (&s, &s.inner, an alias of s). */
bool lower_aggregate_arg(struct lower *L, CXCursor a);

/* lower_agg.c: members of local aggregates (s.buf, iov[0].iov_base, u.a). */
/* Records the local aggregates of body whose address is kept (L->aliased). */
void lower_scan_aliases(struct lower *L, CXCursor body);
/*
 * After lower_scan_aliases(): for each parameter whose struct the body
 * uses as a whole (*p = t, memset(p, ..)), an EV_CLOBBER of its member
 * "*" at the entry (p->*): summaries then see every member touched.
 */
void lower_whole_params(struct lower *L, CXCursor fn);
/* The VAR_FIELD pseudo-variable p->name of variable p (a pointer). */
int lower_field_named(struct lower *L, int p, const char *name);
/*
 * &s given to a call, with s (variable v) a local struct: its pointer
 * members (first level, at most 16) get their pseudo-variables now, so
 * that what the callee's summary stores there (strbuf_addf(&sb, ..)
 * fills sb.buf) has a name.
 */
void lower_agg_members(struct lower *L, int v, CXCursor arg);
/* VAR_COUNT when c is an integer member of a local struct (s.nr), else 0. */
unsigned lower_count_flag(CXCursor c);
/* The pseudo-variable for the member access `member` (base.name, p->name), or -1. */
int lower_member_slot(struct lower *L, CXCursor member);
/* The VAR_FIELD pseudo-variable "p->[K]" for p[K], p a parameter and K a constant
 * 0..15 (close(fd[0]) in close_pair(int fd[2])), or -1. */
int lower_param_slot(struct lower *L, CXCursor arg);
/* Whether c is a member access through a pointer (p->name, (*p).name). */
bool lower_is_arrow(CXCursor c);
/* Whether c is such an access through an alias of a local (lower_alias.c): s.name. */
bool lower_is_local_arrow(struct lower *L, CXCursor c);
/*
 * Local v (declared by decl) = init, an initialiser list: each member gets
 * its initialiser (struct pair s = { .a = malloc(n) }).  False when init is
 * no list we can pair with the members (then nothing is emitted).
 */
bool lower_init_members(struct lower *L, int v, CXCursor decl, CXCursor init, struct ir_loc loc);
/* Whether expression e is a struct or union, or an array of them. */
bool lower_is_aggregate(CXCursor e);
int lower_path_root(struct lower *L, CXCursor c);   /* p in &p->f, or -1 */
void lower_forget_memory(struct lower *L, struct ir_loc loc);
struct operand lower_expr(struct lower *L, CXCursor e, enum ctx ctx);
void lower_assign_local(struct lower *L, int v, CXCursor rhs, struct ir_loc loc);
/* Whether e is a truth value: a comparison, !x, x && y, x || y. */
bool lower_is_truth_value(CXCursor e);

/* lower_alias.c: a local pointer known to point at one local (p = &s). */
/* Finds the local pointers of body that are aliases of one local (L->alias);
 * before lower_scan_aliases(), which then keeps their `&s` out of its count. */
void lower_scan_pointers(struct lower *L, CXCursor body);
/* Whether c is the declaration of an alias, or an assignment to one (p = &s). */
bool lower_alias_skip(struct lower *L, CXCursor c);
/* If e (casts aside) names an alias p of local x: true, with *x the cursor of
 * x in an `&x` p is given (its type and root are x's). */
bool lower_alias_addr(struct lower *L, CXCursor e, CXCursor *x);
/* If e (casts aside) names an alias p of local x: x's variable, else -1. */
int lower_alias_var(struct lower *L, CXCursor e);
/* Local v = rhs, v an alias and rhs its `&x`: v is set to a non-NULL value
 * that holds nothing, x does not escape; true if so (then it is lowered). */
bool lower_alias_init(struct lower *L, int v, CXCursor rhs, struct ir_loc loc);
/* ref, an alias of x, used as ctx says: a value given away (CTX_VALUE) lets x
 * escape, and then true (the operand is none); false if ref is no alias or
 * is only looked at (its variable holds nothing). */
bool lower_alias_value(struct lower *L, CXCursor ref, enum ctx ctx);

/* lower_copy.c: what makes a string non-empty */
/* Records in L->f->copies a C library call (decl) writing into a parameter's
 * member what it reads from another parameter (memcpy(p->buf + n, data, len)). */
void lower_note_copy(struct lower *L, CXCursor call, CXCursor decl);
/* Records in L->f->copies (src -1) p->m += step of a parameter p, m an integer. */
void lower_note_step(struct lower *L, CXCursor target, enum CXBinaryOperatorKind op,
		     int64_t step);
/* Whether argument a is a string literal that prints at least one character. */
bool lower_text_literal(CXCursor a);

/* lower_arg.c: what a call is given */
/* The local GError * whose address call passes (GLib: set exactly when it fails), or -1. */
int lower_call_gerror(struct lower *L, CXCursor call);
/* Whether decl is declared in a header of the C library (rules' library-headers). */
bool lower_in_library_header(struct lower *L, CXCursor decl);
/* Whether a callee of type fnty with no rule and no body only reads argument i
 * (0-based): a const T * parameter, or a value given to a C library function (lib). */
bool lower_borrows_arg(CXType fnty, bool lib, int i, bool addr);
/* If arg points into a local pointer's object (p + n, &p->f, c ? &p->f : NULL):
 * that pointer, with the rest of arg lowered as read; else -1, nothing lowered. */
int lower_inner_pointer(struct lower *L, CXCursor arg);
/* If arg names a function: fills *out as an ARG_FUNC and returns true. */
bool lower_function_arg(struct lower *L, CXCursor arg, struct ir_arg *out);
/* If callee (a call's function expression) is a parameter, cb or *cb: its variable, else -1. */
int lower_param_callee(struct lower *L, CXCursor callee);
/* Argument a (number ai) of a call through parameter via: lent (EV_ESCAPE with src). */
void lower_lend_arg(struct lower *L, CXCursor a, int via, int ai, struct ir_loc loc);

/* lower_keep.c: rules that move an argument (steals, keeps only on success) */
/* q = g_steal_pointer(&p) (fn->steals): the handle moves from p to q. */
struct operand lower_steal(struct lower *L, CXCursor call, const struct rule_fn *fn,
			   int dst, struct ir_loc loc);
/* Whether argument ai (1-based) of a call of fn is kept only on success ("fails" with "keeps"). */
bool lower_keeps_on_success(const struct rule_fn *fn, int ai);
/* Lowers such an argument a: its variable, or op_none() when it is not one
 * (then it escapes: kept).  Locks it names escape either way. */
struct operand lower_kept_arg(struct lower *L, CXCursor a, struct ir_loc loc);
/* The EV_CALL of such a call (nargs arguments, the kept one in variable kept),
 * its result into dst (or a temporary). */
struct operand lower_keep_call(struct lower *L, const struct rule_fn *fn, int kept, int nargs,
			       int dst, struct ir_loc loc);

/* lower_call.c */
const char *lower_container_type(struct lower *L, CXCursor arg);
void lower_escape_locks(struct lower *L, CXCursor arg, struct ir_loc loc);
struct operand lower_call(struct lower *L, CXCursor call, int dst, enum ctx ctx);

/* lower_match.c */
int lower_local_object(struct lower *L, CXCursor arg);  /* re in &re, &re.f, &re[1]; or -1 */
void lower_record_names(struct lower *L, CXCursor call, const char *namer, int dst);
bool lower_arg_conds_hold(struct lower *L, CXCursor call, const struct rule_acquire *a);

/* lower.c: the lvalue c writes (x = .., x op= .., x++, &x), if any */
bool lower_written_lvalue(CXCursor c, CXCursor *lvalue);

/* lower_globals.c: fills L->f->gwrites from the body */
void lower_global_writes(struct lower *L, CXCursor body);

/* lower_cond.c */
void lower_cond(struct lower *L, CXCursor cond, int t, int f);
void lower_flush_temps(struct lower *L);
void lower_clobber_bits(struct lower *L, int v, struct ir_loc loc);

/* lower_stmt.c */
void lower_stmt(struct lower *L, CXCursor s);
void lower_body(struct lower *L, CXCursor body);
void lower_scope_push(struct lower *L);
void lower_scope_pop(struct lower *L, struct ir_loc loc);

#endif
