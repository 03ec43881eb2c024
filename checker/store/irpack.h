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
};

/* Packs f, which it frees; context: its ir_func.context.  Any thread may call it. */
struct irpack_fn irpack_fn_make(struct ir_func *f, bool context);

/* Frees what irpack_fn_make() made. */
void irpack_fn_free(struct irpack_fn *p);

struct irpack {
	const struct rules *rules;  /* to resolve rule references when unpacking */
	struct bytes_pool pool;
	struct irpack_fn *fns;
	size_t n, cap;
	struct body *bodies;        /* irpack_source(): the heads, in order */
	size_t unpacked;            /* statistics: bytes unpacked in all */
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
