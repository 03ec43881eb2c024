/*
 * fuzz_rules.c - libFuzzer target for the rules reader (rules_load_file):
 * the input is a rules file.  When it loads, every entry's string
 * condition is also tested against a few literals.
 */
#include "fuzz_common.h"
#include "rules/rules.h"

static void test_conds(const struct rules *r)
{
	static const char *const texts[] = { "BEGIN", "  begin transaction", "ROLLBACK TO x", "", NULL };
	size_t i, k;

	for (i = 0; i < r->fns.cap; i++) {
		const struct rule_fn *fn = r->fns.slots[i].value;
		const struct rule_acquire *acq;
		const struct rule_release *rel;

		if (!r->fns.slots[i].key)
			continue;
		for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
			for (acq = fn->acquire; acq; acq = acq->next)
				if (acq->when)
					rules_strcond_holds(acq->when, texts[k]);
			for (rel = fn->release; rel; rel = rel->next)
				if (rel->when)
					rules_strcond_holds(rel->when, texts[k]);
		}
		rules_lookup(r, fn->name);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("rules.yml", data, size);
	struct rules r;

	fuzz_quiet();
	rules_init(&r);
	if (rules_load_file(&r, path) == 0)
		test_conds(&r);
	rules_release(&r);
	return 0;
}
