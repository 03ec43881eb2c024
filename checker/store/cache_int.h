/*
 * cache_int.h - what cache.c (keys, the directory, files) and
 * cache_codec.c (an entry's bytes) share.  Not an API: only cache*.c
 * include it.
 *
 * An entry (native byte order; another machine just misses):
 *   bytes 0-3   "LKC2"
 *   bytes 4-7   zlib's crc32 of every byte from 8 on (uint32_t)
 *   then        the key (int64), the dependencies (count, then path,
 *               size, mtime seconds and nanoseconds each), the functions
 *               (count, then each function's fields, variables, sites
 *               and blocks in ir.h's order).
 * Integers and strings as bytes.h encodes them.  Rule
 * references are the rule's function name (and an acquire entry's
 * position), looked up again on loading.
 */
#ifndef LEAKCHECK_CACHE_INT_H
#define LEAKCHECK_CACHE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.h"
#include "cache.h"

#define CACHE_MAGIC "LKC2"
#define CACHE_HEADER 8              /* magic and checksum */

/* Appends the count of fns and each function's IR to b. */
void cache_put_funcs(struct bytes_out *b, struct ir_func *const *fns, size_t nfns);

/*
 * Decodes an entry of len bytes.  With key non-NULL, the entry must have
 * that key and its dependencies must be unchanged on disk; with NULL,
 * neither is looked at.  Returns the unit (free it with
 * cache_unit_free()), or NULL and *why: the reason the entry is unusable
 * (a static string), or NULL for an ordinary miss (a dependency changed).
 */
struct cache_unit *cache_decode(const unsigned char *data, size_t len, const struct rules *rules,
				const uint64_t *key, const char **why);

#endif
