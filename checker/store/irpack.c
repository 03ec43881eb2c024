/*
 * irpack.c - functions kept packed until walked; see irpack.h.
 */
#include "irpack.h"
#include "cache.h"
#include "base/util.h"

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

/*
 * The head of f in one block of its own (p->strs): its key, unit, place,
 * callees and the callees it hands its va_list to.
 */
static void make_head(struct irpack_fn *p, const struct ir_func *f)
{
	size_t nc = ir_func_callees(f, NULL), i, size;
	const char **callees = xcalloc(nc + 1, sizeof(*callees));
	const char **ptrs;
	char *at;

	ir_func_callees(f, callees);
	size = (nc + f->nva_callees + 1) * sizeof(char *) + str_size(f->key) +
	       str_size(f->unit) + str_size(f->loc.file);
	for (i = 0; i < nc; i++)
		size += str_size(callees[i]);
	for (i = 0; i < f->nva_callees; i++)
		size += str_size(f->va_callees[i]);
	p->strs = xmalloc(size);
	ptrs = (const char **)p->strs;
	at = p->strs + (nc + f->nva_callees + 1) * sizeof(char *);
	p->head.key = put_str(&at, f->key);
	p->head.unit = put_str(&at, f->unit);
	p->head.loc = f->loc;
	p->head.loc.file = put_str(&at, f->loc.file);
	p->head.context = p->context;
	for (i = 0; i < nc; i++)
		ptrs[i] = put_str(&at, callees[i]);
	for (i = 0; i < f->nva_callees; i++)
		ptrs[nc + i] = put_str(&at, f->va_callees[i]);
	p->head.callees = ptrs;
	p->head.ncallees = nc;
	p->head.va_callees = ptrs + nc;
	p->head.nva_callees = f->nva_callees;
	free(callees);
}

struct irpack_fn irpack_fn_make(struct ir_func *f, bool context)
{
	struct irpack_fn p = { .context = context };
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
	ir_func_free(f);
	return p;
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
	unsigned char *raw = p->stored ? NULL : xmalloc(p->len ? p->len : 1);
	uLongf len = p->len;
	struct ir_func *f;

	if (raw && (uncompress(raw, &len, p->z, p->zlen) != Z_OK || len != p->len)) {
		free(raw);
		return NULL;    /* cannot happen: we packed it */
	}
	f = cache_get_func(raw ? raw : p->z, p->len, k->rules, &k->pool);
	free(raw);
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
