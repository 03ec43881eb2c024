/*
 * sumindex_codec.c - one summary's bytes in the summary index
 * (sumindex.h; the layout is in docs/index.md), and reading them back
 * without trusting them.
 *
 * An index may come from a CI artifact or a pull request: the reader
 * checks every count against the bytes left, every parameter number
 * against the function's parameters, every enum against its range, and
 * the invariants the analysis relies on (an out-parameter acquisition
 * names a parameter, a member list fits its bounds), so that no index
 * can crash the run; a bad one is an error (sumindex.c).
 */
#include "base/bytes.h"
#include "sumindex.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Bounds of what a summary holds (summary.h, summary_members.c). */
#define MAX_PMEM 64
#define MAX_OUT_ARRAY 64

/* ---- writing ---- */

/* path relative to root when it lies below it. */
static void put_path(struct bytes_out *b, const char *path, const char *root)
{
	size_t n = root ? strlen(root) : 0;

	if (path && n && !strncmp(path, root, n) && path[n] == '/' && path[n + 1])
		path += n + 1;
	bytes_put_str(b, path);
}

void sumindex_put_res(struct bytes_out *b, const struct rule_resource *res, const char *root)
{
	bytes_put_i64(b, res != NULL);
	if (!res)
		return;
	bytes_put_str(b, res->id);
	bytes_put_str(b, res->acquired);
	bytes_put_str(b, res->released);
	bytes_put_str(b, res->held);
	bytes_put_str(b, res->noun);
	bytes_put_str(b, res->releaser);
	put_path(b, res->file, root);
	bytes_put_i64(b, res->line);
	bytes_put_i64(b, res->guessed | res->object << 1 | res->idempotent << 2 |
			 res->local_only << 3);
}

/* An acquire entry made by a summary (no conditions, no list). */
static void put_acq(struct bytes_out *b, const struct rule_acquire *a, const char *root)
{
	bytes_put_i64(b, a && a->res);
	if (!a || !a->res)
		return;
	bytes_put_str(b, a->func);
	sumindex_put_res(b, a->res, root);
	bytes_put_i64(b, a->shape);
	bytes_put_i64(b, a->arg);
	bytes_put_i64(b, a->count);
	bytes_put_i64(b, a->fails);
	bytes_put_i64(b, a->transfer);
	bytes_put_i64(b, a->reopen);
	put_path(b, a->file, root);
	bytes_put_i64(b, a->line);
	bytes_put_str(b, a->via);
	bytes_put_i64(b, a->ok_value);
	bytes_put_i64(b, a->ok_hi);
	bytes_put_i64(b, a->fail_lo);
	bytes_put_i64(b, a->fail_hi);
	bytes_put_i64(b, a->value_arg);
	bytes_put_i64(b, a->value);
	bytes_put_i64(b, a->ref);
	bytes_put_i64(b, a->sink);
}

static void put_loc(struct bytes_out *b, struct ir_loc l, const char *root)
{
	put_path(b, l.file, root);
	bytes_put_i64(b, l.line);
	bytes_put_i64(b, l.col);
}

