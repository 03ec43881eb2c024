/*
 * fuzz_baseline.c - libFuzzer target for the baseline reader
 * (baseline_load): the input is a --baseline file.  When it loads, a few
 * fingerprints are taken and the unseen ones counted.
 */
#include "report/baseline.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("baseline.json", data, size);
	struct baseline b;

	fuzz_quiet();
	if (baseline_load(&b, path) == 0) {
		baseline_take(&b, "");
		baseline_take(&b, "0000000000000000");
		baseline_unseen(&b);
	}
	baseline_release(&b);
	return 0;
}
