/*
 * rules.c - rules files (rules/NAME.yml) -> struct rules; see rules.h
 * and docs/rules.md.
 *
 * A file is loaded whole with libyaml's document API and walked with a
 * table of the keys valid in each kind of mapping (struct schema).  An
 * error in one entry does not stop the walk, so one run reports every
 * broken entry of a file; a broken entry adds nothing to the rule set.
 */
#define _POSIX_C_SOURCE 200809L

#include "rules.h"
#include "yamlnode.h"
#include "report.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_KEYS 14

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

/* The keys valid in one kind of mapping. */
struct schema {
	const char *what;                   /* "a resource": the mapping, for messages */
	const char *const *keys;            /* valid keys; index i is the value's slot */
	size_t nkeys;
	unsigned required;                  /* bit i: keys[i] must be present */
	const char *list;                   /* the keys as one string, for messages */
};

/* A mapping read against a schema: key and value node of each valid key. */
struct fields {
	yaml_node_t *key[MAX_KEYS];         /* NULL: the key is absent */
	yaml_node_t *val[MAX_KEYS];
};

enum { TOP_RESOURCES, TOP_BORROW, TOP_NORETURN };
static const char *const top_keys[] = { "resources", "borrow", "noreturn" };
static const struct schema top_schema = {
	"the top level", top_keys, ARRAY_SIZE(top_keys), 0,
	"resources, borrow, noreturn",
};

enum { RES_ID, RES_ACQUIRED, RES_RELEASED, RES_HELD, RES_ACQUIRE, RES_RELEASE, RES_NOUN,
       RES_IDEMPOTENT };
static const char *const res_keys[] = {
	"id", "acquired", "released", "held", "acquire", "release", "noun", "idempotent",
};
static const struct schema res_schema = {
	"a resource", res_keys, ARRAY_SIZE(res_keys), 0x3f /* the first six */,
	"id, acquired, released, held, acquire, release, noun, idempotent",
};

/* The string-literal condition keys come last in both entry kinds. */
#define COND_KEYS "string-arg", "starts-with", "unless-starts-with"
#define COND_LIST "string-arg, starts-with, unless-starts-with"

enum { ACQ_CALL, ACQ_FAILS, ACQ_OUT, ACQ_OUT_ARRAY, ACQ_OBJECT, ACQ_COUNT,
       ACQ_TRANSFER, ACQ_REOPEN, ACQ_OK_VALUE, ACQ_STATUS_CALL, ACQ_COND };
static const char *const acq_keys[] = {
	"call", "fails", "out", "out-array", "object", "count", "transfer", "reopen",
	"ok-value", "status-call", COND_KEYS,
};
static const struct schema acq_schema = {
	"an acquire entry", acq_keys, ARRAY_SIZE(acq_keys), 1u << ACQ_CALL,
	"call, fails, out, out-array, object, count, transfer, reopen, ok-value, status-call, "
	COND_LIST,
};

enum { REL_CALL, REL_ARG, REL_COND };
static const char *const rel_keys[] = { "call", "arg", COND_KEYS };
static const struct schema rel_schema = {
	"a release entry", rel_keys, ARRAY_SIZE(rel_keys), 1u << REL_CALL,
	"call, arg, " COND_LIST,
};

/* Offsets of the condition keys from ACQ_COND / REL_COND. */
enum { COND_ARG, COND_PREFIX, COND_UNLESS };

enum { BOR_CALL, BOR_RETURNS_ARG, BOR_STATUS_OF, BOR_STEALS, BOR_PURE, BOR_KEEPS };
static const char *const bor_keys[] = {
	"call", "returns-arg", "status-of", "steals", "pure", "keeps",
};
static const struct schema bor_schema = {
	"a borrow entry", bor_keys, ARRAY_SIZE(bor_keys), 1u << BOR_CALL,
	"call, returns-arg, status-of, steals, pure, keeps",
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
};

