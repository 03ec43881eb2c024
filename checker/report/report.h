/*
 * report.h - every message leakcheck prints goes through here.
 *
 * Findings are collected during the run and printed at the end, sorted
 * by (file, line, column, flag, message) and with exact duplicates
 * removed, so output does not depend on the order of inputs.  They go to
 * stdout, or to the --output file, in one of three formats:
 *
 *   REPORT_GCC    compiler-style text:
 *                   FILE:LINE:COL: warning: MESSAGE [leakcheck-FLAG]
 *                   FILE:LINE:COL: note: NOTE
 *   REPORT_JSON   an array of {"file", "line", "column", "flag", "kind",
 *                 "message", "notes": [{"file", "line", "column", "message"}]}
 *   REPORT_SARIF  a SARIF 2.1.0 log with one run (report_json.c)
 *
 * A finding the filter (report_set_filter) refuses is never recorded.
 * Before printing, a finding is dropped when a NOLINT comment on its line,
 * on its acquisition line or on the exit it was found at (finding.exit_loc)
 * names its flag (srcfile.h).  Then the findings left that have the same
 * place, flag, function and variable (the same handle lost at the same
 * statement, acquired on several lines) are printed as one: the first
 * (the earliest acquisition) with its notes, then one note "'V' also
 * acquired here by F()" per other acquisition.  A finding is also
 * dropped when its fingerprint is in the --baseline file (baseline.h).
 * --write-baseline writes the fingerprints of the findings printed
 * without a baseline.
 *
 * The --output and --write-baseline files are written once, after the
 * analysis, and replace the old file atomically (outfile.h); a path that
 * names a file the run reads (report_input) or a directory is refused
 * with an error.  When the run ends before the findings are flushed (a
 * broken rule or config), report_close() still writes the --output (or
 * stdout, for json and sarif) as a run with no findings, so that no
 * earlier run's findings are left there; --write-baseline is then not
 * written.
 *
 * A caller that shows findings itself (the language server) sets a sink
 * (report_set_sink()): report_flush() then gives it the findings it
 * would print and the --explain remarks, and writes nothing.
 *
 * Errors (bad input, unparsable code, broken rules) and verbose remarks
 * are not findings: base/diag.h prints and keeps them.
 * Functions not fully analysed (report_incomplete) are counted, and one
 * summary line on stderr says how many and why.  The SARIF log records
 * the errors, the notices and the functions not fully analysed as
 * notifications of its invocation, which is executionSuccessful: false
 * when there was an error (kept by base/diag.c).
 *
 * The message wording lives in report*.c only: callers pass what
 * happened (struct finding, enum incomplete_reason), never text.
 */
#ifndef LEAKCHECK_REPORT_H
#define LEAKCHECK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ir/ir.h"
#include "rules/rules.h"

enum finding_kind {
	FK_LEAK,                /* still held at an exit               [leakcheck-leak] */
	FK_OVERWRITE,           /* the only handle is overwritten      [leakcheck-overwrite] */
	FK_DOUBLE_RELEASE,      /* released twice on a path            [leakcheck-double-release] */
	FK_MISMATCHED_RELEASE,  /* released by another kind's release  [leakcheck-mismatched-release] */
	FK_DISCARDED,           /* an acquiring call's result thrown away [leakcheck-discarded] */
};

enum note_kind {
	NOTE_ACQUIRED,          /* "'V' acquired here" (var) */
	NOTE_BRANCH_TRUE,       /* "taking the true branch of 'TEXT'" */
	NOTE_BRANCH_FALSE,      /* "taking the false branch of 'TEXT'" */
	NOTE_CASE,              /* "entering 'TEXT'" */
	NOTE_RELEASED,          /* "'V' released here by CALLEE()" (first release) */
	NOTE_LEAVING,           /* "'V' still HELD when leaving 'FUNC'" */
	NOTE_OUT_OF_SCOPE,      /* "'V' still HELD when it goes out of scope" */
	NOTE_TRANSFER_FAILED,   /* "CALLEE() may fail here and leave 'V' HELD" (realloc, fdopen) */
	NOTE_VIA,               /* "FUNC() returns what TEXT() ACQUIRED at AT" (a summary;
				   "hands back" when it is an out-parameter or member) */
	NOTE_GUESSED,           /* "guessed from the names FUNC() and TEXT(): no rule or body
				   says what they do" */
	NOTE_BRANCHES_OMITTED,  /* "COUNT more branches taken on this path are not shown",
				   in the place of the first of them */
	NOTE_MEMBER,            /* "'V->TEXT' acquired by FUNC() at line AT is lost with it"
				   (a member of the lost struct that held a resource) */
};

struct note {
	enum note_kind kind;
	struct ir_loc loc;
	const char *text;       /* condition text, callee name, or NULL */
	const char *func;       /* NOTE_VIA: the function whose summary it is */
	struct ir_loc at;       /* NOTE_VIA: where that function acquires it */
	bool out;               /* NOTE_VIA: given back through memory, not returned */
	size_t count;           /* NOTE_BRANCHES_OMITTED: how many */
};

