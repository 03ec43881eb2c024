/*
 * report.c - every message leakcheck prints; see report.h.
 *
 * A finding is turned into its parts as soon as it is recorded (its
 * message and each note's text, built here and nowhere else), so nothing
 * the caller passed has to outlive the call and every output format
 * renders the same text.  The parts and the array of recorded findings
 * live in one arena, released by report_flush() and report_release().
 */
#include "base/diag.h"
#include "report.h"
#include "base/arena.h"
#include "baseline.h"
#include "base/outfile.h"
#include "report_int.h"
#include "base/srcfile.h"
#include "base/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A growable string for building messages (freed with free()). */
struct buf {
	char *s;
	size_t len;
	size_t cap;
};

static const struct report_opts default_opts = { .format = REPORT_GCC };

static struct {
	struct arena arena;         /* owns entries and their texts */
	struct entry *v;
	size_t len;
	size_t cap;
	bool color;                 /* compiler-format output in colour (--color) */
	const struct report_opts *opts;     /* report_open()'s, or default_opts */
	bool opened;                /* report_open() succeeded */
	bool flushed;               /* report_flush() was called */
	bool refused;               /* an output names an input (said once) */
	bool have_baseline;         /* bl is loaded */
	struct baseline bl;         /* the --baseline file */
	bool failed;                /* writing findings or the baseline failed */
	report_filter_fn *filter;   /* report_set_filter(), or NULL */
	void *filter_arg;
	const struct report_sink *sink;     /* report_set_sink(), or NULL */
} rep = { .opts = &default_opts };

