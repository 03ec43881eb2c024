/*
 * cache.c - the on-disk cache of lowered units; see cache.h.  This file
 * has the keys, the directory and the files; an entry's bytes are
 * cache_codec.c's (layout in cache_int.h).
 *
 * Nothing in the directory is trusted: it must be ours and writable by
 * nobody else (or sticky, as /tmp), an entry must be a regular file of
 * ours that nobody else can write (opened without following a symbolic
 * link), and its bytes are checked (cache_codec.c).  An entry is written
 * to a fresh temporary file (mkstemp, mode 0600) and renamed into place.
 */
#define _GNU_SOURCE
#include "cache_int.h"
#include "base/diag.h"
#include "base/util.h"
#include "irpack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LEAKCHECK_VERSION
#define LEAKCHECK_VERSION "0.1.0"
#endif

/* An entry larger than this is not read (the largest units make a few MB). */
#define MAX_ENTRY ((off_t)256 << 20)

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

uint64_t cache_rules_hash(const struct rules *rules)
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
					acq->reopen, acq->value_arg, acq->value,
					acq->res->local_only, acq->ref, acq->sink };
			const char **w;

			h = util_hash(h, v, sizeof(v));
			h = util_hash(h, acq->res->id, strlen(acq->res->id) + 1);
			h = hash_cond(h, acq->when);
			for (w = acq->named_by; w && *w; w++)
				h = util_hash(h, *w, strlen(*w) + 1);
		}
		for (rel = fn->release; rel; rel = rel->next) {
			h = util_hash(h, &rel->arg, sizeof(rel->arg));
			h = util_hash(h, rel->res->id, strlen(rel->res->id) + 1);
			h = hash_cond(h, rel->when);
		}
		{
			int64_t v[] = { fn->borrow, fn->returns_arg, fn->noreturn, fn->keeps,
					fn->pure, fn->steals, fn->status_of, fn->or_null };

			h = util_hash(h, v, sizeof(v));
		}
	}
	/* which headers' functions borrow decides how their calls are lowered */
	for (i = 0; i < rules->nlib_headers; i++)
		h = util_hash(h, rules->lib_headers[i], strlen(rules->lib_headers[i]) + 1);
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

/* Whether dir can be trusted with entries; if not, says why once and returns false. */
static bool dir_trusted(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) < 0) {
		diag_warning("not using the cache directory '%s': %s", dir, strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_warning("not using the cache directory '%s': it is not a directory", dir);
		return false;
	}
	if (st.st_uid != geteuid()) {
		diag_warning("not using the cache directory '%s': it belongs to another user", dir);
		return false;
	}
	if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX)) {
		diag_warning("not using the cache directory '%s': others can write to it (and it is not sticky)", dir);
		return false;
	}
	return true;
}

int cache_init(struct cache *c, const char *dir, bool parents, const struct rules *rules)
{
	const char *version = LEAKCHECK_VERSION "/" "lkc10";
	struct stat self;

	c->dir = NULL;
	c->rules = rules;
	c->salt = util_hash(cache_rules_hash(rules), version, strlen(version));
	/* a rebuilt leakcheck may lower differently: its own file is part of the key */
	if (stat("/proc/self/exe", &self) == 0) {
		int64_t id[] = { (int64_t)self.st_size, (int64_t)self.st_mtim.tv_sec,
				 (int64_t)self.st_mtim.tv_nsec, (int64_t)self.st_ino };

		c->salt = util_hash(c->salt, id, sizeof(id));
	}
	if (!dir)
		return 0;
	if (util_make_dir(dir, parents, 0700) < 0) {
		diag_error("cannot create the cache directory '%s': %s", dir, strerror(errno));
		return -1;
	}
	if (dir_trusted(dir))
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

static void put_dep(struct bytes_out *b, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return;
	bytes_put_str(b, path);
	bytes_put_i64(b, (int64_t)st.st_size);
	bytes_put_i64(b, (int64_t)st.st_mtim.tv_sec);
	bytes_put_i64(b, (int64_t)st.st_mtim.tv_nsec);
}

struct deps {
	struct bytes_out b;        /* what put_dep() wrote */
	size_t n;                   /* how many */
};

static void note_inclusion(CXFile included, CXSourceLocation *stack, unsigned len, CXClientData d)
{
	struct deps *deps = d;
	CXString name = clang_getFileName(included);
	size_t before = deps->b.len;

	(void)stack;
	(void)len;
	put_dep(&deps->b, clang_getCString(name));
	clang_disposeString(name);
	deps->n += deps->b.len != before;
}

/*
 * Reads the entry at path, if it is a regular file of ours that nobody
 * else may write.  Returns its bytes (free() them) and *len, or NULL with
 * *why: the reason it is not used, or NULL when there is none (no entry).
 */
unsigned char *cache_read_file(const char *path, size_t *len, const char **why)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	unsigned char *data = NULL;
	struct stat st;
	size_t got = 0;
	ssize_t n;

	*why = NULL;
	if (fd < 0) {
		if (errno == ELOOP)
			*why = "it is a symbolic link";
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		*why = "it is not a regular file";
	else if (st.st_uid != geteuid())
		*why = "it belongs to another user";
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		*why = "others can write to it";
	else if (st.st_size > MAX_ENTRY)
		*why = "it is too large";
	if (*why)
		goto close_fd;
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	       ((n = read(fd, data + got, (size_t)st.st_size - got)) > 0 || (n < 0 && errno == EINTR)))
		got += n > 0 ? (size_t)n : 0;
	*len = got;
close_fd:
	close(fd);
	return data;
}

