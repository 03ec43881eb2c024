/*
 * fuzz_cache.c - libFuzzer target for the cache loader: the input is the
 * bytes of a cache entry (.lkc file, see cache_codec.c), checksum
 * recomputed so that mutations reach the checks behind it, decoded by
 * cache_load_buffer(); what decodes is analysed and reported
 * (fuzz_analyse), since a run does the same with it.
 * LEAKCHECK_FUZZ_CACHE_LOAD_ONLY=1 in the environment leaves the analysis
 * out (to fuzz the decoder alone).
 */
#include "store/cache.h"
#include "fuzz_common.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static struct rules rules;
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
	load_only = getenv("LEAKCHECK_FUZZ_CACHE_LOAD_ONLY") &&
		    !strcmp(getenv("LEAKCHECK_FUZZ_CACHE_LOAD_ONLY"), "1");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cache_unit *u;
	uint8_t *copy;

	fuzz_quiet();
	copy = malloc(size ? size : 1);
	if (!copy)
		abort();
	memcpy(copy, data, size);
	cache_seal_buffer(copy, size);
	u = cache_load_buffer(&rules, copy, size);
	free(copy);
	if (!u)
		return 0;
	if (!load_only) {
		fuzz_analyse(u->fns, u->nfns, (unsigned)size);
		u->fns = NULL;          /* fuzz_analyse freed them */
		u->nfns = 0;
	}
	cache_unit_free(u);
	return 0;
}
