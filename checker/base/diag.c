/*
 * diag.c - the messages of the run itself, printed and kept; see diag.h.
 */
#define _GNU_SOURCE

#include "diag.h"
#include "arena.h"
#include "util.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct {
	bool verbose;               /* --verbose; set before any thread starts */
	pthread_mutex_t lock;       /* guards everything below */
	struct arena arena;         /* owns the notices and their texts */
	struct diag_notice *v;
	size_t len, cap;
} notes = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* Keeps a notice; file may be NULL. */
static void keep(enum diag_level level, const char *file, unsigned line, unsigned col,
		 const char *text)
{
	struct diag_notice *n;

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
	const struct diag_notice *a = pa, *b = pb;
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

const struct diag_notice *diag_notices(size_t *n)
{
	pthread_mutex_lock(&notes.lock);
	if (notes.len)
		qsort(notes.v, notes.len, sizeof(*notes.v), notice_cmp);
	*n = notes.len;
	pthread_mutex_unlock(&notes.lock);
	return notes.v;
}

size_t diag_count(void)
{
	size_t n;

	pthread_mutex_lock(&notes.lock);
	n = notes.len;
	pthread_mutex_unlock(&notes.lock);
	return n;
}

void diag_each(size_t from, diag_fn *fn, void *arg)
{
	size_t i;

	for (i = 0; i < notes.len; i++)
		if (notes.v[i].seq >= from)
			fn(arg, (int)notes.v[i].level, notes.v[i].file, notes.v[i].line,
			   notes.v[i].col, notes.v[i].text);
}

int diag_keep(int level, const char *file, unsigned line, unsigned col,
		       const char *text)
{
	if (level != DIAG_ERROR && level != DIAG_WARNING && level != DIAG_NOTE)
		return -1;
	keep((enum diag_level)level, file, line, col, text);
	return 0;
}

void diag_release(void)
{
	pthread_mutex_lock(&notes.lock);
	arena_release(&notes.arena);
	notes.v = NULL;
	notes.len = notes.cap = 0;
	pthread_mutex_unlock(&notes.lock);
}

void diag_set_verbose(bool on)
{
	notes.verbose = on;
}

bool diag_is_verbose(void)
{
	return notes.verbose;
}

/* Where this thread's errors and remarks go (diag_capture), else stderr. */
static __thread FILE *captured;

static FILE *err_out(void)
{
	return captured ? captured : stderr;
}

void diag_capture(FILE *f)
{
	captured = f;
}

/* Whether the terminal on stderr understands escape sequences (not TERM=dumb). */
static bool fancy_terminal(void)
{
	const char *term = getenv("TERM");

	return isatty(STDERR_FILENO) && term && *term && strcmp(term, "dumb") != 0;
}

void diag_progress(size_t done, size_t total, const char *file)
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

void diag_error_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
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
	keep(DIAG_ERROR, file ? file : "<unknown>", line, col, msg);
	free(msg);
	free(where);
	if (n >= 0)
		free(prefix);
}

/* Prints PREFIXMESSAGE and keeps MESSAGE for SARIF as a notice of level k. */
static void say_keep(enum diag_level k, const char *prefix, const char *fmt, va_list ap)
{
	char *msg = say(prefix, fmt, ap);

	keep(k, NULL, 0, 0, msg);
	free(msg);
}

void diag_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_keep(DIAG_ERROR, "leakcheck: error: ", fmt, ap);
	va_end(ap);
}

void diag_notice(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_keep(DIAG_NOTE, "leakcheck: ", fmt, ap);
	va_end(ap);
}

void diag_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_keep(DIAG_NOTE, "leakcheck: warning: ", fmt, ap);
	va_end(ap);
}

void diag_verbose(const char *fmt, ...)
{
	va_list ap;

	if (!notes.verbose)
		return;
	va_start(ap, fmt);
	free(say("leakcheck: ", fmt, ap));
	va_end(ap);
}
