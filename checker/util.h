/*
 * util.h - checked allocation and a string-keyed hash map.
 *
 * xmalloc() and friends never return NULL: on exhaustion they print one
 * line to stderr and exit with status 2.  The map stores borrowed keys
 * (the caller keeps them alive, usually in an arena) and void * values.
 */
#ifndef LEAKCHECK_UTIL_H
#define LEAKCHECK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

#endif
