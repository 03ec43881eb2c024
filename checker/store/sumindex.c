/*
 * sumindex.c - the summary index file (sumindex.h): the header, the
 * entries in key order, a checksum, all compressed with zlib's gzip
 * format; written to a fresh file renamed into place, read whole and
 * checked before anything enters the run.
 *
 * The bytes, once uncompressed (bytes.h encodes integers and strings):
 *   "LKIX", then zlib's crc32 of every byte after these 8 (uint32_t)
 *   the format version (SUMINDEX_FORMAT), leakcheck's version (string),
 *   the rules' hash, the source root it was written with (string)
 *   the count of entries, then each: its key (the function's name), and
 *   a flag: 1 and the summary (sumindex_codec.c), or 0 (a body whose
 *   walk gave no summary)
 */
#include "base/bytes.h"
#include "base/diag.h"
#include "sumindex.h"
#include "base/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "LKIX"
#define HEADER 8                    /* magic and checksum */

struct entry {
	const char *key;
	const struct summary *s;            /* NULL: a body without a summary */
};

static int entry_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct entry *)pa)->key, ((const struct entry *)pb)->key);
}

/* The external functions of S, in key order (free the array). */
static struct entry *entries(const struct summaries *S, size_t *n)
{
	struct entry *v = xcalloc(S->bodies.len + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < S->bodies.cap; i++) {
		const char *key = S->bodies.slots[i].key;

		if (!key || strchr(key, ':'))
			continue;                   /* static, or a unit's own view */
		v[*n].key = key;
		v[(*n)++].s = strmap_get(&S->map, key);
	}
	qsort(v, *n, sizeof(*v), entry_cmp);
	return v;
}

int sumindex_write(const char *path, const struct summaries *S, uint64_t rules_id,
		   const char *root)
{
	struct bytes_out b = { 0 };
	struct entry *v;
	size_t n, i;
	uint32_t crc;
	int status;

	v = entries(S, &n);
	bytes_put(&b, MAGIC, 4);
	bytes_put(&b, "\0\0\0\0", 4);       /* the checksum, below */
	bytes_put_i64(&b, SUMINDEX_FORMAT);
	bytes_put_str(&b, LEAKCHECK_VERSION);
	bytes_put_i64(&b, (int64_t)rules_id);
	bytes_put_str(&b, root);
	bytes_put_i64(&b, (int64_t)n);
	for (i = 0; i < n; i++) {
		bytes_put_str(&b, v[i].key);
		bytes_put_i64(&b, v[i].s != NULL);
		if (v[i].s)
			sumindex_put_summary(&b, v[i].s, root);
	}
	crc = bytes_crc32(b.p + HEADER, b.len - HEADER);
	memcpy(b.p + 4, &crc, sizeof(crc));
	errno = 0;
	status = bytes_write_gz(path, &b, "index");
	if (status == 0)
		diag_verbose("wrote the summaries of %zu functions to the index '%s'", n, path);
	free(v);
	free(b.p);
	return status;
}

/* Checks the header of r; -1 after an error line. */
static int check_header(struct bytes_in *r, struct arena *a, const char *path,
			uint64_t rules_id)
{
	int64_t format;
	const char *version;
	uint32_t stored;

	if ((size_t)(r->end - r->p) < HEADER || memcmp(r->p, MAGIC, 4) != 0) {
		diag_error("'%s' is not a leakcheck index", path);
		return -1;
	}
	memcpy(&stored, r->p + 4, sizeof(stored));
	if (bytes_crc32(r->p + HEADER, (size_t)(r->end - r->p) - HEADER) != stored) {
		diag_error("the index '%s' is damaged: its checksum does not match", path);
		return -1;
	}
	r->p += HEADER;
	format = bytes_get_i64(r);
	version = bytes_get_str(r, a);
	if (r->bad || format != SUMINDEX_FORMAT || !version || strcmp(version, LEAKCHECK_VERSION)) {
		diag_error("the index '%s' was written by another version of leakcheck (%s, format %lld; this is %s, format %d): write it again with --write-index",
			     path, version ? version : "?", (long long)format, LEAKCHECK_VERSION,
			     SUMINDEX_FORMAT);
		return -1;
	}
	if ((uint64_t)bytes_get_i64(r) != rules_id) {
		diag_error("the index '%s' was written with other rules than this run's: write it again with --write-index",
			     path);
		return -1;
	}
	bytes_get_str(r, a);                /* the root it was written with */
	return 0;
}

long sumindex_load(const char *path, struct summaries *S, const struct rules *rules,
		   uint64_t rules_id, const char *root)
{
	unsigned char *data;
	struct bytes_in r;
	struct strmap made;
	size_t len, n, i;

	if (bytes_read_gz(path, &data, &len, "index") < 0)
		return -1;
	r = (struct bytes_in){ data, data + len, NULL };
	if (check_header(&r, &S->arena, path, rules_id) < 0) {
		free(data);
		return -1;
	}
	strmap_init(&made);
	n = bytes_get_count(&r);
	for (i = 0; i < n && !r.bad; i++) {
		const char *key = bytes_get_name(&r, &S->arena);
		struct summary *s = NULL;

		if (key && (!*key || strchr(key, ':')))
			bytes_fail(&r, BYTES_RANGE);
		if (bytes_get_bool(&r) && (s = sumindex_get_summary(&r, S, rules, &made, root)))
			s->key = key;
		if (r.bad)
			break;
		strmap_put(&S->bodies, key, (void *)1);
		if (s)
			strmap_put(&S->map, key, s);
	}
	if (!r.bad && r.p != r.end)
		bytes_fail(&r, BYTES_CUT);
	strmap_release(&made);
	free(data);
	if (r.bad) {
		diag_error("the index '%s' is damaged: %s", path, r.bad);
		return -1;
	}
	diag_verbose("%zu functions known from the index '%s'", n, path);
	return (long)n;
}
