/*
 * diag.h - the messages of the run itself: errors in its input, warnings,
 * notices, --verbose remarks and the progress line, on stderr.
 *
 * Every stage reports through here, from the readers of YAML, JSON and
 * caches up to the driver; the findings of the analysis are the report
 * stage's (report/report.h), which this module knows nothing of.
 *
 * Besides being printed, errors, warnings and notices are kept (struct
 * diag_notice) for the invocation record of the SARIF log, which says
 * whether the run succeeded, and for the bundles of a sharded run.
 * Parser threads report at the same time: keeping them takes a lock, and
 * a thread may capture what it prints (diag_capture) so that workers'
 * messages come out in a fixed order.
 */
#ifndef LEAKCHECK_DIAG_H
#define LEAKCHECK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* How grave a notice of the run is (SARIF notification levels; bundles keep the numbers). */
enum diag_level {
	DIAG_ERROR,                 /* an error: the run was not successful */
	DIAG_WARNING,               /* a function not fully analysed */
	DIAG_NOTE,                  /* a notice (diag_notice(), diag_warning()) */
};

/* An error or notice of the run, kept. */
struct diag_notice {
	enum diag_level level;
	const char *file;           /* the file it is about, or NULL */
	unsigned line;              /* 0 if not known */
	unsigned col;               /* 0 if not known */
	const char *text;           /* the message, without location or "error:" */
	size_t seq;                 /* order of arrival */
};

/* Prints "FILE:LINE:COL: error: MESSAGE" (or without LINE:COL when line is 0) to stderr. */
void diag_error_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Prints "leakcheck: error: MESSAGE" to stderr. */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "leakcheck: MESSAGE" to stderr, a fact worth knowing but no error (a note in SARIF). */
void diag_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "leakcheck: warning: MESSAGE" to stderr (something is off, but the run goes on). */
void diag_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "leakcheck: MESSAGE" to stderr when verbose. */
void diag_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --verbose: set before any thread starts. */
void diag_set_verbose(bool on);
bool diag_is_verbose(void);

/*
 * Sends this thread's errors and verbose remarks to f instead of stderr
 * (NULL: back to stderr), so that parallel workers' messages can be
 * printed in a fixed order afterwards.
 */
void diag_capture(FILE *f);

/*
 * Shows "[done/total] file" on a terminal's stderr (done == total clears
 * it); nothing under --verbose, or when TERM is unset or "dumb".
 */
void diag_progress(size_t done, size_t total, const char *file);

/*
 * Keeps a notice without printing it: one read back from a bundle, or a
 * function not fully analysed (report_incomplete()).  Returns -1 for a
 * level that is not one.
 */
int diag_keep(int level, const char *file, unsigned line, unsigned col, const char *text);

/* How many notices were kept so far. */
size_t diag_count(void);

/* Calls fn for each notice kept since the from-th (diag_count()), in any order. */
typedef void diag_fn(void *arg, int level, const char *file, unsigned line, unsigned col,
		     const char *text);
void diag_each(size_t from, diag_fn *fn, void *arg);

/*
 * The notices kept so far, sorted by file (none first), line, column,
 * level and text, then arrival; *n is set to their number.  Valid until
 * diag_release().
 */
const struct diag_notice *diag_notices(size_t *n);

/* Forgets the notices. */
void diag_release(void);

#endif
