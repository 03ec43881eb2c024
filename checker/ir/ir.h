/*
 * ir.h - the event IR: one function as basic blocks of small events.
 *
 * lower.c builds it from libclang's AST; analyse.c walks it and knows
 * nothing of libclang.  A block holds events executed in order and ends
 * in one terminator: a jump, a two-way branch on an atomic test of one
 * variable against a constant, a return, the end of the function, or a
 * dead end (a call that never returns).  &&, ||, ?: and assignments
 * inside conditions are lowered into blocks, so a branch never holds a
 * compound condition.
 *
 * Variables are numbered per function.  Besides the function's locals
 * and parameters there are temporaries (a call result that is tested or
 * passed on without being stored), pseudo-variables for the slots of a
 * local array with a constant index (fds[0]) and for lock objects
 * (keyed by the spelling of the locked expression).
 *
 * Everything lives in the function's arena; ir_func_free() frees it.
 */
#ifndef LEAKCHECK_IR_H
#define LEAKCHECK_IR_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "rules/rules.h"

struct ir_loc {
	const char *file;           /* path as given to the compiler; NULL if unknown */
	unsigned line;              /* 1-based; 0 if unknown */
	unsigned col;               /* 1-based */
};

enum ir_var_flags {
	VAR_PARAM = 1 << 0,         /* a parameter */
	VAR_TEMP = 1 << 1,          /* a temporary made by the lowering */
	VAR_PSEUDO = 1 << 2,        /* array slot or lock object */
	VAR_ADDR_TAKEN = 1 << 3,    /* &v occurs: its value is never tracked */
	VAR_POINTER = 1 << 4,       /* pointer-typed (arithmetic on it escapes) */
	VAR_CLEANUP = 1 << 5,       /* has __attribute__((cleanup)) */
	VAR_MEMORY = 1 << 6,        /* a value in memory tested in a condition (s->flag,
				       a global): forgotten by EV_FORGET, and by a call
				       that can reach it (parent: the local it hangs
				       from, or -1 for a global) */
	VAR_PURE = 1 << 7,          /* the result of a pure call (strcmp(path, "-")) on
				       locals: forgotten when one is assigned or given to
				       a call, not by every call */
	VAR_FIELD = 1 << 8,         /* a pointer member through a local pointer, p->name
				       (parent: p; also VAR_PSEUDO and VAR_MEMORY): holds
				       what is stored there while p's object owns it */
	VAR_COUNT = 1 << 9,         /* an integer member of a local aggregate (l.nr; parent:
				       l): a branch finding it zero empties what l's
				       members hold from a callee's regrow fill */
	VAR_TEXT = 1 << 10,         /* a char * member of a local aggregate (sb.buf): a
				       string, holding its terminator when its count
				       is zero, so no count empties it */
};

struct ir_var {
	const char *name;           /* spelling for messages ("fp", "fds[0]", "s->lock") */
	unsigned flags;             /* enum ir_var_flags */
	int parent;                 /* array variable of an array slot, else -1 */
	const char *cleanup;        /* VAR_CLEANUP: the cleanup function's name */
};

enum ir_exit {
	EXIT_RETURN,                /* a return statement */
	EXIT_END,                   /* falling off the end of the function */
	EXIT_SCOPE,                 /* closing brace of the variable's block */
	EXIT_BREAK,                 /* break leaving the variable's block */
	EXIT_CONTINUE,              /* continue leaving the variable's block */
	EXIT_GOTO,                  /* goto leaving the variable's block */
	EXIT_OWNER,                 /* findings only: the struct holding it is freed
				       (finding.label: the struct's name) */
};

