/*
 * rules_refc.c - reference-counted resources in the rules: the keys
 * "ref: N" and "ref-sink: N" of an acquire entry (docs/rules.md,
 * "Reference counts").
 *
 *   - id: gobject
 *     acquire: [g_object_new, { call: g_object_ref, ref: 1 }]
 *     release: [g_object_unref]
 *
 * g_object_ref(p) takes one more reference on the object p points to and
 * returns p: each reference is an obligation of its own, given back by
 * one release (analyse_refc.c).  The entry's resource is the reference
 * kind of the resource: the same id (so the same releases give it back),
 * with words that name the reference, "reference to 'p' taken by
 * g_object_ref() at line 5 is not released".
 */
#include "rules_int.h"
#include "base/diag.h"

#include <yaml.h>

static unsigned line_of(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.line + 1;
}

static unsigned col_of(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.column + 1;
}

int rules_refc_entry(const struct loader *ld, yaml_node_t *const k[2], yaml_node_t *const v[2],
		     struct rule_acquire *a)
{
	const char *key = k[1] ? "ref-sink" : "ref";
	const yaml_node_t *at = k[1] ? k[1] : k[0];
	struct rule_resource *r;

	if (!k[0] && !k[1])
		return 0;
	if (k[0] && k[1]) {
		diag_error_at(ld->file, line_of(k[1]), col_of(k[1]),
				"'ref-sink' cannot be combined with 'ref'");
		return -1;
	}
	if (rules_get_int(ld, k[1] ? v[1] : v[0], key, &a->ref) < 0)
		return -1;
	a->sink = k[1] != NULL;
	if (a->shape != SHAPE_RETURN || a->transfer || a->reopen) {
		diag_error_at(ld->file, line_of(at), col_of(at),
				"'%s' cannot be combined with '%s' (the call returns the object it takes a reference on)",
				key, a->shape == SHAPE_OUT ? "out" : a->shape == SHAPE_OUT_ARRAY ?
				"out-array" : a->shape == SHAPE_OBJECT ? "object" :
				a->transfer ? "transfer" : "reopen");
		return -1;
	}
	r = arena_alloc(&ld->r->arena, sizeof(*r));
	*r = *a->res;
	r->noun = "reference to";
	r->acquired = "taken";
	r->held = "held";          /* "reference to 'r' still held" */
	a->res = r;
	return 0;
}
