/*
 * cache.c - the on-disk cache of lowered units; see cache.h.
 *
 * File layout (native byte order; a different machine just misses):
 *   "LKC1", the key (u64), the dependencies (count, then path, size,
 *   mtime seconds and nanoseconds each), the functions (count, then each
 *   function's fields, variables, sites and blocks in ir.h's order).
 * Rule references are written as the rule's function name and looked up
 * again on loading (the key covers the rules, so they are there).
 */
#define _GNU_SOURCE
#include "cache.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LEAKCHECK_VERSION
#define LEAKCHECK_VERSION "0.1.0"
#endif

/* ---- writing ---- */

struct wbuf {
	unsigned char *p;
	size_t len, cap;
};

static void put(struct wbuf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_i64(struct wbuf *b, int64_t v)
{
	put(b, &v, sizeof(v));
}

static void put_str(struct wbuf *b, const char *s)
{
	int64_t n = s ? (int64_t)strlen(s) : -1;

	put_i64(b, n);
	if (s)
		put(b, s, (size_t)n);
}

static void put_loc(struct wbuf *b, struct ir_loc l)
{
	put_str(b, l.file);
	put_i64(b, l.line);
	put_i64(b, l.col);
}

/* A made-up acquire or release entry (a name guess, an ownership attribute). */
static void put_guess(struct wbuf *b, const char *func, const struct rule_resource *res,
		      const char *via)
{
	put_str(b, func);
	put_str(b, res ? res->id : NULL);
	put_str(b, res ? res->acquired : NULL);
	put_str(b, res ? res->released : NULL);
	put_str(b, res ? res->held : NULL);
	put_i64(b, res && res->guessed);
	put_str(b, res ? res->releaser : NULL);
	put_str(b, via);
}

static void put_func(struct wbuf *b, const struct ir_func *f)
{
	size_t i, k;
	int a;

	put_str(b, f->name);
	put_str(b, f->key);
	put_str(b, f->unit);
	put_i64(b, f->nparams);
	put_loc(b, f->loc);
	put_i64(b, f->entry);
	put_str(b, f->unsupported);
	put_i64(b, f->is_main);
	put_i64(b, f->va_arg_used);
	put_i64(b, (int64_t)f->nva_callees);
	for (i = 0; i < f->nva_callees; i++)
		put_str(b, f->va_callees[i]);
	put_i64(b, (int64_t)f->nvars);
	for (i = 0; i < f->nvars; i++) {
		put_str(b, f->vars[i].name);
		put_i64(b, f->vars[i].flags);
		put_i64(b, f->vars[i].parent);
		put_str(b, f->vars[i].cleanup);
	}
	put_i64(b, (int64_t)f->nsites);
	for (i = 0; i < f->nsites; i++) {
		const struct ir_site *s = &f->sites[i];

		put_str(b, s->acq ? s->acq->func : NULL);
		put_i64(b, s->acq ? s->acq->index : 0);
		put_loc(b, s->loc);
		put_i64(b, s->dst);
		put_i64(b, s->ndst);
		put_i64(b, s->status);
		put_i64(b, s->from);
		put_i64(b, s->led_by);
		put_i64(b, s->error_var1);
	}
	put_i64(b, (int64_t)f->nblocks);
	for (i = 0; i < f->nblocks; i++) {
		const struct ir_block *blk = &f->blocks[i];
		const struct ir_term *t = &blk->term;

		put_i64(b, (int64_t)blk->nev);
		for (k = 0; k < blk->nev; k++) {
			const struct ir_event *e = &blk->ev[k];

			put_i64(b, e->kind);
			put_loc(b, e->loc);
			put_i64(b, e->var);
			put_i64(b, e->src);
			put_i64(b, e->value);
			put_i64(b, e->site);
			put_i64(b, e->rel != NULL);
			put_i64(b, e->rel_mask);
			put_i64(b, e->soft);
			put_str(b, e->callee);
			put_i64(b, e->exit);
			put_str(b, e->label);
			put_i64(b, e->out_param);
			put_str(b, e->key);
			put_i64(b, e->nargs);
			for (a = 0; a < e->nargs; a++) {
				put_i64(b, e->args[a].kind);
				put_i64(b, e->args[a].var);
				put_i64(b, e->args[a].borrowed);
			}
			put_i64(b, e->guess_acq != NULL);
			if (e->guess_acq)
				put_guess(b, e->guess_acq->func, e->guess_acq->res, e->guess_acq->via);
			put_i64(b, e->guess_rel != NULL);
			if (e->guess_rel) {
				put_guess(b, e->guess_rel->func, e->guess_rel->res, NULL);
				put_i64(b, e->guess_rel->arg);
			}
		}
		put_i64(b, t->kind);
		put_loc(b, t->loc);
		put_i64(b, t->target);
		put_i64(b, t->var);
		put_i64(b, t->cmp);
		put_i64(b, t->value);
		put_i64(b, t->t);
		put_i64(b, t->f);
		put_i64(b, t->note);
		put_str(b, t->text);
		put_i64(b, t->has_value);
		put_i64(b, t->foreign);
		put_i64(b, t->negated);
	}
}

/* ---- reading ---- */

struct rbuf {
	const unsigned char *p, *end;
	bool bad;                   /* truncated or inconsistent: a miss */
	struct ir_func *f;          /* strings go into its arena */
	const struct rules *rules;
	struct strmap guessed;      /* resource id -> made-up resource, per function */
};

static void get(struct rbuf *r, void *p, size_t n)
{
	if ((size_t)(r->end - r->p) < n) {
		r->bad = true;
		memset(p, 0, n);
		return;
	}
	memcpy(p, r->p, n);
	r->p += n;
}

static int64_t get_i64(struct rbuf *r)
{
	int64_t v;

	get(r, &v, sizeof(v));
	return v;
}

static const char *get_str(struct rbuf *r, struct arena *a)
{
	int64_t n = get_i64(r);
	char *s;

	if (n < 0 || r->bad)
		return NULL;
	if ((size_t)(r->end - r->p) < (size_t)n) {
		r->bad = true;
		return NULL;
	}
	s = a ? arena_strndup(a, (const char *)r->p, (size_t)n) : NULL;
	r->p += n;
	return s;
}

static struct ir_loc get_loc(struct rbuf *r)
{
	struct ir_loc l;

	l.file = get_str(r, &r->f->arena);
	l.line = (unsigned)get_i64(r);
	l.col = (unsigned)get_i64(r);
	return l;
}

/* Reads what put_guess() wrote of a resource; one object per id and function. */
static struct rule_resource *guessed(struct rbuf *r)
{
	struct arena *a = &r->f->arena;
	const char *id = get_str(r, a), *acquired = get_str(r, a), *released = get_str(r, a);
	const char *held = get_str(r, a);
	bool is_guess = get_i64(r) != 0;
	const char *releaser = get_str(r, a);
	struct rule_resource *res = id ? strmap_get(&r->guessed, id) : NULL;

	if (!res && id) {
		res = arena_alloc(a, sizeof(*res));
		res->id = id;
		res->acquired = acquired ? acquired : "acquired";
		res->released = released ? released : "released";
		res->held = held ? held : "held";
		res->guessed = is_guess;
		res->releaser = releaser;
		strmap_put(&r->guessed, id, res);
	}
	return res;
}

/* A bounded count: a corrupt file must not make us allocate the moon. */
static size_t get_count(struct rbuf *r)
{
	int64_t n = get_i64(r);

	if (n < 0 || n > (int64_t)(r->end - r->p)) {
		r->bad = true;
		return 0;
	}
	return (size_t)n;
}

static struct ir_func *get_func(struct rbuf *r)
{
	struct ir_func *f = ir_func_new("");
	struct arena *a = &f->arena;
	size_t i, k, n;

	r->f = f;
	strmap_init(&r->guessed);
	f->name = get_str(r, a);
	f->key = get_str(r, a);
	f->unit = get_str(r, a);
	f->nparams = (int)get_i64(r);
	f->loc = get_loc(r);
	f->entry = (int)get_i64(r);
	f->unsupported = get_str(r, a);
	f->is_main = get_i64(r) != 0;
	f->va_arg_used = get_i64(r) != 0;
	n = get_count(r);
	f->va_callees = arena_alloc(a, (n + 1) * sizeof(*f->va_callees));
	for (i = 0; i < n && !r->bad; i++)
		f->va_callees[f->nva_callees++] = get_str(r, a);
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		int v = ir_var_add(f, "", 0, -1);

		f->vars[v].name = get_str(r, a);
		f->vars[v].flags = (unsigned)get_i64(r);
		f->vars[v].parent = (int)get_i64(r);
		f->vars[v].cleanup = get_str(r, a);
	}
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		struct ir_site s = { 0 };
		const char *func = get_str(r, a);
		const struct rule_fn *fn = func ? rules_lookup(r->rules, func) : NULL;

		int64_t k = get_i64(r);

		for (s.acq = fn ? fn->acquire : NULL; s.acq && k > 0; k--)
			s.acq = s.acq->next;
		if (func && !s.acq)
			r->bad = true;          /* the rules changed under us */
		s.loc = get_loc(r);
		s.dst = (int)get_i64(r);
		s.ndst = (int)get_i64(r);
		s.status = (int)get_i64(r);
		s.from = (int)get_i64(r);
		s.led_by = (int)get_i64(r);
		s.error_var1 = (int)get_i64(r);
		ir_site_add(f, &s);
	}
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		int b = ir_block_add(f);
		size_t nev = get_count(r);
		struct ir_term *t;

		for (k = 0; k < nev && !r->bad; k++) {
			struct ir_event e = { 0 };
			bool has_rel;
			int j;

			e.kind = (enum ir_ev_kind)get_i64(r);
			e.loc = get_loc(r);
			e.var = (int)get_i64(r);
			e.src = (int)get_i64(r);
			e.value = get_i64(r);
			e.site = (int)get_i64(r);
			has_rel = get_i64(r) != 0;
			e.rel_mask = (unsigned)get_i64(r);
			e.soft = get_i64(r) != 0;
			e.callee = get_str(r, a);
			e.exit = (enum ir_exit)get_i64(r);
			e.label = get_str(r, a);
			e.out_param = (int)get_i64(r);
			e.key = get_str(r, a);
			e.nargs = (int)get_count(r);
			e.args = arena_alloc(a, (size_t)(e.nargs + 1) * sizeof(*e.args));
			for (j = 0; j < e.nargs; j++) {
				e.args[j].kind = (enum ir_arg_kind)get_i64(r);
				e.args[j].var = (int)get_i64(r);
				e.args[j].borrowed = get_i64(r) != 0;
			}
			if (has_rel) {
				const struct rule_fn *fn = e.callee ? rules_lookup(r->rules, e.callee) : NULL;

				e.rel = fn ? fn->release : NULL;
				if (!e.rel)
					r->bad = true;
			}
			if (get_i64(r)) {
				struct rule_acquire *acq = arena_alloc(a, sizeof(*acq));

				acq->func = get_str(r, a);
				acq->res = guessed(r);
				acq->via = get_str(r, a);
				acq->shape = SHAPE_RETURN;
				acq->fails = FAIL_NULL;
				e.guess_acq = acq;
			}
			if (get_i64(r)) {
				struct rule_release *rel = arena_alloc(a, sizeof(*rel));

				rel->func = get_str(r, a);
				rel->res = guessed(r);
				get_str(r, a);
				rel->arg = (int)get_i64(r);
				e.guess_rel = rel;
			}
			ir_event_add(f, b, &e);
		}
		t = &f->blocks[b].term;
		t->kind = (enum ir_term_kind)get_i64(r);
		t->loc = get_loc(r);
		t->target = (int)get_i64(r);
		t->var = (int)get_i64(r);
		t->cmp = (enum ir_cmp)get_i64(r);
		t->value = get_i64(r);
		t->t = (int)get_i64(r);
		t->f = (int)get_i64(r);
		t->note = (enum ir_branch_note)get_i64(r);
		t->text = get_str(r, a);
		t->has_value = get_i64(r) != 0;
		t->foreign = get_i64(r) != 0;
		t->negated = get_i64(r) != 0;
	}
	strmap_release(&r->guessed);
	if (!f->name || !f->key)
		r->bad = true;
	return f;
}

