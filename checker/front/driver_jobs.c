/*
 * driver_jobs.c - which translation units a run checks, with which
 * compiler arguments and configs (see driver.c for where the arguments
 * come from).
 */
#define _GNU_SOURCE

#include "driver_int.h"
#include "base/diag.h"
#include "report/report.h"
#include "base/util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Adds a job for file with args; e, if not NULL, is the database entry they come from. */
void driver_add_job(struct run *r, const char *file, const char *const *args, size_t nargs,
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
struct db *driver_db_get(struct run *r, const char *path)
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
	diag_verbose("reading '%s'", path);
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
			driver_add_job(r, file, e->args.v, e->args.len, e);
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
	diag_verbose("'%s' is not in '%s': using the arguments of '%s'", file, db->path, e->file);
	driver_add_job(r, file, e->args.v, e->args.len, e);
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
		driver_add_job(r, file, NULL, 0, NULL);       /* check_job() says why it cannot be read */
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
		diag_verbose("no compile_commands.json above '%s': parsing it with no compiler arguments",
			       file);
		driver_add_job(r, file, NULL, 0, NULL);
		return 0;
	}
	db = driver_db_get(r, path);
	if (db->bad)
		return -1;
	if (db_add_jobs(r, db, file, real) == 0 && !add_nearest(r, db, file, real)) {
		diag_verbose("'%s' is not in '%s': parsing it with no compiler arguments", file,
			       path);
		driver_add_job(r, file, NULL, 0, NULL);
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
		driver_add_job(r, e->file, e->args.v, e->args.len, e);
		r->jobs[r->njobs - 1].context = true;
	}
}

/* Decides what to check; returns -1 if a compile database is broken. */
int driver_collect_jobs(struct run *r)
{
	const struct driver_opts *o = r->opts;
	const struct db *db;
	char real[PATH_MAX];
	size_t i;

	if (!o->build_dir) {
		for (i = 0; i < o->nfiles; i++) {
			if (o->have_dashdash)
				driver_add_job(r, o->files[i], (const char *const *)o->extra_args,
					o->nextra, NULL);
			else if (add_discovered(r, o->files[i]) < 0)
				return -1;
		}
		return 0;
	}

	db = driver_db_get(r, compdb_path_join(&r->arena, o->build_dir, "compile_commands.json"));
	if (db->bad)
		return -1;
	r->root = compdb_source_root(&r->arena, db);
	if (o->nfiles == 0) {
		for (i = 0; i < db->len; i++) {
			if (!compdb_is_c_source(db->v[i].file)) {
				diag_verbose("skipping '%s': not a C source", db->v[i].file);
				continue;
			}
			driver_add_job(r, db->v[i].file, db->v[i].args.v, db->v[i].args.len, &db->v[i]);
			r->jobs[r->njobs - 1].listed = true;
		}
		if (r->njobs == 0)
			diag_notice("no C files in the compile database '%s'", db->path);
	}
	for (i = 0; i < o->nfiles; i++) {
		const char *file = o->files[i];

		if (!realpath(file, real)) {
			diag_error("cannot read '%s': %s", file, strerror(errno));
			r->trouble = true;
		} else if (db_add_jobs(r, db, file, real) == 0 && !add_nearest(r, db, file, real)) {
			diag_error("'%s' is not in the compile database", file);
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
void driver_sort_jobs(struct run *r)
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
	diag_error("the configs of this run disagree on '%s': %s in '%s', %s in '%s'; check their files in separate runs",
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
			diag_verbose("skipping '%s': '%s' says so", j->file, c->path);
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
int driver_load_configs(struct run *r)
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
