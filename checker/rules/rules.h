/*
 * rules.h - acquire/release pairs, borrowers and never-returning
 * functions, loaded from YAML files (rules/NAME.yml).
 *
 * A rules file describes one area (heap, stdio, descriptors, ...).  Its
 * format is documented in docs/rules.md; in short:
 *
 *   resources:
 *     - id: stdio-file            # flag-able resource kind
 *       acquired: opened          # verbs used in messages:
 *       released: closed          #   "'fp' opened by fopen() ... is not closed"
 *       held: open                #   "'fp' still open when leaving 'f'"
 *       acquire:
 *         - call: fopen           # handle returned; NULL means failure
 *           fails: null
 *         - { call: fdopen, fails: null, transfer: 1 }
 *         - { call: freopen, fails: null, reopen: 3 }
 *       release:
 *         - { call: fclose, arg: 1 }
 *   borrow: [fprintf, fputs, { call: memcpy, returns-arg: 1 }]
 *   noreturn: [exit, abort]
 *
 * Calls are matched on the callee's name, and an acquire entry may also
 * require a string-literal argument (transactions: "BEGIN", "COMMIT"), a
 * constant argument (realpath(path, NULL)) or an object argument that a
 * name-making function filled earlier in the function (fopen(name, ..)
 * after mktemp(name)); a release entry may require a string literal.
 *
 * Everything lives in the rules' arena and is freed by rules_release().
 */
#ifndef LEAKCHECK_RULES_H
#define LEAKCHECK_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/util.h"

/* How the acquiring call shows failure (key "fails"). */
enum rule_fail {
	FAIL_NULL,          /* "null":      the handle (or status) is NULL/0 on failure */
	FAIL_NEGATIVE,      /* "negative":  the value is < 0 (-1) on failure */
	FAIL_NONZERO,       /* "nonzero":   the value is != 0 on failure (status codes) */
	FAIL_MAP_FAILED,    /* "map-failed": the value is (void *)-1 on failure */
	FAIL_NEVER,         /* "never":     the call cannot fail */
	FAIL_HELD,          /* "held":      held even when the call fails (sqlite3_open,
			       getline): only a NULL handle (out of memory) holds nothing */
	FAIL_UNLESS,        /* key "ok-value: N": succeeded exactly when the value is N
			       (EVP_PKEY_keygen: 1; PQresultStatus: PGRES_COMMAND_OK) */
	FAIL_NONPOSITIVE,   /* "non-positive": like "negative" (< 0 on failure, 0 is a
			       success), but a test `<= 0` / `< 1` is read as the failure
			       test (asprintf's length, scandir's count) */
	FAIL_RANGE,         /* (summaries only, no key) the status is in [ok_value, ok_hi]
			       on success and in [fail_lo, fail_hi] on failure
			       (ARCHIVE_OK or ARCHIVE_WARN, or ARCHIVE_FATAL) */
};

/* Where the acquired handle goes (keys "out", "out-array", "object"). */
enum rule_shape {
	SHAPE_RETURN,       /* the return value is the handle; "fails" tests it */
	SHAPE_OUT,          /* *arg is the handle; "fails" tests the return value */
	SHAPE_OUT_ARRAY,    /* arg[0..count-1] are handles (pipe); "fails" tests the return value */
	SHAPE_OBJECT,       /* the object arg points to is held (locks); "fails" tests the return value */
};

/*
 * A condition on a string-literal argument (keys "string-arg",
 * "starts-with", "unless-starts-with"): the entry applies only when
 * argument arg is a literal whose text, ignoring case and leading blanks,
 * starts with one of the words of prefix (followed by the end or by
 * something other than a letter, digit or '_') and with none of unless.
 * PQexec(conn, "BEGIN") opens a transaction; "ROLLBACK TO x" does not end it.
 */
struct rule_strcond {
	int arg;                            /* 1-based */
	const char **prefix;                /* NULL-terminated */
	const char **unless;                /* NULL-terminated, or NULL */
};

