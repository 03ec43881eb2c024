/*
 * rules.c - rules files (rules/NAME.yml) -> struct rules; see rules.h
 * and docs/rules.md.
 *
 * A file is loaded whole with libyaml's document API and walked with a
 * table of the keys valid in each kind of mapping (struct schema).  An
 * error in one entry does not stop the walk, so one run reports every
 * broken entry of a file; a broken entry adds nothing to the rule set.
 * The schemas and the entries are here; reading a mapping against its
 * schema, its values and the string-literal conditions is rules_read.c.
 */
#define _POSIX_C_SOURCE 200809L

#include "rules.h"
#include "rules_int.h"
#include "base/yamlnode.h"
#include "base/diag.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A function's entry; the public part comes first, so &e->fn == e. */
struct fn_entry {
	struct rule_fn fn;
	struct release_entry *last;         /* tail of fn.release, or NULL */
	const char *borrow_file;            /* where it was first listed as a borrower */
	unsigned borrow_line;
};

/* A release entry and where it was written (for the duplicate error). */
struct release_entry {
	struct rule_release rel;
	const char *file;
	unsigned line;
};

enum { TOP_RESOURCES, TOP_BORROW, TOP_NORETURN, TOP_LIBRARY_HEADERS };
static const char *const top_keys[] = { "resources", "borrow", "noreturn", "library-headers" };
static const struct schema top_schema = {
	"the top level", top_keys, ARRAY_SIZE(top_keys), 0,
	"resources, borrow, noreturn, library-headers",
};

enum { RES_ID, RES_ACQUIRED, RES_RELEASED, RES_HELD, RES_ACQUIRE, RES_RELEASE, RES_NOUN,
       RES_IDEMPOTENT, RES_LOCAL_ONLY };
static const char *const res_keys[] = {
	"id", "acquired", "released", "held", "acquire", "release", "noun", "idempotent",
	"local-only",
};
static const struct schema res_schema = {
	"a resource", res_keys, ARRAY_SIZE(res_keys), 0x3f /* the first six */,
	"id, acquired, released, held, acquire, release, noun, idempotent, local-only",
};

/* The string-literal condition keys come last in both entry kinds. */
#define COND_KEYS "string-arg", "starts-with", "unless-starts-with"
#define COND_LIST "string-arg, starts-with, unless-starts-with"

enum { ACQ_CALL, ACQ_FAILS, ACQ_OUT, ACQ_OUT_ARRAY, ACQ_OBJECT, ACQ_COUNT,
       ACQ_TRANSFER, ACQ_REOPEN, ACQ_OK_VALUE, ACQ_STATUS_CALL, ACQ_VALUE_ARG, ACQ_EQUALS,
       ACQ_NAMED_BY, ACQ_REF, ACQ_REF_SINK, ACQ_COND };
static const char *const acq_keys[] = {
	"call", "fails", "out", "out-array", "object", "count", "transfer", "reopen",
	"ok-value", "status-call", "value-arg", "equals", "named-by", "ref", "ref-sink", COND_KEYS,
};
static const struct schema acq_schema = {
	"an acquire entry", acq_keys, ARRAY_SIZE(acq_keys), 1u << ACQ_CALL,
	"call, fails, out, out-array, object, count, transfer, reopen, ok-value, status-call, "
	"value-arg, equals, named-by, ref, ref-sink, " COND_LIST,
};

enum { REL_CALL, REL_ARG, REL_COND };
static const char *const rel_keys[] = { "call", "arg", COND_KEYS };
static const struct schema rel_schema = {
	"a release entry", rel_keys, ARRAY_SIZE(rel_keys), 1u << REL_CALL,
	"call, arg, " COND_LIST,
};

