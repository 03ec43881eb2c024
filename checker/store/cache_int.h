/*
 * cache_int.h - what cache.c (keys, the directory, files) and
 * cache_codec.c (an entry's bytes) share.  Not an API: only cache*.c
 * include it.
 *
 * An entry (native byte order; another machine just misses):
 *   bytes 0-3   "LKC3"
 *   bytes 4-7   zlib's crc32 of every byte from 8 on (uint32_t)
 *   then        the key (int64), the dependencies (count, then path,
 *               size, mtime seconds and nanoseconds each), the functions
 *               (count, then each one packed as irpack_fn_put() writes
 *               it: its key, unit, place, header flag, callees, the hash
 *               of its encoding, and that encoding compressed).
 * A function's encoding (cache_put_func()) is its fields, variables,
 * sites and blocks in ir.h's order.  A unit of a sharded run's bundle
 * (cache_encode_unit()) is an entry with a zero key and no dependencies.
 * Integers and strings as bytes.h encodes them.  Rule
 * references are the rule's function name (and an acquire entry's
 * position), looked up again on loading.
 *
 * A warm run takes an entry's functions packed as they are: it checks
 * the checksum, the key, the dependencies and the heads, and leaves each
 * function's encoding to be checked (unpacked, hashed, then every count,
 * index and rule reference, as for a unit) when the function is walked,
 * which a run whose memo answers for it never does; one that fails is
 * taken from a new parse of its file (store/irpack.h, irpack_reload).
 */
#ifndef LEAKCHECK_CACHE_INT_H
#define LEAKCHECK_CACHE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.h"
#include "cache.h"

#define CACHE_MAGIC "LKC3"
#define CACHE_HEADER 8              /* magic and checksum */

#endif