enum ir_ev_kind {
	EV_ACQUIRE,     /* site: the acquisition site it performs */
	EV_RELEASE,     /* var released by callee (rule release entry rel) */
	EV_ASSIGN,      /* var = src (aliases when src holds a handle) */
	EV_SETCONST,    /* var = value */
	EV_CLOBBER,     /* var = something untracked */
	EV_ESCAPE,      /* var's handle leaves our hands (stored, passed, returned) */
	EV_SCOPE_END,   /* var goes out of scope: exit says how, label for EXIT_GOTO */
	EV_FORGET,      /* a call may have changed memory: VAR_MEMORY values are unknown;
			   with var >= 0, only that variable's value (its address is taken) */
	EV_ARITH,       /* var += value (src 0), var *= value (src 1, value > 0), or a
			   pointer moved by an unknown amount (src 2: p++, p += n) */
	EV_CALL,        /* a call no rule describes: its summary (if any) says what it
			   does with args and what dst receives; unknown: args escape */
	EV_STATUS,      /* var = callee(src), a borrower reporting how the call that
			   returned src went (PQresultStatus(res)): var is the status of
			   what that call acquired with src whose status-call is callee */
	EV_NONNULL,     /* var is not NULL from here on, on this path: the pointer is
			   dereferenced (*p, p->f, p[i]; not &p->f; src 0), or it is the
			   non-NULL result of a call returning its argument or NULL, or a
			   pointer that is never NULL (a string literal, &x, an array)
			   assigned to it (src 1) */
};

enum ir_arg_kind {
	ARG_NONE,       /* nothing tracked */
	ARG_VAR,        /* the value of a variable */
	ARG_ADDR,       /* &variable: the callee may read or write it */
	ARG_INNER,      /* a pointer into what variable points to (p + n, &p->f, &p[i]):
			   p stays held when the callee only reads it, and leaves
			   when it may keep or release it */
	ARG_FUNC,       /* a function (a callback): fn, fn_reads, fn_ruled; var is -1 */
};

struct ir_arg {
	enum ir_arg_kind kind;
	int var;
	bool borrowed;      /* a callee with no rule and no body anywhere only reads it:
			       its parameter is `const T *`, or it is a C library
			       function (rules' library-headers) and the argument is a
			       value, not &var */
	const char *fn;     /* ARG_FUNC: the function's summary key */
	uint32_t fn_reads;  /* ARG_FUNC: bit N-1: called without a body anywhere (or by
			       its rule), it only reads its argument N */
	bool fn_ruled;      /* ARG_FUNC: a rule describes it: fn_reads is all there is */
	bool text;          /* a string literal that prints at least one character, read
			       as a printf format or not ("x", " (", "\n\t%s"; not "",
			       "%s"): what it is copied into is not empty */
};

struct ir_event {
	enum ir_ev_kind kind;
	struct ir_loc loc;                  /* where it happens */
	int var;                            /* the variable concerned (not for ACQUIRE) */
	int src;                            /* EV_ASSIGN: source variable */
	int64_t value;                      /* EV_SETCONST: the constant */
	int site;                           /* EV_ACQUIRE: index into ir_func.sites */
	const struct rule_release *rel;     /* EV_RELEASE: the callee's release entries, or NULL
					       for a release of anything (a cleanup function) */
	unsigned rel_mask;                  /* EV_RELEASE: bit i set if entry i of rel applies
					       (its string condition holds); 0: all do */
	bool soft;                          /* EV_RELEASE: releases var only if rel covers its
					       kind (the same argument is also an object);
					       EV_ASSIGN: var, a value in memory, gets src's
					       value only, not its handle (node->prev = p: p
					       escapes there); EV_ESCAPE: only the address
					       of an element of var's buffer leaves (&v[i]),
					       no escape while a member holds that buffer */
	const char *callee;                 /* EV_RELEASE: name of the releasing call */
	enum ir_exit exit;                  /* EV_SCOPE_END: how the scope is left */
	const char *label;                  /* EV_SCOPE_END with EXIT_GOTO: target label */
	int out_param;                      /* EV_ESCAPE: stored into *param (1-based), else 0;
					       with src >= 0 instead: passed as argument `value`
					       (1-based) of a call through parameter src, a
					       function pointer the caller gives (a callback):
					       what that function does with it decides */
	/* EV_CALL (callee is the callee's name; var receives the result or is -1;
	   site is a placeholder site an acquisition by the callee would use) */
	const char *key;                    /* summary key: the name, or "FILE:name" when static */
	struct ir_arg *args;
	int nargs;
	const struct rule_acquire *guess_acq;   /* EV_CALL without a body anywhere: what its
						   name suggests it acquires (X_new), or NULL */
	const struct rule_release *guess_rel;   /* ... or releases (X_free(arg 1)) */
	bool lib;                           /* EV_CALL: the callee is a C library function
					       (rules' library-headers): without a body it
					       writes none of the program's globals */
	int keep_arg;                       /* EV_CALL of a rule's borrower that keeps its
					       argument keep_arg (1-based; its only ARG_VAR)
					       only when it succeeds (curl_multi_add_handle,
					       pthread_create): key matches no function, var
					       receives the result; 0 for any other call */
	enum rule_fail keep_fails;          /* ... how that result shows failure */
};

