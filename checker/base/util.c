/*
 * util.c - checked allocation, the string map, reading regular files and
 * quoting input; see util.h.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

const char *util_strerror(int err)
{
	return err == UTIL_ENOTREG ? "not a regular file" : strerror(err);
}

/* 0 if st is a regular file, else its error code. */
static int regular_or_error(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return 0;
	return S_ISDIR(st->st_mode) ? EISDIR : UTIL_ENOTREG;
}

int util_open_regular(const char *path, int *err)
{
	struct stat st;
	int fd, flags;

	if (stat(path, &st) < 0) {
		*err = errno;
		return -1;
	}
	if ((*err = regular_or_error(&st)))
		return -1;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		*err = errno;
		return -1;
	}
	if (fstat(fd, &st) < 0)
		*err = errno;
	else if (!(*err = regular_or_error(&st)) &&
		 ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0))
		*err = errno;
	if (*err) {
		close(fd);
		return -1;
	}
	return fd;
}

int util_read_file(const char *path, size_t max, char **text, size_t *len)
{
	size_t cap = 4096, n = 0;
	ssize_t got = 0;
	char *buf;
	int err, fd = util_open_regular(path, &err);

	if (fd < 0)
		return err;
	buf = xmalloc(cap + 1);
	/* read to the end rather than trust st_size (files in /proc say 0) */
	while (n <= max) {
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	err = got < 0 ? errno : n > max ? EFBIG : 0;
	close(fd);
	if (err) {
		free(buf);
		return err;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

/*
 * Writes the first n bytes of s (fewer at a NUL) escaped as util.h says
 * into o, which has room for 4 * n + 1 bytes; returns the end written.
 */
static char *escape(char *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\') {
			*o++ = '\\';
			*o++ = '\\';
		} else if (c < 0x20 || c > 0x7e) {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		} else {
			*o++ = (char)c;
		}
	}
	*o = '\0';
	return o;
}

const char *util_excerpt(char buf[UTIL_EXCERPT_SIZE], const char *s)
{
	char *o = escape(buf, s, UTIL_EXCERPT_MAX);

	if (strnlen(s, UTIL_EXCERPT_MAX + 1) > UTIL_EXCERPT_MAX)
		strcpy(o, "...");
	return buf;
}

char *util_escape(const char *s)
{
	char *buf = xmalloc(4 * strlen(s) + 1);

	escape(buf, s, strlen(s));
	return buf;
}

const char *util_excerpt_message(char *buf, size_t size, const char *msg)
{
	static const char mark[] = " near '";
	const char *near = strstr(msg, mark);
	size_t head = near ? (size_t)(near - msg) + strlen(mark) : strlen(msg);
	char *text, *o;
	size_t n;

	/* the library's own words, escaped, as far as they fit */
	if (head > (size - UTIL_EXCERPT_SIZE - 2) / 4)
		head = (size - UTIL_EXCERPT_SIZE - 2) / 4;
	o = escape(buf, msg, head);
	if (!near)
		return buf;
	text = xstrdup(near + strlen(mark));
	n = strlen(text);
	if (n && text[n - 1] == '\'')
		text[n - 1] = '\0';
	util_excerpt(o, text);
	strcat(o, "'");
	free(text);
	return buf;
}

int util_make_dir(const char *dir, bool parents, unsigned mode)
{
	char tmp[4096];
	char *p;

	if (snprintf(tmp, sizeof(tmp), "%s", dir) >= (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = tmp + 1; parents && *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, (mode_t)mode) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(tmp, (mode_t)mode) < 0 && errno != EEXIST ? -1 : 0;
}
