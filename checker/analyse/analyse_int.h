/*
 * analyse_int.h - what the analysis' files share (analyse.c: the walk;
 * analyse_event.c: the transitions, what each event does to a state;
 * analyse_branch.c: branches and value domains; analyse_path.c: findings
 * with their paths, and --explain; analyse_where.c: where a leak found at
 * an exit is reported; analyse_retarget.c: a label such a goto could jump
 * to instead; analyse_layout.c: the state layout and liveness;
 * analyse_keep.c: the summary of a rule's borrower that keeps on success).
 * Not an API: only analyse*.c include it.
 */
#ifndef LEAKCHECK_ANALYSE_INT_H
#define LEAKCHECK_ANALYSE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analyse.h"
#include "report/report.h"

enum slot_status {
	RS_NONE,        /* not acquired on this path */
	RS_UNCHECKED,   /* acquired, may have failed */
	RS_HELD,        /* acquired and known to have succeeded */
	RS_RELEASED,
	RS_ESCAPED,     /* ownership left the function */
	RS_FAILED,      /* the acquisition failed: nothing held */
	RS_MOVED,       /* transferred into another handle (realloc, fdopen) */
	RS_LEAKED,      /* already reported lost */
	RS_PENDING,     /* being transferred; waits on slot .pend */
	RS_OUT,         /* stored into *param .pend (summaries: an out-parameter) */
};

enum pend_mode { PM_TRANSFER = 1, PM_REOPEN = 2 };

struct slot_st {
	uint8_t st;             /* enum slot_status */
	uint8_t pmode;          /* enum pend_mode while RS_PENDING */
	uint8_t ok;             /* the acquisition is known to have succeeded, so the
				   handle's value is a valid one even once released */
	uint8_t hfid;           /* holder set: the member of it that holds this one
				   (an_fid) */
	int16_t pend;           /* RS_PENDING: the slot whose outcome decides, else -1 */
	int16_t holder;         /* slot + 1 of the struct we own that holds this handle
				   in a member (p->name = h), else 0 */
	int16_t rbase;          /* reference counts (analyse_refc.c): slot + 1 of the
				   object this is one more reference on (q =
				   g_object_ref(p)); -1: the object is also held by
				   others (a reference on an object we hold no other
				   one to, or sunk): releasing it once too often is
				   no provable double release; else 0 */
};

enum role {
	ROLE_NONE,
	ROLE_HANDLE,
	ROLE_STATUS,
	ROLE_ERROR,     /* a GError * the call set on failure: non-NULL means it failed */
	ROLE_KEPT,      /* the result of a call that kept slot .bind only if it succeeded
			   (its failure test: var_st.pad, an enum rule_fail) */
};

struct var_st {
	int16_t bind;           /* ROLE_HANDLE: slot; ROLE_STATUS, ROLE_ERROR: site; else -1 */
	uint8_t role;
	uint8_t pad;            /* ROLE_KEPT: how the call fails (enum rule_fail) */
	int16_t eq;             /* holds the same value as this variable (a copy, or a
				   copy of the same variable), or -1 */
	int16_t pad2;
};

struct val {
	int64_t lo, hi;         /* inclusive bounds */
	int64_t ex;             /* a point excluded from [lo, hi] when has_ex */
	int64_t has_ex;         /* 0 or 1 (a full word keeps the struct padding-free) */
};

struct node {
	int block;
	int parent;             /* node index, -1 for the entry */
	size_t state;           /* offset of its state in the store (analyse_store.c) */
	size_t slen;            /* ... so many bytes */
	uint8_t depth;          /* 0: the whole state; else its difference from the
				   parent's, which is depth - 1 differences from a whole one */
	uint64_t hash;          /* of (block, state), for the memo table */
};

struct seen {
	struct seen_key {
		int kind, site;
		unsigned line, col;
	} *v;
	size_t n, cap;
};