/* ---- keys and dependencies ---- */

/* Folds a string condition into h. */
static uint64_t hash_cond(uint64_t h, const struct rule_strcond *c)
{
	const char **w;

	if (!c)
		return util_hash(h, "", 1);
	h = util_hash(h, &c->arg, sizeof(c->arg));
	for (w = c->prefix; w && *w; w++)
		h = util_hash(h, *w, strlen(*w) + 1);
	h = util_hash(h, "|", 1);
	for (w = c->unless; w && *w; w++)
		h = util_hash(h, *w, strlen(*w) + 1);
	return h;
}

static uint64_t rules_hash(const struct rules *rules)
{
	uint64_t h = UTIL_HASH_INIT;
	size_t i;

	for (i = 0; i < rules->fns.cap; i++) {
		const struct rule_fn *fn = rules->fns.slots[i].value;
		const struct rule_acquire *acq;
		const struct rule_release *rel;

		if (!rules->fns.slots[i].key)
			continue;
		h = util_hash(h, fn->name, strlen(fn->name) + 1);
		for (acq = fn->acquire; acq; acq = acq->next) {
			int64_t v[] = { acq->shape, acq->arg, acq->count, acq->fails, acq->transfer,
					acq->reopen };

			h = util_hash(h, v, sizeof(v));
			h = util_hash(h, acq->res->id, strlen(acq->res->id) + 1);
			h = hash_cond(h, acq->when);
		}
		for (rel = fn->release; rel; rel = rel->next) {
			h = util_hash(h, &rel->arg, sizeof(rel->arg));
			h = util_hash(h, rel->res->id, strlen(rel->res->id) + 1);
			h = hash_cond(h, rel->when);
		}
		h = util_hash(h, &fn->borrow, sizeof(fn->borrow));
		h = util_hash(h, &fn->returns_arg, sizeof(fn->returns_arg));
		h = util_hash(h, &fn->noreturn, sizeof(fn->noreturn));
	}
	return h;
}

