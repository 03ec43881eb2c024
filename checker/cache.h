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
 * never stored.  Entries are written to a temporary file and renamed, so
 * parallel workers and runs never see half an entry.
 *
 * What it does not handle: eviction (delete the directory to empty it);
 * headers that a compiler would find in a different place after a new
 * file appears earlier on the include path (the same limit as ccache's
 * direct mode).
 */
#ifndef LEAKCHECK_CACHE_H
#define LEAKCHECK_CACHE_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"
#include "rules.h"

struct cache {
	const char *dir;            /* the directory, or NULL: disabled */
	uint64_t salt;              /* version and rules */
	const struct rules *rules;  /* to resolve rule references when loading */
};

/*
 * Sets up the cache in dir (created if missing; NULL disables it).
 * Returns -1 with one error line if dir cannot be made.
 */
int cache_init(struct cache *c, const char *dir, const struct rules *rules);

/*
 * Looks for the unit file compiled with args.  On a hit, *fns receives
 * its functions (the caller owns them: ir_func_free() each, free() the
 * array) and it returns true.
 */
bool cache_load(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		struct ir_func ***fns, size_t *nfns);

/* Stores the functions of tu (parsed from file with args), best effort. */
void cache_store(const struct cache *c, const char *file, const char *const *args, size_t nargs,
		 CXTranslationUnit tu, struct ir_func *const *fns, size_t nfns);

/* The default directory: $XDG_CACHE_HOME/leakcheck or ~/.cache/leakcheck, or NULL. */
const char *cache_default_dir(void);

#endif