enum {
	BOR_CALL, BOR_RETURNS_ARG, BOR_RETURNS_ARG_OR_NULL, BOR_STATUS_OF, BOR_STEALS, BOR_PURE,
	BOR_KEEPS, BOR_ON,
};
static const char *const bor_keys[] = {
	"call", "returns-arg", "returns-arg-or-null", "status-of", "steals", "pure", "keeps",
	"on",
};
static const struct schema bor_schema = {
	"a borrow entry", bor_keys, ARRAY_SIZE(bor_keys), 1u << BOR_CALL,
	"call, returns-arg, returns-arg-or-null, status-of, steals, pure, keeps, on",
};

_Static_assert(ARRAY_SIZE(acq_keys) <= MAX_KEYS, "struct fields too small");
_Static_assert(ARRAY_SIZE(res_keys) <= MAX_KEYS, "struct fields too small");

static const char *const fail_names[] = {
	[FAIL_NULL] = "null",
	[FAIL_NEGATIVE] = "negative",
	[FAIL_NONZERO] = "nonzero",
	[FAIL_MAP_FAILED] = "map-failed",
	[FAIL_NEVER] = "never",
	[FAIL_HELD] = "held",
	[FAIL_NONPOSITIVE] = "non-positive",
};

/* Stores the "fails" value v in *out. */
static int get_fails(const struct loader *ld, const yaml_node_t *v, enum rule_fail *out)
{
	char q[UTIL_EXCERPT_SIZE];
	size_t i;

	if (v->type == YAML_SCALAR_NODE) {
		for (i = 0; i < ARRAY_SIZE(fail_names); i++) {
			if (fail_names[i] && strcmp(text_of(v), fail_names[i]) == 0) {
				*out = (enum rule_fail)i;
				return 0;
			}
		}
		diag_error_at(ld->file, line_of(v), col_of(v),
				"invalid 'fails' value '%s' (expected null, negative, non-positive, nonzero, map-failed, never or held)",
				util_excerpt(q, text_of(v)));
		return -1;
	}
	diag_error_at(ld->file, line_of(v), col_of(v),
			"expected null, negative, non-positive, nonzero, map-failed, never or held for 'fails', found %s",
			kind_name(v));
	return -1;
}

/* Returns the entry for name, creating an empty one. */
static struct fn_entry *fn_get(struct rules *r, const char *name)
{
	struct rule_fn *fn = strmap_get(&r->fns, name);
	struct fn_entry *e;

	if (fn)
		return (struct fn_entry *)fn;   /* fn is the first member of its entry */
	e = arena_alloc(&r->arena, sizeof(*e));
	e->fn.name = arena_strdup(&r->arena, name);
	e->fn.keeps_fails = FAIL_NEVER;
	strmap_put(&r->fns, e->fn.name, &e->fn);
	return e;
}

/* Reads the shape keys of an acquire entry into a (shape, arg, count). */
static int read_shape(const struct loader *ld, const struct fields *f,
		      struct rule_acquire *a)
{
	static const int keys[] = { ACQ_OUT, ACQ_OUT_ARRAY, ACQ_OBJECT };
	static const enum rule_shape shapes[] = { SHAPE_OUT, SHAPE_OUT_ARRAY, SHAPE_OBJECT };
	int first = -1, ret = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		int k = keys[i];

		if (!f->key[k])
			continue;
		if (first >= 0) {
			diag_error_at(ld->file, line_of(f->key[k]), col_of(f->key[k]),
					"'%s' cannot be combined with '%s' (an entry has one shape)",
					acq_keys[k], acq_keys[first]);
			ret = -1;
			continue;
		}
		first = k;
		a->shape = shapes[i];
		if (rules_get_int(ld, f->val[k], acq_keys[k], &a->arg) < 0)
			ret = -1;
	}
	if (f->key[ACQ_COUNT] && a->shape != SHAPE_OUT_ARRAY) {
		diag_error_at(ld->file, line_of(f->key[ACQ_COUNT]), col_of(f->key[ACQ_COUNT]),
				"'count' is only valid with 'out-array'");
		ret = -1;
	}
	if (rules_get_int(ld, f->val[ACQ_COUNT], "count", &a->count) < 0)
		ret = -1;
	return ret;
}

