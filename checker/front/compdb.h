/*
 * compdb.h - compile databases: reading compile_commands.json (jansson),
 * splitting "command" strings like a shell, and sanitising the arguments
 * libclang gets (no compiler, output or dependency-file flags, nothing
 * that loads code, relative paths made absolute), and marking entries
 * whose arguments name a FIFO or a device (-include /dev/zero), which are
 * not parsed.  Also the small path helpers the driver shares with it.
 *
 * Everything lives in the caller's arena.
 */
#ifndef LEAKCHECK_COMPDB_H
#define LEAKCHECK_COMPDB_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

/* A growable array of strings in an arena. */
struct strvec {
	const char **v;
	size_t len;
	size_t cap;
};

/* One entry of a compile database, ready to be parsed. */
struct db_entry {
	const char *file;           /* directory + file: absolute */
	const char *real;           /* realpath of file, or file if that fails */
	struct strvec args;         /* sanitised arguments, paths made absolute */
	const char *dropped;        /* code-loading arguments left out, or NULL */
	const char *special;        /* a FIFO, device or socket its arguments name
				       (-include /dev/zero), or NULL; such an entry
				       is not parsed */
};

/* A loaded compile database. */
struct db {
	const char *path;           /* .../compile_commands.json */
	const char *dir;            /* its directory, absolute */
	bool bad;                   /* failed to load; the errors are reported */
	struct db_entry *v;
	size_t len;
	size_t cap;
};

/* Appends s to sv. */
void compdb_strvec_push(struct arena *a, struct strvec *sv, const char *s);

/* dir/name (name if it is absolute). */
const char *compdb_path_join(struct arena *a, const char *dir, const char *name);

/* Whether path is a directory. */
bool compdb_is_dir(const char *path);

/*
 * 0 if path can be read as a regular file, else an error code for
 * util_strerror() (EISDIR, UTIL_ENOTREG for a FIFO or a device, ...).
 * Never blocks.
 */
int compdb_check_readable(const char *path);

/* argv joined with spaces, for messages; free() it. */
char *compdb_join_args(const char *const *argv, size_t n);

/* The largest compile_commands.json read (a bigger one is an error). */
#define COMPDB_MAX_FILE_SIZE ((size_t)1 << 30)

/*
 * Reads db->path (a regular file of at most COMPDB_MAX_FILE_SIZE bytes;
 * a leading UTF-8 byte-order mark is skipped) into db: sets db->dir and
 * adds every entry.  Returns 0, or -1 after reporting every problem.
 */
int compdb_read(struct arena *a, struct db *db);

/* Adds entry idx (1-based, for messages) of the array to db; -1 after reporting a problem. */
int compdb_add_entry(struct arena *a, struct db *db, size_t idx, json_t *je);

/* Whether a database entry is C (not assembler or C++). */
bool compdb_is_c_source(const char *file);

/* The C entry of db nearest to real (the same directory first), or NULL. */
const struct db_entry *compdb_nearest(const struct db *db, const char *real);

/*
 * The source root of db: the deepest directory holding db's directory and
 * every file it names (without a trailing '/'), in a; NULL when that is
 * "/".  Paths in a summary index are relative to it.
 */
const char *compdb_source_root(struct arena *a, const struct db *db);

#endif