struct an {
	const struct ir_func *f;
	const struct analyse_opts *opts;
	int *rv;                /* var -> index in vars part, or -1 */
	int *cv;                /* var -> index in values part, or -1 */
	int *base;              /* site -> first slot */
	int *slot_site;         /* slot -> site */
	bool *released_obj;     /* var -> some EV_RELEASE names it (lock objects) */
	bool *doomed;           /* block -> every path from it dies in a noreturn call */
	bool *looping;          /* block -> on a cycle: a dereference there tells
				   nothing (EV_NONNULL src 0 is skipped), or every state
				   of a loop that tests the pointer would come twice */
	bool *inert;            /* block -> its events change nothing a state holds (a
				   pointer nobody follows is dereferenced): a jump
				   through it is a jump past it */
	bool *has_kids;         /* var -> array slots have it as parent */
	uint8_t *fid;           /* var -> for a VAR_FIELD variable, its member name's
				   id (1..255), else 0 */
	const char **fid_names; /* id -> member name */
	int *msite_of;          /* site -> for a member site (the member of what a
				   constructor returns, c->host of c = conn_new()), the
				   call's site; else -1 */
	const char **msite_name;    /* site -> that member's name (or a fill site's) */
	int *fsite_of;          /* site -> for a fill site (what a callee stores into a
				   member of the struct it is given: sb.buf of
				   strbuf_addf(&sb, ..)), the call's site; else -1 */
	int *fsite_pm;          /* site -> the callee's summary.pmem entry it applies */
	bool *fsite_grow;       /* site -> that entry's fill grows the member (regrow) */
	bool *fsite_maybe;      /* site -> that entry's fill happens on some exits only
				   (summary_member.maybe) */
	bool *owned;            /* var -> a member of a local aggregate this function
				   releases or gives to a callee that takes it, somewhere:
				   what a maybe fill put there is reported */
	uint8_t *msite_fid;     /* site -> that member's id */
	bool *exposed;          /* exposed[p]: parameter p is handed out (passed, copied,
				   stored, returned): memory through it may change */
	int *mem;               /* VAR_MEMORY variables with a tracked value */
	char **groot;           /* groot[v]: for such a variable hanging from a global, the
				   global's name (malloc'ed), else NULL */
	size_t nmem;
	int *eqvars;            /* followed variables that may become a copy of another
				   (var_st.eq set: assigned to), in index order */
	size_t neqvars;
	uint64_t *live;         /* per block: values that may be read before written */
	size_t lwords;          /* words per block in live */
	unsigned char *norm;    /* scratch state for push() */
	unsigned char *referenced;  /* scratch: slots some variable refers to */
	size_t nslots, nrv, ncv, nvars;
	size_t off_vars, off_vals, size;
	unsigned char *store;   /* states, back to back, as differences (analyse_store.c) */
	size_t store_len, store_cap;
	unsigned char *pbuf;    /* scratch: the state of node pnode (-1: none) */
	int pnode;
	unsigned char *cmp;     /* scratch: a state the memo table compares with */
	struct node *nodes;
	size_t nnodes, capnodes;
	int *memo;              /* open addressing over node indices, -1 empty */
	size_t memo_cap;
	bool exhausted;         /* the walk stopped: out of budget, or too large */
	bool too_large;         /* ... because the states reached max_store bytes */
	size_t max_store;       /* bytes the states and nodes may take */
	struct seen seen;
	/* the event being executed, for findings and replays */
	int block;
	int node;
	size_t evi;
	unsigned char *cur;     /* the state being executed */
	struct ir_site *sites;  /* the function's sites, completed by summaries, then
				   (summary mode) one per parameter */
	size_t nsites;          /* f->nsites + parameters */
	size_t first_param;     /* index of the first parameter site */
	const struct walk_observer *sb; /* summary mode: who is told, or NULL */
	/* --explain: how each site's handles left our hands, and which reported */
	struct expl {
		int site;
		struct explain_step step;
	} *expl;
	size_t nexpl, capexpl;
	bool *site_reported;
	enum explain_kind why;      /* the reason of the escape under way */
	const char *why_what;
	int why_arg;
	unsigned why_line;
	/* path notes (analyse_path.c), made at the first finding */
	int *lastpos;           /* block -> last index on the path being noted, or -1 */
	unsigned *seen_in;      /* block -> the search that last visited it */
	unsigned search;        /* the current search */
	bool *holder;           /* var -> may hold a handle or a status */
	bool *tested;           /* var -> its value may decide a branch */
	bool dead;              /* the path ended in a call that never returns */
	bool by_body;           /* the release under way is a callee's (summary, guess) */
	char namebuf[256];      /* slot_name() of a struct's member */
	bool quiet;             /* replaying: no findings */
	int watch;              /* replaying: slot whose release we look for */
	struct ir_loc watch_loc;
};

static const struct val TOP = { INT64_MIN, INT64_MAX, 0, 0 };

/* ---- state access ---- */