/*
 * Reads the keys value-arg/equals (they go together) and named-by (only
 * with object: the object argument is the name) of an acquire entry into
 * a; the functions named-by lists become namers of the rule set.
 */
static int read_arg_conds(const struct loader *ld, const struct fields *f,
			  struct rule_acquire *a)
{
	const char **w;
	int ret = 0;

	if (!f->key[ACQ_VALUE_ARG] != !f->key[ACQ_EQUALS]) {
		yaml_node_t *have = f->key[ACQ_VALUE_ARG] ? f->key[ACQ_VALUE_ARG] :
				    f->key[ACQ_EQUALS];

		diag_error_at(ld->file, line_of(have), col_of(have), "'%s' needs '%s'",
				text_of(have), f->key[ACQ_VALUE_ARG] ? "equals" : "value-arg");
		ret = -1;
	} else if (f->key[ACQ_VALUE_ARG] &&
		   (rules_get_int(ld, f->val[ACQ_VALUE_ARG], "value-arg", &a->value_arg) < 0 ||
		    rules_get_int64(ld, f->val[ACQ_EQUALS], "equals", &a->value) < 0)) {
		ret = -1;
	}
	if (!f->key[ACQ_NAMED_BY])
		return ret;
	if (a->shape != SHAPE_OBJECT) {
		yaml_node_t *k = f->key[ACQ_NAMED_BY];

		diag_error_at(ld->file, line_of(k), col_of(k),
				"'named-by' needs 'object' (the object argument is the name)");
		return -1;
	}
	a->named_by = rules_get_names(ld, f->val[ACQ_NAMED_BY], "named-by");
	if (!a->named_by)
		return -1;
	for (w = a->named_by; *w; w++) {
		if (!strmap_get(&ld->r->namers, *w))
			strmap_put(&ld->r->namers, *w, (void *)*w);
		*w = strmap_get(&ld->r->namers, *w);   /* one copy of each name */
	}
	return ret;
}

