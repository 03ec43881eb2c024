/*
 * fuzz_compdb.c - libFuzzer target for the compile-database reader: the
 * input is a compile_commands.json, written to a file and read as the
 * driver reads one (compdb_read(): size cap, byte-order mark, jansson,
 * then compdb_add_entry() for each entry: command splitting, argument
 * sanitising, paths made absolute), then asked for the entry nearest to a
 * file and for each entry's argument string.
 */
#include "front/compdb.h"
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct db db = { 0 };
	char near[4200];
	size_t i;

	fuzz_quiet();
	arena_init(&a);
	db.path = fuzz_write("compile_commands.json", data, size);
	if (compdb_read(&a, &db) < 0)
		db.bad = true;
	for (i = 0; i < db.len; i++) {
		char *s = compdb_join_args(db.v[i].args.v, db.v[i].args.len);

		free(s);
		compdb_is_c_source(db.v[i].file);
	}
	if (db.dir) {
		snprintf(near, sizeof(near), "%s/src/a.c", db.dir);
		compdb_nearest(&db, near);
	}
	arena_release(&a);
	return 0;
}
