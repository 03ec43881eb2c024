/*
 * report.c - every message leakcheck prints; see report.h.
 *
 * A finding is turned into text as soon as it is recorded (its message
 * and its note lines), so nothing the caller passed has to outlive the
 * call.  The texts and the array of recorded findings live in one arena,
 * released by report_flush() and report_release().
 */
#include "report.h"
#include "arena.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A recorded finding, as text. */
struct entry {
	const char *file;           /* where it is reported; "<unknown>" if not known */
	unsigned line;
	unsigned col;
	const char *flag;           /* report_flag_name() of its kind */
	const char *msg;            /* the warning message, without the flag */
	const char *notes;          /* its note lines, each ending in '\n'; "" if none */
};

/* A growable string for building messages (freed with free()). */
struct buf {
	char *s;
	size_t len;
	size_t cap;
};

static struct {
	struct arena arena;         /* owns entries and their texts */
	struct entry *v;
	size_t len;
	size_t cap;
	bool verbose;
} rep;

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
	buf_addf(b, "%s", or_unknown(file));
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

static const char *held(const struct finding *f)
{
	return f->res && f->res->held ? f->res->held : "held";
}

static const char *text_of(const struct note *n)
{
	return n->text ? n->text : "?";
}

/* Appends how the handle is named: "'fp'", or "result of fopen()" when never stored. */
static void buf_add_name(struct buf *b, const struct finding *f)
{
	if (f->var)
		buf_addf(b, "'%s'", f->var);
	else
		buf_addf(b, "result of %s()", f->acquirer);
}

/* Appends "'fp' opened by fopen() at line 31", or "result of fopen() at line 31". */
static void buf_add_subject(struct buf *b, const struct finding *f)
{
	if (f->var)
		buf_addf(b, "'%s' %s by %s() at line %u", f->var, acquired(f), f->acquirer,
			 f->acq_line);
	else
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
	}
}

/* Builds the warning message of f (without location and flag) into b. */
static void buf_add_message(struct buf *b, const struct finding *f)
{
	switch (f->kind) {
	case FK_LEAK:
		buf_add_subject(b, f);
		buf_addf(b, " is not %s ", released(f));
		buf_add_where(b, f);
		break;
	case FK_OVERWRITE:
		buf_add_subject(b, f);
		buf_addf(b, " is overwritten here before being %s", released(f));
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
		buf_addf(b, "result of %s() is discarded; what it %s is never %s", f->acquirer,
			 acquired(f), released(f));
		break;
	}
}

/* Builds the line "FILE:LINE:COL: note: TEXT\n" of note n of f into b. */
static void buf_add_note(struct buf *b, const struct finding *f, const struct note *n)
{
	buf_add_loc(b, n->loc.file, n->loc.line, n->loc.col);
	buf_addf(b, "note: ");
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
		buf_addf(b, "%s() returns what %s() %s", n->func ? n->func : "?", text_of(n),
			 acquired(f));
		if (n->at.file && n->at.line)
			buf_addf(b, " at %s:%u", n->at.file, n->at.line);
		break;
	}
	buf_addf(b, "\n");
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

void report_set_verbose(bool on)
{
	rep.verbose = on;
}

void report_finding(const struct finding *f)
{
	struct buf b = { 0 };
	struct entry *e;
	size_t i;

	arena_grow(&rep.arena, (void **)&rep.v, &rep.cap, rep.len + 1, sizeof(*rep.v));
	e = &rep.v[rep.len++];
	e->file = arena_strdup(&rep.arena, or_unknown(f->loc.file));
	e->line = f->loc.line;
	e->col = f->loc.col;
	e->flag = report_flag_name(f->kind);
	if (f->res && f->res->guessed)
		e->flag = arena_printf(&rep.arena, "%s-guessed", e->flag);

	buf_add_message(&b, f);
	e->msg = arena_strndup(&rep.arena, b.s, b.len);
	b.len = 0;
	for (i = 0; i < f->nnotes; i++)
		buf_add_note(&b, f, &f->notes[i]);
	e->notes = b.len ? arena_strndup(&rep.arena, b.s, b.len) : "";
	free(b.s);
}

size_t report_count(void)
{
	return rep.len;
}

/* Orders findings by file, line, column, flag, message, then notes. */
static int entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->file, b->file)))
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if ((c = strcmp(a->flag, b->flag)))
		return c;
	if ((c = strcmp(a->msg, b->msg)))
		return c;
	return strcmp(a->notes, b->notes);
}

size_t report_flush(void)
{
	struct buf loc = { 0 };
	size_t i, printed = 0;

	if (rep.len)
		qsort(rep.v, rep.len, sizeof(*rep.v), entry_cmp);
	for (i = 0; i < rep.len; i++) {
		const struct entry *e = &rep.v[i];

		if (i > 0 && entry_cmp(&rep.v[i - 1], e) == 0)
			continue;
		loc.len = 0;
		buf_add_loc(&loc, e->file, e->line, e->col);
		printf("%swarning: %s [leakcheck-%s]\n%s", loc.s, e->msg, e->flag, e->notes);
		printed++;
	}
	fflush(stdout);
	free(loc.s);
	report_release();
	return printed;
}

void report_error_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	struct buf loc = { 0 };
	va_list ap;

	buf_add_loc(&loc, file, line, col);
	fprintf(stderr, "%serror: ", loc.s);
	free(loc.s);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void report_error(const char *fmt, ...)
{
	va_list ap;

	fputs("leakcheck: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void report_verbose(const char *fmt, ...)
{
	va_list ap;

	if (!rep.verbose)
		return;
	fputs("leakcheck: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void report_release(void)
{
	arena_release(&rep.arena);
	rep.v = NULL;
	rep.len = 0;
	rep.cap = 0;
}
