/*
 * summary_refc.c - functions that take or give back a reference, learnt
 * from their bodies:
 *
 *   - a ref: on every exit its parameter N holds one more reference taken
 *     in it (Foo *foo_ref(Foo *f) { return g_object_ref(f); }), or it
 *     increments a reference counter member of *parameter N
 *     (o->refcount++; lower_refc.c) and decrements none; either way it
 *     neither releases nor keeps parameter N and returns it or nothing
 *     fresh.  Its callers get one more reference on the object they hold
 *     (analyse_refc.c); on an object they do not follow, nothing.
 *   - an unref: it decrements such a counter of *parameter N and releases
 *     parameter N on some paths (if (--o->refs == 0) free(o)): a release
 *     of one reference, rather than "may release" (which lets the
 *     argument go unchecked).
 *
 * Counters are members named as such (refcount, ref_count, nrefs:
 * ref_name() in lower_refc.c), so that a function counting something
 * else takes no reference.
 */
#include "summary.h"

#include <stdio.h>

/* The kind of a reference taken by a summarised function (messages only:
 * its releases are those of the object it is taken on). */
static const struct rule_resource refc_resource = {
	.id = "(reference)",
	.acquired = "taken",
	.released = "released",
	.held = "held",
	.noun = "reference to",
};

const struct rule_resource *summary_refc_resource(void)
{
	return &refc_resource;
}

void summary_refc_finish(struct summaries *S, const struct summary_builder *b, struct summary *s)
{
	const struct ir_func *f = b->f;
	uint64_t mask = s->nparams >= 64 ? ~0ULL : (1ULL << s->nparams) - 1;
	uint64_t refd = b->any_exit ? b->refd_all : 0, dec;
	struct rule_acquire *a;
	int i;

	refd |= f->refc_inc & ~f->refc_dec;
	refd &= mask & ~(s->releases | s->releases_some | s->keeps);
	dec = f->refc_dec & ~f->refc_inc & s->releases_some & mask;
	s->releases |= dec;
	s->releases_some &= ~dec;
	s->unrefs = dec;
	if (!refd || s->ret.res || (s->returns_arg && !(refd & (1ULL << (s->returns_arg - 1)))))
		return;
	for (i = 0; !(refd & (1ULL << i)); i++)
		;
	a = arena_alloc(&S->arena, sizeof(*a));
	*a = (struct rule_acquire){
		.func = s->name, .res = &refc_resource, .shape = SHAPE_RETURN, .fails = FAIL_NEVER,
		.ref = i + 1, .file = f->loc.file, .line = f->loc.line, .count = 1,
	};
	s->ref_acq = a;
}

void summary_refc_dump(const struct summary *s, void *file)
{
	FILE *out = file;
	int i;

	if (s->ref_acq)
		fprintf(out, " refs arg %d", s->ref_acq->ref);
	for (i = 0; i < s->nparams; i++)
		if (s->unrefs & (1ULL << i))
			fprintf(out, " unrefs arg %d", i + 1);
}