struct finding {
	enum finding_kind kind;
	struct ir_loc loc;                  /* where it is reported */
	const char *var;                    /* variable name; NULL: a result never stored */
	const char *acquirer;               /* acquiring callee */
	unsigned acq_line;                  /* line of the acquisition */
	const struct rule_resource *res;    /* its resource kind (words for messages) */
	enum ir_exit exit;                  /* FK_LEAK: how the path leaves */
	const char *label;                  /* FK_LEAK with EXIT_GOTO: the target label */
	const char *lost_by;                /* FK_LEAK reported at p = realloc(p, n), whose
					       failure lost the only pointer: the callee
					       ("realloc"); else NULL */
	struct ir_loc exit_loc;             /* FK_LEAK reported before the exit it was found
					       at (at a goto past every release, or lost_by):
					       that exit; else line 0 */
	const char *retarget;               /* FK_LEAK reported at a goto past every release:
					       a label the goto could jump to instead, whose
					       straight-line code releases the handle (and
					       only what is held there), or NULL */
	const char *retarget_also;          /* ... the other handles it releases, "'fp',
					       'sock'", or NULL */
	const char *func;                   /* the function analysed */
	const char *releaser;               /* FK_DOUBLE/MISMATCHED: the releasing callee */
	unsigned first_release_line;        /* FK_DOUBLE_RELEASE: line of the first release */
	const struct note *notes;           /* path notes, in order */
	size_t nnotes;
};

enum report_format {
	REPORT_GCC,             /* compiler-style text (the default) */
	REPORT_JSON,            /* a JSON array of findings */
	REPORT_SARIF,           /* SARIF 2.1.0 */
};

struct report_opts {
	enum report_format format;  /* --format */
	const char *output;         /* --output FILE, or NULL for stdout */
	const char *baseline;       /* --baseline FILE, or NULL */
	const char *write_baseline; /* --write-baseline FILE, or NULL */
	const char *version;        /* leakcheck's version, named in SARIF */
	int color;                  /* --color: 1 always, 0 never, -1 auto (stdout a
				       terminal, TERM set and not "dumb", no NO_COLOR) */
};

/*
 * Sets where and how findings are printed: checks that the output files
 * can be written (not a directory, nor the baseline) and loads the
 * baseline (opts and its strings must outlive the run).  Nothing is
 * written yet.  Returns 0, or -1 after reporting the error; call
 * report_close() in both cases.
 */
int report_open(const struct report_opts *opts);

/*
 * Records that the run reads the file at path (a source, the compile
 * database, a rules or config file), so that --output or
 * --write-baseline naming it, by any name, is refused.  Thread-safe.
 */
void report_input(const char *path);

/*
 * Checks that neither --output nor --write-baseline names a file
 * recorded by report_input().  Returns 0, or -1 after reporting it.
 */
int report_check_outputs(void);

/*
 * Frees the baseline and the run's notices.  If report_open() succeeded
 * and report_flush() was not called, first writes the output of a run
 * with no findings (see above).  Returns 0, or -1 after reporting that
 * the findings or the baseline could not be written (also when
 * report_flush() failed to write them).
 */
int report_close(void);

/* Returns the flag name of a finding kind, without the "leakcheck-" prefix. */
const char *report_flag_name(enum finding_kind kind);

/* Sets whether compiler-format findings are coloured as clang colours them. */
void report_set_color(bool on);

/*
 * Decides whether a finding is recorded: file is where it is reported
 * ("<unknown>" if not known), flag its full flag name
 * ("leakcheck-leak-guessed"), resource its resource id or NULL.  Returns
 * false to drop it (a .leakcheck.yml disables it).
 */
typedef bool report_filter_fn(void *arg, const char *file, const char *flag,
			      const char *resource);

/* Asks keep(arg, ...) about every later finding; NULL records them all. */
void report_set_filter(report_filter_fn *keep, void *arg);

/* Records a finding unless the filter drops it; all strings and notes are copied. */
void report_finding(const struct finding *f);

/* Number of findings recorded so far (before de-duplication). */
size_t report_count(void);

/*
 * Sorts and de-duplicates the recorded findings, drops the suppressed
 * ones, prints the others in the chosen format, writes the baseline file
 * if asked, and forgets them.  With a baseline, prints one summary line
 * to stderr; with --verbose, how many NOLINT comments suppressed; when
 * functions were not fully analysed, how many and why.  Call it once.
 * Returns the number printed (not suppressed).
 */
size_t report_flush(void);

