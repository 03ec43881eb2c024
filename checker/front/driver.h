/*
 * driver.h - from command-line inputs to analysed translation units.
 *
 * Decides which translation units to analyse and with which compiler
 * arguments (files plus the flags after "--", or entries of
 * BUILD_DIR/compile_commands.json read with jansson), loads the rules,
 * parses each unit with libclang, reports its parse errors, lowers and
 * analyses every function, and prints the findings.  The .leakcheck.yml
 * governing each file (config.h) adds rules, skips database entries, sets
 * analysis options and drops the findings it disables.
 *
 * Parsing and the summaries run on worker.h's threads (large stacks); a
 * unit libclang crashes on is an input error, and the others are still
 * checked.
 *
 * Compile-database arguments are sanitised: the compiler, output and
 * dependency-file flags are dropped, and nothing that loads code
 * (-fplugin=, -fpass-plugin=, -Xclang -load/-plugin) is passed on.  An
 * entry whose arguments name a FIFO or a device (-include /dev/zero) is
 * not parsed, nor is a FILE or entry that is not a regular file: an
 * input error.
 *
 * The language server runs it on one file with the editor's unsaved text
 * (driver_opts.unsaved_text) and a report sink (report_set_sink()).
 */
#ifndef LEAKCHECK_DRIVER_H
#define LEAKCHECK_DRIVER_H

#include <stdbool.h>
#include <stddef.h>

#include "analyse/analyse.h"

/* Exit statuses, documented in README.md and --help. */
enum {
	EXIT_CLEAN = 0,             /* analysed everything, no findings */
	EXIT_FINDINGS = 1,          /* at least one finding */
	EXIT_TROUBLE = 2,           /* usage, rules, compile database or input error */
};

struct driver_opts {
	const char *build_dir;      /* -p: directory of compile_commands.json, or NULL */
	char **files;               /* source files named on the command line */
	size_t nfiles;
	char **extra_args;          /* compiler arguments after "--" */
	size_t nextra;
	bool have_dashdash;         /* "--" was given (even with no arguments) */
	const char *rules_dir;      /* --rules-dir, or NULL for the installed rules */
	char **rule_files;          /* --rules FILE (repeatable): extra rule files */
	size_t nrule_files;
	const char *argv0;          /* to find the rules installed next to the binary */
	bool dump_ir;               /* --dump-ir: print each function's IR to stdout */
	bool dump_summaries;        /* --dump-summaries: print each summary to stdout */
	unsigned jobs;              /* -j: parser threads (each with its own libclang index) */
	const char *cache_dir;      /* --cache-dir, or NULL for the default */
	bool no_cache;              /* --no-cache */
	const char *index_file;     /* --index: the summary index to read, or NULL */
	const char *write_index;    /* --write-index: where to write one, or NULL */
	unsigned shard_k, shard_n;  /* --shard K/N (1 <= K <= N), or 0 */
	const char *emit_ir;        /* --emit-ir DIR: write the shard's bundle there */
	char **from_ir;             /* --from-ir DIR...: read the bundles there */
	size_t nfrom_ir;
	bool cross_file;            /* summaries of external functions cross files
				       (--no-cross-file turns it off) */
	const char *config_file;    /* --config FILE, or NULL: find .leakcheck.yml files */
	bool check_main_given;      /* --check-main was given: it beats check-main */
	const char *unsaved_text;   /* the language server (lsp.h): the text of files[0]
				       as the editor has it, parsed instead of the file
				       (neither read from nor stored in the cache), or NULL */
	size_t unsaved_len;         /* its length in bytes */
	struct analyse_opts analyse;
};

/* Runs the whole check; returns EXIT_CLEAN, EXIT_FINDINGS or EXIT_TROUBLE. */
int driver_run(const struct driver_opts *opts);

#endif