/* Loads one acquire entry of resource res. */
static int load_acquire(const struct loader *ld, yaml_node_t *n,
			const struct rule_resource *res)
{
	struct rule_acquire a = { .res = res, .shape = SHAPE_RETURN, .count = 2,
				  .fails = FAIL_NULL, .file = ld->file, .line = line_of(n) };
	struct fields f;
	struct fn_entry *e;
	struct rule_acquire *copy;
	const struct rule_acquire *old, *tail = NULL;
	int ret;

	if (rules_read_entry(ld, n, &acq_schema, &f) < 0)
		return -1;
	a.func = rules_get_name(ld, f.val[ACQ_CALL], "call");
	ret = a.func ? 0 : -1;
	if (read_shape(ld, &f, &a) < 0)
		ret = -1;
	if (f.key[ACQ_OK_VALUE] && f.key[ACQ_FAILS]) {
		diag_error_at(ld->file, line_of(f.key[ACQ_OK_VALUE]), col_of(f.key[ACQ_OK_VALUE]),
				"'ok-value' cannot be combined with 'fails' (it says when the call fails)");
		ret = -1;
	} else if (f.key[ACQ_OK_VALUE]) {
		a.fails = FAIL_UNLESS;
		if (rules_get_int64(ld, f.val[ACQ_OK_VALUE], "ok-value", &a.ok_value) < 0)
			ret = -1;
	} else if (f.val[ACQ_FAILS]) {
		if (get_fails(ld, f.val[ACQ_FAILS], &a.fails) < 0)
			ret = -1;
	} else if (a.shape != SHAPE_RETURN) {
		diag_error_at(ld->file, line_of(n), col_of(n),
				"missing required key 'fails' (needed when the handle is not the return value)");
		ret = -1;
	}
	if (rules_get_int(ld, f.val[ACQ_TRANSFER], "transfer", &a.transfer) < 0)
		ret = -1;
	if (rules_get_int(ld, f.val[ACQ_REOPEN], "reopen", &a.reopen) < 0)
		ret = -1;
	if (f.key[ACQ_TRANSFER] && f.key[ACQ_REOPEN]) {
		diag_error_at(ld->file, line_of(f.key[ACQ_REOPEN]), col_of(f.key[ACQ_REOPEN]),
				"'reopen' cannot be combined with 'transfer'");
		ret = -1;
	}
	if (rules_read_cond(ld, &f.key[ACQ_COND], &f.val[ACQ_COND], &a.when) < 0)
		ret = -1;
	if (rules_refc_entry(ld, &f.key[ACQ_REF], &f.val[ACQ_REF], &a) < 0)
		ret = -1;
	if (read_arg_conds(ld, &f, &a) < 0)
		ret = -1;
	if (f.val[ACQ_STATUS_CALL]) {
		a.status_call = rules_get_name(ld, f.val[ACQ_STATUS_CALL], "status-call");
		if (!a.status_call)
			ret = -1;
		else
			a.status_call = arena_strdup(&ld->r->arena, a.status_call);
	}
	if (ret < 0)
		return -1;

	e = fn_get(ld->r, a.func);
	for (old = e->fn.acquire; old; old = old->next) {
		/* several things, each once; the handle returned is one of them */
		if (old->res == res || (old->shape == SHAPE_RETURN && a.shape == SHAPE_RETURN) ||
		    (old->shape != SHAPE_RETURN && a.shape != SHAPE_RETURN && old->arg == a.arg)) {
			diag_error_at(ld->file, line_of(n), col_of(n),
					"'%s' already acquires '%s' %s (at %s:%u)", a.func,
					old->res->id, old->shape == SHAPE_RETURN ? "as its result" :
					"through the same argument", old->file, old->line);
			return -1;
		}
		tail = old;
	}
	copy = arena_alloc(&ld->r->arena, sizeof(*copy));
	*copy = a;
	copy->func = e->fn.name;
	if (copy->shape != SHAPE_OUT_ARRAY)
		copy->count = 1;
	copy->index = tail ? tail->index + 1 : 0;
	if (copy->shape == SHAPE_OBJECT)
		((struct rule_resource *)res)->object = true;
	if (tail)
		((struct rule_acquire *)tail)->next = copy;
	else
		e->fn.acquire = copy;
	return 0;
}

/* Loads one release entry of resource res and appends it to the function's list. */
static int load_release(const struct loader *ld, yaml_node_t *n,
			const struct rule_resource *res)
{
	struct fields f;
	const struct rule_release *old;
	struct release_entry *rel;
	struct fn_entry *e;
	const struct rule_strcond *when;
	const char *name;
	int arg = 1;

	if (rules_read_entry(ld, n, &rel_schema, &f) < 0)
		return -1;
	name = rules_get_name(ld, f.val[REL_CALL], "call");
	if (rules_get_int(ld, f.val[REL_ARG], "arg", &arg) < 0 || !name ||
	    rules_read_cond(ld, &f.key[REL_COND], &f.val[REL_COND], &when) < 0)
		return -1;

	e = fn_get(ld->r, name);
	old = rules_release_of(&e->fn, res);
	if (old) {
		const struct release_entry *first = (const struct release_entry *)old;

		diag_error_at(ld->file, line_of(n), col_of(n),
				"'%s' already releases '%s' (at %s:%u)",
				name, res->id, first->file, first->line);
		return -1;
	}
	rel = arena_alloc(&ld->r->arena, sizeof(*rel));
	rel->rel.func = e->fn.name;
	rel->rel.res = res;
	rel->rel.arg = arg;
	rel->rel.when = when;
	rel->file = ld->file;
	rel->line = line_of(n);
	if (e->last)
		e->last->rel.next = &rel->rel;
	else
		e->fn.release = &rel->rel;
	e->last = rel;
	if (!res->release_call && !when) {
		((struct rule_resource *)res)->release_call = e->fn.name;
		((struct rule_resource *)res)->release_arg = arg;
	}
	return 0;
}

