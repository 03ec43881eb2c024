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

#include "driver.h"
#include "compdb.h"
#include "summary.h"
#include "sumindex.h"
#include "cache.h"
#include "config.h"
#include "arena.h"
#include "ir.h"
#include "lower.h"
#include "report.h"
#include "rules.h"
#include "util.h"
#include "worker.h"

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

/* One translation unit to check. */
struct job {
	const char *file;           /* passed to libclang and used in messages */
	const char *const *args;    /* compiler arguments, without the file */
	size_t nargs;
	const char *dropped;        /* code-loading arguments left out, or NULL */
	const struct db_entry *entry;   /* the database entry it comes from, or NULL */
	/* filled by the worker that parses it, used in job order afterwards */
	char *messages;             /* its errors and remarks (report_capture) */
	size_t messages_len;
	struct ir_func **fns;       /* its functions, in source order */
	size_t nfns, capfns;
	bool trouble;               /* an input error */
	bool checked;               /* parsed without errors and lowered */
	bool cached;                /* ... or taken from the cache */
	bool context;               /* not asked about: only its cached functions'
				       summaries are wanted (never parsed) */
	bool listed;                /* taken from a database with no FILE named:
				       a config's skip applies */
	const struct config *config;    /* the .leakcheck.yml governing it, or NULL */
};

/* Everything one driver_run() owns. */
struct run {
	const struct driver_opts *opts;
	struct arena arena;         /* jobs, databases and their strings */
	struct rules rules;
	struct config_set configs;  /* the .leakcheck.yml files of the inputs */
	struct analyse_opts analyse;    /* opts->analyse, with what the configs set */
	struct job *jobs;
	size_t njobs;
	size_t capjobs;
	struct db **dbs;            /* databases loaded so far (auto-discovery reuses them) */
	size_t ndbs;
	size_t capdbs;
	struct analyse_stats stats;
	struct cache cache;         /* lowered units kept on disk */
	size_t ncached;             /* units taken from it */
	size_t ncontext;            /* other units of the database taken from it for
				       their summaries only */
	struct ir_func **fns;       /* every function lowered, analysed once all are in */
	size_t nfns, capfns;
	size_t nchecked;            /* translation units lowered and analysed */
	size_t nsummaries;          /* functions summarised */
	struct summaries S;         /* every function's summary, and the index's */
	uint64_t rules_id;          /* the rule files' hash, before any config's */
	const char *root;           /* the -p database's source root, or NULL */
	bool trouble;               /* an input error happened: exit with EXIT_TROUBLE */
};

/* Adds a job for file with args; e, if not NULL, is the database entry they come from. */
static void add_job(struct run *r, const char *file, const char *const *args, size_t nargs,
		    const struct db_entry *e)
{
	struct job *j;

	arena_grow(&r->arena, (void **)&r->jobs, &r->capjobs, r->njobs + 1, sizeof(*r->jobs));
	j = &r->jobs[r->njobs++];
	j->file = file;
	j->args = args;
	j->nargs = nargs;
	j->dropped = e ? e->dropped : NULL;
	j->entry = e;
}

/*
 * Loads the compile database at path (once: later calls return the same
 * one).  On any error, reports every problem found and returns a database
 * marked bad.
 */
static struct db *db_get(struct run *r, const char *path)
{
	struct db *db;
	size_t i;

	for (i = 0; i < r->ndbs; i++)
		if (!strcmp(r->dbs[i]->path, path))
			return r->dbs[i];
	db = arena_alloc(&r->arena, sizeof(*db));
	db->path = arena_strdup(&r->arena, path);
	arena_grow(&r->arena, (void **)&r->dbs, &r->capdbs, r->ndbs + 1, sizeof(*r->dbs));
	r->dbs[r->ndbs++] = db;
	report_verbose("reading '%s'", path);
	report_input(path);         /* not to be overwritten by --output */
	if (compdb_read(&r->arena, db) < 0)
		db->bad = true;
	return db;
}