void sumindex_put_summary(struct bytes_out *b, const struct summary *s, const char *root)
{
	size_t i;
	int k;

	bytes_put_str(b, s->name);
	put_loc(b, s->loc, root);
	bytes_put_i64(b, s->nparams);
	bytes_put_i64(b, s->noreturn | s->ret_known << 1 | s->has_ret_ex << 2 |
			 s->keeps_varargs << 3 | s->gwrites_any << 4);
	bytes_put_i64(b, s->ret_lo);
	bytes_put_i64(b, s->ret_hi);
	bytes_put_i64(b, s->ret_ex);
	bytes_put_i64(b, s->returns_arg);
	bytes_put_i64(b, s->error_arg);
	bytes_put_i64(b, (int64_t)s->releases);
	bytes_put_i64(b, (int64_t)s->releases_some);
	bytes_put_i64(b, (int64_t)s->keeps);
	bytes_put_i64(b, (int64_t)s->releases_shallow);
	bytes_put_i64(b, (int64_t)s->members_touched);
	bytes_put_i64(b, (int64_t)s->keeps_on);
	bytes_put_i64(b, s->keep_fails);
	bytes_put_i64(b, (int64_t)s->writes);
	bytes_put_i64(b, (int64_t)s->unrefs);
	put_acq(b, &s->ret, root);
	bytes_put_str(b, s->via);
	put_loc(b, s->via_loc, root);
	bytes_put_i64(b, s->npmem);
	for (k = 0; k < s->npmem; k++) {
		bytes_put_i64(b, s->pmem[k].param + 1);    /* 1-based, as read */
		bytes_put_str(b, s->pmem[k].name);
		put_acq(b, s->pmem[k].fill, root);
		bytes_put_i64(b, s->pmem[k].frees | s->pmem[k].resets << 1 |
				 s->pmem[k].regrow << 2 | s->pmem[k].counts << 3 |
				 (int64_t)s->pmem[k].copies << 4 | (int64_t)s->pmem[k].maybe << 36);
	}
	bytes_put_i64(b, s->nmembers);
	for (k = 0; k < s->nmembers; k++) {
		bytes_put_str(b, s->members[k]);
		put_acq(b, s->member_acq[k], root);
	}
	put_acq(b, s->ref_acq, root);
	for (k = 0; k < s->nparams; k++)
		sumindex_put_res(b, s->rel ? s->rel[k].res : NULL, root);
	bytes_put_i64(b, (int64_t)s->ngwrites);
	for (i = 0; i < s->ngwrites; i++)
		bytes_put_str(b, s->gwrites[i]);
	bytes_put_i64(b, s->lends_to != NULL);
	for (k = 0; s->lends_to && k < s->nparams; k++) {
		bytes_put_i64(b, s->lends_to[k]);
		bytes_put_i64(b, s->lends_as[k]);
	}
}

/* ---- reading ---- */


/* A path, put back under the root when it was stored relative to it. */
static const char *get_path(struct sumindex_reader *d)
{
	const char *p = bytes_get_str(d->in, &d->S->arena);
	char *full;
	size_t n;

	if (!p || p[0] == '/' || !d->root)
		return p;
	n = strlen(d->root) + strlen(p) + 2;
	full = arena_alloc(&d->S->arena, n);
	snprintf(full, n, "%s/%s", d->root, p);
	return full;
}

/* A parameter number: 0 (none) to the summary's count, or 1 up when !none. */
static int get_param(struct sumindex_reader *d, bool none)
{
	return (int)bytes_get_range(d->in, none ? 0 : 1, d->nparams);
}

const struct rule_resource *sumindex_get_res(struct sumindex_reader *d)
{
	struct arena *a = &d->S->arena;
	const char *id, *acquired, *released, *held, *noun, *releaser, *file;
	const struct rule_resource *known;
	struct rule_resource *res;
	unsigned line;
	int flags;

	if (!bytes_get_bool(d->in))
		return NULL;
	id = bytes_get_name(d->in, a);
	acquired = bytes_get_name(d->in, a);
	released = bytes_get_name(d->in, a);
	held = bytes_get_name(d->in, a);
	noun = bytes_get_str(d->in, a);
	releaser = bytes_get_str(d->in, a);
	file = get_path(d);
	line = (unsigned)bytes_get_range(d->in, 0, UINT_MAX);
	flags = (int)bytes_get_range(d->in, 0, 15);
	if (d->in->bad)
		return NULL;
	if (!strcmp(id, summary_refc_resource()->id))
		return summary_refc_resource();
	if ((known = strmap_get(&d->rules->resources, id)) || (known = strmap_get(d->made, id)))
		return known;
	res = arena_alloc(a, sizeof(*res));
	memset(res, 0, sizeof(*res));
	res->id = id;
	res->acquired = acquired;
	res->released = released;
	res->held = held;
	res->noun = noun;
	res->releaser = releaser;
	res->file = file;
	res->line = line;
	res->guessed = flags & 1;
	res->object = flags & 2;
	res->idempotent = flags & 4;
	res->local_only = flags & 8;
	strmap_put(d->made, id, res);
	return res;
}