static void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (!b->s || b->len + (size_t)n >= b->cap) {
		b->cap = (b->len + (size_t)n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
		va_start(ap, fmt);
		vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

static const char *or_unknown(const char *file)
{
	return file ? file : "<unknown>";
}

/* Appends "FILE:LINE:COL: ", leaving out a LINE or COL of 0. */
static void buf_add_loc(struct buf *b, const char *file, unsigned line, unsigned col)
{
	const unsigned char *c;

	/* a control byte in a file name must not start a line of its own in a log */
	for (c = (const unsigned char *)or_unknown(file); *c; c++)
		buf_addf(b, *c < 0x20 || *c == 0x7f ? "\\x%02x" : "%c", *c);
	if (line) {
		buf_addf(b, ":%u", line);
		if (col)
			buf_addf(b, ":%u", col);
	}
	buf_addf(b, ": ");
}

static const char *acquired(const struct finding *f)
{
	return f->res && f->res->acquired ? f->res->acquired : "acquired";
}

static const char *released(const struct finding *f)
{
	return f->res && f->res->released ? f->res->released : "released";
}

/* Appends the released participle, and the one function that releases
 * a resource made up from malloc(dealloc): "released with obj_free()". */
static void buf_add_released(struct buf *b, const struct finding *f)
{
	buf_addf(b, "%s", released(f));
	if (f->res && f->res->releaser)
		buf_addf(b, " with %s()", f->res->releaser);
}

static const char *held(const struct finding *f)
{
	return f->res && f->res->held ? f->res->held : "held";
}

static const char *text_of(const struct note *n)
{
	return n->text ? n->text : "?";
}

/*
 * Appends the handle's name: "'fp'", or with the resource's noun
 * "transaction on 'db'" (the object a pointer points to is named by the
 * pointer: "*db" reads "'db'").
 */
static void buf_add_var(struct buf *b, const struct finding *f)
{
	if (f->res && f->res->noun)
		buf_addf(b, "%s '%s'", f->res->noun, f->var[0] == '*' ? f->var + 1 : f->var);
	else
		buf_addf(b, "'%s'", f->var);
}

/* Appends how the handle is named: "'fp'", or "result of fopen()" when never stored. */
static void buf_add_name(struct buf *b, const struct finding *f)
{
	if (f->var)
		buf_add_var(b, f);
	else
		buf_addf(b, "result of %s()", f->acquirer);
}

/* Appends "'fp' opened by fopen() at line 31", or "result of fopen() at line 31". */
static void buf_add_subject(struct buf *b, const struct finding *f)
{
	if (f->var) {
		buf_add_var(b, f);
		buf_addf(b, " %s by %s() at line %u", acquired(f), f->acquirer, f->acq_line);
	} else
		buf_addf(b, "result of %s() at line %u", f->acquirer, f->acq_line);
}

static void buf_add_where(struct buf *b, const struct finding *f)
{
	switch (f->exit) {
	case EXIT_RETURN:
		buf_addf(b, "when returning here");
		break;
	case EXIT_END:
		buf_addf(b, "at the end of the function");
		break;
	case EXIT_SCOPE:
		buf_addf(b, "when it goes out of scope here");
		break;
	case EXIT_BREAK:
		buf_addf(b, "when breaking out here");
		break;
	case EXIT_CONTINUE:
		buf_addf(b, "when continuing here");
		break;
	case EXIT_GOTO:
		if (f->label)
			buf_addf(b, "when jumping to '%s' here", f->label);
		else
			buf_addf(b, "when jumping out here");
		break;
	case EXIT_OWNER:
		buf_addf(b, "when '%s' is %s here", f->label ? f->label : "?", released(f));
		break;
	}
}

/* Builds the warning message of f (without location and flag) into b. */
static void buf_add_message(struct buf *b, const struct finding *f)
{
	switch (f->kind) {
	case FK_LEAK:
		if (f->lost_by) {
			buf_addf(b, "if %s() fails, ", f->lost_by);
			buf_add_subject(b, f);
			buf_addf(b, " is lost here: the NULL it returns overwrites the only pointer to it");
			break;
		}
		buf_add_subject(b, f);
		buf_addf(b, " is not ");
		buf_add_released(b, f);
		buf_addf(b, " ");
		buf_add_where(b, f);
		break;
	case FK_OVERWRITE:
		buf_add_subject(b, f);
		buf_addf(b, " is overwritten here before being ");
		buf_add_released(b, f);
		break;
	case FK_DOUBLE_RELEASE:
		buf_add_subject(b, f);
		buf_addf(b, " is %s twice", released(f));
		if (f->first_release_line)
			buf_addf(b, "; first %s at line %u", released(f), f->first_release_line);
		break;
	case FK_MISMATCHED_RELEASE:
		buf_add_subject(b, f);
		buf_addf(b, " must not be released by %s()", f->releaser);
		break;
	case FK_DISCARDED:
		buf_addf(b, "result of %s() is discarded; what it %s is never ", f->acquirer,
			 acquired(f));
		buf_add_released(b, f);
		break;
	}
}

/* Builds the text of note n of f (without location) into b. */
static void buf_add_note(struct buf *b, const struct finding *f, const struct note *n)
{
	switch (n->kind) {
	case NOTE_ACQUIRED:
		buf_add_name(b, f);
		buf_addf(b, " acquired here");
		break;
	case NOTE_BRANCH_TRUE:
		buf_addf(b, "taking the true branch of '%s'", text_of(n));
		break;
	case NOTE_BRANCH_FALSE:
		buf_addf(b, "taking the false branch of '%s'", text_of(n));
		break;
	case NOTE_CASE:
		buf_addf(b, "entering '%s'", text_of(n));
		break;
	case NOTE_RELEASED:
		buf_add_name(b, f);
		buf_addf(b, " %s here by %s()", released(f), text_of(n));
		break;
	case NOTE_LEAVING:
		buf_add_name(b, f);
		buf_addf(b, " still %s when leaving '%s'", held(f), f->func ? f->func : "?");
		break;
	case NOTE_OUT_OF_SCOPE:
		buf_add_name(b, f);
		buf_addf(b, " still %s when it goes out of scope", held(f));
		break;
	case NOTE_TRANSFER_FAILED:
		buf_addf(b, "%s() may fail here and leave ", text_of(n));
		buf_add_name(b, f);
		buf_addf(b, " %s", held(f));
		break;
	case NOTE_GUESSED:
		buf_addf(b, "guessed from the names %s() and %s(): no rule or body says what they do",
			 n->func ? n->func : "?", text_of(n));
		break;
	case NOTE_VIA:
		buf_addf(b, "%s() %s what %s() %s", n->func ? n->func : "?",
			 n->out ? "hands back" : "returns", text_of(n), acquired(f));
		if (n->at.file && n->at.line)
			buf_addf(b, " at %s:%u", n->at.file, n->at.line);
		break;
	case NOTE_MEMBER:
		buf_addf(b, "'%s->%s' acquired by %s() at line %u is lost with it",
			 f->var ? f->var : "?", text_of(n), n->func ? n->func : "?", n->at.line);
		break;
	case NOTE_BRANCHES_OMITTED:
		if (n->count == 1)
			buf_addf(b, "1 more branch taken on this path is not shown");
		else
			buf_addf(b, "%zu more branches taken on this path are not shown", n->count);
		break;
	}
}

const char *report_flag_name(enum finding_kind kind)
{
	switch (kind) {
	case FK_LEAK:
		return "leak";
	case FK_OVERWRITE:
		return "overwrite";
	case FK_DOUBLE_RELEASE:
		return "double-release";
	case FK_MISMATCHED_RELEASE:
		return "mismatched-release";
	case FK_DISCARDED:
		return "discarded";
	}
	return "unknown";
}

void report_set_color(bool on)
{
	rep.color = on;
}

/*
 * Checks that the output file path (what names it: "" or "baseline ")
 * can be written after the analysis.  Returns 0, or -1 after reporting.
 */
static int check_output(const char *path, const char *what)
{
	if (outfile_check(path) < 0) {
		diag_error("cannot write %s'%s': %s", what, path, strerror(errno));
		return -1;
	}
	return 0;
}

int report_open(const struct report_opts *opts)
{
	const char *term = getenv("TERM");

	rep.color = opts->format == REPORT_GCC &&
		    (opts->color > 0 ||
		     (opts->color < 0 && !opts->output && isatty(STDOUT_FILENO) &&
		      !getenv("NO_COLOR") && term && *term && strcmp(term, "dumb") != 0));
	rep.opts = opts;
	if (opts->output && check_output(opts->output, "") < 0)
		return -1;
	if (opts->write_baseline && check_output(opts->write_baseline, "baseline ") < 0)
		return -1;
	if (opts->output && opts->write_baseline &&
	    outfile_same(opts->output, opts->write_baseline)) {
		diag_error("--output and --write-baseline name the same file '%s'", opts->output);
		return -1;
	}
	/* --write-baseline may replace the baseline: it is read before */
	if (opts->output && opts->baseline && outfile_same(opts->output, opts->baseline)) {
		diag_error("--output '%s' is the --baseline file; not overwriting it",
			     opts->output);
		return -1;
	}
	rep.opened = true;      /* from here on, report_close() writes the output */
	if (opts->baseline) {
		rep.have_baseline = true;
		if (baseline_load(&rep.bl, opts->baseline) < 0)
			return -1;
	}
	return 0;
}

void report_input(const char *path)
{
	outfile_add_input(path);
}

int report_check_outputs(void)
{
	const struct report_opts *o = rep.opts;

	if (rep.refused)
		return -1;      /* said already */
	if (o->output && outfile_is_input(o->output)) {
		diag_error("--output '%s' names a file this run reads; not overwriting it",
			     o->output);
		rep.refused = true;
	} else if (o->write_baseline && outfile_is_input(o->write_baseline)) {
		diag_error("--write-baseline '%s' names a file this run reads; not overwriting it",
			     o->write_baseline);
		rep.refused = true;
	}
	return rep.refused ? -1 : 0;
}

static size_t flush(bool complete);

int report_close(void)
{
	if (rep.opened && !rep.flushed)
		flush(false);
	if (rep.have_baseline)
		baseline_release(&rep.bl);
	rep.have_baseline = false;
	rep.opts = &default_opts;
	rep.opened = rep.flushed = rep.refused = false;
	report_notices_release();
	outfile_release_inputs();
	return rep.failed ? -1 : 0;
}

void report_set_sink(const struct report_sink *s)
{
	rep.sink = s;
}

void report_set_filter(report_filter_fn *keep, void *arg)
{
	rep.filter = keep;
	rep.filter_arg = arg;
}

void report_finding(const struct finding *f)
{
	struct report_note *notes;
	struct buf b = { 0 };
	struct entry *e;
	bool guessed = f->res && f->res->guessed;
	char flag[64];
	size_t i;

	report_recorded_finding(f);
	snprintf(flag, sizeof(flag), "leakcheck-%s%s", report_flag_name(f->kind),
		 guessed ? "-guessed" : "");
	if (rep.filter && !rep.filter(rep.filter_arg, or_unknown(f->loc.file), flag,
				      f->res ? f->res->id : NULL))
		return;
	arena_grow(&rep.arena, (void **)&rep.v, &rep.cap, rep.len + 1, sizeof(*rep.v));
	e = &rep.v[rep.len++];
	memset(e, 0, sizeof(*e));
	e->file = arena_strdup(&rep.arena, or_unknown(f->loc.file));
	e->line = f->loc.line;
	e->col = f->loc.col;
	e->kind = f->kind;
	e->guessed = guessed;
	e->flag = arena_strdup(&rep.arena, flag);
	e->func = arena_strdup(&rep.arena, f->func);

	buf_add_message(&b, f);
	e->msg = arena_strndup(&rep.arena, b.s, b.len);
	notes = arena_alloc(&rep.arena, f->nnotes * sizeof(*notes));
	for (i = 0; i < f->nnotes; i++) {
		const struct note *n = &f->notes[i];

		b.len = 0;
		buf_add_note(&b, f, n);
		notes[i].file = arena_strdup(&rep.arena, or_unknown(n->loc.file));
		notes[i].line = n->loc.line;
		notes[i].col = n->loc.col;
		notes[i].text = arena_strndup(&rep.arena, b.s, b.len);
		if (n->kind == NOTE_ACQUIRED && !e->acq_file && n->loc.file) {
			e->acq_file = notes[i].file;
			e->acq_line = n->loc.line;
			e->acq_col = n->loc.col;
		}
	}
	e->notes = notes;
	e->nnotes = f->nnotes;
	if (f->exit_loc.line && f->exit_loc.file) {
		e->exit_file = arena_strdup(&rep.arena, f->exit_loc.file);
		e->exit_line = f->exit_loc.line;
	}
	e->at_return = f->kind == FK_LEAK && f->exit == EXIT_RETURN && !f->exit_loc.line;
	e->object = f->res && f->res->object;
	e->release_call = f->res ? f->res->release_call : NULL;
	e->release_arg = f->res ? f->res->release_arg : 0;
	if (f->kind == FK_LEAK && f->exit == EXIT_GOTO && f->exit_loc.line && f->label) {
		e->goto_label = arena_strdup(&rep.arena, f->label);
		e->retarget = f->retarget ? arena_strdup(&rep.arena, f->retarget) : NULL;
		e->retarget_also = f->retarget_also ?
				   arena_strdup(&rep.arena, f->retarget_also) : NULL;
	}
	if (f->var) {
		e->var = arena_strdup(&rep.arena, f->var);
		e->res_id = f->res ? arena_strdup(&rep.arena, f->res->id) : NULL;
		b.len = 0;
		buf_add_name(&b, f);
		buf_addf(&b, " also acquired here by %s()", f->acquirer);
		e->also = arena_strndup(&rep.arena, b.s, b.len);
	}
	free(b.s);
}

size_t report_count(void)
{
	return rep.len;
}

/* Orders two source positions by file, line, column. */
static int pos_cmp(const char *fa, unsigned la, unsigned ca, const char *fb, unsigned lb,
		   unsigned cb)
{
	int c = strcmp(fa, fb);

	if (c)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	return ca < cb ? -1 : ca > cb;
}

static int note_cmp(const struct report_note *a, const struct report_note *b)
{
	int c = pos_cmp(a->file, a->line, a->col, b->file, b->line, b->col);

	return c ? c : strcmp(a->text, b->text);
}

/* Orders findings by file, line, column, flag, message, then notes. */
static int entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	size_t i;
	int c;

	if ((c = pos_cmp(a->file, a->line, a->col, b->file, b->line, b->col)))
		return c;
	if ((c = strcmp(a->flag, b->flag)))
		return c;
	if ((c = strcmp(a->msg, b->msg)))
		return c;
	for (i = 0; i < a->nnotes && i < b->nnotes; i++)
		if ((c = note_cmp(&a->notes[i], &b->notes[i])))
			return c;
	if (a->nnotes != b->nnotes)
		return a->nnotes < b->nnotes ? -1 : 1;
	return 0;
}

/* Whether a NOLINT comment on e's line, on its acquisition line or on the
 * exit it was found at names its flag. */
static bool suppressed(struct srcfile_cache *src, const struct entry *e)
{
	if (srcfile_nolint(src, e->file, e->line, e->flag))
		return true;
	if (e->exit_file && srcfile_nolint(src, e->exit_file, e->exit_line, e->flag))
		return true;
	return e->acq_file && srcfile_nolint(src, e->acq_file, e->acq_line, e->flag);
}

/* Prints the printed entries as compiler-style text to out. */
static void print_gcc(FILE *out)
{
	struct buf loc = { 0 };
	size_t i, j;

	for (i = 0; i < rep.len; i++) {
		const struct entry *e = &rep.v[i];

		if (!entry_printed(e))
			continue;
		loc.len = 0;
		buf_add_loc(&loc, e->file, e->line, e->col);
		if (rep.color)      /* as clang: bold place and text, magenta warning, cyan note */
			fprintf(out, "\033[1m%s\033[35mwarning: \033[0m\033[1m%s [%s]\033[0m\n",
				loc.s, e->msg, e->flag);
		else
			fprintf(out, "%swarning: %s [%s]\n", loc.s, e->msg, e->flag);
		for (j = 0; j < e->nnotes; j++) {
			const struct report_note *n = &e->notes[j];

			loc.len = 0;
			buf_add_loc(&loc, n->file, n->line, n->col);
			if (rep.color)
				fprintf(out, "\033[1m%s\033[36mnote: \033[0m%s\n", loc.s, n->text);
			else
				fprintf(out, "%snote: %s\n", loc.s, n->text);
		}
	}
	free(loc.s);
}

/*
 * Reports a document jansson could not build (it refuses text that is
 * not UTF-8).  Returns doc == NULL.
 */
static bool not_encoded(const json_t *doc)
{
	if (doc)
		return false;
	diag_error("cannot encode the findings as JSON: a file name or source text is not UTF-8");
	rep.failed = true;
	return true;
}

/* Writes doc to out as indented JSON and a newline; -1 on a write error. */
static int dump_json(json_t *doc, FILE *out)
{
	int ret = json_dumpf(doc, out, JSON_INDENT(2));

	if (ret == 0 && fputc('\n', out) == EOF)
		ret = -1;
	return ret;
}

/* Prints the printed entries in the chosen format; false on a write error. */
static bool print_findings(FILE *out)
{
	const struct diag_notice *notices;
	size_t nnotices;
	json_t *doc = NULL;
	bool ok = true, json = rep.opts->format != REPORT_GCC;

	switch (rep.opts->format) {
	case REPORT_GCC:
		print_gcc(out);
		break;
	case REPORT_JSON:
		doc = report_json_doc(rep.v, rep.len, &rep.arena);
		break;
	case REPORT_SARIF:
		notices = diag_notices(&nnotices);
		doc = report_sarif_doc(rep.v, rep.len, rep.opts->version, notices, nnotices,
				       &rep.arena);
		break;
	}
	if (json && !not_encoded(doc)) {
		ok = dump_json(doc, out) == 0;
		json_decref(doc);
	}
	return fflush(out) == 0 && !ferror(out) && ok;
}

/* Writes the --write-baseline file; false after reporting an error. */
static bool write_baseline(const char *path)
{
	json_t *doc = report_baseline_doc(rep.v, rep.len, &rep.arena);
	struct outfile of;
	bool ok;

	if (not_encoded(doc))
		return false;
	if (outfile_open(&of, path) < 0) {
		diag_error("cannot write baseline '%s': %s", path, strerror(errno));
		json_decref(doc);
		return false;
	}
	ok = dump_json(doc, of.fp) == 0;
	json_decref(doc);
	if (ok && outfile_commit(&of) == 0)
		return true;
	if (!ok) {
		int err = errno;

		outfile_discard(&of);
		errno = err;
	}
	diag_error("cannot write baseline '%s': %s", path, strerror(errno));
	return false;
}

/* Prints the --explain remarks (compiler format only). */
static void print_remarks(FILE *out)
{
	if (rep.opts->format == REPORT_GCC)
		report_print_remarks(out);
}

/*
 * Prints the findings and the --explain remarks to the --output file, or
 * stdout; false after reporting an error (the --output file is then left
 * as it was).
 */
static bool write_output(void)
{
	const char *path = rep.opts->output;
	struct outfile of;
	bool ok;
	int err;

	if (!path) {
		ok = print_findings(stdout);
		print_remarks(stdout);
		if (!ok)
			diag_error("cannot write the findings: %s", strerror(errno));
		return ok;
	}
	if (outfile_open(&of, path) < 0) {
		diag_error("cannot write '%s': %s", path, strerror(errno));
		return false;
	}
	ok = print_findings(of.fp);
	print_remarks(of.fp);
	if (ok && outfile_commit(&of) == 0)
		return true;
	if (!ok) {
		err = errno;
		outfile_discard(&of);
		errno = err;
	}
	diag_error("cannot write '%s': %s", path, strerror(errno));
	return false;
}

/*
 * report_flush(), and report_close() for a run that ended early
 * (complete false): then only the output is written, with no findings.
 */
static size_t flush(bool complete)
{
	struct srcfile_cache src;
	size_t i, printed = 0, nsuppressed = 0, nbaselined = 0;
	bool clash;

	rep.flushed = true;
	if (rep.len)
		qsort(rep.v, rep.len, sizeof(*rep.v), entry_cmp);
	srcfile_cache_init(&src);
	if (rep.sink && rep.sink->unsaved_file)
		srcfile_put(&src, rep.sink->unsaved_file, rep.sink->unsaved_text,
			    rep.sink->unsaved_len);
	for (i = 0; i < rep.len; i++) {
		struct entry *e = &rep.v[i];

		e->dup = i > 0 && entry_cmp(&rep.v[i - 1], e) == 0;
		if (!e->dup && suppressed(&src, e)) {
			e->suppressed = true;
			nsuppressed++;
		}
	}
	report_group(rep.v, rep.len, &rep.arena);
	report_identify(rep.v, rep.len, &rep.arena, &src);
	srcfile_cache_release(&src);
	for (i = 0; i < rep.len; i++) {
		struct entry *e = &rep.v[i];

		if (e->dup || e->suppressed)
			continue;
		if (e->merged) {
			/* a baseline written before it merged lists it: not "gone" */
			if (rep.have_baseline)
				baseline_take(&rep.bl, e->fingerprint);
			continue;
		}
		if (rep.have_baseline && baseline_take(&rep.bl, e->fingerprint)) {
			e->baselined = true;
			nbaselined++;
		} else {
			printed++;
		}
	}

	/* a config found late (for a header) may have named an output */
	if (rep.sink) {
		report_sink_entries(rep.sink, rep.v, rep.len);
		report_release();
		return printed;
	}
	clash = report_check_outputs() < 0;
	if (clash || !write_output())
		rep.failed = true;
	if (complete && rep.opts->write_baseline && (clash || !write_baseline(rep.opts->write_baseline)))
		rep.failed = true;
	if (complete) {
		if (nsuppressed == 1)
			diag_verbose("1 finding suppressed by a NOLINT comment");
		else
			diag_verbose("%zu findings suppressed by NOLINT comments", nsuppressed);
		if (rep.have_baseline)
			fprintf(stderr, "leakcheck: %zu findings in the baseline, %zu new; %zu baseline entries no longer occur\n",
				nbaselined, printed, baseline_unseen(&rep.bl));
		report_incomplete_summary();
	}
	report_release();
	return printed;
}

size_t report_flush(void)
{
	return flush(true);
}

void report_release(void)
{
	arena_release(&rep.arena);
	rep.v = NULL;
	rep.len = 0;
	rep.cap = 0;
}
