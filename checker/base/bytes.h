/*
 * bytes.h - the binary encoding shared by the result cache (cache_codec.c)
 * and the summary index (sumindex_codec.c): integers are int64 in native
 * byte order, strings a length (-1: NULL) and their bytes.
 *
 * Writing appends to a growing buffer.  Reading never trusts the bytes:
 * every read checks what is left, a bad value marks the reader failed
 * (the first reason stays) and later reads return harmless values, so a
 * decoder reads on and tests the reason once at the end.
 */
#ifndef LEAKCHECK_BYTES_H
#define LEAKCHECK_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "util.h"

/* A growing byte buffer (free p when done). */
struct bytes_out {
	unsigned char *p;
	size_t len, cap;
};

void bytes_put(struct bytes_out *b, const void *p, size_t n);
void bytes_put_i64(struct bytes_out *b, int64_t v);
void bytes_put_str(struct bytes_out *b, const char *s);

/* zlib's crc32 of n bytes, of any size. */
uint32_t bytes_crc32(const unsigned char *p, size_t n);

/* The reasons a reader fails for. */
extern const char *const BYTES_CUT;     /* cut short, or bytes left over */
extern const char *const BYTES_RANGE;   /* a count, index or kind out of range */

struct bytes_in {
	const unsigned char *p, *end;
	const char *bad;            /* why the bytes are unusable, or NULL */
};

/* Marks the reader failed (the first reason stays). */
void bytes_fail(struct bytes_in *r, const char *why);

int64_t bytes_get_i64(struct bytes_in *r);

/* An integer in [lo, hi]; lo (always a harmless value) if it is not. */
int64_t bytes_get_range(struct bytes_in *r, int64_t lo, int64_t hi);

int bytes_get_int(struct bytes_in *r);
bool bytes_get_bool(struct bytes_in *r);

/* A count of things of at least 8 bytes each: a corrupt one must not make us allocate the moon. */
size_t bytes_get_count(struct bytes_in *r);

/* A string (NULL for -1), copied into a. */
const char *bytes_get_str(struct bytes_in *r, struct arena *a);

/* A string that must be there. */
const char *bytes_get_name(struct bytes_in *r, struct arena *a);

/*
 * Strings read for a whole run, each distinct one kept once (the file
 * names of a function's locations, its callees' names): what is decoded
 * into a pool outlives the structure it was decoded with.
 */
struct bytes_pool {
	struct arena arena;
	struct strmap map;          /* string -> itself */
};
void bytes_pool_init(struct bytes_pool *p);
void bytes_pool_release(struct bytes_pool *p);

/* bytes_get_str(), the string kept in p. */
const char *bytes_get_pooled(struct bytes_in *r, struct bytes_pool *p);

/* The largest file bytes_read_gz() reads, uncompressed. */
#define BYTES_MAX_FILE ((size_t)1 << 30)

/*
 * Writes b, gzip-compressed, to a fresh file beside path (mode 0644) and
 * renames it over path.  what names the file in the error ("index").
 * Returns -1 after one error line.
 */
int bytes_write_gz(const char *path, const struct bytes_out *b, const char *what);

/*
 * Reads the regular file path whole (gzip-compressed or not) into *data
 * (free it), at most BYTES_MAX_FILE bytes; never opens a FIFO for long.
 * Returns -1 after one error line naming it as what.
 */
int bytes_read_gz(const char *path, unsigned char **data, size_t *len, const char *what);

#endif