/* Reads an acquire entry into a (zeroed first); false when there is none. */
static bool get_acq_into(struct sumindex_reader *d, struct rule_acquire *a)
{
	memset(a, 0, sizeof(*a));
	if (!bytes_get_bool(d->in))
		return false;
	a->func = bytes_get_name(d->in, &d->S->arena);
	a->res = sumindex_get_res(d);
	a->shape = (enum rule_shape)bytes_get_range(d->in, SHAPE_RETURN, SHAPE_OBJECT);
	a->arg = get_param(d, true);
	a->count = (int)bytes_get_range(d->in, 0, MAX_OUT_ARRAY);
	a->fails = (enum rule_fail)bytes_get_range(d->in, FAIL_NULL, FAIL_RANGE);
	a->transfer = get_param(d, true);
	a->reopen = get_param(d, true);
	a->file = get_path(d);
	a->line = (unsigned)bytes_get_range(d->in, 0, UINT_MAX);
	a->via = bytes_get_str(d->in, &d->S->arena);
	a->ok_value = bytes_get_i64(d->in);
	a->ok_hi = bytes_get_i64(d->in);
	a->fail_lo = bytes_get_i64(d->in);
	a->fail_hi = bytes_get_i64(d->in);
	a->value_arg = get_param(d, true);
	a->value = bytes_get_i64(d->in);
	a->ref = get_param(d, true);
	a->sink = bytes_get_bool(d->in);
	if (!d->in->bad && (!a->res || (a->shape != SHAPE_RETURN && a->arg == 0)))
		bytes_fail(d->in, BYTES_RANGE);
	return !d->in->bad;
}

static const struct rule_acquire *get_acq(struct sumindex_reader *d)
{
	struct rule_acquire *a = arena_alloc(&d->S->arena, sizeof(*a));

	return get_acq_into(d, a) ? a : NULL;
}

static void get_loc(struct sumindex_reader *d, struct ir_loc *l)
{
	l->file = get_path(d);
	l->line = (unsigned)bytes_get_range(d->in, 0, UINT_MAX);
	l->col = (unsigned)bytes_get_range(d->in, 0, UINT_MAX);
}

static void get_members(struct sumindex_reader *d, struct summary *s)
{
	struct arena *a = &d->S->arena;
	struct summary_member *pm;
	int64_t flags;
	int k;

	s->npmem = (int)bytes_get_range(d->in, 0, MAX_PMEM);
	pm = arena_alloc(a, (size_t)s->npmem * sizeof(*pm) + 1);
	for (k = 0; k < s->npmem && !d->in->bad; k++) {
		pm[k].param = get_param(d, false) - 1;
		pm[k].name = bytes_get_name(d->in, a);
		pm[k].fill = get_acq(d);
		flags = bytes_get_range(d->in, 0, ((int64_t)1 << 37) - 1);
		pm[k].frees = flags & 1;
		pm[k].resets = flags & 2;
		pm[k].regrow = flags & 4;
		pm[k].counts = flags & 8;
		pm[k].copies = (uint32_t)(flags >> 4);
		pm[k].maybe = (flags >> 36) & 1;
	}
	s->pmem = pm;
	s->nmembers = (int)bytes_get_range(d->in, 0, SUMMARY_MAX_MEMBERS);
	s->members = arena_alloc(a, (size_t)s->nmembers * sizeof(*s->members) + 1);
	s->member_acq = arena_alloc(a, (size_t)s->nmembers * sizeof(*s->member_acq) + 1);
	for (k = 0; k < s->nmembers && !d->in->bad; k++) {
		s->members[k] = bytes_get_name(d->in, a);
		if (!(s->member_acq[k] = get_acq(d)))
			bytes_fail(d->in, BYTES_RANGE);
	}
	if (!s->nmembers)
		s->members = NULL, s->member_acq = NULL;
}