/* One file being loaded. */
struct loader {
	struct rules *r;
	yaml_document_t *doc;
	const char *file;                   /* its path, in r's arena */
};


/*
 * Returns the valid key of s closest to name, or NULL when none is within
 * two edits (and closer than the key's own length, so "x" suggests nothing).
 */
static const char *closest_key(const struct schema *s, const char *name)
{
	const char *best = NULL;
	size_t best_d = 3, i;

	for (i = 0; i < s->nkeys; i++) {
		size_t d = util_edit_distance(name, s->keys[i]);

		if (d < best_d && d < strlen(s->keys[i])) {
			best = s->keys[i];
			best_d = d;
		}
	}
	return best;
}

static void unknown_key(const struct loader *ld, const yaml_node_t *k,
			const struct schema *s)
{
	const char *hint = closest_key(s, text_of(k));

	if (hint)
		report_error_at(ld->file, line_of(k), col_of(k),
				"unknown key '%s' (did you mean '%s'?)", text_of(k), hint);
	else
		report_error_at(ld->file, line_of(k), col_of(k),
				"unknown key '%s' in %s (valid keys: %s)",
				text_of(k), s->what, s->list);
}

/*
 * Checks that n is a mapping whose keys are valid in s, each given once,
 * and that the required ones are present; fills f.  Returns 0 or -1 after
 * reporting every problem found.
 */
static int read_fields(const struct loader *ld, yaml_node_t *n,
		       const struct schema *s, struct fields *f)
{
	yaml_node_pair_t *p;
	int ret = 0;
	size_t i;

	memset(f, 0, sizeof(*f));
	if (n->type != YAML_MAPPING_NODE) {
		report_error_at(ld->file, line_of(n), col_of(n),
				"expected a mapping for %s, found %s", s->what, kind_name(n));
		return -1;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);

		if (k->type != YAML_SCALAR_NODE) {
			report_error_at(ld->file, line_of(k), col_of(k),
					"expected a key name in %s, found %s",
					s->what, kind_name(k));
			ret = -1;
			continue;
		}
		for (i = 0; i < s->nkeys; i++)
			if (strcmp(text_of(k), s->keys[i]) == 0)
				break;
		if (i == s->nkeys) {
			unknown_key(ld, k, s);
			ret = -1;
		} else if (f->key[i]) {
			report_error_at(ld->file, line_of(k), col_of(k),
					"duplicate key '%s' (first at %u:%u)",
					s->keys[i], line_of(f->key[i]), col_of(f->key[i]));
			ret = -1;
		} else {
			f->key[i] = k;
			f->val[i] = yaml_document_get_node(ld->doc, p->value);
		}
	}
	if (ret < 0)
		return -1;      /* a misspelt key would also show up as missing */
	for (i = 0; i < s->nkeys; i++) {
		if ((s->required & (1u << i)) && !f->key[i]) {
			report_error_at(ld->file, line_of(n), col_of(n),
					"missing required key '%s' in %s", s->keys[i], s->what);
			ret = -1;
		}
	}
	return ret;
}

/*
 * Reads entry n, which is either a mapping valid in s or a plain name
 * standing for { call: NAME } (key index 0 of s must be "call").
 */
static int read_entry(const struct loader *ld, yaml_node_t *n,
		      const struct schema *s, struct fields *f)
{
	if (n->type != YAML_SCALAR_NODE)
		return read_fields(ld, n, s, f);
	memset(f, 0, sizeof(*f));
	f->key[0] = n;
	f->val[0] = n;
	return 0;
}

