/*
 * srcfile.h - source files read by line, and the NOLINT comments in them.
 *
 * When findings are printed, the report module looks at the source lines
 * they point to: to honour inline suppressions and to fingerprint the
 * reported line.  A cache reads each file once (the whole file, split at
 * newlines) and keeps it until srcfile_cache_release().  A file that
 * cannot be read has no lines: nothing in it is suppressed and its line
 * texts are NULL.
 *
 * Suppressions follow clang-tidy's spelling, in a // or block comment:
 *
 *   NOLINT                     this line, every flag
 *   NOLINT(FLAG,FLAG...)       this line, the flags named
 *   NOLINTNEXTLINE(...)        the next line
 *   NOLINTBEGIN(...) / NOLINTEND(...)
 *                              the lines from BEGIN to the END with the
 *                              same list (an END with no BEGIN is ignored)
 *
 * A FLAG is a full flag name ("leakcheck-leak") or a pattern with '*'
 * ("leakcheck-*"); text after the closing parenthesis is a free reason.
 * Not handled: directives spread over several lines, or inside macros.
 */
#ifndef LEAKCHECK_SRCFILE_H
#define LEAKCHECK_SRCFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "util.h"

struct srcfile_cache {
	struct arena arena;         /* owns file texts, line tables and keys */
	struct strmap files;        /* path -> struct srcfile (srcfile.c) */
};

/* Initialises an empty cache in place. */
void srcfile_cache_init(struct srcfile_cache *c);

/* Frees every file read; the cache is empty and reusable afterwards. */
void srcfile_cache_release(struct srcfile_cache *c);

/*
 * Makes text (len bytes, copied) the text of file in c, as an editor has
 * it unsaved; call it before anything reads file.
 */
void srcfile_put(struct srcfile_cache *c, const char *file, const char *text, size_t len);

/*
 * Returns the text of line (1-based) of file, without its newline, or
 * NULL when the file cannot be read or has no such line.  The text lives
 * until srcfile_cache_release().
 */
const char *srcfile_line(struct srcfile_cache *c, const char *file, unsigned line);

/* Whether a NOLINT comment in file suppresses flag on line. */
bool srcfile_nolint(struct srcfile_cache *c, const char *file, unsigned line, const char *flag);

#endif
