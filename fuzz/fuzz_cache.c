/*
 * fuzz_cache.c - libFuzzer target for the cache loader: the input is a
 * cache entry (.lkc file, see cache.c), put where cache_load() looks for
 * the unit "fuzz.c" compiled without arguments, then loaded; what loads
 * is analysed and reported (fuzz_analyse), since a run does the same
 * with it.  LEAKCHECK_FUZZ_CACHE_LOAD_ONLY=1 in the environment leaves the
 * analysis out (to fuzz the loader alone while the analysis of some
 * malformed entry it accepts is a known crash).
 *
 * Bytes 4..11 of an entry are its key, a hash of the executable, the
 * rules and the unit: the target writes the key cache_load() expects
 * there, so that seeds made by another build (scripts/fuzz makes them
 * with leakcheck --cache-dir) and mutated inputs are not all misses.  The
 * key is computed as cache.c's unit_key() does; keep the two alike.
 * TODO(lead): switch to cache_load_buffer() once it is in cache.h, and
 * drop the temporary file and the key computation.
 */
#include "cache.h"
#include "fuzz_common.h"
#include "util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct rules rules;
static struct cache cache;
static char entry[4200];        /* the file name cache_load() opens */
static uint64_t key;
static bool load_only;          /* LEAKCHECK_FUZZ_CACHE_LOAD_ONLY=1 */

static void release_rules(void)
{
	rules_release(&rules);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_load_rules(&rules);
	atexit(release_rules);
	if (cache_init(&cache, fuzz_tmpdir(), &rules) < 0)
		abort();
	key = util_hash(cache.salt, "fuzz.c", strlen("fuzz.c") + 1);
	snprintf(entry, sizeof(entry), "%016llx.lkc", (unsigned long long)key);
	load_only = getenv("LEAKCHECK_FUZZ_CACHE_LOAD_ONLY") &&
		    !strcmp(getenv("LEAKCHECK_FUZZ_CACHE_LOAD_ONLY"), "1");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ir_func **fns = NULL;
	size_t nfns = 0, i;
	uint8_t *copy;

	fuzz_quiet();
	copy = malloc(size ? size : 1);
	if (!copy)
		abort();
	memcpy(copy, data, size);
	if (size >= 12)
		memcpy(copy + 4, &key, sizeof(key));
	fuzz_write(entry, copy, size);
	free(copy);
	if (!cache_load(&cache, "fuzz.c", NULL, 0, &fns, &nfns))
		return 0;
	if (!load_only) {
		fuzz_analyse(fns, nfns, (unsigned)size);
		return 0;
	}
	for (i = 0; i < nfns; i++)
		ir_func_free(fns[i]);
	free(fns);
	return 0;
}