const char *cache_default_dir(void)
{
	static char path[4096];
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg && *xdg)
		snprintf(path, sizeof(path), "%s/leakcheck", xdg);
	else if (home && *home)
		snprintf(path, sizeof(path), "%s/.cache/leakcheck", home);
	else
		return NULL;
	return path;
}

static int make_dirs(const char *dir)
{
	char tmp[4096];
	char *p;

	if (snprintf(tmp, sizeof(tmp), "%s", dir) >= (int)sizeof(tmp))
		return -1;
	for (p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, 0777) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(tmp, 0777) < 0 && errno != EEXIST ? -1 : 0;
}

int cache_init(struct cache *c, const char *dir, const struct rules *rules)
{
	const char *version = LEAKCHECK_VERSION "/" "lkc3";
	struct stat self;

	c->dir = NULL;
	c->rules = rules;
	c->salt = util_hash(rules_hash(rules), version, strlen(version));
	/* a rebuilt leakcheck may lower differently: its own file is part of the key */
	if (stat("/proc/self/exe", &self) == 0) {
		int64_t id[] = { (int64_t)self.st_size, (int64_t)self.st_mtim.tv_sec,
				 (int64_t)self.st_mtim.tv_nsec, (int64_t)self.st_ino };

		c->salt = util_hash(c->salt, id, sizeof(id));
	}
	if (!dir)
		return 0;
	if (make_dirs(dir) < 0) {
		report_error("cannot create the cache directory '%s': %s", dir, strerror(errno));
		return -1;
	}
	c->dir = dir;
	return 0;
}