/* Adds a job for each entry of db for the file real (a realpath); returns how many. */
static size_t db_add_jobs(struct run *r, const struct db *db, const char *file, const char *real)
{
	size_t i, n = 0;

	for (i = 0; i < db->len; i++) {
		const struct db_entry *e = &db->v[i];

		if (!strcmp(e->real, real)) {
			add_job(r, file, e->args.v, e->args.len, e);
			n++;
		}
	}
	return n;
}

/* Adds file with the arguments of the nearest entry of db; false if db has none. */
static bool add_nearest(struct run *r, const struct db *db, const char *file, const char *real)
{
	const struct db_entry *e = compdb_nearest(db, real);

	if (!e)
		return false;
	report_verbose("'%s' is not in '%s': using the arguments of '%s'", file, db->path, e->file);
	add_job(r, file, e->args.v, e->args.len, e);
	return true;
}

/*
 * Finds the arguments of file in the first compile_commands.json of its
 * directory or a parent, else uses none.  Returns -1 if the database found
 * is broken.
 */
static int add_discovered(struct run *r, const char *file)
{
	char real[PATH_MAX], dir[PATH_MAX];
	const char *path = NULL;
	const struct db *db;
	char *slash;

	if (!realpath(file, real)) {
		add_job(r, file, NULL, 0, NULL);       /* check_job() says why it cannot be read */
		return 0;
	}
	strcpy(dir, real);
	while (!path && (slash = strrchr(dir, '/'))) {
		const char *candidate;

		*slash = '\0';
		candidate = arena_printf(&r->arena, "%s/compile_commands.json", dir);
		if (access(candidate, F_OK) == 0)
			path = candidate;
	}
	if (!path) {
		report_verbose("no compile_commands.json above '%s': parsing it with no compiler arguments",
			       file);
		add_job(r, file, NULL, 0, NULL);
		return 0;
	}
	db = db_get(r, path);
	if (db->bad)
		return -1;
	if (db_add_jobs(r, db, file, real) == 0 && !add_nearest(r, db, file, real)) {
		report_verbose("'%s' is not in '%s': parsing it with no compiler arguments", file,
			       path);
		add_job(r, file, NULL, 0, NULL);
	}
	return 0;
}

/*
 * With -p and FILEs, the database's other C files: what the result cache
 * holds of them tells what their functions do (summaries), so that a run
 * on one changed file knows the rest of the project.  They are never
 * parsed and give no findings.
 */
static void add_context_jobs(struct run *r, const struct db *db)
{
	size_t i, k, named = r->njobs;

	for (i = 0; i < db->len; i++) {
		const struct db_entry *e = &db->v[i];
		bool asked = false;

		if (!compdb_is_c_source(e->file))
			continue;
		for (k = 0; k < named && !asked; k++)
			asked = r->jobs[k].entry == e;
		if (asked)
			continue;
		add_job(r, e->file, e->args.v, e->args.len, e);
		r->jobs[r->njobs - 1].context = true;
	}
}

