/*
 * driver_parse.c - parsing and lowering the jobs of a run on worker
 * threads (each with its own libclang index), through the result cache.
 */
#define _GNU_SOURCE

#include "driver_int.h"
#include "base/diag.h"
#include "report/report.h"
#include "base/util.h"
#include "lower/lower.h"
#include "base/worker.h"

#include <clang-c/Index.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
			diag_error_at(*clang_getCString(where) ? clang_getCString(where) : file,
					line, col, "%s", clang_getCString(msg));
			clang_disposeString(where);
			clang_disposeString(msg);
		}
		clang_disposeDiagnostic(d);
	}
	if (errors > MAX_PARSE_ERRORS)
		diag_error_at(file, 0, 0, "too many errors (%u); only the first %d are shown",
				errors, MAX_PARSE_ERRORS);
	return errors;
}

/* Says under --verbose which file is parsed with which arguments. */
static void say_checking(const struct job *j)
{
	char *s = compdb_join_args(j->args, j->nargs);

	if (j->dropped)
		diag_verbose("%s: not passing '%s' to libclang: it loads code", j->file, j->dropped);
	diag_verbose("checking '%s'%s%s", j->file, j->nargs ? " with: " : "", s);
	free(s);
}

/* Whether j is the file the editor gave the unsaved text of (driver_opts.unsaved_text). */
static bool is_unsaved(const struct run *r, const struct job *j)
{
	return r->opts->unsaved_text && r->opts->nfiles == 1 && !j->context &&
	       !strcmp(j->file, r->opts->files[0]);
}

/*
 * Parses the unit of j; NULL (after the errors, j->trouble set) when it
 * cannot be parsed or has errors.
 */
static CXTranslationUnit parse_job(struct run *r, CXIndex index, struct job *j, bool editor)
{
	struct CXUnsavedFile unsaved = { 0 };
	CXTranslationUnit tu;
	enum CXErrorCode rc;
	const char **args;

	/* warnings are not ours to print: -w, and no complaint about gcc-only -W
	   flags; no error limit, so that the errors we forgive (a header full of
	   malloc(dealloc) attributes) do not stop the parse half-way */
	args = xmalloc((j->nargs + 3) * sizeof(*args));
	if (j->nargs)
		memcpy(args, j->args, j->nargs * sizeof(*args));
	args[j->nargs] = "-Wno-unknown-warning-option";
	args[j->nargs + 1] = "-w";
	args[j->nargs + 2] = "-ferror-limit=0";
	unsaved.Filename = j->file;
	unsaved.Contents = r->opts->unsaved_text;
	unsaved.Length = (unsigned long)r->opts->unsaved_len;
	rc = clang_parseTranslationUnit2(index, j->file, args, (int)j->nargs + 3,
					 editor ? &unsaved : NULL, editor ? 1 : 0,
					 CXTranslationUnit_None, &tu);
	free(args);
	if (rc != CXError_Success) {
		/* libclang keeps its diagnostics then; the cause is mostly the arguments */
		if (rc == CXError_Crashed)
			diag_error("libclang crashed on '%s'", j->file);
		else
			diag_error_at(j->file, 0, 0, "libclang could not parse it; are the compiler arguments right?");
		j->trouble = true;
		return NULL;
	}
	if (report_parse_errors(tu, j->file)) {
		diag_verbose("'%s' has errors: not analysed", j->file);
		j->trouble = true;
		clang_disposeTranslationUnit(tu);
		return NULL;
	}
	return tu;
}

/*
 * Takes the functions of j from the cache: packed as the entry holds them
 * (run.packing), else unpacked.  Whether the entry was there and usable.
 */
static bool load_job(struct run *r, struct job *j)
{
	if (r->packing)
		return cache_load_packed(&r->cache, j->file, j->args, j->nargs, j->context,
					 &j->packed, &j->npacked);
	if (!cache_load(&r->cache, j->file, j->args, j->nargs, &j->fns, &j->nfns))
		return false;
	j->capfns = j->nfns;
	return true;
}

/* Stores the functions of j, just lowered from tu, in the cache (packing them now if the run packs). */
static void store_job(struct run *r, struct job *j, CXTranslationUnit tu)
{
	struct irpack_fn *packs;
	size_t k;

	if (!r->cache.dir)
		return;
	if (r->packing) {
		driver_pack_job(j);
		cache_store(&r->cache, j->file, j->args, j->nargs, tu, j->packed, j->npacked);
		return;
	}
	packs = xcalloc(j->nfns + 1, sizeof(*packs));
	for (k = 0; k < j->nfns; k++)
		packs[k] = irpack_fn_encode(j->fns[k], false);
	cache_store(&r->cache, j->file, j->args, j->nargs, tu, packs, j->nfns);
	for (k = 0; k < j->nfns; k++)
		irpack_fn_free(&packs[k]);
	free(packs);
}