/*
 * Whether every dependency recorded still has its size and modification
 * time (look: false, they are only read).
 */
static bool deps_unchanged(struct bytes_in *in, bool look)
{
	struct arena scratch;
	size_t i, n = bytes_get_count(in);
	bool same = true;

	arena_init(&scratch);
	for (i = 0; i < n && !in->bad && same; i++) {
		const char *path = bytes_get_name(in, &scratch);
		int64_t size = bytes_get_i64(in), sec = bytes_get_i64(in), nsec = bytes_get_i64(in);
		struct stat st;

		if (look && !in->bad)
			same = stat(path, &st) == 0 && st.st_size == size &&
			       st.st_mtim.tv_sec == sec && st.st_mtim.tv_nsec == nsec;
	}
	arena_release(&scratch);
	return same;
}

/*
 * Decodes the entry data[0..len) (layout in cache_int.h): with key, it
 * must have that key and unchanged dependencies (NULL: neither is looked
 * at).  Returns its functions, or NULL and *why (NULL for an ordinary
 * miss: a dependency changed).
 */
static struct irpack_fn *entry_decode(const unsigned char *data, size_t len, const uint64_t *key,
				      bool context, size_t *nfns, const char **why)
{
	struct bytes_in in = { data + CACHE_HEADER, data + len, NULL };
	struct irpack_fn *fns;
	uint64_t entry_key;
	uint32_t crc;
	size_t n, i = 0;

	*why = NULL;
	if (len < CACHE_HEADER || memcmp(data, CACHE_MAGIC, 4) != 0) {
		*why = "it is not a cache entry of this version";
		return NULL;
	}
	memcpy(&crc, data + 4, sizeof(crc));
	if (crc != bytes_crc32(data + CACHE_HEADER, len - CACHE_HEADER)) {
		*why = "its checksum does not match";
		return NULL;
	}
	entry_key = (uint64_t)bytes_get_i64(&in);
	if (key && entry_key != *key) {
		*why = in.bad ? in.bad : "it belongs to another file";
		return NULL;
	}
	if (!deps_unchanged(&in, key != NULL) || in.bad) {
		*why = in.bad;
		return NULL;
	}
	n = bytes_get_count(&in);
	fns = xcalloc(n + 1, sizeof(*fns));
	while (i < n && irpack_fn_get(&in, context, &fns[i]))
		i++;
	if (!in.bad && in.p != in.end)
		bytes_fail(&in, BYTES_CUT);
	if (in.bad) {
		*why = in.bad;
		while (i)
			irpack_fn_free(&fns[--i]);
		free(fns);
		return NULL;
	}
	*nfns = n;
	return fns;
}

bool cache_load_packed(const struct cache *c, const char *file, const char *const *args,
		       size_t nargs, bool context, struct irpack_fn **fns, size_t *nfns)
{
	uint64_t key = unit_key(c, file, args, nargs);
	struct irpack_fn *got = NULL;
	const char *why;
	unsigned char *data;
	char *path;
	size_t len = 0;

	if (!c->dir || !(path = entry_path(c, key)))
		return false;
	data = cache_read_file(path, &len, &why);
	if (data)
		got = entry_decode(data, len, &key, context, nfns, &why);
	if (why)
		diag_verbose("not using the cache entry '%s' of '%s': %s", path, file, why);
	free(data);
	free(path);
	*fns = got;
	return got != NULL;
}

/*
 * The functions of packed[0..n), which it frees, unpacked (and so
 * checked); NULL if one does not unpack.
 */
static struct ir_func **open_all(struct irpack_fn *packed, size_t n, const struct rules *rules)
{
	struct ir_func **out = xcalloc(n + 1, sizeof(*out));
	size_t i, k;

	for (i = 0; i < n && (out[i] = irpack_fn_open(&packed[i], rules, NULL)); i++)
		out[i]->context = false;
	for (k = 0; k < n; k++)
		irpack_fn_free(&packed[k]);
	free(packed);
	if (i == n)
		return out;
	while (i)
		ir_func_free(out[--i]);
	free(out);
	return NULL;
}

