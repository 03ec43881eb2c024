/*
 * driver.c - from command-line inputs to analysed translation units; see driver.h.
 *
 * Where the compiler arguments of a file come from:
 *
 *   FILE... -- ARGS   each FILE is parsed with ARGS, exactly as given.
 *   -p DIR            DIR/compile_commands.json: with no FILE, every entry;
 *                     with FILEs, the entries whose directory + file is the
 *                     same file (compared by realpath).  A FILE that no entry
 *                     names is an error.
 *   FILE... alone     like clang-tidy: the first compile_commands.json in the
 *                     file's directory or a parent gives its entries; a file
 *                     with no database, or not in the one found, is parsed
 *                     with no arguments (said under --verbose).
 *
 * Database arguments are sanitised (db_sanitise()).  libclang resolves
 * relative paths against our working directory, not the entry's
 * "directory", so the file and the path arguments of include options are
 * made absolute against that directory; we never chdir.  Response files
 * (@FILE) are not expanded.
 *
 * Errors in the configuration (rules, a compile database) stop the run
 * before anything is parsed.  Errors in an input (a file that cannot be
 * read, is not in the database, or does not compile) are reported, the
 * other inputs are still checked, and the exit status is EXIT_TROUBLE.
 */
#define _GNU_SOURCE

#include "driver_int.h"
#include "compdb.h"
#include "summary/summary.h"
#include "store/sumindex.h"
#include "store/memo.h"
#include "store/cache.h"
#include "config.h"
#include "base/arena.h"
#include "ir/ir.h"
#include "lower/lower.h"
#include "base/diag.h"
#include "report/report.h"
#include "rules/rules.h"
#include "base/util.h"
#include "base/worker.h"

#include <clang-c/Index.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Finds the rules installed with the binary: BINDIR/rules, then BINDIR/../share/leakcheck/rules. */
static const char *find_rules_dir(struct run *r)
{
	const char *argv0 = r->opts->argv0;
	char exe[PATH_MAX];
	const char *here, *installed;

	if (!realpath("/proc/self/exe", exe) &&
	    !(argv0 && strchr(argv0, '/') && realpath(argv0, exe))) {
		diag_error("cannot find the rules: the location of leakcheck is unknown; use --rules-dir");
		return NULL;
	}
	*strrchr(exe, '/') = '\0';
	here = arena_printf(&r->arena, "%s/rules", exe);
	if (compdb_is_dir(here))
		return here;
	installed = arena_printf(&r->arena, "%s/../share/leakcheck/rules", exe);
	if (compdb_is_dir(installed))
		return installed;
	diag_error("cannot find the rules in '%s' or '%s'; use --rules-dir", here, installed);
	return NULL;
}

/* Loads the rules directory and every --rules file; returns -1 after reporting any error. */
static int load_rules(struct run *r)
{
	const char *dir = r->opts->rules_dir;
	int status = 0;
	size_t i;

	if (!dir && !(dir = find_rules_dir(r)))
		return -1;
	diag_verbose("loading rules from '%s'", dir);
	if (rules_load_dir(&r->rules, dir) < 0)
		status = -1;
	for (i = 0; i < r->opts->nrule_files; i++)
		if (rules_load_file(&r->rules, r->opts->rule_files[i]) < 0)
			status = -1;
	return status;
}

/* The report filter: whether the config of file reports the finding. */
static bool keep_finding(void *arg, const char *file, const char *flag, const char *resource)
{
	struct run *r = arg;
	const struct config *c;

	if (config_find(&r->configs, file, &c) < 0) {
		r->trouble = true;      /* a header's broken config, found late */
		return true;
	}
	return !c || config_reports(c, flag, resource);
}

/*
 * Analyses every function kept, callees first, so that each call uses
 * what the callee's body showed (its summary), in any file of the run.
 */
static void analyse_all(struct run *r)
{
	struct analyse_opts opts = r->analyse;
	struct memo *memo = NULL;
	struct summary_memo hooks;
	size_t i;

	r->S.dump = r->opts->dump_summaries;
	opts.summaries = &r->S;
	if (!opts.explain && !r->opts->dump_summaries && !r->opts->dump_ir)
		memo = memo_open(r->cache.dir, r->cache.salt, &r->rules, &r->S, &opts);
	hooks = memo_hooks(memo);
	if (r->packing) {
		struct body_source src = irpack_source(&r->pack);

		summaries_analyse_source(&r->S, &src, &opts, memo ? &hooks : NULL, &r->stats);
		diag_verbose("%zu functions kept packed in %zu KiB, %zu KiB unpacked",
			     r->pack.n, irpack_bytes(&r->pack) >> 10, r->pack.unpacked >> 10);
	} else {
		summaries_analyse_all(&r->S, (const struct ir_func *const *)r->fns, r->nfns, &opts,
				      memo ? &hooks : NULL, &r->stats);
	}
	memo_close(memo);
	r->nsummaries = r->S.computed;
	if (r->opts->write_index &&
	    sumindex_write(r->opts->write_index, &r->S, r->rules_id, r->root) < 0)
		r->trouble = true;
	for (i = 0; i < r->nfns; i++)
		ir_func_free(r->fns[i]);
	free(r->fns);
}