/* Returns the text of the value of key, or NULL after an error if it is not a non-empty string. */
static const char *get_string(const struct loader *ld, const yaml_node_t *v,
			      const char *key)
{
	if (v->type != YAML_SCALAR_NODE) {
		report_error_at(ld->file, line_of(v), col_of(v),
				"expected a string for '%s', found %s", key, kind_name(v));
		return NULL;
	}
	if (v->data.scalar.length == 0) {
		report_error_at(ld->file, line_of(v), col_of(v), "'%s' is empty", key);
		return NULL;
	}
	if (strlen(text_of(v)) != v->data.scalar.length) {
		report_error_at(ld->file, line_of(v), col_of(v),
				"'%s' contains a NUL character", key);
		return NULL;
	}
	return text_of(v);
}

/* Like get_string, but the text must be a C identifier (a function name). */
static const char *get_name(const struct loader *ld, const yaml_node_t *v,
			    const char *key)
{
	const char *s = get_string(ld, v, key);
	size_t i;

	if (!s)
		return NULL;
	for (i = 0; s[i]; i++) {
		char c = s[i];
		bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

		if (!alpha && (i == 0 || c < '0' || c > '9')) {
			report_error_at(ld->file, line_of(v), col_of(v),
					"'%s' is not a function name (expected a C identifier)", s);
			return NULL;
		}
	}
	return s;
}

