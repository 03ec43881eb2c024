/* util.c - checked allocation and the string map; see util.h. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("leakcheck: error: out of memory\n", stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *np = realloc(p, n ? n : 1);

	if (!np)
		out_of_memory();
	return np;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* 64-bit multiply-xorshift over 8-byte words (then the tail): fast on
 * the analysis' state vectors, which are hashed at every step. */
uint64_t util_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t w;

	while (n >= 8) {
		memcpy(&w, b, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
		h ^= h >> 29;
		b += 8;
		n -= 8;
	}
	while (n--) {
		h ^= *b++;
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 32);
}

void strmap_init(struct strmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->len = 0;
}

void strmap_release(struct strmap *m)
{
	free(m->slots);
	strmap_init(m);
}

static size_t strmap_find(const struct strmap *m, const char *key)
{
	size_t mask = m->cap - 1;
	size_t i = util_hash(UTIL_HASH_INIT, key, strlen(key)) & mask;

	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & mask;
	return i;
}

void *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	return m->slots[strmap_find(m, key)].value;
}

void strmap_put(struct strmap *m, const char *key, void *value)
{
	size_t i;

	if ((m->len + 1) * 2 > m->cap) {
		struct strmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		m->len = 0;
		for (i = 0; i < old.cap; i++)
			if (old.slots[i].key)
				strmap_put(m, old.slots[i].key, old.slots[i].value);
		free(old.slots);
	}
	i = strmap_find(m, key);
	if (!m->slots[i].key) {
		m->slots[i].key = key;
		m->len++;
	}
	m->slots[i].value = value;
}

size_t util_edit_distance(const char *a, const char *b)
{
	size_t row[32];
	size_t nb = strlen(b), i, j;

	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; a[i - 1]; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}
