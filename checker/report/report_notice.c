/*
 * report_notice.c - what the analysis says besides findings: the
 * functions not fully analysed (counted for the summary line, and kept
 * as warnings of the run, base/diag.h, for SARIF), and the --explain
 * remarks (worded by report.c), kept to be printed after the findings;
 * see report.h.  Parser threads report at the same time, so keeping them
 * takes a lock.
 */
#define _GNU_SOURCE

#include "report.h"
#include "base/arena.h"
#include "base/diag.h"
#include "report_int.h"
#include "base/util.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What each reason of report_incomplete() is called, in the summary line and in SARIF. */
static const struct {
	const char *name;           /* in "N functions not fully analysed (N NAME, ...)" */
	const char *why;            /* in "'f' is not fully analysed: WHY" */
} reasons[INCOMPLETE_NREASONS] = {
	[INCOMPLETE_BUDGET] = { "budget", "its budget of states (--budget) ran out" },
	[INCOMPLETE_SETJMP] = { "setjmp", "it calls setjmp() or vfork(), which are not followed" },
	[INCOMPLETE_COMPUTED_GOTO] = { "computed goto", "it uses a computed goto, which is not followed" },
	[INCOMPLETE_TOO_LARGE] = { "too large", "its states would take more memory than the bound of one function" },
	[INCOMPLETE_NESTING] = { "nesting", "it nests too deep to be followed" },
};

static struct {
	pthread_mutex_t lock;       /* guards everything below */
	struct arena arena;         /* owns the remarks and their texts */
	size_t incomplete[INCOMPLETE_NREASONS];     /* functions, by reason */
	struct remark {
		const char *file;
		unsigned line, col;
		const char *text;
	} *remarks;                 /* --explain */
	size_t nremarks, capremarks;
} notes = { .lock = PTHREAD_MUTEX_INITIALIZER };

void report_notices_release(void)
{
	diag_release();
	pthread_mutex_lock(&notes.lock);
	arena_release(&notes.arena);
	memset(notes.incomplete, 0, sizeof(notes.incomplete));
	notes.remarks = NULL;
	notes.nremarks = notes.capremarks = 0;
	pthread_mutex_unlock(&notes.lock);
}

void report_keep_remark(const char *file, unsigned line, unsigned col, const char *text)
{
	struct remark *r;

	pthread_mutex_lock(&notes.lock);
	arena_grow(&notes.arena, (void **)&notes.remarks, &notes.capremarks, notes.nremarks + 1,
		   sizeof(*notes.remarks));
	r = &notes.remarks[notes.nremarks++];
	r->file = arena_strdup(&notes.arena, file);
	r->line = line;
	r->col = col;
	r->text = arena_strdup(&notes.arena, text);
	pthread_mutex_unlock(&notes.lock);
}

static int remark_cmp(const void *pa, const void *pb)
{
	const struct remark *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return strcmp(a->text, b->text);
}

static void print_remark(void *arg, const char *file, unsigned line, unsigned col,
			 const char *text)
{
	fprintf(arg, "%s:%u:%u: remark: %s [leakcheck-explain]\n", file, line, col, text);
}

void report_print_remarks(FILE *out)
{
	report_each_remark(print_remark, out);
}

void report_each_remark(void (*fn)(void *arg, const char *file, unsigned line, unsigned col,
				   const char *text), void *arg)
{
	size_t i;

	pthread_mutex_lock(&notes.lock);
	if (notes.nremarks)
		qsort(notes.remarks, notes.nremarks, sizeof(*notes.remarks), remark_cmp);
	for (i = 0; i < notes.nremarks; i++) {
		const struct remark *r = &notes.remarks[i];

		if (!i || remark_cmp(r, r - 1))
			fn(arg, r->file, r->line, r->col, r->text);
	}
	pthread_mutex_unlock(&notes.lock);
}

/* The recorder of this thread (report_record), or NULL. */
static __thread const struct report_recorder *recorder;

void report_record(const struct report_recorder *r)
{
	recorder = r;
}

void report_recorded_finding(const struct finding *f)
{
	if (recorder && recorder->finding)
		recorder->finding(recorder->arg, f);
}

void report_incomplete(struct ir_loc loc, const char *func, enum incomplete_reason why)
{
	char *text;

	if (recorder && recorder->incomplete)
		recorder->incomplete(recorder->arg, loc, func, why);
	if (why >= INCOMPLETE_NREASONS ||
	    asprintf(&text, "'%s' is not fully analysed: %s", func ? func : "?",
		     reasons[why].why) < 0)
		return;
	diag_keep(DIAG_WARNING, loc.file, loc.line, loc.col, text);
	free(text);
	pthread_mutex_lock(&notes.lock);
	notes.incomplete[why]++;
	pthread_mutex_unlock(&notes.lock);
}

void report_incomplete_summary(void)
{
	size_t i, total = 0;
	const char *sep = "";

	for (i = 0; i < INCOMPLETE_NREASONS; i++)
		total += notes.incomplete[i];
	if (!total)
		return;
	fprintf(stderr, "leakcheck: %zu function%s not fully analysed (", total,
		total == 1 ? "" : "s");
	for (i = 0; i < INCOMPLETE_NREASONS; i++) {
		if (!notes.incomplete[i])
			continue;
		fprintf(stderr, "%s%zu %s", sep, notes.incomplete[i], reasons[i].name);
		sep = ", ";
	}
	fprintf(stderr, ")%s\n", diag_is_verbose() ? "" : "; -v for which");
}

