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
#include "base/worker.h"
#include "lower/lower.h"

#include <clang-c/Index.h>
#include <sanitizer/lsan_interface.h>
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
	/* parse as a run does: on a worker thread with a large stack and libclang's
	   crash recovery able to catch an overflow (worker.h) */
	if (worker_prepare() < 0)
		abort();
	cx_index = clang_createIndex(0, 0);
	atexit(dispose_index);
	return 0;
}

struct input {
	const uint8_t *data;
	size_t size;
};

/* Parses, lowers, analyses and reports one input (a worker_run() job). */
static void *one_input(void *arg)
{
	static const char *const args[] = {
		"-I", LEAKCHECK_FUZZ_INCLUDE_DIR, "-Wno-unknown-warning-option", "-w",
		"-ferror-limit=0",
	};
	const struct input *in = arg;
	struct CXUnsavedFile unsaved;
	struct fnvec fv = { 0 };
	CXTranslationUnit tu;
	enum CXErrorCode err;
	const char *path;

	path = fuzz_write("fuzz.c", in->data, in->size);
	unsaved.Filename = path;
	unsaved.Contents = (const char *)in->data;
	unsaved.Length = (unsigned long)in->size;
	/* a parse that libclang abandons (a crash it recovered from) leaks its
	   allocations; what the parse allocates is libclang's to free, and
	   scripts/test --sanitize checks that we dispose of it */
	__lsan_disable();
	err = clang_parseTranslationUnit2(cx_index, path, args, sizeof(args) / sizeof(args[0]),
					  &unsaved, 1, CXTranslationUnit_None, &tu);
	__lsan_enable();
	if (err != CXError_Success)
		return NULL;    /* (a crash inside libclang is contained, as in a run) */
	if (!has_errors(tu))
		lower_tu(tu, &rules, collect, &fv);
	clang_disposeTranslationUnit(tu);
	fuzz_analyse(fv.v, fv.len, (unsigned)in->size);
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	if (size > MAX_INPUT)
		return 0;
	fuzz_quiet();
	worker_run(1, one_input, &in);
	return 0;
}