static void get_params(struct sumindex_reader *d, struct summary *s)
{
	struct arena *a = &d->S->arena;
	size_t i;
	int k;

	s->rel = arena_alloc(a, (size_t)s->nparams * sizeof(*s->rel) + 1);
	for (k = 0; k < s->nparams && !d->in->bad; k++) {
		memset(&s->rel[k], 0, sizeof(s->rel[k]));
		s->rel[k].func = s->name;
		s->rel[k].res = sumindex_get_res(d);
		s->rel[k].arg = k + 1;
	}
	if (!s->nparams)
		s->rel = NULL;
	s->ngwrites = bytes_get_count(d->in);
	s->gwrites = arena_alloc(a, s->ngwrites * sizeof(*s->gwrites) + 1);
	for (i = 0; i < s->ngwrites && !d->in->bad; i++)
		s->gwrites[i] = bytes_get_name(d->in, a);
	if (!bytes_get_bool(d->in))
		return;
	s->lends_to = arena_alloc(a, (size_t)s->nparams + 1);
	s->lends_as = arena_alloc(a, (size_t)s->nparams + 1);
	for (k = 0; k < s->nparams && !d->in->bad; k++) {
		s->lends_to[k] = (uint8_t)get_param(d, true);
		s->lends_as[k] = (uint8_t)bytes_get_range(d->in, 0, SUMMARY_MAX_PARAMS);
	}
}

struct summary *sumindex_get_summary(struct bytes_in *in, struct summaries *S,
				     const struct rules *rules, struct strmap *made,
				     const char *root)
{
	struct sumindex_reader d = { in, S, rules, made, root, 0 };
	struct summary *s = arena_alloc(&S->arena, sizeof(*s));
	int flags;

	memset(s, 0, sizeof(*s));
	s->name = bytes_get_name(in, &S->arena);
	get_loc(&d, &s->loc);
	s->nparams = d.nparams = (int)bytes_get_range(in, 0, SUMMARY_MAX_PARAMS);
	flags = (int)bytes_get_range(in, 0, 31);
	s->noreturn = flags & 1;
	s->ret_known = flags & 2;
	s->has_ret_ex = flags & 4;
	s->keeps_varargs = flags & 8;
	s->gwrites_any = flags & 16;
	s->ret_lo = bytes_get_i64(in);
	s->ret_hi = bytes_get_i64(in);
	s->ret_ex = bytes_get_i64(in);
	s->returns_arg = get_param(&d, true);
	s->error_arg = get_param(&d, true);
	s->releases = (uint64_t)bytes_get_i64(in);
	s->releases_some = (uint64_t)bytes_get_i64(in);
	s->keeps = (uint64_t)bytes_get_i64(in);
	s->releases_shallow = (uint64_t)bytes_get_i64(in);
	s->members_touched = (uint64_t)bytes_get_i64(in);
	s->keeps_on = (uint64_t)bytes_get_i64(in);
	s->keep_fails = (enum rule_fail)bytes_get_range(in, FAIL_NULL, FAIL_RANGE);
	s->writes = (uint64_t)bytes_get_i64(in);
	s->unrefs = (uint64_t)bytes_get_i64(in);
	get_acq_into(&d, &s->ret);
	s->via = bytes_get_str(in, &S->arena);
	get_loc(&d, &s->via_loc);
	get_members(&d, s);
	s->ref_acq = get_acq(&d);
	get_params(&d, s);
	if (s->ref_acq && s->ref_acq->ref == 0)
		bytes_fail(in, BYTES_RANGE);
	return in->bad ? NULL : s;
}