/* Decides what to check; returns -1 if a compile database is broken. */
static int collect_jobs(struct run *r)
{
	const struct driver_opts *o = r->opts;
	const struct db *db;
	char real[PATH_MAX];
	size_t i;

	if (!o->build_dir) {
		for (i = 0; i < o->nfiles; i++) {
			if (o->have_dashdash)
				add_job(r, o->files[i], (const char *const *)o->extra_args,
					o->nextra, NULL);
			else if (add_discovered(r, o->files[i]) < 0)
				return -1;
		}
		return 0;
	}

	db = db_get(r, compdb_path_join(&r->arena, o->build_dir, "compile_commands.json"));
	if (db->bad)
		return -1;
	r->root = compdb_source_root(&r->arena, db);
	if (o->nfiles == 0) {
		for (i = 0; i < db->len; i++) {
			if (!compdb_is_c_source(db->v[i].file)) {
				report_verbose("skipping '%s': not a C source", db->v[i].file);
				continue;
			}
			add_job(r, db->v[i].file, db->v[i].args.v, db->v[i].args.len, &db->v[i]);
			r->jobs[r->njobs - 1].listed = true;
		}
		if (r->njobs == 0)
			report_notice("no C files in the compile database '%s'", db->path);
	}
	for (i = 0; i < o->nfiles; i++) {
		const char *file = o->files[i];

		if (!realpath(file, real)) {
			report_error("cannot read '%s': %s", file, strerror(errno));
			r->trouble = true;
		} else if (db_add_jobs(r, db, file, real) == 0 && !add_nearest(r, db, file, real)) {
			report_error("'%s' is not in the compile database", file);
			r->trouble = true;
		}
	}
	add_context_jobs(r, db);
	return 0;
}

/* Orders jobs by file, then arguments, so that identical jobs are adjacent. */
static int job_cmp(const void *pa, const void *pb)
{
	const struct job *a = pa, *b = pb;
	size_t i;
	int c;

	if ((c = strcmp(a->file, b->file)))
		return c;
	for (i = 0; i < a->nargs && i < b->nargs; i++)
		if ((c = strcmp(a->args[i], b->args[i])))
			return c;
	return (a->nargs > b->nargs) - (a->nargs < b->nargs);
}

/* Sorts the jobs and drops duplicates (a file named twice, identical database entries). */
static void sort_jobs(struct run *r)
{
	size_t i, n = 0;

	if (r->njobs == 0)
		return;
	qsort(r->jobs, r->njobs, sizeof(*r->jobs), job_cmp);
	for (i = 1; i < r->njobs; i++)
		if (job_cmp(&r->jobs[n], &r->jobs[i]) != 0)
			r->jobs[++n] = r->jobs[i];
	r->njobs = n + 1;
}

/* Finds the rules installed with the binary: BINDIR/rules, then BINDIR/../share/leakcheck/rules. */
static const char *find_rules_dir(struct run *r)
{
	const char *argv0 = r->opts->argv0;
	char exe[PATH_MAX];
	const char *here, *installed;

	if (!realpath("/proc/self/exe", exe) &&
	    !(argv0 && strchr(argv0, '/') && realpath(argv0, exe))) {
		report_error("cannot find the rules: the location of leakcheck is unknown; use --rules-dir");
		return NULL;
	}
	*strrchr(exe, '/') = '\0';
	here = arena_printf(&r->arena, "%s/rules", exe);
	if (compdb_is_dir(here))
		return here;
	installed = arena_printf(&r->arena, "%s/../share/leakcheck/rules", exe);
	if (compdb_is_dir(installed))
		return installed;
	report_error("cannot find the rules in '%s' or '%s'; use --rules-dir", here, installed);
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
	report_verbose("loading rules from '%s'", dir);
	if (rules_load_dir(&r->rules, dir) < 0)
		status = -1;
	for (i = 0; i < r->opts->nrule_files; i++)
		if (rules_load_file(&r->rules, r->opts->rule_files[i]) < 0)
			status = -1;
	return status;
}

/*
 * Sets *value from the setting of c (-1: not set, then dflt) and checks
 * that every job's config agrees with the first; key names the setting.
 * Returns -1 after reporting a disagreement.
 */
static int agree(const struct config *c, int setting, int dflt, const char *key,
		 const char *const words[2], const struct config **first, int *value)
{
	int v = setting < 0 ? dflt : setting;
	const char *here = c ? c->path : "(no config)";

	if (!*first && *value < 0) {
		*first = c;
		*value = v;
		return 0;
	}
	if (v == *value)
		return 0;
	report_error("the configs of this run disagree on '%s': %s in '%s', %s in '%s'; check their files in separate runs",
		     key, words[*value], *first ? (*first)->path : "(no config)", words[v], here);
	return -1;
}

