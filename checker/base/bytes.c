/*
 * bytes.c - the binary encoding of the cache and the index (bytes.h).
 */
#define _GNU_SOURCE                 /* asprintf, mkostemp */
#include "bytes.h"
#include "diag.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <limits.h>
#include <string.h>
#include <zlib.h>

const char *const BYTES_CUT = "it is cut short or has bytes left over";
const char *const BYTES_RANGE = "a count, index or kind in it is out of range";

void bytes_put(struct bytes_out *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

void bytes_put_i64(struct bytes_out *b, int64_t v)
{
	bytes_put(b, &v, sizeof(v));
}

void bytes_put_str(struct bytes_out *b, const char *s)
{
	int64_t n = s ? (int64_t)strlen(s) : -1;

	bytes_put_i64(b, n);
	if (s)
		bytes_put(b, s, (size_t)n);
}

uint32_t bytes_crc32(const unsigned char *p, size_t n)
{
	uLong crc = crc32(0L, Z_NULL, 0);

	while (n) {
		uInt k = n > (1u << 30) ? 1u << 30 : (uInt)n;

		crc = crc32(crc, p, k);
		p += k;
		n -= k;
	}
	return (uint32_t)crc;
}

void bytes_fail(struct bytes_in *r, const char *why)
{
	if (!r->bad)
		r->bad = why;
}

int64_t bytes_get_i64(struct bytes_in *r)
{
	int64_t v;

	if (r->bad)
		return 0;
	if ((size_t)(r->end - r->p) < sizeof(v)) {
		bytes_fail(r, BYTES_CUT);
		return 0;
	}
	memcpy(&v, r->p, sizeof(v));
	r->p += sizeof(v);
	return v;
}

int64_t bytes_get_range(struct bytes_in *r, int64_t lo, int64_t hi)
{
	int64_t v = bytes_get_i64(r);

	if (v < lo || v > hi) {
		bytes_fail(r, BYTES_RANGE);
		return lo;
	}
	return v;
}

int bytes_get_int(struct bytes_in *r)
{
	return (int)bytes_get_range(r, INT_MIN, INT_MAX);
}

bool bytes_get_bool(struct bytes_in *r)
{
	return bytes_get_range(r, 0, 1) != 0;
}

size_t bytes_get_count(struct bytes_in *r)
{
	int64_t n = bytes_get_i64(r);

	if (n < 0 || (uint64_t)n > (size_t)(r->end - r->p) / 8) {
		bytes_fail(r, BYTES_CUT);
		return 0;
	}
	return (size_t)n;
}

const char *bytes_get_str(struct bytes_in *r, struct arena *a)
{
	int64_t n = bytes_get_i64(r);
	const char *s;

	if (r->bad || n == -1)
		return NULL;
	if (n < 0 || (uint64_t)n > (size_t)(r->end - r->p)) {
		bytes_fail(r, BYTES_CUT);
		return NULL;
	}
	s = arena_strndup(a, (const char *)r->p, (size_t)n);
	r->p += n;
	return s;
}

const char *bytes_get_name(struct bytes_in *r, struct arena *a)
{
	const char *s = bytes_get_str(r, a);

	if (!s)
		bytes_fail(r, BYTES_CUT);
	return s;
}

void bytes_pool_init(struct bytes_pool *p)
{
	arena_init(&p->arena);
	strmap_init(&p->map);
}

void bytes_pool_release(struct bytes_pool *p)
{
	strmap_release(&p->map);
	arena_release(&p->arena);
}

const char *bytes_get_pooled(struct bytes_in *r, struct bytes_pool *p)
{
	char small[256], *key;
	const char *kept;
	int64_t n = bytes_get_i64(r);

	if (r->bad || n == -1)
		return NULL;
	if (n < 0 || (uint64_t)n > (size_t)(r->end - r->p)) {
		bytes_fail(r, BYTES_CUT);
		return NULL;
	}
	key = (size_t)n < sizeof(small) ? small : xmalloc((size_t)n + 1);
	memcpy(key, r->p, (size_t)n);
	key[n] = '\0';
	r->p += n;
	if (!(kept = strmap_get(&p->map, key))) {
		kept = arena_strndup(&p->arena, key, (size_t)n);
		strmap_put(&p->map, kept, (void *)kept);
	}
	if (key != small)
		free(key);
	return kept;
}

int bytes_write_gz(const char *path, const struct bytes_out *b, const char *what)
{
	char *tmp = NULL;
	const unsigned char *p = b->p;
	size_t left = b->len;
	gzFile g;
	int fd, ok;

	if (asprintf(&tmp, "%s.XXXXXX", path) < 0)
		return -1;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		diag_error("cannot write the %s '%s': %s", what, path, strerror(errno));
		free(tmp);
		return -1;
	}
	g = fchmod(fd, 0644) == 0 ? gzdopen(fd, "wb6") : NULL;
	ok = g != NULL;
	if (!g)
		close(fd);
	while (ok && left) {
		unsigned k = left > (1u << 30) ? 1u << 30 : (unsigned)left;

		ok = gzwrite(g, p, k) == (int)k;
		p += k;
		left -= k;
	}
	if (g && gzclose(g) != Z_OK)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		diag_error("cannot write the %s '%s': %s", what, path,
			     errno ? strerror(errno) : "write error");
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}


int bytes_read_gz(const char *path, unsigned char **data, size_t *len, const char *what)
{
	size_t cap = 1 << 16;
	struct stat st;
	gzFile g;
	int fd, k;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_error("cannot read the %s '%s': %s", what, path,
			     fd < 0 ? strerror(errno) : "not a regular file");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!(g = gzdopen(fd, "rb"))) {
		close(fd);
		diag_error("cannot read the %s '%s': out of memory", what, path);
		return -1;
	}
	*data = xmalloc(cap);
	*len = 0;
	while ((k = gzread(g, *data + *len, (unsigned)(cap - *len))) > 0) {
		*len += (size_t)k;
		if (*len == cap && cap < BYTES_MAX_FILE + 1) {
			cap *= 2;
			*data = xrealloc(*data, cap);
		} else if (*len == cap) {
			break;
		}
	}
	if (k < 0 || *len > BYTES_MAX_FILE) {
		int e;
		const char *why = k < 0 ? gzerror(g, &e) : "it is larger than 1 GiB uncompressed";

		diag_error("the %s '%s' is damaged: %s", what, path, why);
		gzclose(g);
		free(*data);
		return -1;
	}
	gzclose(g);
	return 0;
}

