/*
 * outfile.h - the files leakcheck writes (--output, --write-baseline),
 * and the files it reads, which they must not be.
 *
 * An output file is written once, after the analysis, and replaces the
 * file at its path atomically: the text goes to a new file in the same
 * directory, created with O_EXCL (so never through a symbolic link, and
 * never an existing file), which is renamed over the path once complete.
 * Until then the old file is untouched, and a run that fails half-way
 * leaves it as it was.  The new file keeps the old one's permission bits.
 * A path that names a symbolic link, a device or a FIFO (/dev/stdout,
 * /dev/null, a link to a log file) is written through instead, truncated
 * and rewritten in place like a shell redirection, so that the link or
 * the device stays what it is.
 *
 * The files the run reads are recorded (outfile_add_input) by device and
 * inode, so that an output naming one of them, under any name, through
 * any link, is refused before it is written.  Not recorded: the headers
 * that sources include.
 *
 * Nothing is printed here: functions return 0, or -1 with errno set, and
 * the report module says what went wrong.
 */
#ifndef LEAKCHECK_OUTFILE_H
#define LEAKCHECK_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

/* An output file being written (outfile_open() to outfile_commit()). */
struct outfile {
	const char *path;           /* the path named; borrowed */
	char *tmp;                  /* the new file renamed over path at the end,
				       or NULL when path is written through */
	FILE *fp;                   /* where to write */
};

/*
 * Records that the run reads path (what it names, after links), so that
 * outfile_is_input() knows it.  A path that does not exist is ignored.
 * Safe to call from several threads.
 */
void outfile_add_input(const char *path);

/* Whether path names a file recorded by outfile_add_input(). */
bool outfile_is_input(const char *path);

/* Whether a and b name the same file (existing or not). */
bool outfile_same(const char *a, const char *b);

/*
 * Checks, before the analysis, that path can be written later: it is not
 * a directory (EISDIR), its directory exists and is writable, and an
 * existing file there is writable.  Returns 0, or -1 with errno set.
 */
int outfile_check(const char *path);

/*
 * Starts writing path: o->fp is the new temporary file, or path itself
 * when it is written through.  Returns 0, or -1 with errno set (o is then
 * empty).  End with outfile_commit() or outfile_discard().
 */
int outfile_open(struct outfile *o, const char *path);

/*
 * Finishes writing: flushes and closes o->fp and renames the temporary
 * file over the path.  Returns 0, or -1 with errno set after removing the
 * temporary file (the old file is then left as it was).
 */
int outfile_commit(struct outfile *o);

/* Closes o->fp and removes the temporary file, leaving path as it was. */
void outfile_discard(struct outfile *o);

/* Forgets the inputs recorded. */
void outfile_release_inputs(void);

#endif