/*
 * Drops the database entries a config skips, and sets the run's
 * analysis options from the configs (the command line wins).  Returns -1
 * after reporting that configs disagree on an option of the whole run.
 */
static int apply_job_configs(struct run *r)
{
	static const char *const callees[] = { "escape", "borrow" };
	static const char *const bools[] = { "false", "true" };
	const struct config *first_borrow = NULL, *first_main = NULL;
	int borrow = -1, check_main = -1;
	size_t i, n = 0;

	for (i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		const struct config *c = j->config;

		if (c && j->listed && j->entry && config_skips(c, j->entry->real)) {
			report_verbose("skipping '%s': '%s' says so", j->file, c->path);
			continue;
		}
		r->jobs[n++] = *j;
		if (j->context)
			continue;
		if (agree(c, c ? c->borrow_unknown : -1, 0, "unknown-callees", callees,
			  &first_borrow, &borrow) < 0)
			return -1;
		if (!r->opts->check_main_given &&
		    agree(c, c ? c->check_main : -1, 0, "check-main", bools, &first_main,
			  &check_main) < 0)
			return -1;
	}
	r->njobs = n;
	r->analyse.borrow_unknown = borrow > 0;
	if (!r->opts->check_main_given)
		r->analyse.check_main = check_main > 0;
	return 0;
}

/*
 * Finds the config of every job (or takes --config), loads their rules
 * into the run's, and applies them to the jobs.  Returns -1 after
 * reporting any error: nothing is parsed then.
 */
static int load_configs(struct run *r)
{
	int status = 0;
	size_t i;

	if (r->opts->config_file && config_set_force(&r->configs, r->opts->config_file) < 0)
		return -1;
	for (i = 0; i < r->njobs; i++)
		if (!r->jobs[i].context &&
		    config_find(&r->configs, r->jobs[i].file, &r->jobs[i].config) < 0)
			status = -1;
	if (status < 0 || config_set_apply(&r->configs, &r->rules) < 0)
		return -1;
	return apply_job_configs(r);
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

/* Called by lower_tu() for every function: the job keeps it. */
static void collect_function(struct ir_func *f, void *arg)
{
	struct job *j = arg;

	if (j->nfns == j->capfns) {
		j->capfns = j->capfns ? j->capfns * 2 : 64;
		j->fns = xrealloc(j->fns, j->capfns * sizeof(*j->fns));
	}
	j->fns[j->nfns++] = f;
}

/*
 * Analyses every function kept, callees first, so that each call uses
 * what the callee's body showed (its summary), in any file of the run.
 */
static void analyse_all(struct run *r)
{
	struct analyse_opts opts = r->analyse;
	size_t i;

	r->S.dump = r->opts->dump_summaries;
	opts.summaries = &r->S;
	summaries_analyse_all(&r->S, (const struct ir_func *const *)r->fns, r->nfns, &opts,
			      &r->stats);
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
			report_error("the configs of this run disagree on 'index': '%s' and '%s'; check their files in separate runs",
				     from, p);
			return -1;
		}
		from = p;
	}
	if (from && access(from, F_OK) != 0) {
		report_warning("not using the index '%s' named by the config: %s", from,
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

/* Errors of one file printed before the rest are only counted (clang's -ferror-limit). */
#define MAX_PARSE_ERRORS 20

/*
 * Reports the error (or fatal) diagnostics of tu, except GCC's
 * malloc(dealloc) attribute that clang rejects and drops
 * (lower_attr_dropped()): the first MAX_PARSE_ERRORS, then one line with
 * how many there were.  Returns how many there were.
 */
static unsigned report_parse_errors(CXTranslationUnit tu, const char *file)
{
	unsigned i, n = clang_getNumDiagnostics(tu), errors = 0;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error && !lower_attr_dropped(d) &&
		    ++errors <= MAX_PARSE_ERRORS) {
			CXString msg = clang_getDiagnosticSpelling(d);
			CXString where;
			unsigned line, col;

			clang_getPresumedLocation(clang_getDiagnosticLocation(d), &where, &line, &col);
			report_error_at(*clang_getCString(where) ? clang_getCString(where) : file,
					line, col, "%s", clang_getCString(msg));
			clang_disposeString(where);
			clang_disposeString(msg);
		}
		clang_disposeDiagnostic(d);
	}
	if (errors > MAX_PARSE_ERRORS)
		report_error_at(file, 0, 0, "too many errors (%u); only the first %d are shown",
				errors, MAX_PARSE_ERRORS);
	return errors;
}