static inline struct slot_st *slots(const struct an *A, unsigned char *s)
{
	(void)A;
	return (struct slot_st *)s;
}

static inline struct var_st *vst(const struct an *A, unsigned char *s, int v)
{
	return A->rv[v] < 0 ? NULL : (struct var_st *)(s + A->off_vars) + A->rv[v];
}

static inline struct val *vval(const struct an *A, unsigned char *s, int v)
{
	return A->cv[v] < 0 ? NULL : (struct val *)(s + A->off_vals) + A->cv[v];
}

static inline const struct ir_site *site_of_slot(const struct an *A, int slot)
{
	return &A->sites[A->slot_site[slot]];
}

/* The sites site+1 .. an_led_end(A, site)-1 were acquired by the same
 * call as site and are led by it (ir_site.led_by). */
static inline size_t an_led_end(const struct an *A, size_t site)
{
	size_t k = site + 1;

	while (k < A->first_param && A->sites[k].led_by == (int)site + 1)
		k++;
	return k;
}

/* ---- analyse_event.c: transitions shared with analyse_call.c ---- */

/* v no longer holds a handle or a status. */
void an_unbind(struct an *A, unsigned char *s, int v);
/* Sets what is known of the value of v, if it is one we follow. */
void an_set_val(struct an *A, unsigned char *s, int v, struct val val);
/* EV_RELEASE: v's handle is released (a wrong releaser or a second release reported). */
void an_do_release(struct an *A, unsigned char *s, const struct ir_event *ev);
/* EV_ACQUIRE: the site's handles are acquired into its destinations. */
void an_do_acquire(struct an *A, unsigned char *s, const struct ir_event *ev);
/* dst = src: dst holds what src holds, and equals it. */
void an_do_assign(struct an *A, unsigned char *s, int dst, int src, const struct ir_event *ev);
/* v gets a value we do not follow (what it alone held is lost). */
void an_clobber(struct an *A, unsigned char *s, int v, const struct ir_event *ev);
/* What call ev (callee summary S, or NULL) can change of the values in memory. */
void an_forget_reachable(struct an *A, unsigned char *s, const struct ir_event *ev,
			 const struct summary *S);

/* ---- analyse_refc.c: reference counts ---- */

/* EV_ACQUIRE of a "ref" entry, or an EV_CALL whose summary takes a reference
   (site: its site; rule: by a rule, not a summary): one more reference. */
void an_refc_take(struct an *A, unsigned char *s, const struct ir_event *ev, int site,
		  bool rule);
/* A release of slot x (what ev's variable holds): true when it gave back one
   of several references on x's object, or x's object is held by others and
   x was released already: nothing more to do. */
bool an_refc_release(struct an *A, unsigned char *s, const struct ir_event *ev, int x);
/* Whether live slot x, one more reference on an object, is not reported at
   an exit (it goes with its object; see analyse_refc.c). */
bool an_refc_quiet(struct an *A, unsigned char *s, int x);
/* The parameters holding one more reference at this exit (summary mode). */
uint64_t an_refc_params(const struct an *A, unsigned char *s);
/* The placeholder sites of calls whose summary takes a reference (sites). */
void an_refc_sites(struct an *A);

/* ---- analyse_call.c ---- */

/* EV_CALL by the callee's summary; false when the callee never returns. */
bool an_do_call(struct an *A, unsigned char *s, const struct ir_event *ev);
/* analyse_keep.c: for the EV_CALL of a rule's borrower that keeps an argument only
 * on success (ev->keep_arg), *out filled as the summary saying so; else NULL */
const struct summary *an_keep_summary(struct summary *out, const struct ir_event *ev);
/* v lent to the function parameter fnparam points to, as its argument pos: true
   when v holds one of our parameters (our summary records it), else false. */
bool an_lend_param(struct an *A, unsigned char *s, int v, int fnparam, int pos);

/* ---- analyse_memory.c ---- */

/* A->exposed: the parameters the function hands out (layout). */
void an_exposed_params(struct an *A);
/* A->groot: the global each memory variable hangs from (layout). */
void an_global_roots(struct an *A);

/* ---- analyse_sites.c ---- */

/* A->sites: the function's, completed by callee summaries, member and parameter sites. */
void an_complete_sites(struct an *A);
/* A->fid, A->fid_names, A->msite_fid: ids of the member names (after the sites). */
void an_field_ids(struct an *A);

/* ---- analyse_field.c: handles held by the members of a struct we own ---- */

