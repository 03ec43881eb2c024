/*
 * irpack.c - functions kept packed until walked; see irpack.h.
 */
#include "irpack.h"
#include "cache.h"
#include "base/util.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* zlib's fastest level: the bytes are mostly small integers in 8-byte words. */
#define PACK_LEVEL 1

/* Bytes a copy of s takes (none for NULL). */
static size_t str_size(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* Copies s to *at, moving it past; NULL stays NULL. */
static const char *put_str(char **at, const char *s)
{
	char *d = *at;
	size_t n = str_size(s);

	if (!s)
		return NULL;
	memcpy(d, s, n);
	*at += n;
	return d;
}

/* The parts of a head, before they are copied into one block. */
struct head_parts {
	const char *key, *unit;
	struct ir_loc loc;
	const char **callees;       /* ncallees, then nva_callees */
	size_t ncallees, nva_callees;
};

/*
 * The head in one block of its own (p->strs): its key, unit, place,
 * callees and the callees it hands its va_list to.
 */
static void set_head(struct irpack_fn *p, const struct head_parts *h)
{
	size_t n = h->ncallees + h->nva_callees, i, size;
	const char **ptrs;
	char *at;

	size = (n + 1) * sizeof(char *) + str_size(h->key) + str_size(h->unit) +
	       str_size(h->loc.file);
	for (i = 0; i < n; i++)
		size += str_size(h->callees[i]);
	p->strs = xmalloc(size);
	ptrs = (const char **)p->strs;
	at = p->strs + (n + 1) * sizeof(char *);
	p->head.key = put_str(&at, h->key);
	p->head.unit = put_str(&at, h->unit);
	p->head.loc = h->loc;
	p->head.loc.file = put_str(&at, h->loc.file);
	p->head.context = p->context;
	for (i = 0; i < n; i++)
		ptrs[i] = put_str(&at, h->callees[i]);
	ptrs[n] = NULL;
	p->head.callees = ptrs;
	p->head.ncallees = h->ncallees;
	p->head.va_callees = ptrs + h->ncallees;
	p->head.nva_callees = h->nva_callees;
}

/* The head of f. */
static void make_head(struct irpack_fn *p, const struct ir_func *f)
{
	size_t nc = ir_func_callees(f, NULL);
	struct head_parts h = { f->key, f->unit, f->loc, NULL, nc, f->nva_callees };

	h.callees = xcalloc(nc + f->nva_callees + 1, sizeof(*h.callees));
	ir_func_callees(f, h.callees);
	if (f->nva_callees)
		memcpy(h.callees + nc, f->va_callees, f->nva_callees * sizeof(*h.callees));
	set_head(p, &h);
	free(h.callees);
}

struct irpack_fn irpack_fn_encode(const struct ir_func *f, bool context)
{
	struct irpack_fn p = { .context = context, .header = f->header };
	struct bytes_out b = { 0 };
	uLongf zlen;

	cache_put_func(&b, f);
	p.len = b.len;
	p.head.hash = util_hash(UTIL_HASH_INIT, b.p, b.len) | 1;
	zlen = compressBound(b.len);
	p.z = xmalloc(zlen);
	if (compress2(p.z, &zlen, b.p, b.len, PACK_LEVEL) != Z_OK) {
		/* only out of memory: keep it as it is */
		free(p.z);
		p.z = b.p;
		zlen = b.len;
		b.p = NULL;
		p.stored = true;
	} else {
		p.z = xrealloc(p.z, zlen ? zlen : 1);
	}
	p.zlen = zlen;
	free(b.p);
	make_head(&p, f);
	return p;
}

struct irpack_fn irpack_fn_make(struct ir_func *f, bool context)
{
	struct irpack_fn p = irpack_fn_encode(f, context);

	ir_func_free(f);
	return p;
}

void irpack_fn_put(struct bytes_out *b, const struct irpack_fn *p)
{
	size_t i, n = p->head.ncallees + p->head.nva_callees;

	bytes_put_str(b, p->head.key);
	bytes_put_str(b, p->head.unit);
	bytes_put_str(b, p->head.loc.file);
	bytes_put_i64(b, p->head.loc.line);
	bytes_put_i64(b, p->head.loc.col);
	bytes_put_i64(b, p->header);
	bytes_put_i64(b, (int64_t)p->head.ncallees);
	bytes_put_i64(b, (int64_t)p->head.nva_callees);
	for (i = 0; i < n; i++)
		bytes_put_str(b, p->head.callees[i]);
	bytes_put_i64(b, (int64_t)p->head.hash);
	bytes_put_i64(b, p->stored);
	bytes_put_i64(b, (int64_t)p->len);
	bytes_put_i64(b, (int64_t)p->zlen);
	bytes_put(b, p->z, p->zlen);
}

bool irpack_fn_get(struct bytes_in *in, bool context, struct irpack_fn *p)
{
	struct arena scratch;
	struct head_parts h = { 0 };
	size_t i, n;
	int64_t zlen;

	memset(p, 0, sizeof(*p));
	arena_init(&scratch);
	h.key = bytes_get_name(in, &scratch);
	h.unit = bytes_get_str(in, &scratch);
	h.loc.file = bytes_get_str(in, &scratch);
	h.loc.line = (unsigned)bytes_get_range(in, 0, UINT_MAX);
	h.loc.col = (unsigned)bytes_get_range(in, 0, UINT_MAX);
	p->header = bytes_get_bool(in);
	h.ncallees = bytes_get_count(in);
	h.nva_callees = bytes_get_count(in);
	n = in->bad ? 0 : h.ncallees + h.nva_callees;
	if (n > (size_t)(in->end - in->p))
		bytes_fail(in, BYTES_CUT);
	h.callees = in->bad ? NULL : xcalloc(n + 1, sizeof(*h.callees));
	for (i = 0; i < n && !in->bad; i++)
		h.callees[i] = bytes_get_name(in, &scratch);
	p->head.hash = (uint64_t)bytes_get_i64(in);
	p->stored = bytes_get_bool(in);
	p->len = (size_t)bytes_get_range(in, 0, INT32_MAX);
	zlen = bytes_get_range(in, 0, in->end - in->p - 0);
	if (!in->bad && (zlen > in->end - in->p || (p->stored && (size_t)zlen != p->len)))
		bytes_fail(in, BYTES_CUT);
	/* deflate expands at most 1032 to 1: a larger claim is not ours, and
	   must not make irpack_fn_open() allocate it */
	if (!in->bad && !p->stored && p->len > (size_t)zlen * 1032 + 64)
		bytes_fail(in, BYTES_RANGE);
	if (in->bad) {
		free(h.callees);
		arena_release(&scratch);
		return false;
	}
	p->zlen = (size_t)zlen;
	p->z = xmalloc(p->zlen ? p->zlen : 1);
	memcpy(p->z, in->p, p->zlen);
	in->p += p->zlen;
	p->context = context || p->header;
	set_head(p, &h);
	free(h.callees);
	arena_release(&scratch);
	return true;
}

/* The encoding of p (in *raw, to be freed, unless stored), or NULL if it does not unpack. */
static const unsigned char *unpacked(const struct irpack_fn *p, unsigned char **raw)
{
	uLongf len = p->len;

	*raw = NULL;
	if (p->stored)
		return p->z;
	*raw = xmalloc(p->len ? p->len : 1);
	if (uncompress(*raw, &len, p->z, p->zlen) != Z_OK || len != p->len)
		return NULL;
	return *raw;
}

uint64_t irpack_fn_hash_unpacked(const struct irpack_fn *p)
{
	unsigned char *raw = NULL;
	const unsigned char *bytes = unpacked(p, &raw);
	uint64_t h = bytes ? util_hash(UTIL_HASH_INIT, bytes, p->len) | 1 : 0;

	free(raw);
	return h;
}

struct ir_func *irpack_fn_open(const struct irpack_fn *p, const struct rules *rules,
			       struct bytes_pool *pool)
{
	unsigned char *raw = NULL;
	const unsigned char *bytes = unpacked(p, &raw);
	struct ir_func *f = NULL;

	if (!bytes || (util_hash(UTIL_HASH_INIT, bytes, p->len) | 1) != p->head.hash)
		goto out;       /* damaged, or not what the head's hash says */
	f = cache_get_func(bytes, p->len, rules, pool);
	if (f)
		f->context = p->context;
out:
	free(raw);
	return f;
}

void irpack_fn_free(struct irpack_fn *p)
{
	free(p->z);
	free(p->strs);
}

void irpack_init(struct irpack *k, const struct rules *rules)
{
	memset(k, 0, sizeof(*k));
	k->rules = rules;
	bytes_pool_init(&k->pool);
}

void irpack_add(struct irpack *k, struct irpack_fn *fn)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 256;
		k->fns = xrealloc(k->fns, k->cap * sizeof(*k->fns));
	}
	k->fns[k->n++] = *fn;
}

