/*
 * util.h - checked allocation, a string-keyed hash map, reading the
 * files leakcheck itself reads, and quoting input in messages.
 *
 * xmalloc() and friends never return NULL: on exhaustion they print one
 * line to stderr and exit with status 2.  The map stores borrowed keys
 * (the caller keeps them alive, usually in an arena) and void * values.
 *
 * util_open_regular() and util_read_file() are the only way leakcheck
 * opens a file it reads itself (configs, rules, compile databases,
 * baselines, sources for NOLINT): they refuse anything but a regular
 * file without blocking (a FIFO, a device), and cap the size read.  They
 * report nothing: they return an error code for util_strerror().
 *
 * util_excerpt() is how a message quotes what leakcheck did not
 * understand: at most UTIL_EXCERPT_MAX bytes, escaped.
 */
#ifndef LEAKCHECK_UTIL_H
#define LEAKCHECK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Allocation that exits on failure; release with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Hash of n bytes, continuing from h (start with UTIL_HASH_INIT). */
#define UTIL_HASH_INIT 14695981039346656037ULL
uint64_t util_hash(uint64_t h, const void *p, size_t n);

struct strmap_slot {
	const char *key;            /* borrowed; NULL marks an empty slot */
	void *value;                /* caller's value */
};

struct strmap {
	struct strmap_slot *slots;  /* open addressing, power-of-two size */
	size_t cap;                 /* number of slots */
	size_t len;                 /* number of keys */
};

/* Initialises an empty map in place. */
void strmap_init(struct strmap *m);

/* Frees the slot table (not the keys or values). */
void strmap_release(struct strmap *m);

/* Returns the value stored under key, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);

/* Stores value under key, replacing any previous value. */
void strmap_put(struct strmap *m, const char *key, void *value);

/* Levenshtein distance between a and b, where b is shorter than 32 bytes (for "did you mean"). */
size_t util_edit_distance(const char *a, const char *b);

/* Error code of util_open_regular()/util_read_file(): not a regular file. */
#define UTIL_ENOTREG 0x10000

/* The text of an errno value or of UTIL_ENOTREG ("not a regular file"). */
const char *util_strerror(int err);

/*
 * Opens path for reading if it is a regular file: stat()s it first (a
 * device is never opened), opens it with O_NONBLOCK (a FIFO put in its
 * place does not block), checks the open file again, then clears
 * O_NONBLOCK.  Returns the descriptor (the caller close()s it), or -1
 * with *err set: an errno value (EISDIR for a directory) or UTIL_ENOTREG.
 */
int util_open_regular(const char *path, int *err);

/*
 * Reads the regular file path whole, if it has at most max bytes, into
 * *text (NUL-terminated; the caller frees it with free()) and its length
 * into *len.  Returns 0, or an error code as util_open_regular() does,
 * EFBIG when it is longer than max.
 */
int util_read_file(const char *path, size_t max, char **text, size_t *len);

/* At most this many bytes of input are quoted in a message. */
#define UTIL_EXCERPT_MAX 40

/* The size of the buffer util_excerpt() writes: every byte escaped, "...", NUL. */
#define UTIL_EXCERPT_SIZE (4 * UTIL_EXCERPT_MAX + 4)

/*
 * Writes into buf the first UTIL_EXCERPT_MAX bytes of s with every byte
 * that is not printable ASCII, and the backslash, escaped as \xNN (\\),
 * and "..." when s is longer; returns buf.  For quoting input in one
 * error line: '%s' with util_excerpt(buf, s).
 */
const char *util_excerpt(char buf[UTIL_EXCERPT_SIZE], const char *s);

/*
 * Returns s whole with bytes escaped as util_excerpt() does, for quoting
 * a path that exists (so at most PATH_MAX bytes); free() the result.
 */
char *util_escape(const char *s);

/* A buffer for util_excerpt_message() of a message of up to 160 bytes (jansson's). */
#define UTIL_MESSAGE_SIZE (4 * 160 + UTIL_EXCERPT_SIZE + 2)

/*
 * Copies a library's error message msg (jansson's, which may end with
 * "near 'TEXT'" quoting the input) escaped into buf of size bytes (at
 * least UTIL_EXCERPT_SIZE + 6), with TEXT cut to an excerpt
 * (util_excerpt()); returns buf.
 */
const char *util_excerpt_message(char *buf, size_t size, const char *msg);

/*
 * Creates the directory dir with mode (less the umask), and with parents
 * its missing parents too; one that exists is fine.  Returns -1 with errno.
 */
int util_make_dir(const char *dir, bool parents, unsigned mode);

#endif