/* p->name variables: bind v to the handle an alias (q->name, q == p) names. */
void an_field_sync(struct an *A, unsigned char *s, int v);
/* v (p->name) was just given a handle (from src, or -1): p's fresh struct holds
   it, or it is handed on (with what hangs from src: the file *src names). */
void an_field_stored(struct an *A, unsigned char *s, int v, int src);
/* v (p->name) is about to be overwritten: the member no longer holds its handle. */
void an_field_overwritten(struct an *A, unsigned char *s, int v);
/* p changed: v (p->name) names nothing until read or stored again. */
void an_field_forget(struct an *A, unsigned char *s, int v);

enum held_fate {
	HELD_ESCAPE,    /* the struct left our hands (or a destructor freed it) */
	HELD_FREED,     /* free(s): what its members alone hold leaks there */
	HELD_DROP,      /* the struct was reported lost: its members go with it */
};
/* Applies fate to the handles held by the members of struct slot h (ev: the release). */
void an_held_follow(struct an *A, unsigned char *s, int h, enum held_fate fate,
		    const struct ir_event *ev);
/* Whether a variable other than struct h's own member names slot x. */
bool an_named_elsewhere(const struct an *A, unsigned char *s, int x, int h);

/* Whether slot x stands for a parameter (summary mode): never reported. */
/* The callee of an EV_CALL as far as what it may write goes. */
struct an_callee {
	const struct summary *S;    /* its summary, or NULL */
	bool writes_none;           /* no summary, but a C library function without a body */
};
void an_callee_of(const struct an *A, const struct ir_event *ev, struct an_callee *c);

/* Whether the call ev (an EV_CALL, callee c) may change memory variable v. */
bool an_call_forgets(const struct an *A, const struct ir_event *ev, const struct an_callee *c,
		     int v);

/* Whether a store or call we do not follow forgets memory variable v. */
bool an_forgotten(const struct an *A, int v);

/* For the variable *p with p parameter N (0-based), N; else -1. */
int an_param_cell(const struct an *A, int v);

static inline bool param_slot(const struct an *A, int x)
{
	return (size_t)A->slot_site[x] >= A->first_param;
}

static inline bool live(uint8_t st)
{
	return st == RS_HELD || st == RS_UNCHECKED;
}

/* analyse_pmem.c: what a callee does to the members of the structs it is given */
/* Whether the callee (summary S) leaves the members of its argument i (0-based) to us. */
bool an_members_stay(const struct summary *S, int i);
/* &v (a local aggregate) given to such a callee: only its nested aggregates and slots go. */
void an_agg_lent(struct an *A, unsigned char *s, int v);
/*
 * The fill sites of call e (callee summary S): with out NULL, how many;
 * else writes them at out[next..] and returns how many.
 */
size_t an_fill_sites(const struct an *A, const struct ir_event *e, const struct summary *S,
		     struct ir_site *out, size_t next);
/* A->owned: the members of local aggregates the function releases somewhere. */
void an_owned_members(struct an *A);
/*
 * Whether slot x holds what a callee maybe filled (summary_member.maybe)
 * into a member the function never releases elsewhere: not reported.
 */
bool an_unowned_maybe(const struct an *A, int x);
/* Applies S->pmem (fills and frees of members) to the arguments of call ev. */
void an_member_effects(struct an *A, unsigned char *s, const struct ir_event *ev,
		       const struct summary *S);

/*
 * analyse_count.c: on the edge (true when edge) of branch t, a count of a
 * local aggregate found zero (`!l.nr`) that was not known zero before
 * (before: its value then): its members hold nothing from a callee's
 * regrow fill.
 */
void an_count_zero(struct an *A, unsigned char *s, const struct ir_term *t, int edge,
		   struct val before);
/*
 * &v (a local aggregate) is given as argument i (0-based) to a call whose
 * summary S grows a member of it (a regrow fill): the values of v's counts
 * are forgotten (the call appends); any other call leaves them.
 */
void an_count_forget(struct an *A, unsigned char *s, int v, const struct summary *S, int i);
/*
 * Call ev, whose summary S copies the string of an argument into a member
 * of &v it fills (strbuf_addstr(&sb, " (")), is given there a string
 * literal that prints something: v's counts are not zero after it.
 */
void an_count_appended(struct an *A, unsigned char *s, const struct ir_event *ev,
		       const struct summary *S);