/* Says under --verbose which file is parsed with which arguments. */
static void say_checking(const struct job *j)
{
	char *s = compdb_join_args(j->args, j->nargs);

	if (j->dropped)
		report_verbose("%s: not passing '%s' to libclang: it loads code", j->file, j->dropped);
	report_verbose("checking '%s'%s%s", j->file, j->nargs ? " with: " : "", s);
	free(s);
}

/* Parses one translation unit and, if it has no errors, lowers and analyses it. */
static void check_job(struct run *r, CXIndex index, struct job *j)
{
	CXTranslationUnit tu;
	enum CXErrorCode rc;
	const char **args;
	int err;

	if ((err = compdb_check_readable(j->file))) {
		report_error("cannot read '%s': %s", j->file, util_strerror(err));
		j->trouble = true;
		return;
	}
	if (j->context) {
		if (cache_load(&r->cache, j->file, j->args, j->nargs, &j->fns, &j->nfns)) {
			j->capfns = j->nfns;
			j->cached = true;
		}
		return;
	}
	if (j->entry && j->entry->special) {
		char *special = util_escape(j->entry->special);

		report_error("not checking '%s': its compile command names '%s', which is not a regular file",
			     j->file, special);
		free(special);
		j->trouble = true;
		return;
	}
	say_checking(j);
	if (cache_load(&r->cache, j->file, j->args, j->nargs, &j->fns, &j->nfns)) {
		report_verbose("'%s' is unchanged: its functions come from the cache", j->file);
		j->capfns = j->nfns;
		j->checked = j->cached = true;
		return;
	}
	/* warnings are not ours to print: -w, and no complaint about gcc-only -W
	   flags; no error limit, so that the errors we forgive (a header full of
	   malloc(dealloc) attributes) do not stop the parse half-way */
	args = xmalloc((j->nargs + 3) * sizeof(*args));
	if (j->nargs)
		memcpy(args, j->args, j->nargs * sizeof(*args));
	args[j->nargs] = "-Wno-unknown-warning-option";
	args[j->nargs + 1] = "-w";
	args[j->nargs + 2] = "-ferror-limit=0";
	rc = clang_parseTranslationUnit2(index, j->file, args, (int)j->nargs + 3, NULL, 0,
					 CXTranslationUnit_None, &tu);
	free(args);
	if (rc != CXError_Success) {
		/* libclang keeps its diagnostics then; the cause is mostly the arguments */
		if (rc == CXError_Crashed)
			report_error("libclang crashed on '%s'", j->file);
		else
			report_error_at(j->file, 0, 0, "libclang could not parse it; are the compiler arguments right?");
		j->trouble = true;
		return;
	}
	if (report_parse_errors(tu, j->file)) {
		report_verbose("'%s' has errors: not analysed", j->file);
		j->trouble = true;
	} else {
		lower_tu(tu, &r->rules, collect_function, j);
		cache_store(&r->cache, j->file, j->args, j->nargs, tu, j->fns, j->nfns);
		j->checked = true;
	}
	clang_disposeTranslationUnit(tu);
}

