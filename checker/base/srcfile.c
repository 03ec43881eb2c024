/* srcfile.c - source files read by line, and NOLINT comments; see srcfile.h. */
#include "srcfile.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* One file of the cache. */
struct srcfile {
	char **lines;               /* lines[i] is line i + 1, NUL-terminated */
	unsigned nlines;            /* 0 when the file cannot be read */
	bool has_ranges;            /* "NOLINTBEGIN" occurs somewhere in it */
};

enum directive {
	DIR_LINE,                   /* NOLINT */
	DIR_NEXTLINE,               /* NOLINTNEXTLINE */
	DIR_BEGIN,                  /* NOLINTBEGIN */
	DIR_END,                    /* NOLINTEND */
};

/* A directive found in a line; list is NULL for "every flag". */
struct nolint {
	enum directive dir;
	const char *list;           /* start of the text inside the parentheses */
	size_t listlen;
};

void srcfile_cache_init(struct srcfile_cache *c)
{
	arena_init(&c->arena);
	strmap_init(&c->files);
}

void srcfile_cache_release(struct srcfile_cache *c)
{
	strmap_release(&c->files);
	arena_release(&c->arena);
}

/* Reads all of fp into the arena; returns its text, or NULL on a read error. */
static char *read_all(struct arena *a, FILE *fp, size_t *len)
{
	char chunk[8192], *text = NULL;
	size_t n, cap = 0;

	*len = 0;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		arena_grow(a, (void **)&text, &cap, *len + n + 1, 1);
		memcpy(text + *len, chunk, n);
		*len += n;
	}
	if (ferror(fp))
		return NULL;
	if (!text)
		arena_grow(a, (void **)&text, &cap, 1, 1);
	text[*len] = '\0';
	return text;
}

/* Splits text into lines in place (newlines and a '\r' before them become NULs). */
static void split_lines(struct arena *a, struct srcfile *sf, char *text, size_t len)
{
	size_t cap = 0, i, start = 0;

	for (i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		text[i] = '\0';
		if (i > start && text[i - 1] == '\r')
			text[i - 1] = '\0';
		arena_grow(a, (void **)&sf->lines, &cap, sf->nlines + 1, sizeof(*sf->lines));
		sf->lines[sf->nlines++] = text + start;
		start = i + 1;
	}
}

/* Returns the cached file, reading it on first use. */
static struct srcfile *get_file(struct srcfile_cache *c, const char *file)
{
	struct srcfile *sf = strmap_get(&c->files, file);
	size_t len;
	char *text;
	FILE *fp;
	int fd, err;

	if (sf)
		return sf;
	sf = arena_alloc(&c->arena, sizeof(*sf));
	strmap_put(&c->files, arena_strdup(&c->arena, file), sf);
	fd = util_open_regular(file, &err);         /* never a FIFO or a device */
	fp = fd >= 0 ? fdopen(fd, "r") : NULL;
	if (!fp) {
		if (fd >= 0)
			close(fd);
		return sf;
	}
	text = read_all(&c->arena, fp, &len);
	fclose(fp);
	if (!text)
		return sf;
	sf->has_ranges = strstr(text, "NOLINTBEGIN") != NULL;
	split_lines(&c->arena, sf, text, len);
	return sf;
}

void srcfile_put(struct srcfile_cache *c, const char *file, const char *text, size_t len)
{
	struct srcfile *sf = arena_alloc(&c->arena, sizeof(*sf));
	char *copy = arena_alloc(&c->arena, len + 1);

	memset(sf, 0, sizeof(*sf));
	memcpy(copy, text, len);
	copy[len] = '\0';
	sf->has_ranges = strstr(copy, "NOLINTBEGIN") != NULL;
	split_lines(&c->arena, sf, copy, len);
	strmap_put(&c->files, arena_strdup(&c->arena, file), sf);
}

const char *srcfile_line(struct srcfile_cache *c, const char *file, unsigned line)
{
	struct srcfile *sf = get_file(c, file);

	if (line == 0 || line > sf->nlines)
		return NULL;
	return sf->lines[line - 1];
}

/*
 * Parses the directive that starts at s (which points at "NOLINT") into
 * d.  Returns the position after it, or NULL when s is not a directive
 * (NOLINTFOO, or a '(' with no ')').
 */
static const char *parse_directive(const char *s, struct nolint *d)
{
	static const struct {
		const char *word;
		enum directive dir;
	} words[] = {
		{ "NOLINTNEXTLINE", DIR_NEXTLINE },
		{ "NOLINTBEGIN", DIR_BEGIN },
		{ "NOLINTEND", DIR_END },
		{ "NOLINT", DIR_LINE },
	};
	const char *close;
	size_t i, n = 0;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i].word);
		if (!strncmp(s, words[i].word, n))
			break;
	}
	d->dir = words[i].dir;
	s += n;
	if (isalnum((unsigned char)*s) || *s == '_')
		return NULL;
	d->list = NULL;
	d->listlen = 0;
	if (*s != '(')
		return s;
	close = strchr(s, ')');
	if (!close)
		return NULL;
	d->list = s + 1;
	d->listlen = (size_t)(close - d->list);
	return close + 1;
}