/* Parses one translation unit and, if it has no errors, lowers and analyses it. */
static void check_job(struct run *r, CXIndex index, struct job *j)
{
	bool editor = is_unsaved(r, j);
	CXTranslationUnit tu;
	int err;

	if (!editor && (err = compdb_check_readable(j->file))) {
		diag_error("cannot read '%s': %s", j->file, util_strerror(err));
		j->trouble = true;
		return;
	}
	if (j->context) {
		j->cached = load_job(r, j);
		return;
	}
	if (j->entry && j->entry->special) {
		char *special = util_escape(j->entry->special);

		diag_error("not checking '%s': its compile command names '%s', which is not a regular file",
			     j->file, special);
		free(special);
		j->trouble = true;
		return;
	}
	say_checking(j);
	if (!editor && load_job(r, j)) {
		diag_verbose("'%s' is unchanged: its functions come from the cache", j->file);
		j->checked = j->cached = true;
		return;
	}
	if ((tu = parse_job(r, index, j, editor))) {
		lower_tu(tu, &r->rules, collect_function, j);
		if (!editor)
			store_job(r, j, tu);
		j->checked = true;
		clang_disposeTranslationUnit(tu);
	}
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
		diag_capture(capture);
		check_job(r, index, j);
		if (r->packing)
			driver_pack_job(j);
		diag_capture(NULL);
		if (capture)
			fclose(capture);
		pthread_mutex_lock(&p->lock);
		diag_progress(++p->done, r->njobs, j->file);
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
void driver_parse_jobs(struct run *r)
{
	struct pool p = { .r = r, .next = 0, .done = 0 };
	size_t nthreads = r->opts->jobs ? r->opts->jobs : 1;

	if (nthreads > r->njobs)
		nthreads = r->njobs ? r->njobs : 1;
	pthread_mutex_init(&p.lock, NULL);
	worker_run(nthreads, parse_worker, &p);
	pthread_mutex_destroy(&p.lock);
}

void driver_pack_job(struct job *j)
{
	size_t k;

	if (j->packed)
		return;         /* from the cache, or packed to be stored there */
	j->packed = xcalloc(j->nfns + 1, sizeof(*j->packed));
	for (k = 0; k < j->nfns; k++)
		j->packed[j->npacked++] = irpack_fn_make(j->fns[k], j->context || j->fns[k]->header);
	free(j->fns);
	j->fns = NULL;
	j->nfns = j->capfns = 0;
}

void driver_take_jobs(struct run *r)
{
	size_t i, k;

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
		for (k = 0; k < j->npacked; k++) {
			j->packed[k].origin = i;
			irpack_add(&r->pack, &j->packed[k]);
		}
		free(j->packed);
	}
}

bool driver_reload_fn(void *arg, const struct irpack_fn *p, struct irpack_fn *fresh)
{
	struct run *r = arg;
	struct job *j = p->origin < r->njobs ? &r->jobs[p->origin] : NULL;
	struct job again;
	CXTranslationUnit tu;
	CXIndex index;
	bool found = false;
	size_t k;

	if (!j || !j->cached)
		return false;
	diag_verbose("not using the cache entry of '%s': the IR of '%s' in it is damaged; parsing the file again",
		     j->file, p->head.key);
	again = (struct job){ .file = j->file, .args = j->args, .nargs = j->nargs,
			      .entry = j->entry, .context = j->context };
	index = clang_createIndex(0, 0);
	if ((tu = parse_job(r, index, &again, false))) {
		lower_tu(tu, &r->rules, collect_function, &again);
		driver_pack_job(&again);
		cache_store(&r->cache, again.file, again.args, again.nargs, tu, again.packed,
			    again.npacked);
		clang_disposeTranslationUnit(tu);
	}
	clang_disposeIndex(index);
	r->trouble |= again.trouble;
	for (k = 0; k < again.npacked; k++) {
		if (!found && !strcmp(again.packed[k].head.key, p->head.key)) {
			*fresh = again.packed[k];
			found = true;
		} else {
			irpack_fn_free(&again.packed[k]);
		}
	}
	free(again.packed);
	return found;
}
