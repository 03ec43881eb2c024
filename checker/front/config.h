/*
 * config.h - project configuration files (.leakcheck.yml); see docs/config.md.
 *
 * A source file is governed by the nearest .leakcheck.yml in its
 * directory or a parent (like .clang-tidy; the search stops at the
 * filesystem root), or by the one file given with --config.  Configs do
 * not inherit from each other: the nearest one is all there is.
 *
 *   rules: [extra.yml]            # rule files, relative to the config's directory
 *   disable: [leakcheck-overwrite, heap, leakcheck-*-guessed]
 *   enable: [leakcheck-leak-guessed]     # re-enables after disable
 *   noreturn: [die, fatal]
 *   skip: [vendor/zlib.c]         # database entries not analysed
 *   check-main: true
 *   unknown-callees: borrow       # or escape (the default)
 *   index: build/leakcheck.idx    # a summary index (sumindex.h), relative to the config
 *
 * Each file is loaded whole with libyaml (yamlnode.h: a regular file of
 * at most CONFIG_MAX_FILE_SIZE bytes, nesting at most 64 levels); unknown
 * keys, wrong types and bad values are reported as
 * "FILE:LINE:COL: error: MESSAGE" through the report module, every
 * problem of a file in one go, quoting at most a short escaped excerpt of
 * what was written.
 *
 * A config's directory is the one that holds it as found (or as named by
 * --config), even when the file is a symbolic link.  Its rules files must
 * be inside that directory, by their text and once symbolic links are
 * followed; a discovered .leakcheck.yml that is a symbolic link must lead
 * into its own directory, and one that cannot be followed (a loop, a
 * missing target) is an error, not a missing config.
 *
 * Does not handle: inheritance between configs, "**" in skip globs,
 * per-file rules (rules and noreturn entries join the whole run's rules).
 *
 * Everything lives in the set's arena and is freed by config_set_release().
 */
#ifndef LEAKCHECK_CONFIG_H
#define LEAKCHECK_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "rules/rules.h"
#include "base/util.h"

/* The name of the file searched for. */
#define CONFIG_FILE_NAME ".leakcheck.yml"

/* The largest config file read (a bigger one is an error). */
#define CONFIG_MAX_FILE_SIZE ((size_t)1 << 20)

/* One string of a list, and where it was written (for later errors). */
struct config_item {
	const char *text;           /* as written */
	unsigned line;              /* 1-based position in the config file */
	unsigned col;
};

/* A list of strings: rules, disable, enable, noreturn or skip. */
struct config_list {
	struct config_item *v;
	size_t len;
	size_t cap;
};

/* One loaded .leakcheck.yml. */
struct config {
	const char *path;           /* the file, as found or given; used in messages */
	const char *dir;            /* the directory holding path (realpath); a
				       symbolic link path is not followed for it */
	struct config_list rules;   /* rule files, relative to dir or absolute */
	struct config_list disable; /* flags (leakcheck-...; globs) or resource ids */
	struct config_list enable;  /* same, applied after disable */
	struct config_list noreturn; /* function names */
	struct config_list skip;    /* fnmatch globs relative to dir */
	int check_main;             /* check-main: 1 true, 0 false, -1 not given */
	int borrow_unknown;         /* unknown-callees: 1 borrow, 0 escape, -1 not given */
	struct config_item index;   /* index: the summary index as written, or text NULL */
};

/* Every config of a run: discovered ones by directory, or the forced one. */
struct config_set {
	struct arena arena;         /* owns the configs and their strings */
	struct strmap by_dir;       /* realpath of a directory -> struct config *, or
				       &config_none (a sentinel) when none governs it */
	struct strmap by_path;      /* dir/name of a config file -> struct config *, or
				       a sentinel when it failed to load */
	struct config *forced;      /* --config FILE, or NULL: discover */
	struct config **v;          /* every config loaded, in load order */
	size_t len;
	size_t cap;
};

/* Initialises an empty set in place. */
void config_set_init(struct config_set *cs);

/* Frees every config of the set. */
void config_set_release(struct config_set *cs);

/*
 * Loads path (--config) as the config of every file.  Returns 0, or -1
 * after reporting its errors.
 */
int config_set_force(struct config_set *cs, const char *path);

/*
 * Sets *out to the config governing file (the forced one, else the
 * nearest .leakcheck.yml above it), or NULL when there is none or file
 * does not exist.  Each config is read once.  Returns 0, or -1 when the
 * config found is broken (its errors are reported on first reading).
 */
int config_find(struct config_set *cs, const char *file, const struct config **out);

/*
 * Loads the rule files and noreturn entries of every config read so far
 * into r (each rule file once), then checks the names in disable and
 * enable against the flags and r's resources.  Call it once, after the
 * configs of all inputs are found.  Returns 0, or -1 after reporting
 * every error.
 */
int config_set_apply(struct config_set *cs, struct rules *r);

/* The summary index c names (its key "index", relative to its directory), or NULL. */
const char *config_index(struct config_set *cs, const struct config *c);

/* Whether c's skip globs match the file whose realpath is real. */
bool config_skips(const struct config *c, const char *real);

/*
 * Whether a finding with flag ("leakcheck-leak-guessed") about the
 * resource id resource (or NULL) is reported under c: not when disable
 * names it, unless enable names it too.
 */
bool config_reports(const struct config *c, const char *flag, const char *resource);

#endif
