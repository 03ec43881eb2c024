/*
 * rules_read.c - reading a rules file's YAML: a mapping against the keys
 * its schema allows (with a "did you mean" for a misspelt key), scalar
 * values (strings, function names, integers, booleans), and the
 * string-literal conditions of entries, with rules_strcond_holds() to
 * test them (see rules.h).
 */
#define _POSIX_C_SOURCE 200809L

#include "rules_int.h"
#include "base/yamlnode.h"
#include "base/diag.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

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

/* Reports key k, which s does not allow, with the valid key it may be a misspelling of. */
static void unknown_key(const struct loader *ld, const yaml_node_t *k,
			const struct schema *s)
{
	const char *hint = closest_key(s, text_of(k));
	char q[UTIL_EXCERPT_SIZE];

	if (hint)
		diag_error_at(ld->file, line_of(k), col_of(k),
				"unknown key '%s' (did you mean '%s'?)", util_excerpt(q, text_of(k)),
				hint);
	else
		diag_error_at(ld->file, line_of(k), col_of(k),
				"unknown key '%s' in %s (valid keys: %s)",
				util_excerpt(q, text_of(k)), s->what, s->list);
}

/*
 * Checks that n is a mapping whose keys are valid in s, each given once,
 * and that the required ones are present; fills f.  Returns 0 or -1 after
 * reporting every problem found.
 */