typedef int load_entry_fn(const struct loader *ld, yaml_node_t *n,
			  const struct rule_resource *res);

/* Calls load on every item of the sequence v (the value of key); returns -1 if any failed. */
static int load_seq(const struct loader *ld, const yaml_node_t *v, const char *key,
		    load_entry_fn *load, const struct rule_resource *res)
{
	yaml_node_item_t *it;
	int ret = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		diag_error_at(ld->file, line_of(v), col_of(v),
				"expected a sequence for '%s', found %s", key, kind_name(v));
		return -1;
	}
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
		if (load(ld, yaml_document_get_node(ld->doc, *it), res) < 0)
			ret = -1;
	return ret;
}

/* Checks that a resource id is made of letters, digits, '-' and '_'. */
static int check_id(const struct loader *ld, const yaml_node_t *v, const char *id)
{
	char q[UTIL_EXCERPT_SIZE];
	size_t i;

	for (i = 0; id[i]; i++) {
		char c = id[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_')) {
			diag_error_at(ld->file, line_of(v), col_of(v),
					"resource id '%s' may only use letters, digits, '-' and '_'",
					util_excerpt(q, id));
			return -1;
		}
	}
	return 0;
}

/* Loads one resource with its acquire and release entries. */
static int load_resource(const struct loader *ld, yaml_node_t *n,
			 const struct rule_resource *unused)
{
	struct rule_resource *res, *old;
	const char *words[RES_HELD + 1];
	struct fields f;
	int i, ret = 0;

	(void)unused;
	if (rules_read_fields(ld, n, &res_schema, &f) < 0)
		return -1;
	for (i = RES_ID; i <= RES_HELD; i++) {
		words[i] = rules_get_string(ld, f.val[i], res_keys[i]);
		if (!words[i])
			ret = -1;
	}
	if (ret < 0 || check_id(ld, f.val[RES_ID], words[RES_ID]) < 0)
		return -1;
	old = strmap_get(&ld->r->resources, words[RES_ID]);
	if (old) {
		diag_error_at(ld->file, line_of(f.val[RES_ID]), col_of(f.val[RES_ID]),
				"duplicate resource id '%s' (first defined at %s:%u)",
				words[RES_ID], old->file, old->line);
		return -1;
	}
	res = arena_alloc(&ld->r->arena, sizeof(*res));
	res->id = arena_strdup(&ld->r->arena, words[RES_ID]);
	res->acquired = arena_strdup(&ld->r->arena, words[RES_ACQUIRED]);
	res->released = arena_strdup(&ld->r->arena, words[RES_RELEASED]);
	res->held = arena_strdup(&ld->r->arena, words[RES_HELD]);
	if (f.val[RES_NOUN]) {
		const char *noun = rules_get_string(ld, f.val[RES_NOUN], "noun");

		if (!noun)
			return -1;
		res->noun = arena_strdup(&ld->r->arena, noun);
	}
	if (f.val[RES_IDEMPOTENT] && rules_get_bool(ld, f.val[RES_IDEMPOTENT], "idempotent",
					      &res->idempotent) < 0)
		return -1;
	if (f.val[RES_LOCAL_ONLY] && rules_get_bool(ld, f.val[RES_LOCAL_ONLY], "local-only",
					      &res->local_only) < 0)
		return -1;
	res->file = ld->file;
	res->line = line_of(f.key[RES_ID]);
	strmap_put(&ld->r->resources, res->id, res);

	if (load_seq(ld, f.val[RES_ACQUIRE], "acquire", load_acquire, res) < 0)
		ret = -1;
	if (load_seq(ld, f.val[RES_RELEASE], "release", load_release, res) < 0)
		ret = -1;
	return ret;
}