/* Parser threads take jobs in turn; each has its own libclang index. */
struct pool {
	struct run *r;
	pthread_mutex_t lock;
	size_t next;                /* next job to take */
	size_t done;                /* jobs finished */
};

static void *parse_worker(void *arg)
{
	struct pool *p = arg;
	struct run *r = p->r;
	CXIndex index = clang_createIndex(0, 0);

	for (;;) {
		struct job *j;
		FILE *capture;
		size_t i;

		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= r->njobs)
			break;
		j = &r->jobs[i];
		capture = open_memstream(&j->messages, &j->messages_len);
		report_capture(capture);
		check_job(r, index, j);
		report_capture(NULL);
		if (capture)
			fclose(capture);
		pthread_mutex_lock(&p->lock);
		report_progress(++p->done, r->njobs, j->file);
		pthread_mutex_unlock(&p->lock);
	}
	clang_disposeIndex(index);
	return NULL;
}

/*
 * Parses and lowers every job on up to opts->jobs threads, then takes
 * their messages and functions in job order, so that the output does not
 * depend on the number of threads or on which finished first.
 */
static void parse_all(struct run *r)
{
	struct pool p = { .r = r, .next = 0, .done = 0 };
	size_t nthreads = r->opts->jobs ? r->opts->jobs : 1, i, k;

	if (nthreads > r->njobs)
		nthreads = r->njobs ? r->njobs : 1;
	pthread_mutex_init(&p.lock, NULL);
	worker_run(nthreads, parse_worker, &p);
	pthread_mutex_destroy(&p.lock);

	for (i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];

		if (j->messages_len)
			fwrite(j->messages, 1, j->messages_len, stderr);
		free(j->messages);
		r->trouble |= j->trouble;
		r->nchecked += j->checked;
		r->ncached += j->cached && !j->context;
		r->ncontext += j->context && j->cached;
		for (k = 0; k < j->nfns; k++) {
			j->fns[k]->context = j->context || j->fns[k]->header;
			if (r->opts->dump_ir && !j->context)
				ir_dump(j->fns[k], stdout);
			if (r->nfns == r->capfns) {
				r->capfns = r->capfns ? r->capfns * 2 : 256;
				r->fns = xrealloc(r->fns, r->capfns * sizeof(*r->fns));
			}
			r->fns[r->nfns++] = j->fns[k];
		}
		free(j->fns);
	}
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
	config_set_init(&r.configs);
	r.analyse = opts->analyse;
	summaries_init(&r.S, opts->cross_file);
	if (worker_prepare() < 0 || load_rules(&r) < 0)
		goto release_run;
	r.rules_id = cache_rules_hash(&r.rules);
	if (collect_jobs(&r) < 0 || load_configs(&r) < 0 || use_index(&r) < 0 ||
	    cache_init(&r.cache, opts->no_cache ? NULL :
		       opts->cache_dir ? opts->cache_dir : cache_default_dir(), !opts->cache_dir,
		       &r.rules) < 0)
		goto release_run;
	sort_jobs(&r);
	for (i = 0; i < r.njobs; i++)
		report_input(r.jobs[i].file);
	if (report_check_outputs() < 0)
		goto release_run;

	parse_all(&r);
	report_set_filter(keep_finding, &r);
	worker_run(1, analyse_worker, &r);
	report_set_filter(NULL, NULL);

	printed = report_flush();
	report_verbose("%zu files (%zu from the cache, %zu more for their summaries), %zu functions, %zu summaries, %zu states, %zu budgets exhausted",
		       r.nchecked, r.ncached, r.ncontext, r.stats.functions, r.nsummaries,
		       r.stats.states, r.stats.exhausted);
	status = r.trouble ? EXIT_TROUBLE : printed ? EXIT_FINDINGS : EXIT_CLEAN;
release_run:
	summaries_release(&r.S);
	config_set_release(&r.configs);
	rules_release(&r.rules);
	arena_release(&r.arena);
	return status;
}
