/*
 * rules_int.h - what the rules loader's files share (rules.c: the schemas
 * of a rules file and the loading of its entries; rules_read.c: reading
 * mappings against a schema, YAML values and string-literal conditions).
 * Not an API: only rules*.c include it.
 *
 * The readers report every problem they find through diag_error_at()
 * with the file and position of the node, and return -1 (or NULL); what
 * they keep is allocated in the rule set's arena, nothing in the YAML
 * document, which is deleted once the file is loaded.
 */
#ifndef LEAKCHECK_RULES_INT_H
#define LEAKCHECK_RULES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "rules.h"
#include "base/diag.h"

/* The most keys a kind of mapping may have (struct fields). */
#define MAX_KEYS 18

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

/* Offsets of the condition keys from ACQ_COND / REL_COND (rules_read_cond). */
enum { COND_ARG, COND_PREFIX, COND_UNLESS };

/* One file being loaded. */
struct loader {
	struct rules *r;
	yaml_document_t *doc;
	const char *file;                   /* its path, in r's arena */
};

/*
 * Checks that n is a mapping whose keys are valid in s, each given once,
 * and that the required ones are present; fills f.  Returns 0 or -1.
 */
int rules_read_fields(const struct loader *ld, yaml_node_t *n,
		      const struct schema *s, struct fields *f);

/*
 * Like rules_read_fields(), but n may also be a plain name standing for
 * { call: NAME } (key index 0 of s must be "call").
 */
int rules_read_entry(const struct loader *ld, yaml_node_t *n,
		     const struct schema *s, struct fields *f);

/*
 * The text of value v of key, or NULL if it is not a non-empty string.
 * The text belongs to the document: copy it to keep it.
 */
const char *rules_get_string(const struct loader *ld, const yaml_node_t *v, const char *key);

/* Like rules_get_string(), but the text must be a C identifier (a function name). */
const char *rules_get_name(const struct loader *ld, const yaml_node_t *v, const char *key);

/*
 * A function name or a non-empty sequence of them (value v of key) as a
 * NULL-terminated array in the rule set's arena, or NULL after an error.
 */
const char **rules_get_names(const struct loader *ld, const yaml_node_t *v, const char *key);

/* Stores the positive integer v of key in *out; v NULL: leaves *out alone, returns 0. */
int rules_get_int(const struct loader *ld, const yaml_node_t *v, const char *key, int *out);

/* Stores the integer v (any sign, C notation) of key in *out. */
int rules_get_int64(const struct loader *ld, const yaml_node_t *v, const char *key,
		    int64_t *out);

/* Stores v of key, true or false, in *out. */
int rules_get_bool(const struct loader *ld, const yaml_node_t *v, const char *key, bool *out);

/*
 * The "on" value v (key node k) of a borrow entry whose "keeps" value is
 * keeps: the success condition of the call, under which alone it keeps its
 * argument, stored in *out as the failure it rules out (on: zero ->
 * FAIL_NONZERO, non-null -> FAIL_NULL, non-negative -> FAIL_NEGATIVE).
 * "on" without "keeps" is an error.
 */
int rules_get_keep_on(const struct loader *ld, const yaml_node_t *k, const yaml_node_t *v,
		      const yaml_node_t *keeps, enum rule_fail *out);

/*
 * Reads the string-literal condition of an entry from its keys k[COND_ARG],
 * k[COND_PREFIX], k[COND_UNLESS] (values v) into *out, in the rule set's
 * arena; *out is NULL when the entry has none.
 */
int rules_read_cond(const struct loader *ld, yaml_node_t *const *k, yaml_node_t *const *v,
		    const struct rule_strcond **out);

/*
 * The keys "ref: N" and "ref-sink: N" of acquire entry a (key and value
 * nodes k[0], v[0] and k[1], v[1]; NULL when absent): checks them (one of
 * them, a positive argument, the return shape, no transfer or reopen) and
 * makes a->res the reference kind of its resource (rules_refc.c).
 * Returns 0 (also when neither is there) or -1.
 */
int rules_refc_entry(const struct loader *ld, yaml_node_t *const k[2], yaml_node_t *const v[2],
		     struct rule_acquire *a);

#endif