/* Loads one borrow entry: a name or { call: NAME, returns-arg: N }. */
static int load_borrow(const struct loader *ld, yaml_node_t *n,
		       const struct rule_resource *unused)
{
	struct fn_entry *e;
	struct fields f;
	const char *name;
	int returns_arg = 0, or_null = 0, status_of = 0, steals = 0, keeps = 0;
	enum rule_fail keeps_fails = FAIL_NEVER;
	bool pure = false;

	(void)unused;
	if (rules_read_entry(ld, n, &bor_schema, &f) < 0)
		return -1;
	name = rules_get_name(ld, f.val[BOR_CALL], "call");
	if (f.val[BOR_RETURNS_ARG] && f.val[BOR_RETURNS_ARG_OR_NULL]) {
		diag_error_at(ld->file, line_of(f.key[BOR_RETURNS_ARG_OR_NULL]),
				col_of(f.key[BOR_RETURNS_ARG_OR_NULL]),
				"'returns-arg-or-null' cannot be combined with 'returns-arg'");
		return -1;
	}
	if (rules_get_int(ld, f.val[BOR_RETURNS_ARG], "returns-arg", &returns_arg) < 0 ||
	    rules_get_int(ld, f.val[BOR_RETURNS_ARG_OR_NULL], "returns-arg-or-null", &or_null) < 0 ||
	    rules_get_int(ld, f.val[BOR_STATUS_OF], "status-of", &status_of) < 0 ||
	    rules_get_int(ld, f.val[BOR_STEALS], "steals", &steals) < 0 ||
	    rules_get_int(ld, f.val[BOR_KEEPS], "keeps", &keeps) < 0 || !name ||
	    (f.val[BOR_PURE] && rules_get_bool(ld, f.val[BOR_PURE], "pure", &pure) < 0) ||
	    (f.val[BOR_ON] && rules_get_keep_on(ld, f.key[BOR_ON], f.val[BOR_ON],
					      f.val[BOR_KEEPS], &keeps_fails) < 0))
		return -1;

	if (f.val[BOR_ON] && (returns_arg || or_null || steals || status_of)) {
		diag_error_at(ld->file, line_of(f.key[BOR_ON]), col_of(f.key[BOR_ON]),
				"'on' cannot be combined with 'returns-arg', 'returns-arg-or-null', 'steals' or 'status-of'");
		return -1;
	}
	if (or_null)
		returns_arg = or_null;
	e = fn_get(ld->r, name);
	if (e->fn.borrow && (e->fn.returns_arg != returns_arg || e->fn.or_null != (or_null > 0))) {
		diag_error_at(ld->file, line_of(n), col_of(n),
				"'%s' is already a borrower with %s %d (at %s:%u)", name,
				e->fn.or_null ? "returns-arg-or-null" : "returns-arg",
				e->fn.returns_arg, e->borrow_file, e->borrow_line);
		return -1;
	}
	if (!e->fn.borrow) {
		e->fn.borrow = true;
		e->fn.returns_arg = returns_arg;
		e->fn.or_null = or_null > 0;
		e->fn.status_of = status_of;
		e->fn.steals = steals;
		e->fn.pure = pure;
		e->fn.keeps = keeps;
		e->fn.keeps_fails = keeps_fails;
		e->borrow_file = ld->file;
		e->borrow_line = line_of(n);
	}
	return 0;
}

/* Loads one noreturn entry: a name. */
static int load_noreturn(const struct loader *ld, yaml_node_t *n,
			 const struct rule_resource *unused)
{
	const char *name;

	(void)unused;
	if (n->type != YAML_SCALAR_NODE) {
		diag_error_at(ld->file, line_of(n), col_of(n),
				"expected a function name for a noreturn entry, found %s",
				kind_name(n));
		return -1;
	}
	name = rules_get_name(ld, n, "noreturn");
	if (!name)
		return -1;
	fn_get(ld->r, name)->fn.noreturn = true;
	return 0;
}

