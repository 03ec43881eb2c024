/*
 * cache.h - results of lowering a translation unit, kept on disk so that
 * an unchanged unit is not parsed again.
 *
 * An entry holds the event IR of every function of one unit.  Its key is
 * a hash of leakcheck's version and executable (size, time, inode: a
 * rebuilt leakcheck may lower differently), the rules, the arguments and
 * the file's path; it is valid while the main file and every file it
 * included keep the size and modification time recorded when it was
 * written (as ccache's direct mode does).  Units with parse errors are
 * never stored.  Entries are written to a fresh temporary file (mkstemp,
 * mode 0600) and renamed, so parallel workers and runs never see half an
 * entry.
 *
 * The cache trusts nothing it reads: a directory that belongs to another
 * user, or that others may write to without the sticky bit, is not used
 * (one warning); an entry that is not a regular file of ours, or that
 * others may write to, is ignored; an entry's checksum (zlib's crc32) and
 * every count, index and rule reference in it are checked, and anything
 * wrong is a miss (the file is parsed again; a note under --verbose),
 * never a crash and never different findings.
 *
 * What it does not handle: eviction (delete the directory to empty it);
 * headers that a compiler would find in a different place after a new
 * file appears earlier on the include path (the same limit as ccache's
 * direct mode); an attacker who is the same user (they could run
 * anything anyway).
 */
#ifndef LEAKCHECK_CACHE_H
#define LEAKCHECK_CACHE_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"
#include "rules/rules.h"

struct irpack_fn;

struct cache {
	const char *dir;            /* the directory, or NULL: disabled */
	uint64_t salt;              /* version and rules */
	const struct rules *rules;  /* to resolve rule references when loading */
};

/*
 * A hash of what the rules say (every function's entries, not where
 * they were read from): the cache's key and the summary index's check.
 */
uint64_t cache_rules_hash(const struct rules *rules);

/*
 * Sets up the cache in dir (NULL disables it).  dir is created (mode
 * 0700) if missing; with parents, so are its missing parents (the default
 * directory), else its parent must exist (a directory the user named).
 * A directory that is not ours, or that others may write to and is not
 * sticky, leaves the cache disabled after a warning.  Returns -1 with one
 * error line if dir cannot be made; dir must outlive c.
 */
int cache_init(struct cache *c, const char *dir, bool parents, const struct rules *rules);

/*
 * Looks for the unit file compiled with args.  On a hit, *fns receives
 * its functions (the caller owns them: ir_func_free() each, free() the
 * array) and it returns true.  Every function is unpacked and checked.
 */
bool cache_load(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		struct ir_func ***fns, size_t *nfns);

/*
 * The same, its functions packed as the entry holds them (their encodings
 * checked only when unpacked: cache_int.h), each one's context set to
 * context or its header flag.  The caller owns them: irpack_fn_free()
 * each, free() the array.
 */
bool cache_load_packed(const struct cache *c, const char *file, const char *const *args,
		       size_t nargs, bool context, struct irpack_fn **fns, size_t *nfns);

/* Stores the functions of tu (parsed from file with args), packed, best effort. */
void cache_store(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		 CXTranslationUnit tu, const struct irpack_fn *fns, size_t nfns);

/* The default directory: $XDG_CACHE_HOME/leakcheck or ~/.cache/leakcheck, or NULL. */
const char *cache_default_dir(void);

/* The functions of one unit, as read back from an entry. */
struct cache_unit {
	struct ir_func **fns;       /* nfns functions, each freed by ir_func_free() */
	size_t nfns;
};

/*
 * Decodes the bytes of an entry file, data[0..len), as cache_load() does
 * once it has read them (every function unpacked), but without looking at
 * the entry's key or at its dependencies on disk (a unit of a bundle,
 * cache_encode_unit(), is such an entry): checks the checksum, then every
 * function's head, then unpacks each and checks every count, index,
 * kind and rule reference against what was read before it and against
 * rules (NULL: no rules, so an entry that names one is refused), so that
 * no later pass (summaries, analysis, --dump-ir, report) can go out of
 * range on the result.  Safe on any bytes (for the fuzz target and tests).
 * Returns the unit, or NULL if the bytes are not a valid entry.  The
 * caller owns the unit: free it with cache_unit_free().
 */
struct cache_unit *cache_load_buffer(const struct rules *rules, const void *data, size_t len);

/*
 * Appends to b an entry holding fns, with no key and no dependencies, that
 * cache_load_buffer() reads back (a sharded run's bundle holds one per unit).
 */
struct bytes_out;
struct bytes_pool;
void cache_encode_unit(struct bytes_out *b, const struct irpack_fn *fns, size_t nfns);

/*
 * Reads such a unit back packed, every function checked as
 * cache_load_buffer() does (unpacked, then let go): its functions (as
 * cache_load_packed() gives them) and true, or false if the bytes are not
 * a valid unit.
 */
bool cache_unit_packed(const struct rules *rules, const void *data, size_t len, bool context,
		       struct irpack_fn **fns, size_t *nfns);

/*
 * A file of the cache directory (an entry, a memo file: memo.h), read only
 * when it is a regular file of ours that no one else may write, and not
 * larger than an entry may be: its bytes (free them) and *len, or NULL
 * and *why (NULL: there is none).  Written through a fresh file of ours
 * (0600) renamed over it.
 */
unsigned char *cache_read_file(const char *path, size_t *len, const char **why);
void cache_write_file(const char *path, const struct bytes_out *b);

/*
 * One function's IR alone, as an entry holds it (no header, no checksum):
 * for a run that keeps its functions packed until it walks them
 * (store/irpack.h).  cache_get_func() puts every string, and the
 * resources guesses make up, into pool, so that they outlive the function;
 * it returns NULL when the bytes are not such a function.
 */
void cache_put_func(struct bytes_out *b, const struct ir_func *f);
struct ir_func *cache_get_func(const unsigned char *p, size_t len, const struct rules *rules,
			       struct bytes_pool *pool);


/* Frees u, its functions and its array; NULL is fine. */
void cache_unit_free(struct cache_unit *u);

/*
 * Recomputes the checksum of the entry data[0..len) in place, and the hash
 * of every function whose bytes unpack, so that bytes changed on purpose
 * (tests, fuzzing) get past them to the other checks.  Fewer bytes than
 * the header: does nothing.
 */
void cache_seal_buffer(void *data, size_t len);

#endif