int rules_read_fields(const struct loader *ld, yaml_node_t *n,
		      const struct schema *s, struct fields *f)
{
	yaml_node_pair_t *p;
	int ret = 0;
	size_t i;

	memset(f, 0, sizeof(*f));
	if (n->type != YAML_MAPPING_NODE) {
		diag_error_at(ld->file, line_of(n), col_of(n),
				"expected a mapping for %s, found %s", s->what, kind_name(n));
		return -1;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);

		if (k->type != YAML_SCALAR_NODE) {
			diag_error_at(ld->file, line_of(k), col_of(k),
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
			diag_error_at(ld->file, line_of(k), col_of(k),
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
			diag_error_at(ld->file, line_of(n), col_of(n),
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
int rules_read_entry(const struct loader *ld, yaml_node_t *n,
		     const struct schema *s, struct fields *f)
{
	if (n->type != YAML_SCALAR_NODE)
		return rules_read_fields(ld, n, s, f);
	memset(f, 0, sizeof(*f));
	f->key[0] = n;
	f->val[0] = n;
	return 0;
}

/* Returns the text of the value of key, or NULL after an error if it is not a non-empty string. */
const char *rules_get_string(const struct loader *ld, const yaml_node_t *v, const char *key)
{
	if (v->type != YAML_SCALAR_NODE) {
		diag_error_at(ld->file, line_of(v), col_of(v),
				"expected a string for '%s', found %s", key, kind_name(v));
		return NULL;
	}
	if (v->data.scalar.length == 0) {
		diag_error_at(ld->file, line_of(v), col_of(v), "'%s' is empty", key);
		return NULL;
	}
	if (strlen(text_of(v)) != v->data.scalar.length) {
		diag_error_at(ld->file, line_of(v), col_of(v),
				"'%s' contains a NUL character", key);
		return NULL;
	}
	return text_of(v);
}

/* Whether name is a C identifier: a letter or '_', then letters, digits and '_'. */
bool rules_valid_name(const char *name)
{
	size_t i;

	for (i = 0; name[i]; i++) {
		char c = name[i];
		bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

		if (!alpha && (i == 0 || c < '0' || c > '9'))
			return false;
	}
	return i > 0;
}

/* Like rules_get_string(), but the text must be a C identifier (a function name). */
const char *rules_get_name(const struct loader *ld, const yaml_node_t *v, const char *key)
{
	const char *s = rules_get_string(ld, v, key);
	char q[UTIL_EXCERPT_SIZE];

	if (!s)
		return NULL;
	if (!rules_valid_name(s)) {
		diag_error_at(ld->file, line_of(v), col_of(v),
				"'%s' is not a function name (expected a C identifier)",
				util_excerpt(q, s));
		return NULL;
	}
	return s;
}

/* Stores the positive integer value of key in *out; leaves *out alone when v is NULL. */
int rules_get_int(const struct loader *ld, const yaml_node_t *v, const char *key, int *out)
{
	char q[UTIL_EXCERPT_SIZE];
	const char *s;
	char *end;
	long n;

	if (!v)
		return 0;
	if (v->type != YAML_SCALAR_NODE) {
		diag_error_at(ld->file, line_of(v), col_of(v),
				"expected an integer for '%s', found %s", key, kind_name(v));
		return -1;
	}
	s = text_of(v);
	errno = 0;
	n = strtol(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end || errno || n < 1 || n > INT_MAX) {
		diag_error_at(ld->file, line_of(v), col_of(v),
				"'%s' must be a positive integer, found '%s'", key,
				util_excerpt(q, s));
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* Stores the integer value (any sign) of key in *out. */
int rules_get_int64(const struct loader *ld, const yaml_node_t *v, const char *key,
		    int64_t *out)
{
	const char *s = v->type == YAML_SCALAR_NODE ? text_of(v) : "";
	char q[UTIL_EXCERPT_SIZE];
	char *end;
	long long n;

	errno = 0;
	n = strtoll(s, &end, 0);
	if (v->type != YAML_SCALAR_NODE || !*s || *end || errno) {
		diag_error_at(ld->file, line_of(v), col_of(v), "'%s' must be an integer%s%s%s", key,
				v->type == YAML_SCALAR_NODE ? ", found '" : "", util_excerpt(q, s),
				v->type == YAML_SCALAR_NODE ? "'" : "");
		return -1;
	}
	*out = (int64_t)n;
	return 0;
}

/* Stores the true/false value of key in *out. */
int rules_get_bool(const struct loader *ld, const yaml_node_t *v, const char *key, bool *out)
{
	char q[UTIL_EXCERPT_SIZE];

	if (v->type == YAML_SCALAR_NODE && (!strcmp(text_of(v), "true") || !strcmp(text_of(v), "false"))) {
		*out = !strcmp(text_of(v), "true");
		return 0;
	}
	diag_error_at(ld->file, line_of(v), col_of(v), "expected true or false for '%s'%s%s%s",
			key, v->type == YAML_SCALAR_NODE ? ", found '" : "",
			v->type == YAML_SCALAR_NODE ? util_excerpt(q, text_of(v)) : "",
			v->type == YAML_SCALAR_NODE ? "'" : "");
	return -1;
}

/* The success conditions of "on" and the failure each rules out. */
static const struct { const char *name; enum rule_fail fails; } keep_on[] = {
	{ "zero", FAIL_NONZERO }, { "non-null", FAIL_NULL },
	{ "non-negative", FAIL_NEGATIVE },
};

int rules_get_keep_on(const struct loader *ld, const yaml_node_t *k, const yaml_node_t *v,
		      const yaml_node_t *keeps, enum rule_fail *out)
{
	char q[UTIL_EXCERPT_SIZE];
	size_t i;

	if (!keeps) {
		diag_error_at(ld->file, line_of(k), col_of(k),
				"'on' needs 'keeps' in a borrow entry (it says when the call keeps that argument)");
		return -1;
	}
	for (i = 0; v->type == YAML_SCALAR_NODE && i < sizeof(keep_on) / sizeof(keep_on[0]); i++) {
		if (strcmp(text_of(v), keep_on[i].name) == 0) {
			*out = keep_on[i].fails;
			return 0;
		}
	}
	if (v->type == YAML_SCALAR_NODE)
		diag_error_at(ld->file, line_of(v), col_of(v),
				"invalid 'on' value '%s' (expected zero, non-null or non-negative: the result when the call succeeds)",
				util_excerpt(q, text_of(v)));
	else
		diag_error_at(ld->file, line_of(v), col_of(v),
				"expected zero, non-null or non-negative for 'on', found %s",
				kind_name(v));
	return -1;
}

/* Reads a sequence of non-empty strings (or one string) into a NULL-terminated array. */
static const char **get_words(const struct loader *ld, const yaml_node_t *v, const char *key)
{
	const char **w;
	size_t n = 0;
	yaml_node_item_t *it;

	if (v->type == YAML_SCALAR_NODE) {
		w = arena_alloc(&ld->r->arena, 2 * sizeof(*w));
		w[0] = rules_get_string(ld, v, key);
		if (!w[0])
			return NULL;
		w[0] = arena_strdup(&ld->r->arena, w[0]);      /* the document goes away */
		return w;
	}
	if (v->type != YAML_SEQUENCE_NODE || v->data.sequence.items.start == v->data.sequence.items.top) {
		diag_error_at(ld->file, line_of(v), col_of(v),
				"expected a string or a non-empty sequence of strings for '%s', found %s",
				key, v->type == YAML_SEQUENCE_NODE ? "an empty sequence" : kind_name(v));
		return NULL;
	}
	w = arena_alloc(&ld->r->arena, (size_t)(v->data.sequence.items.top -
						 v->data.sequence.items.start + 1) * sizeof(*w));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		w[n] = rules_get_string(ld, yaml_document_get_node(ld->doc, *it), key);
		if (!w[n])
			return NULL;
		w[n] = arena_strdup(&ld->r->arena, w[n]);
		n++;
	}
	return w;
}

/* A function name or a non-empty sequence of them, NULL-terminated, in the arena. */
const char **rules_get_names(const struct loader *ld, const yaml_node_t *v, const char *key)
{
	const char **w = get_words(ld, v, key);
	size_t i;
	yaml_node_item_t *it = v->type == YAML_SEQUENCE_NODE ? v->data.sequence.items.start : NULL;

	for (i = 0; w && w[i]; i++)
		if (!rules_get_name(ld, it ? yaml_document_get_node(ld->doc, it[i]) : v, key))
			return NULL;
	return w;
}

/*
 * Reads the string-literal condition of an entry from its keys k[COND_ARG],
 * k[COND_PREFIX], k[COND_UNLESS] (values v); *out stays NULL when the entry
 * has none.  "string-arg" and "starts-with" go together.
 */
int rules_read_cond(const struct loader *ld, yaml_node_t *const *k, yaml_node_t *const *v,
		    const struct rule_strcond **out)
{
	struct rule_strcond *c;

	*out = NULL;
	if (!k[COND_ARG] && !k[COND_PREFIX] && !k[COND_UNLESS])
		return 0;
	if (!k[COND_ARG] || !k[COND_PREFIX]) {
		yaml_node_t *have = k[COND_ARG] ? k[COND_ARG] : k[COND_PREFIX] ? k[COND_PREFIX] :
				    k[COND_UNLESS];

		diag_error_at(ld->file, line_of(have), col_of(have),
				"'%s' needs '%s'", text_of(have),
				k[COND_ARG] ? "starts-with" : "string-arg");
		return -1;
	}
	c = arena_alloc(&ld->r->arena, sizeof(*c));
	if (rules_get_int(ld, v[COND_ARG], "string-arg", &c->arg) < 0 ||
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

/* Whether text starts with one of the NULL-terminated words w (none: false). */
static bool any_prefix(const char *text, const char *const *w)
{
	for (; w && *w; w++)
		if (starts_with_words(text, *w))
			return true;
	return false;
}

/* Whether text (leading blanks skipped) starts as c says; true when c is NULL (no condition). */
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
