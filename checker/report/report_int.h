/*
 * report_int.h - what report.c, report_json.c and report_notice.c share;
 * no other module includes it.
 *
 * report.c records each finding as a struct entry holding its parts (the
 * message and note texts are built there, once); report_json.c turns
 * entries into jansson documents, works out the paths, URIs and
 * fingerprints they carry, and which entries are one finding.  report_notice.c
 * counts the functions not fully analysed and keeps the --explain remarks.
 * No caller sees entries.
 */
#ifndef LEAKCHECK_REPORT_INT_H
#define LEAKCHECK_REPORT_INT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "report.h"
#include "base/srcfile.h"

/* Length of a fingerprint in hex digits (a 64-bit hash). */
#define REPORT_FP_LEN 16

/* One note of a recorded finding. */
struct report_note {
	const char *file;           /* "<unknown>" if not known */
	unsigned line;
	unsigned col;
	const char *text;           /* the note's message, e.g. "'p' acquired here" */
	const char *uri;            /* file as a URI reference; set by report_identify() */
};

/* A recorded finding; strings live in report.c's arena. */
struct entry {
	const char *file;           /* where it is reported; "<unknown>" if not known */
	unsigned line;
	unsigned col;
	enum finding_kind kind;
	bool guessed;               /* its resource pairing was guessed from names */
	const char *flag;           /* full flag name, e.g. "leakcheck-leak-guessed" */
	const char *msg;            /* the warning message, without location or flag */
	const char *func;           /* the function analysed, or NULL */
	const char *acq_file;       /* the first "acquired here" note's file, or NULL */
	unsigned acq_line;          /* ... and line */
	unsigned acq_col;           /* ... and column */
	const char *exit_file;      /* the exit it was found at, when reported before it
				       (finding.exit_loc), or NULL */
	unsigned exit_line;         /* ... and its line */
	const char *var;            /* the handle's variable, or NULL */
	const char *res_id;         /* its resource kind's id, or NULL */
	bool at_return;             /* report_shown.at_return */
	bool object;                /* report_shown.object */
	const char *release_call;   /* report_shown.release_call (the rules' string) */
	int release_arg;            /* report_shown.release_arg */
	const char *goto_label;     /* report_shown.goto_label */
	const char *retarget;       /* report_shown.retarget */
	const char *retarget_also;  /* report_shown.retarget_also */
	const char *also;           /* the note an entry it is merged into gets, at its
				       acquisition ("'p' also acquired here by strdup()"),
				       or NULL when var is */
	struct report_note *notes;  /* in path order */
	size_t nnotes;
	/* Set by report_flush(), report_group() and report_identify(): */
	bool dup;                   /* same as the entry before it: not printed */
	bool suppressed;            /* a NOLINT comment names it */
	bool merged;                /* printed as an "also acquired" note of another */
	bool baselined;             /* its fingerprint is in the --baseline file */
	const char *path;           /* file relative to the current directory when
				       below it, else absolute */
	const char *uri;            /* path as a URI reference (SARIF) */
	char fingerprint[REPORT_FP_LEN + 1];    /* hex; see report_identify() */
};

/* Prints the line "leakcheck: N functions not fully analysed (...)" to stderr, if any. */
void report_incomplete_summary(void);

/* Forgets the notices (diag_release()), the counts of report_incomplete() and the kept remarks. */
void report_notices_release(void);

/* Keeps an --explain remark at file:line:col (text built by report.c; copied). */
void report_keep_remark(const char *file, unsigned line, unsigned col, const char *text);

/* Prints the kept remarks to out, sorted by place and text, each once, as
 * "FILE:LINE:COL: remark: TEXT [leakcheck-explain]". */
void report_print_remarks(FILE *out);

/*
 * Gives the printed entries of v and the kept remarks to sink
 * (report_sink.c).
 */
void report_sink_entries(const struct report_sink *sink, const struct entry *v, size_t n);

/* Calls fn for each kept --explain remark, sorted, each once. */
void report_each_remark(void (*fn)(void *arg, const char *file, unsigned line, unsigned col,
				   const char *text), void *arg);

/* Whether e is printed. */
static inline bool entry_printed(const struct entry *e)
{
	return !e->dup && !e->suppressed && !e->merged && !e->baselined;
}

/*
 * Merges the entries of v (sorted, dup and suppressed set) that are the
 * same handle lost at the same statement: same place, flag, function,
 * variable and resource, acquired at different places.  The one acquired
 * first stays, with its notes and then its others' "also" notes (arena
 * a); the others are marked merged.
 */
void report_group(struct entry *v, size_t n, struct arena *a);

/*
 * Fills in path, uri and fingerprint of every entry of v that is not a
 * duplicate; v is sorted.  Strings are allocated in a; source lines are
 * read through src.
 */
void report_identify(struct entry *v, size_t n, struct arena *a, struct srcfile_cache *src);

/*
 * Builders of the JSON documents; each returns a new reference the
 * caller releases with json_decref().  Text that is not UTF-8 (a file
 * name, source text in a message) is written with its stray bytes as
 * \xHH, and a file name that is not UTF-8 also as "file_bytes", its bytes
 * percent-encoded (--format=json); fingerprints are computed from the
 * bytes.  Strings made for that are allocated in a.
 *   report_json_doc():     --format=json, the printed entries
 *   report_sarif_doc():    --format=sarif, the printed entries, and the
 *                          notices as its invocation's notifications
 *                          (executionSuccessful unless one is an error);
 *                          URIs are allocated in a
 *   report_baseline_doc(): --write-baseline, the entries not suppressed
 */
json_t *report_json_doc(const struct entry *v, size_t n, struct arena *a);
json_t *report_sarif_doc(const struct entry *v, size_t n, const char *version,
			 const struct diag_notice *notices, size_t nnotices, struct arena *a);
json_t *report_baseline_doc(const struct entry *v, size_t n, struct arena *a);

#endif
