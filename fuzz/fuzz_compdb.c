/*
 * fuzz_compdb.c - libFuzzer target for the compile-database reader: the
 * input is a compile_commands.json, read as the driver reads one (jansson,
 * then compdb_add_entry() for each entry of the array: command splitting,
 * argument sanitising, paths made absolute), then asked for the entry
 * nearest to a file and for each entry's argument string.
 *
 * The driver's loop (driver.c, db_load) is repeated here because it is
 * static there; keep the two alike.
 */
#include "compdb.h"
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct db db = { 0 };
	json_error_t jerr;
	json_t *root, *je;
	char near[4200];
	size_t i;

	fuzz_quiet();
	root = json_loadb((const char *)data, size, 0, &jerr);
	if (!root || !json_is_array(root)) {
		json_decref(root);
		return 0;
	}
	arena_init(&a);
	db.dir = fuzz_tmpdir();
	db.path = compdb_path_join(&a, db.dir, "compile_commands.json");
	json_array_foreach(root, i, je)
		if (compdb_add_entry(&a, &db, i + 1, je) < 0)
			db.bad = true;
	json_decref(root);
	for (i = 0; i < db.len; i++) {
		char *s = compdb_join_args(db.v[i].args.v, db.v[i].args.len);

		free(s);
		compdb_is_c_source(db.v[i].file);
	}
	snprintf(near, sizeof(near), "%s/src/a.c", db.dir);
	compdb_nearest(&db, near);
	arena_release(&a);
	return 0;
}