/*
 * Matches flag against a pattern of n bytes in which '*' stands for any
 * text.  Iterative, going back only to the last '*': time is bounded by
 * n times the flag's length, whatever the number of stars.
 */
static bool glob_match(const char *pat, size_t n, const char *flag)
{
	size_t i = 0, star = 0;     /* star: the pattern just after the last '*', 0: none yet */
	const char *retry = NULL;   /* where the last '*' resumes matching flag, one further */

	while (*flag) {
		if (i < n && pat[i] == '*') {
			star = ++i;
			retry = flag;
		} else if (i < n && pat[i] == *flag) {
			i++;
			flag++;
		} else if (star) {
			i = star;
			flag = ++retry;
		} else {
			return false;
		}
	}
	while (i < n && pat[i] == '*')
		i++;
	return i == n;
}

/* Whether the directive d names flag (no list names every flag). */
static bool names_flag(const struct nolint *d, const char *flag)
{
	const char *p = d->list, *end;

	if (!d->list)
		return true;
	end = d->list + d->listlen;
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *item_end = comma ? comma : end;

		while (p < item_end && isspace((unsigned char)*p))
			p++;
		while (item_end > p && isspace((unsigned char)item_end[-1]))
			item_end--;
		if (item_end > p && glob_match(p, (size_t)(item_end - p), flag))
			return true;
		p = comma ? comma + 1 : end;
	}
	return false;
}

/*
 * Finds the next directive in text at or after *pos, in a comment (a "//"
 * or a block comment opener before it on the line).  Returns false when
 * there is none.
 */
static bool next_directive(const char *text, const char **pos, struct nolint *d)
{
	const char *s = *pos;

	while ((s = strstr(s, "NOLINT"))) {
		const char *after = parse_directive(s, d);
		bool in_comment = false;
		const char *q;

		for (q = text; q + 1 < s && !in_comment; q++)
			in_comment = q[0] == '/' && (q[1] == '/' || q[1] == '*');
		if (after && in_comment) {
			*pos = after;
			return true;
		}
		s += strlen("NOLINT");
	}
	return false;
}

/* Whether line text has a directive of kind dir naming flag. */
static bool line_has(const char *text, enum directive dir, const char *flag)
{
	const char *pos = text;
	struct nolint d;

	while (text && next_directive(text, &pos, &d))
		if (d.dir == dir && names_flag(&d, flag))
			return true;
	return false;
}

/* Same list text (both NULL, or the same bytes). */
static bool same_list(const struct nolint *a, const struct nolint *b)
{
	if (!a->list || !b->list)
		return !a->list && !b->list;
	return a->listlen == b->listlen && !memcmp(a->list, b->list, a->listlen);
}

/*
 * Whether a NOLINTBEGIN range naming flag is open on line: walks the
 * file from the top, keeping a stack of open BEGINs; an END closes the
 * innermost BEGIN with the same list.
 */
static bool in_range(struct srcfile_cache *c, const struct srcfile *sf, unsigned line,
		     const char *flag)
{
	struct nolint *open = NULL, d;
	size_t nopen = 0, cap = 0, i;
	unsigned l;

	for (l = 1; l <= line && l <= sf->nlines; l++) {
		const char *pos = sf->lines[l - 1];

		while (next_directive(sf->lines[l - 1], &pos, &d)) {
			if (d.dir == DIR_BEGIN) {
				arena_grow(&c->arena, (void **)&open, &cap, nopen + 1, sizeof(*open));
				open[nopen++] = d;
			} else if (d.dir == DIR_END && l < line) {
				for (i = nopen; i > 0; i--)
					if (same_list(&open[i - 1], &d))
						break;
				if (i > 0) {
					memmove(&open[i - 1], &open[i], (nopen - i) * sizeof(*open));
					nopen--;
				}
			}
		}
	}
	for (i = 0; i < nopen; i++)
		if (names_flag(&open[i], flag))
			return true;
	return false;
}

bool srcfile_nolint(struct srcfile_cache *c, const char *file, unsigned line, const char *flag)
{
	struct srcfile *sf = get_file(c, file);

	if (line == 0 || line > sf->nlines)
		return false;
	if (line_has(sf->lines[line - 1], DIR_LINE, flag))
		return true;
	if (line > 1 && line_has(sf->lines[line - 2], DIR_NEXTLINE, flag))
		return true;
	return sf->has_ranges && in_range(c, sf, line, flag);
}
