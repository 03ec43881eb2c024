/*
 * fuzz_lower.c - libFuzzer target for the lowering of C source: the input
 * is a C file, given to libclang as the unsaved file fuzz.c (also written
 * to disk, where the report reads its NOLINT comments), parsed as the
 * driver parses, lowered when it has no errors, and analysed and reported
 * (fuzz_analyse) -- so that crashes of the analysis are found too.
 *
 * <stdlib.h>, <stdio.h>, <string.h> and a few other headers come from
 * fuzz/include/ (LEAKCHECK_FUZZ_INCLUDE_DIR), a small stand-in for glibc's
 * that parses much faster; the other headers are the system's.  Inputs
 * over MAX_INPUT bytes are ignored; scripts/fuzz also sets libFuzzer's
 * -max_len and -timeout.
 */
#include "fuzz_common.h"
#include "lower.h"

#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_INPUT 65536

static struct rules rules;
static CXIndex cx_index;

/* What collect() gathers: the functions lower_tu() makes. */
struct fnvec {
	struct ir_func **v;
	size_t len;
	size_t cap;
};

static void collect(struct ir_func *f, void *arg)
{
	struct fnvec *fv = arg;

	if (fv->len == fv->cap) {
		fv->cap = fv->cap ? fv->cap * 2 : 16;
		fv->v = realloc(fv->v, fv->cap * sizeof(*fv->v));
		if (!fv->v)
			abort();
	}
	fv->v[fv->len++] = f;
}

/* Whether tu has an error the driver would not forgive (driver.c, report_parse_errors). */
static bool has_errors(CXTranslationUnit tu)
{
	unsigned i, n = clang_getNumDiagnostics(tu);
	bool errors = false;

	for (i = 0; i < n && !errors; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		errors = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error && !lower_attr_dropped(d);
		clang_disposeDiagnostic(d);
	}
	return errors;
}

static void dispose_index(void)
{
	clang_disposeIndex(cx_index);
	rules_release(&rules);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_load_rules(&rules);
	cx_index = clang_createIndex(0, 0);
	atexit(dispose_index);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const args[] = {
		"-I", LEAKCHECK_FUZZ_INCLUDE_DIR, "-Wno-unknown-warning-option", "-w",
		"-ferror-limit=0",
	};
	struct CXUnsavedFile unsaved;
	struct fnvec fv = { 0 };
	CXTranslationUnit tu;
	const char *path;

	if (size > MAX_INPUT)
		return 0;
	fuzz_quiet();
	path = fuzz_write("fuzz.c", data, size);
	unsaved.Filename = path;
	unsaved.Contents = (const char *)data;
	unsaved.Length = (unsigned long)size;
	if (clang_parseTranslationUnit2(cx_index, path, args, sizeof(args) / sizeof(args[0]),
					&unsaved, 1, CXTranslationUnit_None, &tu) != CXError_Success)
		return 0;
	if (!has_errors(tu))
		lower_tu(tu, &rules, collect, &fv);
	clang_disposeTranslationUnit(tu);
	fuzz_analyse(fv.v, fv.len, (unsigned)size);
	return 0;
}
