/*
 * report_notice.c - the messages of the run itself, on stderr: errors,
 * verbose remarks, the progress line, and the functions not fully
 * analysed; see report.h.
 *
 * Besides being printed, errors, notices and not-fully-analysed functions
 * are kept (report_int.h, struct report_notice) for the invocation
 * record of the SARIF log, which says whether the run succeeded.  Parser
 * threads report at the same time, so keeping them takes a lock.  The
 * --explain remarks (worded by report.c) are kept here too, and printed
 * after the findings.
 */
#define _GNU_SOURCE

#include "report.h"
#include "base/arena.h"
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
	bool verbose;               /* --verbose; set before any thread starts */
	pthread_mutex_t lock;       /* guards everything below */
	struct arena arena;         /* owns the notices and their texts */
	struct report_notice *v;
	size_t len, cap;
	size_t incomplete[INCOMPLETE_NREASONS];     /* functions, by reason */
	struct remark {
		const char *file;
		unsigned line, col;
		const char *text;
	} *remarks;                 /* --explain */
	size_t nremarks, capremarks;
} notes = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* Keeps a notice; file may be NULL. */
static void keep(enum notice_level level, const char *file, unsigned line, unsigned col,
		 const char *text)
{
	struct report_notice *n;

	pthread_mutex_lock(&notes.lock);
	arena_grow(&notes.arena, (void **)&notes.v, &notes.cap, notes.len + 1, sizeof(*notes.v));
	n = &notes.v[notes.len];
	n->level = level;
	n->file = arena_strdup(&notes.arena, file);
	n->line = line;
	n->col = col;
	n->text = arena_strdup(&notes.arena, text);
	n->seq = notes.len++;
	pthread_mutex_unlock(&notes.lock);
}

/*
 * Orders notices by file (none first), line, column, level and text, then
 * as they came: the order does not depend on which parser thread was
 * first, and identical notices are adjacent.
 */
static int notice_cmp(const void *pa, const void *pb)
{
	const struct report_notice *a = pa, *b = pb;
	int c;

	if (!a->file != !b->file)
		return a->file ? 1 : -1;
	if (a->file && (c = strcmp(a->file, b->file)))
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	if ((c = strcmp(a->text, b->text)))
		return c;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

const struct report_notice *report_notices(size_t *n)
{
	pthread_mutex_lock(&notes.lock);
	if (notes.len)
		qsort(notes.v, notes.len, sizeof(*notes.v), notice_cmp);
	*n = notes.len;
	pthread_mutex_unlock(&notes.lock);
	return notes.v;
}

size_t report_notice_count(void)
{
	size_t n;

	pthread_mutex_lock(&notes.lock);
	n = notes.len;
	pthread_mutex_unlock(&notes.lock);
	return n;
}

void report_each_notice(size_t from, report_notice_fn *fn, void *arg)
{
	size_t i;

	for (i = 0; i < notes.len; i++)
		if (notes.v[i].seq >= from)
			fn(arg, (int)notes.v[i].level, notes.v[i].file, notes.v[i].line,
			   notes.v[i].col, notes.v[i].text);
}

int report_keep_notice(int level, const char *file, unsigned line, unsigned col,
		       const char *text)
{
	if (level != NOTICE_ERROR && level != NOTICE_WARNING && level != NOTICE_NOTE)
		return -1;
	keep((enum notice_level)level, file, line, col, text);
	return 0;
}

void report_notices_release(void)
{
	pthread_mutex_lock(&notes.lock);
	arena_release(&notes.arena);
	notes.v = NULL;
	notes.len = notes.cap = 0;
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

void report_set_verbose(bool on)
{
	notes.verbose = on;
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
	keep(NOTICE_WARNING, loc.file, loc.line, loc.col, text);
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
	fprintf(stderr, ")%s\n", notes.verbose ? "" : "; -v for which");
}

/* Where this thread's errors and remarks go (report_capture), else stderr. */
static __thread FILE *captured;

static FILE *err_out(void)
{
	return captured ? captured : stderr;
}

void report_capture(FILE *f)
{
	captured = f;
}

/* Whether the terminal on stderr understands escape sequences (not TERM=dumb). */
static bool fancy_terminal(void)
{
	const char *term = getenv("TERM");

	return isatty(STDERR_FILENO) && term && *term && strcmp(term, "dumb") != 0;
}

void report_progress(size_t done, size_t total, const char *file)
{
	if (notes.verbose || !fancy_terminal())
		return;
	if (done >= total)
		fputs("\r\033[K", stderr);
	else
		fprintf(stderr, "\r[%zu/%zu] %s\033[K", done + 1, total, file);
	fflush(stderr);
}

/* Prints "PREFIXMESSAGE" to this thread's error stream and returns MESSAGE (free() it). */
static char *say(const char *prefix, const char *fmt, va_list ap)
{
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0)
		msg = xstrdup("(message too long)");
	fprintf(err_out(), "%s%s\n", prefix, msg);
	return msg;
}

/* name with control bytes as \xNN (a name must not start a line of its own in a log); free() it. */
static char *escape_name(const char *name)
{
	char *out = xmalloc(strlen(name) * 4 + 1), *o = out;
	const unsigned char *c;

	for (c = (const unsigned char *)name; *c; c++)
		o += *c < 0x20 || *c == 0x7f ? sprintf(o, "\\x%02x", *c) : sprintf(o, "%c", *c);
	*o = '\0';
	return out;
}

void report_error_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	char *where = escape_name(file ? file : "<unknown>");
	char *prefix, *msg;
	va_list ap;
	int n;

	if (line && col)
		n = asprintf(&prefix, "%s:%u:%u: error: ", where, line, col);
	else if (line)
		n = asprintf(&prefix, "%s:%u: error: ", where, line);
	else
		n = asprintf(&prefix, "%s: error: ", where);
	va_start(ap, fmt);
	msg = say(n < 0 ? "error: " : prefix, fmt, ap);
	va_end(ap);
	keep(NOTICE_ERROR, file ? file : "<unknown>", line, col, msg);
	free(msg);
	free(where);
	if (n >= 0)
		free(prefix);
}

/* Prints PREFIXMESSAGE and keeps MESSAGE for SARIF as a notice of level k. */
static void say_keep(enum notice_level k, const char *prefix, const char *fmt, va_list ap)
{
	char *msg = say(prefix, fmt, ap);

	keep(k, NULL, 0, 0, msg);
	free(msg);
}

void report_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_keep(NOTICE_ERROR, "leakcheck: error: ", fmt, ap);
	va_end(ap);
}

void report_notice(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_keep(NOTICE_NOTE, "leakcheck: ", fmt, ap);
	va_end(ap);
}

void report_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_keep(NOTICE_NOTE, "leakcheck: warning: ", fmt, ap);
	va_end(ap);
}

void report_verbose(const char *fmt, ...)
{
	va_list ap;

	if (!notes.verbose)
		return;
	va_start(ap, fmt);
	free(say("leakcheck: ", fmt, ap));
	va_end(ap);
}