/* Why the analysis of a function stopped short (report_incomplete()). */
enum incomplete_reason {
	INCOMPLETE_BUDGET,          /* "budget": its budget of states ran out */
	INCOMPLETE_SETJMP,          /* "setjmp": it calls setjmp() or vfork() */
	INCOMPLETE_COMPUTED_GOTO,   /* "computed goto": it jumps through a label address */
	INCOMPLETE_NESTING,         /* "nesting": it nests too deep to be lowered */
	INCOMPLETE_TOO_LARGE,       /* "too large": its states would outgrow ANALYSE_MAX_BYTES */
	INCOMPLETE_NREASONS         /* (count; a new reason also needs its words in
				       report_notice.c) */
};

/*
 * Records that the function func, at loc, was not fully analysed, and
 * why: counted for the summary line, and a SARIF notification.  Prints
 * nothing by itself (the caller says it under --verbose).
 */
void report_incomplete(struct ir_loc loc, const char *func, enum incomplete_reason why);

/*
 * A recorder sees every finding and every function not fully analysed
 * reported on this thread, before the filter (the result memo keeps what
 * the walk of a function reported, to report it again without the walk:
 * memo.h).  report_record(NULL) stops it.
 */
struct report_recorder {
	void (*finding)(void *arg, const struct finding *f);
	void (*incomplete)(void *arg, struct ir_loc loc, const char *func,
			   enum incomplete_reason why);
	void *arg;
};
void report_record(const struct report_recorder *r);

/* For report.c: gives f to the recorder, if any. */
void report_recorded_finding(const struct finding *f);

/* A note of a finding as it would be printed (struct report_shown). */
struct report_shown_note {
	const char *file;           /* "<unknown>" if not known */
	unsigned line;
	unsigned col;
	const char *text;           /* the note's words: "'fp' acquired here" */
};

/*
 * A finding as it would be printed, for a caller that shows findings
 * itself (the language server, lsp.h); its strings live until the sink
 * returns.
 */
struct report_shown {
	const char *file;           /* where it is reported; "<unknown>" if not known */
	unsigned line;
	unsigned col;
	enum finding_kind kind;
	const char *flag;           /* full flag name: "leakcheck-leak" */
	const char *msg;            /* the message, without place or flag */
	const char *var;            /* the handle's variable, or NULL */
	unsigned acq_line;          /* the line of its first "acquired here" note, or 0 */
	bool at_return;             /* FK_LEAK found at a return statement and reported there */
	bool object;                /* its resource is an object released through a pointer */
	const char *release_call;   /* its resource's rule_resource.release_call, or NULL */
	int release_arg;            /* ... and release_arg */
	const char *goto_label;     /* FK_LEAK reported at a goto statement: its label, or NULL */
	const char *retarget;       /* ... finding.retarget */
	const char *retarget_also;  /* ... finding.retarget_also */
	const struct report_shown_note *notes;  /* in path order, "also" notes last */
	size_t nnotes;
};

/*
 * Where report_flush() sends the findings it would print, and the
 * --explain remarks, instead of printing them (no --output, --baseline or
 * --write-baseline file is used then).  unsaved_file, if not NULL, is a
 * file whose NOLINT comments are read from unsaved_text (unsaved_len
 * bytes), the editor's text, rather than from the disk.
 */
struct report_sink {
	void (*finding)(void *arg, const struct report_shown *f);
	void (*remark)(void *arg, const char *file, unsigned line, unsigned col,
		       const char *text);
	void *arg;
	const char *unsaved_file;
	const char *unsaved_text;
	size_t unsaved_len;
};

/* Sends what report_flush() prints to s (s must outlive it); NULL prints again. */
void report_set_sink(const struct report_sink *s);

/* One reason an acquisition gives no finding (--explain). */
enum explain_kind {
	EXPL_RELEASED,          /* "freed by WHAT() at line N" */
	EXPL_RETURNED,          /* "returned at line N" */
	EXPL_STORED,            /* "stored at line N" (memory, a global, a container) */
	EXPL_OUT_PARAM,         /* "stored into *WHAT at line N" */
	EXPL_PASSED,            /* "handed to WHAT() as argument ARG at line N" */
	EXPL_UNCHECKED_EXITS,   /* "held only at exits that are not checked (main, a lock wrapper)" */
	EXPL_BUDGET,            /* "not followed to the end: the budget of states ran out" */
	EXPL_TOO_LARGE,         /* "not followed to the end: the function is too large" */
};

struct explain_step {
	enum explain_kind kind;
	unsigned line;
	const char *what;
	int arg;
};

/*
 * Records, for --explain, why the acquisition at loc gave no finding; var
 * may be NULL (a result never stored).  Printed after the findings in the
 * compiler format as "FILE:L:C: remark: ..."; not a finding.
 */
void report_explain(struct ir_loc loc, const char *var, const char *acquirer,
		    const struct rule_resource *res, const struct explain_step *steps, size_t n);

/* Frees the recorded findings (the --explain remarks and the notices go with report_close()). */
void report_release(void);

#endif