/*
 * Loads one library-headers entry: a header as it is included
 * ("stdio.h", "sys/stat.h"), or a directory of them (bits/ and a star).
 */
static int load_library_header(const struct loader *ld, yaml_node_t *n,
			       const struct rule_resource *unused)
{
	char q[UTIL_EXCERPT_SIZE];
	const char *h;
	size_t i, len;
	bool bad;

	(void)unused;
	if (n->type != YAML_SCALAR_NODE) {
		diag_error_at(ld->file, line_of(n), col_of(n),
				"expected a header name for a library-headers entry, found %s",
				kind_name(n));
		return -1;
	}
	h = rules_get_string(ld, n, "library-headers");
	if (!h)
		return -1;
	len = strlen(h);
	bad = !len || h[len - 1] == '/';
	for (i = 0; i < len && !bad; i++) {
		char c = h[i];

		bad = !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9') || c == '_' || c == '-' ||
			(c == '.' && !(i > 0 && h[i - 1] == '.')) ||
			(c == '/' && i > 0 && h[i - 1] != '/') ||
			(c == '*' && i == len - 1 && i > 0 && h[i - 1] == '/'));
	}
	if (bad) {
		diag_error_at(ld->file, line_of(n), col_of(n),
				"'%s' is not a header name (expected a relative path such as "
				"'stdio.h', 'sys/stat.h' or 'bits/*')", util_excerpt(q, h));
		return -1;
	}
	if (ld->r->nlib_headers == ld->r->cap_lib_headers) {
		ld->r->cap_lib_headers = ld->r->cap_lib_headers ? 2 * ld->r->cap_lib_headers : 64;
		ld->r->lib_headers = xrealloc(ld->r->lib_headers,
					      ld->r->cap_lib_headers * sizeof(*ld->r->lib_headers));
	}
	ld->r->lib_headers[ld->r->nlib_headers++] = arena_strdup(&ld->r->arena, h);
	return 0;
}

/* Loads the top-level mapping of a document. */
static int load_top(const struct loader *ld, yaml_node_t *root)
{
	struct fields f;
	int ret = rules_read_fields(ld, root, &top_schema, &f);

	if (root->type != YAML_MAPPING_NODE)
		return -1;
	/* a bad top-level key still lets the entries be checked */
	if (f.val[TOP_RESOURCES] &&
	    load_seq(ld, f.val[TOP_RESOURCES], "resources", load_resource, NULL) < 0)
		ret = -1;
	if (f.val[TOP_BORROW] &&
	    load_seq(ld, f.val[TOP_BORROW], "borrow", load_borrow, NULL) < 0)
		ret = -1;
	if (f.val[TOP_NORETURN] &&
	    load_seq(ld, f.val[TOP_NORETURN], "noreturn", load_noreturn, NULL) < 0)
		ret = -1;
	if (f.val[TOP_LIBRARY_HEADERS] &&
	    load_seq(ld, f.val[TOP_LIBRARY_HEADERS], "library-headers", load_library_header,
		     NULL) < 0)
		ret = -1;
	return ret;
}

/* Parses file (a path in r's arena) and loads its document. */
static int load_file(struct rules *r, const char *file)
{
	struct loader ld = { .r = r, .file = file };
	yaml_document_t doc;
	yaml_node_t *root;
	int ret = 0;

	if (yamlnode_load(file, "rules file", RULES_MAX_FILE_SIZE, &doc) < 0)
		return -1;
	root = yaml_document_get_root_node(&doc);
	ld.doc = &doc;
	if (root)
		ret = load_top(&ld, root);
	if (ret == 0)
		r->nfiles++;
	yaml_document_delete(&doc);
	return ret;
}

/* An empty rule set (see rules.h). */
void rules_init(struct rules *r)
{
	arena_init(&r->arena);
	strmap_init(&r->fns);
	strmap_init(&r->resources);
	strmap_init(&r->namers);
	r->nfiles = 0;
	r->lib_headers = NULL;
	r->nlib_headers = r->cap_lib_headers = 0;
}

