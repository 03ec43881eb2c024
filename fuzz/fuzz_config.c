/*
 * fuzz_config.c - libFuzzer target for the configuration reader: the
 * input is a .leakcheck.yml, loaded with config_set_force() and applied
 * to a small rule set (config_set_apply), then asked which findings it
 * reports and which files it skips.  Rule files it names are loaded only
 * when they are in the temporary directory (the config itself, say):
 * anything else on this machine is not the fuzzer's to read.
 */
#include "front/config.h"
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char base_rules[] =
	"resources:\n"
	"  - id: heap\n"
	"    acquired: allocated\n"
	"    released: freed\n"
	"    held: allocated\n"
	"    acquire: [malloc, { call: realloc, transfer: 1 }]\n"
	"    release: [{ call: free, arg: 1 }]\n"
	"noreturn: [exit]\n";

/* Drops the rule files of c that are not in the temporary directory. */
static void keep_local_rules(struct config *c)
{
	const char *dir = fuzz_tmpdir();
	size_t n = strlen(dir), i, k = 0;

	for (i = 0; i < c->rules.len; i++) {
		const char *t = c->rules.v[i].text;

		if (!strncmp(t, dir, n) && t[n] == '/' && !strchr(t + n + 1, '/'))
			c->rules.v[k++] = c->rules.v[i];
	}
	c->rules.len = k;
}

static void query(const struct config *c)
{
	static const char *const flags[] = { "leakcheck-leak", "leakcheck-leak-guessed",
					     "leakcheck-overwrite", "leakcheck-discarded" };
	char path[4200];
	size_t i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		config_reports(c, flags[i], "heap");
		config_reports(c, flags[i], NULL);
	}
	snprintf(path, sizeof(path), "%s/vendor/z.c", c->dir);
	config_skips(c, path);
	config_skips(c, "/");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char rules_path[4200];
	struct config_set cs;
	struct rules r;
	const char *path;

	fuzz_quiet();
	if (!rules_path[0]) {
		path = fuzz_write("base-rules.yml", (const uint8_t *)base_rules, strlen(base_rules));
		snprintf(rules_path, sizeof(rules_path), "%s", path);
	}
	path = fuzz_write(CONFIG_FILE_NAME, data, size);
	rules_init(&r);
	config_set_init(&cs);
	if (rules_load_file(&r, rules_path) < 0)
		abort();
	if (config_set_force(&cs, path) == 0) {
		keep_local_rules(cs.forced);
		config_set_apply(&cs, &r);
		query(cs.forced);
	}
	config_set_release(&cs);
	rules_release(&r);
	return 0;
}
