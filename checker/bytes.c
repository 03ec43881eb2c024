/*
 * bytes.c - the binary encoding of the cache and the index (bytes.h).
 */
#include "bytes.h"
#include "util.h"

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