/*
 * Reads the summary index of the run, if any: --index, or with -p and
 * FILEs the one the configs of the FILEs name (they must agree; one that
 * is missing is skipped with a warning, as a developer may not have
 * fetched it).  It replaces the cache as the source of what the other
 * files' functions do, so their jobs go.  Returns -1 after an error line.
 */
static int use_index(struct run *r)
{
	const struct driver_opts *o = r->opts;
	const char *path = o->index_file, *p, *from = NULL;
	size_t i, n = 0;

	for (i = 0; i < r->njobs && !path && o->build_dir && o->nfiles && !o->write_index; i++) {
		if (r->jobs[i].context || !(p = config_index(&r->configs, r->jobs[i].config)))
			continue;
		if (from && strcmp(from, p)) {
			diag_error("the configs of this run disagree on 'index': '%s' and '%s'; check their files in separate runs",
				     from, p);
			return -1;
		}
		from = p;
	}
	if (from && access(from, F_OK) != 0) {
		diag_warning("not using the index '%s' named by the config: %s", from,
			       strerror(errno));
		from = NULL;
	}
	if (!path && !(path = from))
		return 0;
	for (i = 0; i < r->njobs; i++)
		if (!r->jobs[i].context)
			r->jobs[n++] = r->jobs[i];
	r->njobs = n;
	return sumindex_load(path, &r->S, &r->rules, r->rules_id, r->root) < 0 ? -1 : 0;
}

/*
 * analyse_all() on a thread with the parsers' large stack: ordering the
 * functions callees first recurses as deep as the longest call chain.
 */
static void *analyse_worker(void *arg)
{
	analyse_all(arg);
	return NULL;
}

int driver_run(const struct driver_opts *opts)
{
	struct run r = { .opts = opts };
	size_t printed, i;
	int status = EXIT_TROUBLE;

	arena_init(&r.arena);
	rules_init(&r.rules);
	irpack_init(&r.pack, &r.rules);
	r.pack.reload = (struct irpack_reload){ driver_reload_fn, &r };
	config_set_init(&r.configs);
	r.analyse = opts->analyse;
	summaries_init(&r.S, opts->cross_file);
	if (worker_prepare() < 0 || load_rules(&r) < 0)
		goto release_run;
	r.rules_id = cache_rules_hash(&r.rules);
	r.packing = !opts->dump_ir;
	if (opts->nfrom_ir) {
		if (driver_read_bundles(&r) < 0)
			goto release_run;
	} else if (driver_collect_jobs(&r) < 0 || driver_load_configs(&r) < 0 ||
		   use_index(&r) < 0 ||
		   cache_init(&r.cache, opts->no_cache ? NULL :
			      opts->cache_dir ? opts->cache_dir : cache_default_dir(),
			      !opts->cache_dir, &r.rules) < 0) {
		goto release_run;
	} else {
		driver_sort_jobs(&r);
	}
	if (opts->emit_ir) {
		status = driver_emit_shard(&r);
		goto release_run;
	}
	for (i = 0; i < r.njobs; i++)
		report_input(r.jobs[i].file);
	if (report_check_outputs() < 0)
		goto release_run;

	if (!opts->nfrom_ir)
		driver_parse_jobs(&r);
	driver_take_jobs(&r);
	report_set_filter(keep_finding, &r);
	worker_run(1, analyse_worker, &r);
	report_set_filter(NULL, NULL);

	printed = report_flush();
	diag_verbose("%zu files (%zu from the cache, %zu more for their summaries), %zu functions, %zu summaries, %zu states, %zu budgets exhausted",
		       r.nchecked, r.ncached, r.ncontext, r.stats.functions, r.nsummaries,
		       r.stats.states, r.stats.exhausted);
	status = r.trouble ? EXIT_TROUBLE : printed ? EXIT_FINDINGS : EXIT_CLEAN;
release_run:
	summaries_release(&r.S);
	irpack_release(&r.pack);     /* after S: summaries point at its strings */
	config_set_release(&r.configs);
	rules_release(&r.rules);
	arena_release(&r.arena);
	return status;
}