static struct ir_func *unpack(void *arg, size_t i)
{
	struct irpack *k = arg;
	const struct irpack_fn *p = &k->fns[i];
	struct ir_func *f = irpack_fn_open(p, k->rules, &k->pool);
	struct irpack_fn fresh;

	if (!f && k->reload.fn && k->reload.fn(k->reload.arg, p, &fresh)) {
		f = irpack_fn_open(&fresh, k->rules, &k->pool);
		irpack_fn_free(&fresh);
	}
	if (f)
		f->context = p->context;
	k->unpacked += p->len;
	return f;
}

static void done(void *arg, size_t i, struct ir_func *f)
{
	(void)arg, (void)i;
	ir_func_free(f);
}

struct body_source irpack_source(struct irpack *k)
{
	size_t i;

	free(k->bodies);
	k->bodies = xcalloc(k->n + 1, sizeof(*k->bodies));
	for (i = 0; i < k->n; i++)
		k->bodies[i] = k->fns[i].head;
	return (struct body_source){ k->bodies, k->n, unpack, done, k };
}

size_t irpack_bytes(const struct irpack *k)
{
	size_t i, n = 0;

	for (i = 0; i < k->n; i++)
		n += k->fns[i].zlen;
	return n;
}

void irpack_release(struct irpack *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		irpack_fn_free(&k->fns[i]);
	free(k->fns);
	free(k->bodies);
	bytes_pool_release(&k->pool);
	memset(k, 0, sizeof(*k));
}