/* A resource kind: its id and the words used in messages. */
struct rule_resource {
	const char *id;             /* "heap", "stdio-file", ...: unique across files */
	const char *acquired;       /* past participle for acquisition: "allocated" */
	const char *released;       /* past participle for release: "freed" */
	const char *held;           /* adjective for the held state: "allocated", "open" */
	const char *file;           /* rules file it came from */
	unsigned line;              /* line of its "id" key */
	bool guessed;               /* made up from function names (X_new/X_free):
				       findings carry the flag suffix "-guessed" */
	bool object;                /* acquired on an object argument (locks, temporary
				       files, transactions): releasing it leaves the
				       argument's own handle alone */
	bool idempotent;            /* releasing it twice is harmless (removing a removed
				       file): no double-release finding */
	bool local_only;            /* "local-only": an object acquired only in a local
				       variable of the function (regex_t re; regcomp(&re,
				       ..)); one in memory others reach (&s->re, a
				       global) is handed over with that memory */
	const char *noun;           /* "transaction on": messages name the handle
				       "transaction on 'db'"; NULL: just "'db'" */
	const char *releaser;       /* made up from GCC's malloc(dealloc): dealloc, the one
				       function that releases it, named in messages ("is
				       not released with obj_free()"); else NULL */
	const char *release_call;   /* the first function of its release list that has
				       no condition (fclose), or NULL: what the
				       language server's quick fix calls */
	int release_arg;            /* ... and its 1-based argument taking the handle */
};

struct rule_acquire {
	const char *func;                   /* callee name */
	const struct rule_resource *res;    /* what it acquires */
	enum rule_shape shape;              /* where the handle goes */
	int arg;                            /* 1-based argument for OUT/OUT_ARRAY/OBJECT, else 0 */
	int count;                          /* handles in the OUT_ARRAY array (default 2) */
	enum rule_fail fails;               /* failure test, see enum rule_fail */
	int transfer;                       /* "transfer: N": on success the handle in arg N
					       moves into the new one; on failure it stays held
					       (realloc, fdopen); 0 if none */
	int reopen;                         /* "reopen: N": like transfer, but on failure the
					       handle in arg N is released (freopen); when arg N
					       is not a tracked handle nothing is acquired; 0 if none */
	const char *file;                   /* where the entry was written */
	unsigned line;
	const char *via;                    /* summaries: the acquirer whose resource this
					       function returns (file/line: that call) */
	int64_t ok_value;                   /* FAIL_UNLESS: the value of success; FAIL_RANGE:
					       the lowest */
	int64_t ok_hi;                      /* FAIL_RANGE: the highest value of success */
	int64_t fail_lo, fail_hi;           /* FAIL_RANGE: the values of failure */
	const char *status_call;            /* "status-call": decided by what this borrower
					       says of the call's returned handle
					       (PQresultStatus(res) for a BEGIN), or NULL */
	const struct rule_strcond *when;    /* applies only when this holds, or NULL */
	int value_arg;                      /* "value-arg: N": applies only when argument N
					       is the integer constant value (a null pointer
					       for 0: realpath(path, NULL)); 0 if none */
	int64_t value;                      /* key "equals": that constant */
	const char **named_by;              /* "named-by": applies only when the object
					       argument names what one of these functions
					       made up earlier in the function (its argument,
					       or the variable its result went to: mktemp(t),
					       p = tempnam(..)); NULL-terminated, or NULL */
	const struct rule_acquire *next;    /* another acquisition by the same function
					       (mkstemp: the descriptor and the file name) */
	int index;                          /* its position in the function's list */
	int ref;                            /* "ref: N": takes one more reference on the
					       object argument N points to and returns it
					       (g_object_ref); res is then the resource's
					       reference kind (rules_refc.c); 0 if none */
	bool sink;                          /* "ref-sink: N" (g_object_ref_sink): the same,
					       but on an object we hold already the reference
					       is the one we have (a floating one sunk) */
};

struct rule_release {
	const char *func;                   /* callee name */
	const struct rule_resource *res;    /* what it releases */
	int arg;                            /* 1-based argument holding the handle (for
					       object resources: the pointer to the object) */
	const struct rule_strcond *when;    /* applies only when this holds, or NULL */
	struct rule_release *next;          /* other resources this function releases */
};