static uint64_t unit_key(const struct cache *c, const char *file, const char *const *args,
			 size_t nargs)
{
	uint64_t h = util_hash(c->salt, file, strlen(file) + 1);
	size_t i;

	for (i = 0; i < nargs; i++)
		h = util_hash(h, args[i], strlen(args[i]) + 1);
	return h;
}

static char *entry_path(const struct cache *c, uint64_t key)
{
	char *p = NULL;

	if (asprintf(&p, "%s/%016llx.lkc", c->dir, (unsigned long long)key) < 0)
		return NULL;
	return p;
}

static void put_dep(struct wbuf *b, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return;
	put_str(b, path);
	put_i64(b, (int64_t)st.st_size);
	put_i64(b, (int64_t)st.st_mtim.tv_sec);
	put_i64(b, (int64_t)st.st_mtim.tv_nsec);
}

static void note_inclusion(CXFile included, CXSourceLocation *stack, unsigned len, CXClientData d)
{
	struct wbuf *deps = d;
	CXString name = clang_getFileName(included);

	(void)stack;
	(void)len;
	put_dep(deps, clang_getCString(name));
	clang_disposeString(name);
}

/* Whether every dependency recorded still has its size and modification time. */
static bool deps_unchanged(struct rbuf *r, struct arena *scratch)
{
	size_t i, n = get_count(r);

	for (i = 0; i < n && !r->bad; i++) {
		const char *path = get_str(r, scratch);
		int64_t size = get_i64(r), sec = get_i64(r), nsec = get_i64(r);
		struct stat st;

		if (!path || stat(path, &st) < 0 || st.st_size != size ||
		    st.st_mtim.tv_sec != sec || st.st_mtim.tv_nsec != nsec)
			return false;
	}
	return !r->bad;
}