/* Stores the positive integer value of key in *out; leaves *out alone when v is NULL. */
static int get_int(const struct loader *ld, const yaml_node_t *v, const char *key,
		   int *out)
{
	const char *s;
	char *end;
	long n;

	if (!v)
		return 0;
	if (v->type != YAML_SCALAR_NODE) {
		report_error_at(ld->file, line_of(v), col_of(v),
				"expected an integer for '%s', found %s", key, kind_name(v));
		return -1;
	}
	s = text_of(v);
	errno = 0;
	n = strtol(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end || errno || n < 1 || n > INT_MAX) {
		report_error_at(ld->file, line_of(v), col_of(v),
				"'%s' must be a positive integer, found '%s'", key, s);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* Stores the "fails" value v in *out. */
static int get_fails(const struct loader *ld, const yaml_node_t *v, enum rule_fail *out)
{
	size_t i;

	if (v->type == YAML_SCALAR_NODE) {
		for (i = 0; i < ARRAY_SIZE(fail_names); i++) {
			if (strcmp(text_of(v), fail_names[i]) == 0) {
				*out = (enum rule_fail)i;
				return 0;
			}
		}
		report_error_at(ld->file, line_of(v), col_of(v),
				"invalid 'fails' value '%s' (expected null, negative, nonzero, map-failed, never or held)",
				text_of(v));
		return -1;
	}
	report_error_at(ld->file, line_of(v), col_of(v),
			"expected null, negative, nonzero, map-failed, never or held for 'fails', found %s",
			kind_name(v));
	return -1;
}

/* Stores the integer value (any sign) of key in *out. */
static int get_int64(const struct loader *ld, const yaml_node_t *v, const char *key,
		     int64_t *out)
{
	const char *s = v->type == YAML_SCALAR_NODE ? text_of(v) : "";
	char *end;
	long long n;

	errno = 0;
	n = strtoll(s, &end, 0);
	if (v->type != YAML_SCALAR_NODE || !*s || *end || errno) {
		report_error_at(ld->file, line_of(v), col_of(v), "'%s' must be an integer%s%s%s", key,
				v->type == YAML_SCALAR_NODE ? ", found '" : "", s,
				v->type == YAML_SCALAR_NODE ? "'" : "");
		return -1;
	}
	*out = (int64_t)n;
	return 0;
}

/* Reads a sequence of non-empty strings (or one string) into a NULL-terminated array. */
static const char **get_words(const struct loader *ld, const yaml_node_t *v, const char *key)
{
	const char **w;
	size_t n = 0;
	yaml_node_item_t *it;

	if (v->type == YAML_SCALAR_NODE) {
		w = arena_alloc(&ld->r->arena, 2 * sizeof(*w));
		w[0] = get_string(ld, v, key);
		if (!w[0])
			return NULL;
		w[0] = arena_strdup(&ld->r->arena, w[0]);      /* the document goes away */
		return w;
	}
	if (v->type != YAML_SEQUENCE_NODE || v->data.sequence.items.start == v->data.sequence.items.top) {
		report_error_at(ld->file, line_of(v), col_of(v),
				"expected a string or a non-empty sequence of strings for '%s', found %s",
				key, v->type == YAML_SEQUENCE_NODE ? "an empty sequence" : kind_name(v));
		return NULL;
	}
	w = arena_alloc(&ld->r->arena, (size_t)(v->data.sequence.items.top -
						 v->data.sequence.items.start + 1) * sizeof(*w));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		w[n] = get_string(ld, yaml_document_get_node(ld->doc, *it), key);
		if (!w[n])
			return NULL;
		w[n] = arena_strdup(&ld->r->arena, w[n]);
		n++;
	}
	return w;
}

/*
 * Reads the string-literal condition of an entry from its keys k[COND_ARG],
 * k[COND_PREFIX], k[COND_UNLESS] (values v); *out stays NULL when the entry
 * has none.  "string-arg" and "starts-with" go together.
 */
static int read_cond(const struct loader *ld, yaml_node_t *const *k, yaml_node_t *const *v,
		     const struct rule_strcond **out)
{
	struct rule_strcond *c;

	*out = NULL;
	if (!k[COND_ARG] && !k[COND_PREFIX] && !k[COND_UNLESS])
		return 0;
	if (!k[COND_ARG] || !k[COND_PREFIX]) {
		yaml_node_t *have = k[COND_ARG] ? k[COND_ARG] : k[COND_PREFIX] ? k[COND_PREFIX] :
				    k[COND_UNLESS];

		report_error_at(ld->file, line_of(have), col_of(have),
				"'%s' needs '%s'", text_of(have),
				k[COND_ARG] ? "starts-with" : "string-arg");
		return -1;
	}
	c = arena_alloc(&ld->r->arena, sizeof(*c));
	if (get_int(ld, v[COND_ARG], "string-arg", &c->arg) < 0 ||
	    !(c->prefix = get_words(ld, v[COND_PREFIX], "starts-with")) ||
	    (k[COND_UNLESS] && !(c->unless = get_words(ld, v[COND_UNLESS], "unless-starts-with"))))
		return -1;
	*out = c;
	return 0;
}

/* Whether text starts with the words w (case and runs of blanks ignored), then a non-word character. */
static bool starts_with_words(const char *text, const char *w)
{
	while (*w) {
		if (*w == ' ') {
			if (*text != ' ' && *text != '\t' && *text != '\n')
				return false;
			while (*text == ' ' || *text == '\t' || *text == '\n')
				text++;
			while (*w == ' ')
				w++;
			continue;
		}
		if (tolower((unsigned char)*text) != tolower((unsigned char)*w))
			return false;
		text++;
		w++;
	}
	return !isalnum((unsigned char)*text) && *text != '_';
}

static bool any_prefix(const char *text, const char *const *w)
{
	for (; w && *w; w++)
		if (starts_with_words(text, *w))
			return true;
	return false;
}

bool rules_strcond_holds(const struct rule_strcond *c, const char *text)
{
	if (!c)
		return true;
	if (!text)
		return false;
	while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
		text++;
	return any_prefix(text, c->prefix) && !any_prefix(text, c->unless);
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
			report_error_at(ld->file, line_of(f->key[k]), col_of(f->key[k]),
					"'%s' cannot be combined with '%s' (an entry has one shape)",
					acq_keys[k], acq_keys[first]);
			ret = -1;
			continue;
		}
		first = k;
		a->shape = shapes[i];
		if (get_int(ld, f->val[k], acq_keys[k], &a->arg) < 0)
			ret = -1;
	}
	if (f->key[ACQ_COUNT] && a->shape != SHAPE_OUT_ARRAY) {
		report_error_at(ld->file, line_of(f->key[ACQ_COUNT]), col_of(f->key[ACQ_COUNT]),
				"'count' is only valid with 'out-array'");
		ret = -1;
	}
	if (get_int(ld, f->val[ACQ_COUNT], "count", &a->count) < 0)
		ret = -1;
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

	if (read_entry(ld, n, &acq_schema, &f) < 0)
		return -1;
	a.func = get_name(ld, f.val[ACQ_CALL], "call");
	ret = a.func ? 0 : -1;
	if (read_shape(ld, &f, &a) < 0)
		ret = -1;
	if (f.key[ACQ_OK_VALUE] && f.key[ACQ_FAILS]) {
		report_error_at(ld->file, line_of(f.key[ACQ_OK_VALUE]), col_of(f.key[ACQ_OK_VALUE]),
				"'ok-value' cannot be combined with 'fails' (it says when the call fails)");
		ret = -1;
	} else if (f.key[ACQ_OK_VALUE]) {
		a.fails = FAIL_UNLESS;
		if (get_int64(ld, f.val[ACQ_OK_VALUE], "ok-value", &a.ok_value) < 0)
			ret = -1;
	} else if (f.val[ACQ_FAILS]) {
		if (get_fails(ld, f.val[ACQ_FAILS], &a.fails) < 0)
			ret = -1;
	} else if (a.shape != SHAPE_RETURN) {
		report_error_at(ld->file, line_of(n), col_of(n),
				"missing required key 'fails' (needed when the handle is not the return value)");
		ret = -1;
	}
	if (get_int(ld, f.val[ACQ_TRANSFER], "transfer", &a.transfer) < 0)
		ret = -1;
	if (get_int(ld, f.val[ACQ_REOPEN], "reopen", &a.reopen) < 0)
		ret = -1;
	if (f.key[ACQ_TRANSFER] && f.key[ACQ_REOPEN]) {
		report_error_at(ld->file, line_of(f.key[ACQ_REOPEN]), col_of(f.key[ACQ_REOPEN]),
				"'reopen' cannot be combined with 'transfer'");
		ret = -1;
	}
	if (read_cond(ld, &f.key[ACQ_COND], &f.val[ACQ_COND], &a.when) < 0)
		ret = -1;
	if (f.val[ACQ_STATUS_CALL]) {
		a.status_call = get_name(ld, f.val[ACQ_STATUS_CALL], "status-call");
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
			report_error_at(ld->file, line_of(n), col_of(n),
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

	if (read_entry(ld, n, &rel_schema, &f) < 0)
		return -1;
	name = get_name(ld, f.val[REL_CALL], "call");
	if (get_int(ld, f.val[REL_ARG], "arg", &arg) < 0 || !name ||
	    read_cond(ld, &f.key[REL_COND], &f.val[REL_COND], &when) < 0)
		return -1;

	e = fn_get(ld->r, name);
	old = rules_release_of(&e->fn, res);
	if (old) {
		const struct release_entry *first = (const struct release_entry *)old;

		report_error_at(ld->file, line_of(n), col_of(n),
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
		report_error_at(ld->file, line_of(v), col_of(v),
				"expected a sequence for '%s', found %s", key, kind_name(v));
		return -1;
	}
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
		if (load(ld, yaml_document_get_node(ld->doc, *it), res) < 0)
			ret = -1;
	return ret;
}

/* Stores the true/false value of key in *out. */
static int get_bool(const struct loader *ld, const yaml_node_t *v, const char *key, bool *out)
{
	if (v->type == YAML_SCALAR_NODE && (!strcmp(text_of(v), "true") || !strcmp(text_of(v), "false"))) {
		*out = !strcmp(text_of(v), "true");
		return 0;
	}
	report_error_at(ld->file, line_of(v), col_of(v), "expected true or false for '%s'%s%s%s",
			key, v->type == YAML_SCALAR_NODE ? ", found '" : "",
			v->type == YAML_SCALAR_NODE ? text_of(v) : "",
			v->type == YAML_SCALAR_NODE ? "'" : "");
	return -1;
}

/* Checks that a resource id is made of letters, digits, '-' and '_'. */
static int check_id(const struct loader *ld, const yaml_node_t *v, const char *id)
{
	size_t i;

	for (i = 0; id[i]; i++) {
		char c = id[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_')) {
			report_error_at(ld->file, line_of(v), col_of(v),
					"resource id '%s' may only use letters, digits, '-' and '_'", id);
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
	if (read_fields(ld, n, &res_schema, &f) < 0)
		return -1;
	for (i = RES_ID; i <= RES_HELD; i++) {
		words[i] = get_string(ld, f.val[i], res_keys[i]);
		if (!words[i])
			ret = -1;
	}
	if (ret < 0 || check_id(ld, f.val[RES_ID], words[RES_ID]) < 0)
		return -1;
	old = strmap_get(&ld->r->resources, words[RES_ID]);
	if (old) {
		report_error_at(ld->file, line_of(f.val[RES_ID]), col_of(f.val[RES_ID]),
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
		const char *noun = get_string(ld, f.val[RES_NOUN], "noun");

		if (!noun)
			return -1;
		res->noun = arena_strdup(&ld->r->arena, noun);
	}
	if (f.val[RES_IDEMPOTENT] && get_bool(ld, f.val[RES_IDEMPOTENT], "idempotent",
					      &res->idempotent) < 0)
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
	int returns_arg = 0, status_of = 0, steals = 0, keeps = 0;
	bool pure = false;

	(void)unused;
	if (read_entry(ld, n, &bor_schema, &f) < 0)
		return -1;
	name = get_name(ld, f.val[BOR_CALL], "call");
	if (get_int(ld, f.val[BOR_RETURNS_ARG], "returns-arg", &returns_arg) < 0 ||
	    get_int(ld, f.val[BOR_STATUS_OF], "status-of", &status_of) < 0 ||
	    get_int(ld, f.val[BOR_STEALS], "steals", &steals) < 0 ||
	    get_int(ld, f.val[BOR_KEEPS], "keeps", &keeps) < 0 || !name ||
	    (f.val[BOR_PURE] && get_bool(ld, f.val[BOR_PURE], "pure", &pure) < 0))
		return -1;

	e = fn_get(ld->r, name);
	if (e->fn.borrow && e->fn.returns_arg != returns_arg) {
		report_error_at(ld->file, line_of(n), col_of(n),
				"'%s' is already a borrower with returns-arg %d (at %s:%u)",
				name, e->fn.returns_arg, e->borrow_file, e->borrow_line);
		return -1;
	}
	if (!e->fn.borrow) {
		e->fn.borrow = true;
		e->fn.returns_arg = returns_arg;
		e->fn.status_of = status_of;
		e->fn.steals = steals;
		e->fn.pure = pure;
		e->fn.keeps = keeps;
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
		report_error_at(ld->file, line_of(n), col_of(n),
				"expected a function name for a noreturn entry, found %s",
				kind_name(n));
		return -1;
	}
	name = get_name(ld, n, "noreturn");
	if (!name)
		return -1;
	fn_get(ld->r, name)->fn.noreturn = true;
	return 0;
}

/* Loads the top-level mapping of a document. */
static int load_top(const struct loader *ld, yaml_node_t *root)
{
	struct fields f;
	int ret = read_fields(ld, root, &top_schema, &f);

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
	return ret;
}

/* Reports why libyaml stopped reading file. */
static void yaml_error(const char *file, const yaml_parser_t *p, FILE *fp)
{
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		report_error("out of memory reading rules file '%s'", file);
		break;
	case YAML_READER_ERROR:
		if (ferror(fp))
			report_error("cannot read rules file '%s': %s", file, strerror(errno));
		else
			report_error_at(file, 0, 0, "invalid YAML: %s at byte %zu",
					p->problem, p->problem_offset);
		break;
	default:
		if (p->context)
			report_error_at(file, (unsigned)p->problem_mark.line + 1,
					(unsigned)p->problem_mark.column + 1,
					"invalid YAML: %s (%s at line %u)", p->problem,
					p->context, (unsigned)p->context_mark.line + 1);
		else
			report_error_at(file, (unsigned)p->problem_mark.line + 1,
					(unsigned)p->problem_mark.column + 1,
					"invalid YAML: %s", p->problem);
		break;
	}
}

/* Fails if the stream holds anything after the first document. */
static int check_single_document(const char *file, yaml_parser_t *p, FILE *fp)
{
	yaml_document_t next;
	int ret = 0;

	if (!yaml_parser_load(p, &next)) {
		yaml_error(file, p, fp);
		return -1;
	}
	if (yaml_document_get_root_node(&next)) {
		report_error_at(file, (unsigned)next.start_mark.line + 1,
				(unsigned)next.start_mark.column + 1,
				"a rules file holds one YAML document, found a second one");
		ret = -1;
	}
	yaml_document_delete(&next);
	return ret;
}

/* Parses file (a path in r's arena) and loads its document. */
static int load_file(struct rules *r, const char *file)
{
	struct loader ld = { .r = r, .file = file };
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	FILE *fp;
	int ret = -1;

	fp = yamlnode_open(file, "rules file");
	if (!fp)
		return -1;
	if (!yaml_parser_initialize(&parser)) {
		report_error("out of memory reading rules file '%s'", file);
		goto out_close;
	}
	yaml_parser_set_input_file(&parser, fp);
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_error(file, &parser, fp);
		goto out_parser;
	}
	ret = check_single_document(file, &parser, fp);
	root = yaml_document_get_root_node(&doc);
	ld.doc = &doc;
	if (ret == 0 && root)
		ret = load_top(&ld, root);
	if (ret == 0)
		r->nfiles++;
	yaml_document_delete(&doc);
out_parser:
	yaml_parser_delete(&parser);
out_close:
	fclose(fp);
	return ret;
}

void rules_init(struct rules *r)
{
	arena_init(&r->arena);
	strmap_init(&r->fns);
	strmap_init(&r->resources);
	r->nfiles = 0;
}

void rules_release(struct rules *r)
{
	strmap_release(&r->resources);
	strmap_release(&r->fns);
	arena_release(&r->arena);
	r->nfiles = 0;
}

int rules_load_file(struct rules *r, const char *path)
{
	return load_file(r, arena_strdup(&r->arena, path));
}

static bool is_rules_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".yml") == 0;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

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
		report_error("cannot read rules directory '%s': %s", dir, strerror(errno));
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
		report_error("cannot read rules directory '%s': %s", dir, strerror(err));
		return -1;
	}
	if (n == 0) {
		report_error("no rules files (*.yml) in '%s'", dir);
		return -1;
	}
	qsort(paths, n, sizeof(*paths), compare_paths);
	for (i = 0; i < n; i++)
		if (load_file(r, paths[i]) < 0)
			ret = -1;
	return ret;
}

void rules_add_noreturn(struct rules *r, const char *name)
{
	fn_get(r, name)->fn.noreturn = true;
}

const struct rule_fn *rules_lookup(const struct rules *r, const char *name)
{
	return strmap_get(&r->fns, name);
}

bool rules_same_resource(const struct rule_resource *a, const struct rule_resource *b)
{
	return a == b || (a && b && !strcmp(a->id, b->id));
}

const struct rule_release *rules_release_of(const struct rule_fn *fn,
					    const struct rule_resource *res)
{
	const struct rule_release *rel;

	for (rel = fn ? fn->release : NULL; rel; rel = rel->next)
		if (rel->res == res)
			return rel;
	return NULL;
}
