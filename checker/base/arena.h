/*
 * arena.h - bump allocation for data that dies together.
 *
 * An arena hands out memory from large chunks and frees it all in one
 * call.  The IR of one function, the rule tables and other data whose
 * lifetime is "until this unit of work ends" live in arenas, so no
 * individual free() calls are needed.  Allocation failure is fatal: the
 * process prints one line and exits with status 2 (memory exhaustion is
 * not an analysis result).
 *
 * Not thread-safe: one arena per thread.
 */
#ifndef LEAKCHECK_ARENA_H
#define LEAKCHECK_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;   /* newest chunk; older chunks chained behind it */
	size_t used;                /* bytes used in head */
	size_t total;               /* bytes handed out since init (statistics) */
};

/* Initialises an empty arena in place; no memory is allocated yet. */
void arena_init(struct arena *a);

/* Frees every chunk; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);

/* Returns n zeroed bytes aligned for any type; valid until arena_release(). */
void *arena_alloc(struct arena *a, size_t n);

/* Copies the NUL-terminated string s (NULL gives NULL) into the arena. */
char *arena_strdup(struct arena *a, const char *s);

/* Copies n bytes of s and a terminating NUL into the arena. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Grows the array *p (of *cap elements of size elem) so it holds at
 * least need elements, copying it within the arena.  The old storage is
 * not reused (it dies with the arena).
 */
void arena_grow(struct arena *a, void **p, size_t *cap, size_t need, size_t elem);

#endif
