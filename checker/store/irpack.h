/*
 * irpack.h - the functions of a run kept packed between their lowering and
 * their walk.
 *
 * A run lowers every unit before it walks any function (a caller waits on
 * its callees' summaries, in any file), so all the IR of a database is in
 * memory at once.  As structs that is about three times the bytes of its
 * encoding (store/cache_codec.c), which zlib shrinks several times more;
 * so each function is packed as soon as its unit is lowered (or read from
 * the cache, or from a bundle), and unpacked when the summary walk reaches
 * it (struct body_source, summary/summary.h), to be freed once walked.
 * The strings of unpacked functions, and the resources that guesses make
 * up, go into the pack's pool, once each: summaries point at them, and
 * they live until irpack_release().
 */
#ifndef LEAKCHECK_IRPACK_H
#define LEAKCHECK_IRPACK_H

#include <stdbool.h>
#include <stddef.h>

#include "base/bytes.h"
#include "ir/ir.h"
#include "rules/rules.h"
#include "summary/summary.h"

/* One function, packed. */
struct irpack_fn {
	unsigned char *z;           /* its encoding, compressed (zlib) */
	size_t zlen, len;           /* ... so many bytes, and so many unpacked */
	bool stored;                /* z is the encoding as it is (zlib failed) */
	struct body head;           /* its key, unit and place, in strs */
	char *strs;
	bool context;               /* ir_func.context, set again when unpacked */
	bool header;                /* ir_func.header */
	size_t origin;              /* the pack's user's: where it came from (a job) */
};

/*
 * Packs f, which it frees (irpack_fn_encode(): which it leaves as it is);
 * context: its ir_func.context.  Any thread may call them.
 */
struct irpack_fn irpack_fn_make(struct ir_func *f, bool context);
struct irpack_fn irpack_fn_encode(const struct ir_func *f, bool context);

/*
 * A packed function as a cache entry holds it (store/cache_int.h): its
 * head, its encoding's hash and the compressed bytes as they are, so that
 * a warm run takes it from the entry without unpacking or packing it.
 * irpack_fn_get() checks the head (counts, lengths) but not the
 * compressed bytes: irpack_fn_open() does, when the function is walked.
 * It fails (false, in->bad set) on bytes that are not such a function.
 */
void irpack_fn_put(struct bytes_out *b, const struct irpack_fn *p);
bool irpack_fn_get(struct bytes_in *in, bool context, struct irpack_fn *p);

/*
 * The hash its head should have: of its encoding, once unpacked (0 when
 * it does not unpack).  In an entry, a function's hash is the 8 bytes 32
 * before the end of its compressed bytes (cache_seal_buffer()).
 */
uint64_t irpack_fn_hash_unpacked(const struct irpack_fn *p);

/*
 * The IR of p (free it with ir_func_free()), its strings in pool (NULL:
 * in the function's own arena), or NULL when its bytes do not unpack, or
 * do not hash to what p says, or are not a valid function.
 */
struct ir_func *irpack_fn_open(const struct irpack_fn *p, const struct rules *rules,
			       struct bytes_pool *pool);

/* Frees what irpack_fn_make(), _encode() or _get() made. */
void irpack_fn_free(struct irpack_fn *p);

/*
 * What a run does when a packed function does not unpack (a damaged cache
 * entry that its checksum did not catch): makes *fresh, the function of
 * p's key packed again by other means (parsing its file again), or
 * returns false.
 */
struct irpack_reload {
	bool (*fn)(void *arg, const struct irpack_fn *p, struct irpack_fn *fresh);
	void *arg;
};

struct irpack {
	const struct rules *rules;  /* to resolve rule references when unpacking */
	struct bytes_pool pool;
	struct irpack_fn *fns;
	size_t n, cap;
	struct body *bodies;        /* irpack_source(): the heads, in order */
	size_t unpacked;            /* statistics: bytes unpacked in all */
	struct irpack_reload reload;    /* optional */
};

void irpack_init(struct irpack *k, const struct rules *rules);

/* Appends fn (the pack owns it then). */
void irpack_add(struct irpack *k, struct irpack_fn *fn);

/* The functions of k, in the order added, for summaries_analyse_source(). */
struct body_source irpack_source(struct irpack *k);

/* The bytes its functions take packed. */
size_t irpack_bytes(const struct irpack *k);

/* Frees the pack, its functions and its pool. */
void irpack_release(struct irpack *k);

#endif