/* Frees everything r holds; r can be initialised again. */
void rules_release(struct rules *r)
{
	strmap_release(&r->resources);
	strmap_release(&r->fns);
	strmap_release(&r->namers);
	free(r->lib_headers);
	arena_release(&r->arena);
	r->nfiles = 0;
	r->lib_headers = NULL;
	r->nlib_headers = r->cap_lib_headers = 0;
}

/*
 * Whether path (a header file as the compiler found it) is one of the
 * library headers: it ends in "/NAME" for an entry NAME, or lies below a
 * directory "/DIR/" for an entry "DIR/" followed by a star.
 */
bool rules_library_header(const struct rules *r, const char *path)
{
	size_t i, plen = strlen(path);

	for (i = 0; i < r->nlib_headers; i++) {
		const char *h = r->lib_headers[i];
		size_t hlen = strlen(h);

		if (h[hlen - 1] == '*') {
			const char *p = path;

			/* "/DIR/" anywhere, with a file name after it */
			while ((p = strstr(p, "/")) != NULL) {
				if (!strncmp(p + 1, h, hlen - 1) && p[hlen] != '\0')
					return true;
				p++;
			}
		} else if (plen > hlen && path[plen - hlen - 1] == '/' &&
			   !strcmp(path + plen - hlen, h)) {
			return true;
		}
	}
	return false;
}

/* Adds the rules of one file to r. */
int rules_load_file(struct rules *r, const char *path)
{
	return load_file(r, arena_strdup(&r->arena, path));
}

/* Whether a directory entry is a rules file: NAME.yml, not hidden. */
static bool is_rules_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".yml") == 0;
}

/* qsort() order of paths: by strcmp. */
static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds the rules of every NAME.yml in dir, in name order. */
int rules_load_dir(struct rules *r, const char *dir)
{
	const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
	const char **paths = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	int err, ret = 0;
	DIR *d;

	d = opendir(dir);
	if (!d) {
		diag_error("cannot read rules directory '%s': %s", dir, strerror(errno));
		return -1;
	}
	errno = 0;
	while ((de = readdir(d))) {
		if (is_rules_file(de->d_name)) {
			arena_grow(&r->arena, (void **)&paths, &cap, n + 1, sizeof(*paths));
			paths[n++] = arena_printf(&r->arena, "%s%s%s", dir, sep, de->d_name);
		}
		errno = 0;
	}
	err = errno;
	closedir(d);
	if (err) {
		diag_error("cannot read rules directory '%s': %s", dir, strerror(err));
		return -1;
	}
	if (n == 0) {
		diag_error("no rules files (*.yml) in '%s'", dir);
		return -1;
	}
	qsort(paths, n, sizeof(*paths), compare_paths);
	for (i = 0; i < n; i++)
		if (load_file(r, paths[i]) < 0)
			ret = -1;
	return ret;
}

/* Marks name as never returning. */
void rules_add_noreturn(struct rules *r, const char *name)
{
	fn_get(r, name)->fn.noreturn = true;
}

/* The rules for function name, or NULL. */
const struct rule_fn *rules_lookup(const struct rules *r, const char *name)
{
	return strmap_get(&r->fns, name);
}

/* The name, if some acquire entry is named-by the function called name. */
const char *rules_namer(const struct rules *r, const char *name)
{
	return strmap_get(&r->namers, name);
}

/* Whether a and b are the same resource: the same entry, or the same id. */
bool rules_same_resource(const struct rule_resource *a, const struct rule_resource *b)
{
	return a == b || (a && b && !strcmp(a->id, b->id));
}

/* The release entry of fn for res, or NULL. */
const struct rule_release *rules_release_of(const struct rule_fn *fn,
					    const struct rule_resource *res)
{
	const struct rule_release *rel;

	for (rel = fn ? fn->release : NULL; rel; rel = rel->next)
		if (rel->res == res)
			return rel;
	return NULL;
}
