/*
 * lsp_doc.c - the language server's open documents: their text as the
 * editor has it, changes (whole or ranges), positions in UTF-16 units or
 * UTF-8 bytes, and file: URIs.
 */
#define _GNU_SOURCE

#include "lsp_int.h"
#include "base/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri)
{
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		if (!strcmp(s->docs[i]->uri, uri))
			return s->docs[i];
	return NULL;
}

/* Sets d's text to a copy of len bytes of text. */
static void set_text(struct lsp_doc *d, const char *text, size_t len)
{
	char *copy = xmalloc(len + 1);

	memcpy(copy, text, len);
	copy[len] = '\0';
	free(d->text);
	d->text = copy;
	d->len = len;
}

struct lsp_doc *lsp_doc_open(struct lsp_server *s, const char *uri, const char *text,
			     size_t len, int64_t version)
{
	struct lsp_doc *d = lsp_doc_find(s, uri);
	char *path = lsp_uri_path(uri);

	if (!path)
		return NULL;
	if (!d) {
		d = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		if (s->ndocs == s->capdocs) {
			s->capdocs = s->capdocs ? s->capdocs * 2 : 8;
			s->docs = xrealloc(s->docs, s->capdocs * sizeof(*s->docs));
		}
		s->docs[s->ndocs++] = d;
	}
	free(d->path);
	d->path = path;
	set_text(d, text, len);
	d->version = version;
	return d;
}

/* Frees d and what it holds. */
static void doc_free(struct lsp_doc *d)
{
	lsp_result_release(&d->last);
	lsp_result_release(&d->explained);
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d);
}

void lsp_doc_close(struct lsp_server *s, struct lsp_doc *d)
{
	size_t i;

	for (i = 0; i < s->ndocs; i++) {
		if (s->docs[i] != d)
			continue;
		s->docs[i] = s->docs[--s->ndocs];
		doc_free(d);
		return;
	}
}

void lsp_docs_release(struct lsp_server *s)
{
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		doc_free(s->docs[i]);
	free(s->docs);
	s->docs = NULL;
	s->ndocs = s->capdocs = 0;
}

size_t lsp_line_start(const char *text, size_t len, unsigned line)
{
	size_t i = 0;

	while (line > 0 && i < len) {
		const char *nl = memchr(text + i, '\n', len - i);

		if (!nl)
			return len;
		i = (size_t)(nl - text) + 1;
		line--;
	}
	return line ? len : i;
}

/* The length of the UTF-8 sequence starting with byte c (1 for a stray byte). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xf0 && c < 0xf8 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

size_t lsp_offset(const struct lsp_server *s, const char *text, size_t len, unsigned line,
		  unsigned character)
{
	size_t i = lsp_line_start(text, len, line), units = 0;

	while (i < len && text[i] != '\n' && units < character) {
		size_t n = seq_len((unsigned char)text[i]);

		if (i + n > len)
			n = len - i;
		units += s->utf8 ? n : n == 4 ? 2 : 1;
		i += n;
	}
	return i;
}

unsigned lsp_character(const struct lsp_server *s, const char *text, size_t len,
		       unsigned line, unsigned col)
{
	size_t i, end, start;
	unsigned units = 0;

	if (line == 0 || col == 0)
		return 0;
	if (!text)
		return col - 1;
	start = lsp_line_start(text, len, line - 1);
	end = start + col - 1 < len ? start + col - 1 : len;
	for (i = start; i < end && text[i] != '\n';) {
		size_t n = seq_len((unsigned char)text[i]);

		units += s->utf8 ? (unsigned)n : n == 4 ? 2 : 1;
		i += n;
	}
	return units;
}

int lsp_position(json_t *pos, unsigned *line, unsigned *character)
{
	json_t *l = json_object_get(pos, "line"), *c = json_object_get(pos, "character");

	if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
	    json_integer_value(c) < 0 || json_integer_value(l) > UINT32_MAX ||
	    json_integer_value(c) > UINT32_MAX)
		return -1;
	*line = (unsigned)json_integer_value(l);
	*character = (unsigned)json_integer_value(c);
	return 0;
}

/* Applies one change (a whole text, or a range and its new text) to d. */
static int apply_change(const struct lsp_server *s, struct lsp_doc *d, json_t *change)
{
	json_t *text = json_object_get(change, "text"), *range = json_object_get(change, "range");
	unsigned l0, c0, l1, c1;
	size_t from, to, n;
	char *t;

	if (!json_is_string(text))
		return -1;
	if (!range) {
		set_text(d, json_string_value(text), json_string_length(text));
		return 0;
	}
	if (lsp_position(json_object_get(range, "start"), &l0, &c0) < 0 ||
	    lsp_position(json_object_get(range, "end"), &l1, &c1) < 0)
		return -1;
	from = lsp_offset(s, d->text, d->len, l0, c0);
	to = lsp_offset(s, d->text, d->len, l1, c1);
	if (to < from)
		return -1;
	n = json_string_length(text);
	t = xmalloc(d->len - (to - from) + n + 1);
	memcpy(t, d->text, from);
	memcpy(t + from, json_string_value(text), n);
	memcpy(t + from + n, d->text + to, d->len - to);
	d->len = d->len - (to - from) + n;
	t[d->len] = '\0';
	free(d->text);
	d->text = t;
	return 0;
}

int lsp_doc_change(const struct lsp_server *s, struct lsp_doc *d, json_t *changes)
{
	size_t i;
	json_t *c;

	if (!json_is_array(changes))
		return -1;
	json_array_foreach(changes, i, c)
		if (!json_is_object(c) || apply_change(s, d, c) < 0)
			return -1;
	return 0;
}

/* The value of hex digit c, or -1. */
static int hex(int c)
{
	return isdigit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *lsp_uri_path(const char *uri)
{
	const char *p;
	char *path, *o;

	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	if (!strncmp(p, "localhost/", 10))
		p += 9;
	if (*p != '/')
		return NULL;
	o = path = xmalloc(strlen(p) + 1);
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%' && hex((unsigned char)p[1]) >= 0 && hex((unsigned char)p[2]) >= 0) {
			*o++ = (char)(hex((unsigned char)p[1]) * 16 + hex((unsigned char)p[2]));
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	if (strlen(path) != (size_t)(o - path)) {   /* %00 */
		free(path);
		return NULL;
	}
	return path;
}

char *lsp_path_uri(const char *path)
{
	static const char digits[] = "0123456789ABCDEF";
	char *uri = xmalloc(7 + 3 * strlen(path) + 1), *o = uri;
	const unsigned char *p;

	memcpy(o, "file://", 7);
	o += 7;
	for (p = (const unsigned char *)path; *p; p++) {
		if (isalnum(*p) || strchr("/-._~", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = digits[*p >> 4];
			*o++ = digits[*p & 15];
		}
	}
	*o = '\0';
	return uri;
}
