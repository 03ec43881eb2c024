/*
 * fuzz_common.h - what every libFuzzer target of fuzz/ shares.
 *
 * Each target (fuzz_NAME.c) defines LLVMFuzzerTestOneInput() and feeds
 * the input to one reader of checker/.  Readers that only take a path get
 * the bytes through a file in a per-process temporary directory, made on
 * first use and removed at exit.  Errors the readers report about bad
 * input go to /dev/null: a bad input is expected, a crash, a sanitizer
 * report or a leak is the finding.
 *
 * fuzz_analyse() runs the analysis and the report on what a reader made,
 * so that what the readers accept is also proved safe to analyse.
 *
 * Not handled: several threads (the targets run one input at a time).
 */
#ifndef LEAKCHECK_FUZZ_COMMON_H
#define LEAKCHECK_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"
#include "rules/rules.h"

/*
 * The temporary directory of this process (absolute, no trailing '/'),
 * made on the first call; it and the files fuzz_write() put in it are
 * removed at exit.  Aborts when it cannot be made.
 */
const char *fuzz_tmpdir(void);

/*
 * Writes size bytes of data to the file name (no '/') of fuzz_tmpdir(),
 * replacing it.  Returns its path, in a static buffer that the next call
 * overwrites; aborts when the file cannot be written.
 */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

/*
 * Analyses the n functions fns as a run does (summaries, callees first;
 * --check-main and --explain on, so that every path of the analysis and
 * of the report is taken), then prints the findings to /dev/null in the
 * format chosen by pick % 3 (text, JSON, SARIF).  Frees the functions and
 * the array (fns may be NULL when n is 0).
 */
void fuzz_analyse(struct ir_func **fns, size_t n, unsigned pick);

/*
 * Loads the rules of the source tree's rules/ into r (rules_init'ed
 * here); aborts when they do not load.  Release with rules_release().
 */
void fuzz_load_rules(struct rules *r);

/* Sends the report module's error and verbose lines of this thread to /dev/null. */
void fuzz_quiet(void);

#endif