/* Everything known about one function name. */
struct rule_fn {
	const char *name;
	const struct rule_acquire *acquire; /* list (see next); non-NULL if the call acquires */
	const struct rule_release *release; /* list; non-NULL if the call releases */
	bool borrow;                        /* uses its arguments without keeping them */
	int returns_arg;                    /* borrower returning argument N (memcpy: 1); 0 if none */
	bool or_null;                       /* ... or NULL (realpath(path, buf): buf on success,
					       NULL on failure, which says nothing of buf) */
	int keeps;                          /* borrower that keeps argument N (a list or a
					       multi handle holds it from now on): it escapes */
	enum rule_fail keeps_fails;         /* key "on" with keeps: it keeps it only when the
					       call succeeds, failure shown so (FAIL_NULL,
					       FAIL_NEGATIVE, FAIL_NONZERO);
					       FAIL_NEVER: always */
	bool pure;                          /* borrower whose result depends only on its
					       arguments (strcmp): calling it again on the same
					       unchanged ones gives the same result */
	int steals;                         /* borrower returning *argument N and setting it
					       to NULL (g_steal_pointer(&p)); 0 if none */
	int status_of;                      /* borrower returning the status of what the call
					       that returned argument N acquired (PQresultStatus: 1) */
	bool noreturn;                      /* never returns */
};

struct rules {
	struct arena arena;                 /* owns every string and entry below */
	struct strmap fns;                  /* name -> struct rule_fn * */
	struct strmap resources;            /* id -> struct rule_resource * */
	unsigned nfiles;                    /* files loaded */
	const char **lib_headers;           /* key "library-headers": headers of the C
					       library ("stdio.h"; "bits/" and a star for
					       any header below a bits/ directory),
					       whose functions borrow their arguments unless a
					       rule says otherwise; strings in arena, the
					       array malloc'ed */
	size_t nlib_headers, cap_lib_headers;
	struct strmap namers;               /* the functions of every "named-by" list:
					       name (in arena) -> the same name */
};

/* Initialises an empty rule set in place. */
void rules_init(struct rules *r);

/* Frees everything rules_init/rules_load_* created. */
void rules_release(struct rules *r);

/* The largest rules file read (a bigger one is an error). */
#define RULES_MAX_FILE_SIZE ((size_t)4 << 20)

/*
 * Loads one YAML rules file (a regular file of at most
 * RULES_MAX_FILE_SIZE bytes, nesting at most YAMLNODE_MAX_DEPTH levels).
 * On a syntax or schema error prints
 * "FILE:LINE:COL: error: MESSAGE" through the report module and returns
 * -1 (the rule set may hold part of the file; callers exit with status 2).
 * Unknown keys are errors, with a "did you mean" hint when one is close.
 */
int rules_load_file(struct rules *r, const char *path);

/*
 * Loads every *.yml file of dir in name order.  Returns -1 if the
 * directory cannot be read (one error line) or any file fails to load.
 */
int rules_load_dir(struct rules *r, const char *dir);

/* Whether name is a C identifier, as a function name in the rules must be. */
bool rules_valid_name(const char *name);

/* Marks the function called name as never returning (name is copied). */
void rules_add_noreturn(struct rules *r, const char *name);

/*
 * Whether path, the file a function is declared in, is a header of the C
 * library named by a "library-headers" entry (it ends in "/stdio.h", or
 * lies below a ".../sys/" directory for the entry "sys/" and a star).
 */
bool rules_library_header(const struct rules *r, const char *path);

/*
 * The name (in r's arena) if some acquire entry's "named-by" lists the
 * function called name (mktemp), else NULL: calls of it make up names.
 */
const char *rules_namer(const struct rules *r, const char *name);

/* Returns what is known about the function called name, or NULL. */
const struct rule_fn *rules_lookup(const struct rules *r, const char *name);

/*
 * Whether c holds for a call whose argument c->arg is the string literal
 * text (NULL: not a literal, so no condition holds).
 */
bool rules_strcond_holds(const struct rule_strcond *c, const char *text);

/*
 * Whether a and b are the same resource kind: the same entry, or entries
 * with the same id (made-up resources exist once per function, and again
 * when read back from the cache).
 */
bool rules_same_resource(const struct rule_resource *a, const struct rule_resource *b);

/* Returns the release entry of fn for resource res, or NULL if fn does not release res. */
const struct rule_release *rules_release_of(const struct rule_fn *fn,
					    const struct rule_resource *res);

#endif