bool cache_load(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		struct ir_func ***fns, size_t *nfns)
{
	struct irpack_fn *packed;
	size_t n;

	if (!cache_load_packed(c, file, args, nargs, false, &packed, &n))
		return false;
	if (!(*fns = open_all(packed, n, c->rules))) {
		diag_verbose("not using the cache entry of '%s': the IR of a function in it is damaged",
			     file);
		return false;
	}
	*nfns = n;
	return true;
}

struct cache_unit *cache_load_buffer(const struct rules *rules, const void *data, size_t len)
{
	struct irpack_fn *packed;
	struct cache_unit *u;
	const char *why;
	size_t n = 0;

	if (!(packed = entry_decode(data, len, NULL, false, &n, &why)))
		return NULL;
	u = xcalloc(1, sizeof(*u));
	if (!(u->fns = open_all(packed, n, rules))) {
		free(u);
		return NULL;
	}
	u->nfns = n;
	return u;
}

/* Writes n bytes of p to fd; 0 or -1. */
static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Puts the entry b in place at path: a fresh file of our own, renamed over it. */
void cache_write_file(const char *path, const struct bytes_out *b)
{
	char *tmp = NULL;
	int fd, ok;

	if (asprintf(&tmp, "%s.XXXXXX", path) < 0)
		return;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		free(tmp);
		return;
	}
	ok = fchmod(fd, 0600) == 0 && write_all(fd, b->p, b->len) == 0;
	if (close(fd) != 0 || !ok || rename(tmp, path) != 0)
		unlink(tmp);
	free(tmp);
}

void cache_seal_buffer(void *data, size_t len)
{
	unsigned char *d = data;
	struct bytes_in in = { d + CACHE_HEADER, d + len, NULL };
	struct irpack_fn p;
	uint32_t crc;
	size_t n, i;

	if (len < CACHE_HEADER)
		return;
	if (!memcmp(d, CACHE_MAGIC, 4)) {
		/* each function's hash, where irpack_fn_put() put it */
		bytes_get_i64(&in);
		deps_unchanged(&in, false);
		n = bytes_get_count(&in);
		for (i = 0; i < n && irpack_fn_get(&in, false, &p); i++) {
			uint64_t h = irpack_fn_hash_unpacked(&p);

			if (h)
				memcpy(d + (in.p - d) - p.zlen - 32, &h, sizeof(h));
			irpack_fn_free(&p);
		}
	}
	crc = bytes_crc32((unsigned char *)data + CACHE_HEADER, len - CACHE_HEADER);
	memcpy((unsigned char *)data + 4, &crc, sizeof(crc));
}

/* Appends to b the entry of fns with key and the dependencies deps (n of them). */
static void put_entry(struct bytes_out *b, uint64_t key, const struct deps *deps,
		      const struct irpack_fn *fns, size_t nfns)
{
	size_t start = b->len, i;

	bytes_put(b, CACHE_MAGIC, 4);
	bytes_put(b, "\0\0\0\0", 4);     /* the checksum, below */
	bytes_put_i64(b, (int64_t)key);
	bytes_put_i64(b, (int64_t)deps->n);
	if (deps->b.len)
		bytes_put(b, deps->b.p, deps->b.len);
	bytes_put_i64(b, (int64_t)nfns);
	for (i = 0; i < nfns; i++)
		irpack_fn_put(b, &fns[i]);
	cache_seal_buffer(b->p + start, b->len - start);
}

void cache_encode_unit(struct bytes_out *b, const struct irpack_fn *fns, size_t nfns)
{
	struct deps none = { { 0 }, 0 };

	put_entry(b, 0, &none, fns, nfns);
}

bool cache_unit_packed(const struct rules *rules, const void *data, size_t len, bool context,
		       struct irpack_fn **fns, size_t *nfns)
{
	struct irpack_fn *packed;
	const char *why;
	size_t n = 0, i;

	if (!(packed = entry_decode(data, len, NULL, context, &n, &why)))
		return false;
	for (i = 0; i < n; i++) {
		struct ir_func *f = irpack_fn_open(&packed[i], rules, NULL);

		if (!f)
			break;
		ir_func_free(f);
	}
	if (i < n) {
		for (i = 0; i < n; i++)
			irpack_fn_free(&packed[i]);
		free(packed);
		return false;
	}
	*fns = packed;
	*nfns = n;
	return true;
}

void cache_store(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		 CXTranslationUnit tu, const struct irpack_fn *fns, size_t nfns)
{
	uint64_t key = unit_key(c, file, args, nargs);
	struct deps deps = { { 0 }, 0 };
	struct bytes_out b = { 0 };
	char *path;

	if (!c->dir || !(path = entry_path(c, key)))
		return;
	clang_getInclusions(tu, note_inclusion, &deps);
	put_entry(&b, key, &deps, fns, nfns);
	cache_write_file(path, &b);
	free(path);
	free(deps.b.p);
	free(b.p);
}