/* One acquisition site: a call matched by an acquire rule. */
struct ir_site {
	const struct rule_acquire *acq;     /* the rule */
	struct ir_loc loc;                  /* the call */
	int dst;                            /* variable receiving the handle (or the first
					       array slot for OUT_ARRAY); -1: discarded */
	int ndst;                           /* handles acquired: 1, or count for OUT_ARRAY */
	int status;                         /* variable receiving the status result for
					       OUT/OUT_ARRAY/OBJECT shapes, or -1 */
	int from;                           /* variable passed as the transfer/reopen arg, or -1 */
	int error_var1;                     /* 1 + a GError * variable whose address the call
					       got (GLib: set exactly when the call fails), or 0 */
	bool error_implies;                 /* (analyse) error_var1 set means the call failed,
					       but 0 does not mean it succeeded (a callee's
					       summary error_arg) */
	int led_by;                         /* 1 + another site of the same call whose test
					       decides this one too (mkstemp's file goes with
					       its descriptor), or 0 */
	bool discarded;                     /* result thrown away in an expression statement */
	int out_param;                      /* (analyse.c) the handle goes straight on into
					       *param N of the function: xasprintf(ret, ..)
					       calling xvasprintf(ret, ..) */
};

enum ir_cmp { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

enum ir_term_kind {
	T_NONE,         /* still being built */
	T_GOTO,         /* to target */
	T_BRANCH,       /* var cmp value ? t : f; var -1 means unknown (both ways) */
	T_RETURN,       /* leave the function: exit checks at loc; var is the returned
			   variable (it escapes) or -1, value a returned constant when
			   has_value */
	T_END,          /* fall off the end of the function: exit checks at loc */
	T_DEAD,         /* a call that never returns: no checks */
};

enum ir_branch_note {
	BN_COND,        /* "taking the true/false branch of 'text'" */
	BN_CASE,        /* true edge: "entering 'text'" (switch case); false edge silent */
	BN_NONE,        /* no note (lowering detail) */
};

struct ir_term {
	enum ir_term_kind kind;
	struct ir_loc loc;                  /* branch condition / return / closing brace /
					       T_GOTO ending a goto statement's trampoline: the
					       goto (text: its label); other T_GOTO: none */
	int target;                         /* T_GOTO */
	int var;                            /* T_BRANCH: tested variable or -1 */
	enum ir_cmp cmp;                    /* T_BRANCH: var cmp value */
	int64_t value;
	int t, f;                           /* T_BRANCH: successors when true / false */
	enum ir_branch_note note;           /* T_BRANCH: how a path note reads */
	const char *text;                   /* T_BRANCH: condition source text; T_GOTO: the
					       label of the goto statement it ends, or NULL */
	bool has_value;                     /* T_RETURN: returns the constant value */
	bool foreign;                       /* T_BRANCH: var == / != a global's value (stdin):
					       a handle acquired here is never equal to it;
					       value is unused */
	int pair1[2];                       /* T_BRANCH on the pseudo-variable of `a == b` of
					       two locals: 1 + a and 1 + b; else 0, 0 */
	bool negated;                       /* T_BRANCH: text reads as the negation of the
					       test (`!fp` tested as fp != 0): the t edge
					       is then "the false branch of 'text'" */
};

struct ir_block {
	struct ir_event *ev;                /* events in execution order */
	size_t nev, cap;
	struct ir_term term;
	const char *label;                  /* the label statement this block starts (its
					       name: the language server retargets gotos
					       to it), or NULL */
};

/* The texts of ir_func.unsupported (analyse.c counts functions by them). */
#define IR_UNSUPPORTED_SETJMP "calls setjmp() or vfork()"
#define IR_UNSUPPORTED_COMPUTED_GOTO "computed goto"
#define IR_UNSUPPORTED_NESTING "nesting too deep"

/*
 * A C library call that writes into what a parameter's member points to,
 * given another parameter to read (memcpy(sb->buf + sb->len, data, len),
 * vsnprintf(sb->buf + sb->len, n, fmt, ap)), or an integer member of a
 * parameter stepped up (p->len++): lower_copy.c.
 */
struct ir_copy {
	int block;                          /* the block of the call */
	int dst;                            /* the parameter (0-based) whose member is written */
	const char *member;                 /* that member's name (buf) */
	int src;                            /* the parameter (0-based) read; -1: the
					       integer member is stepped up instead
					       (p->len++: strbuf_addch()) */
};

struct ir_func {
	struct arena arena;                 /* owns everything below */
	const char *name;                   /* function name */
	const char *key;                    /* summary key: the name, or "FILE:name" when static */
	const char *unit;                   /* main file of its translation unit */
	int nparams;                        /* parameters are variables 0 .. nparams-1 */
	struct ir_loc loc;                  /* its name in the definition */
	struct ir_var *vars;
	size_t nvars, capvars;
	struct ir_block *blocks;
	size_t nblocks, capblocks;
	struct ir_site *sites;
	size_t nsites, capsites;
	int entry;                          /* entry block */
	const char *unsupported;            /* non-NULL: why the function is not analysed,
					       one of IR_UNSUPPORTED_*; no findings */
	bool is_main;                       /* the function is main() */
	bool va_arg_used;                   /* reads its variadic arguments with va_arg */
	const char **gwrites;               /* globals the body itself may write (assigned,
					       address taken, passed as a pointer or array),
					       by name: lower_globals.c; in the arena */
	size_t ngwrites;
	const char **va_callees;            /* summary keys of the callees it hands its
					       va_list to ("?": through a pointer) */
	size_t nva_callees;
	uint64_t refc_inc;                  /* bit N-1: a member of *parameter N is
					       incremented (p->refs++, ++p->refs, p->refs += 1):
					       lower_refc.c, for summary_refc.c */
	uint64_t refc_dec;                  /* ... decremented (--p->refs, p->refs -= 1) */
	bool context;                       /* from a file not asked about, loaded from the
					       cache only for its summary: no findings */
	bool header;                        /* a static function of a project header called
					       from the unit (strbuf_setlen()): lowered with
					       the unit, for its summary only: no findings */
	struct ir_copy *copies;             /* the library calls copying a parameter into
					       another's member, in lowering order */
	size_t ncopies;
};

/* Allocates an empty function; free it with ir_func_free(). */
struct ir_func *ir_func_new(const char *name);

/* Frees f and everything in its arena. */
void ir_func_free(struct ir_func *f);

/*
 * The names f calls, in the order of its events: each EV_CALL's key,
 * then the functions it passes (ARG_FUNC); written to out (when not
 * NULL), which has room for them.  Returns how many there are.
 */
size_t ir_func_callees(const struct ir_func *f, const char **out);

/* Adds a variable; returns its index. */
int ir_var_add(struct ir_func *f, const char *name, unsigned flags, int parent);

/* Adds an empty block (terminator T_NONE); returns its index. */
int ir_block_add(struct ir_func *f);

/* Appends a copy of ev to block b; returns a pointer to the stored event. */
struct ir_event *ir_event_add(struct ir_func *f, int b, const struct ir_event *ev);

/* Adds an acquisition site; returns its index. */
int ir_site_add(struct ir_func *f, const struct ir_site *s);

/* Prints the IR in a readable form (for --dump-ir and debugging). */
void ir_dump(const struct ir_func *f, void *file /* FILE * */);

/* The successors of block b of f (0, 1 or 2 of them, in range) into succ; returns how many. */
int ir_successors(const struct ir_func *f, size_t b, int succ[2]);

/*
 * Whether some return or closing brace of f can be reached from its entry
 * along the control flow, whatever the conditions: a function that never
 * returns is one where none can (every path ends in a call that never
 * returns, or loops forever).  dead_call(ev, ctx), when not NULL, says
 * whether the EV_CALL ev never returns (its callee's summary says so): a
 * block holding one ends there.
 */
bool ir_func_may_return(const struct ir_func *f,
			bool (*dead_call)(const struct ir_event *ev, void *ctx), void *ctx);

#endif