bool cache_load(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		struct ir_func ***fns, size_t *nfns)
{
	uint64_t key = unit_key(c, file, args, nargs), got;
	char *path;
	FILE *in;
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, n, i;
	struct rbuf r;
	struct arena scratch;
	bool hit = false;

	if (!c->dir || !(path = entry_path(c, key)))
		return false;
	in = fopen(path, "rb");
	free(path);
	if (!in)
		return false;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			data = xrealloc(data, cap);
		}
		n = fread(data + len, 1, cap - len, in);
		if (!n)
			break;
		len += n;
	}
	fclose(in);
	memset(&r, 0, sizeof(r));
	r.p = data;
	r.end = data + len;
	r.rules = c->rules;
	arena_init(&scratch);
	if (len < 4 || memcmp(data, "LKC1", 4) != 0)
		goto out;
	r.p += 4;
	got = (uint64_t)get_i64(&r);
	if (got != key || !deps_unchanged(&r, &scratch))
		goto out;
	n = get_count(&r);
	*fns = xcalloc(n + 1, sizeof(**fns));
	for (i = 0; i < n && !r.bad; i++)
		(*fns)[i] = get_func(&r);
	if (r.bad || r.p != r.end) {
		for (; i-- > 0;)
			ir_func_free((*fns)[i]);
		free(*fns);
		*fns = NULL;
		goto out;
	}
	*nfns = n;
	hit = true;
out:
	arena_release(&scratch);
	free(data);
	return hit;
}

void cache_store(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		 CXTranslationUnit tu, struct ir_func *const *fns, size_t nfns)
{
	uint64_t key = unit_key(c, file, args, nargs);
	struct wbuf deps = { 0 }, b = { 0 };
	size_t i, ndeps = 0;
	char *path, *tmp = NULL;
	FILE *out;

	if (!c->dir || !(path = entry_path(c, key)))
		return;
	clang_getInclusions(tu, note_inclusion, &deps);
	put(&b, "LKC1", 4);
	put_i64(&b, (int64_t)key);
	/* the count of dependencies: each starts with a string length >= 0 */
	{
		struct rbuf r = { deps.p, deps.p + deps.len, false, NULL, NULL, { 0 } };

		while (r.p < r.end && !r.bad) {
			get_str(&r, NULL);
			get_i64(&r);
			get_i64(&r);
			get_i64(&r);
			ndeps++;
		}
	}
	put_i64(&b, (int64_t)ndeps);
	if (deps.len)
		put(&b, deps.p, deps.len);
	put_i64(&b, (int64_t)nfns);
	for (i = 0; i < nfns; i++)
		put_func(&b, fns[i]);
	if (asprintf(&tmp, "%s.%ld.tmp", path, (long)getpid()) >= 0 && (out = fopen(tmp, "wb"))) {
		bool ok = fwrite(b.p, 1, b.len, out) == b.len;

		if (fclose(out) != 0 || !ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
	free(deps.p);
	free(b.p);
}