/* analyse_branch.c */
struct val an_dom(int64_t lo, int64_t hi, bool has_ex, int64_t ex);
struct val an_val_meet(struct val a, struct val b);
struct val an_handle_domain(const struct rule_acquire *acq, bool ok, bool pointer);
struct val an_status_domain(const struct rule_acquire *acq, bool ok);
bool an_tracks_value(const struct an *A, int var);
void an_branch(struct an *A, unsigned char *s, const struct ir_term *t, int node);
void an_nonnull(struct an *A, unsigned char *s, int v);

/* analyse.c */
void an_push(struct an *A, int block, const unsigned char *s, int parent);

/* analyse_store.c: the states of the nodes */
/* Appends s as node n's state (n->parent set); returns the bytes it took. */
size_t an_store_put(struct an *A, struct node *n, const unsigned char *s);
/* Writes node n's state into buf (A->size bytes). */
void an_store_get(const struct an *A, int n, unsigned char *buf);
/* The same, through the scratch of pnode: for the node the walk expands. */
void an_store_read(struct an *A, int n, unsigned char *buf);
/* Node n's state in memory of its own (free it). */
unsigned char *an_store_copy(const struct an *A, int n);
int an_resolve(const struct an *A, int b);

/* analyse_event.c */
void an_unequal(struct an *A, unsigned char *s, int v);
int an_representative(struct an *A, unsigned char *s, int v);
void an_settle(struct an *A, unsigned char *s, int x, bool ok);
/* v's handle leaves our hands; out_param: the parameter *out it is stored into, or 0 */
void an_escape(struct an *A, unsigned char *s, int v, int out_param);
/* and what the same call acquired along with it goes too (a return, a store) */
void an_escape_led(struct an *A, unsigned char *s, int v);
void an_exec_block(struct an *A, unsigned char *s, int block, size_t upto);
/* Whether the release entries rel (those of mask, 0: all) give back res. */
bool an_releases(const struct rule_release *rel, unsigned mask,
		 const struct rule_resource *res);

/* analyse_path.c */
/* Reports a finding of kind about slot x at loc, once per (kind, x, place); a
   leak found at an exit may be reported earlier on its path (docs/design.md). */
void an_report(struct an *A, enum finding_kind kind, int x, struct ir_loc loc,
	       enum ir_exit exit, const char *label, const char *releaser);
void an_explain(struct an *A, int x, enum explain_kind kind, unsigned line, const char *what,
		int arg);
void an_because(struct an *A, enum explain_kind why, unsigned line, const char *what, int arg);
void an_explain_sites(struct an *A);

/* analyse_where.c */
/* If a failed transfer (realloc, fdopen) gave slot x back on the edge path[q] ->
   path[q + 1], its site, else -1 (after: scratch for a state, A->size bytes). */
int an_failed_transfer(struct an *A, const int *path, size_t q, int x, unsigned char *after);
/* The site of p = realloc(p, n) whose failure lost slot x on the path
   path[start..len) (nothing holds x after it), or -1. */
int an_lost_by_transfer(struct an *A, const int *path, size_t start, size_t len, int x);
/* The trampoline block of the goto past every release of slot x on the path
   path[start..len) ending at an exit, or -1 (uses the search marks of the path
   notes: call after their set-up); *after: the path's node right after the jump. */
int an_skipping_goto(struct an *A, const int *path, size_t start, size_t len, int x,
		     int *after);

/* analyse_retarget.c */
/*
 * For a leak of slot x reported at the goto whose trampoline is block g
 * (s: the state right after the jump), the label the goto could jump to
 * instead, whose straight-line code releases x and only handles certainly
 * held in s before falling through to the goto's label; or NULL.  *also:
 * the names of those other handles ("'fp', 'sock'"), or NULL; the caller
 * frees it with free().  The label lives in the function's arena.
 */
const char *an_retarget(struct an *A, int g, unsigned char *s, int x, char **also);
/* Where the acquisition event of site is (the assignment), else the call. */
struct ir_loc an_acquisition_loc(const struct an *A, int site);

/* analyse_layout.c */
bool an_made_up_applies(const struct an *A, const struct ir_event *ev,
			const struct rule_resource *res, const struct summary *S);
void an_layout(struct an *A);
/* Adds to set (var -> member) the variables assigned to members, transitively. */
void an_assign_closure(const struct ir_func *f, bool *set);
void an_initial_state(struct an *A, unsigned char *s);

#endif
