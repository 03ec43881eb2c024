/*
 * driver_shard.c - a run split over machines (docs/scale.md).
 *
 *   leakcheck -p build --shard K/N --emit-ir DIR      (N machines, K = 1..N)
 *   leakcheck --from-ir DIR1 DIR2 ... DIRN            (one machine)
 *
 * Every shard collects, configures and sorts the jobs of the whole
 * database exactly as a one-machine run does, takes the jobs whose place
 * in that order is K-1 modulo N, parses and lowers them, and writes a
 * bundle (DIR/shard-K-of-N.lkb): each unit's file, arguments, messages
 * (its errors, as printed) and IR (a cache entry), and the errors kept for
 * SARIF.  The merge reads the N bundles, checks that they are the shards
 * of one database made by this leakcheck with the same rules, puts the
 * units back in that order, and runs the rest (summaries, findings,
 * output) as the one-machine run would: the output is byte-identical,
 * whatever N.  The merge runs in a checkout of the same sources: configs
 * (what they report, their options and rules) and NOLINT comments are read
 * there.
 *
 * A bundle (gzip; uncompressed, bytes.h's integers and strings):
 *   "LKB1", zlib's crc32 of every byte after these 8
 *   format (1), leakcheck's version, the rules' hash (cache_rules_hash,
 *   configs' rules included), N, K, a hash of every job of the database in
 *   order (file and arguments), their count
 *   the notices: count, then level, file, line, column, text each
 *   the units: count, then file, the arguments (count, each), flags
 *   (1 trouble, 2 checked, 4 listed), messages (length, bytes), IR (length,
 *   bytes: a cache entry, its functions packed, none when not checked)
 * Anything wrong in a bundle, a missing or repeated shard, or bundles of
 * different databases, versions or rules is an error (exit status 2).
 */
#define _GNU_SOURCE

#include "base/bytes.h"
#include "driver_int.h"
#include "base/diag.h"
#include "report/report.h"
#include "base/util.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAGIC "LKB1"
#define HEADER 8
#define FORMAT 3
#define SUFFIX ".lkb"
#define MAX_SHARDS 100000

enum { UNIT_TROUBLE = 1, UNIT_CHECKED = 2, UNIT_LISTED = 4 };

/* A hash of every job, in order: shards of one database agree on it. */
static uint64_t jobs_hash(const struct run *r)
{
	uint64_t h = UTIL_HASH_INIT;
	size_t i, k;

	for (i = 0; i < r->njobs; i++) {
		h = util_hash(h, r->jobs[i].file, strlen(r->jobs[i].file) + 1);
		for (k = 0; k < r->jobs[i].nargs; k++)
			h = util_hash(h, r->jobs[i].args[k], strlen(r->jobs[i].args[k]) + 1);
		h = util_hash(h, "", 1);
	}
	return h;
}

static void put_notice(void *arg, int level, const char *file, unsigned line, unsigned col,
		       const char *text)
{
	struct bytes_out *b = arg;

	bytes_put_i64(b, level);
	bytes_put_str(b, file);
	bytes_put_i64(b, line);
	bytes_put_i64(b, col);
	bytes_put_str(b, text);
}

static void put_blob(struct bytes_out *b, const void *p, size_t n)
{
	bytes_put_i64(b, (int64_t)n);
	if (n)
		bytes_put(b, p, n);
}

/* Appends one parsed job to the bundle b. */
static void put_unit(struct bytes_out *b, const struct job *j)
{
	size_t k;

	bytes_put_str(b, j->file);
	bytes_put_i64(b, (int64_t)j->nargs);
	for (k = 0; k < j->nargs; k++)
		bytes_put_str(b, j->args[k]);
	bytes_put_i64(b, (j->trouble ? UNIT_TROUBLE : 0) | (j->checked ? UNIT_CHECKED : 0) |
			 (j->listed ? UNIT_LISTED : 0));
	put_blob(b, j->messages, j->messages_len);
	if (j->checked) {
		struct bytes_out ir = { 0 };

		cache_encode_unit(&ir, j->packed, j->npacked);
		put_blob(b, ir.p, ir.len);
		free(ir.p);
	} else {
		put_blob(b, NULL, 0);
	}
}

int driver_emit_shard(struct run *r)
{
	const struct driver_opts *o = r->opts;
	struct bytes_out b = { 0 };
	uint64_t all = jobs_hash(r);
	size_t total = r->njobs, n = 0, i, k, from;
	const char *path;
	uint32_t crc;
	int status;

	for (i = 0; i < r->njobs; i++)
		if (i % o->shard_n == o->shard_k - 1)
			r->jobs[n++] = r->jobs[i];
	r->njobs = n;
	if (util_make_dir(o->emit_ir, true, 0777) != 0) {
		diag_error("cannot create the directory '%s': %s", o->emit_ir, strerror(errno));
		return EXIT_TROUBLE;
	}
	from = diag_count();
	driver_parse_jobs(r);
	bytes_put(&b, MAGIC, 4);
	bytes_put(&b, "\0\0\0\0", 4);
	bytes_put_i64(&b, FORMAT);
	bytes_put_str(&b, LEAKCHECK_VERSION);
	bytes_put_i64(&b, (int64_t)cache_rules_hash(&r->rules));
	bytes_put_i64(&b, o->shard_n);
	bytes_put_i64(&b, o->shard_k);
	bytes_put_i64(&b, (int64_t)all);
	bytes_put_i64(&b, (int64_t)total);
	bytes_put_i64(&b, (int64_t)(diag_count() - from));
	diag_each(from, put_notice, &b);
	bytes_put_i64(&b, (int64_t)r->njobs);
	for (i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];

		put_unit(&b, j);
		if (j->messages_len)
			fwrite(j->messages, 1, j->messages_len, stderr);
		free(j->messages);
		for (k = 0; k < j->npacked; k++)
			irpack_fn_free(&j->packed[k]);
		free(j->packed);
	}
	crc = bytes_crc32(b.p + HEADER, b.len - HEADER);
	memcpy(b.p + 4, &crc, sizeof(crc));
	path = arena_printf(&r->arena, "%s/shard-%u-of-%u" SUFFIX, o->emit_ir, o->shard_k,
			    o->shard_n);
	status = bytes_write_gz(path, &b, "bundle");
	if (status == 0)
		diag_verbose("shard %u of %u: %zu of %zu files, %zu bytes (uncompressed) in '%s'",
			       o->shard_k, o->shard_n, r->njobs, total, b.len, path);
	free(b.p);
	return status < 0 ? EXIT_TROUBLE : EXIT_CLEAN;
}

/* ---- reading ---- */

struct shard {
	const char *path;
	unsigned char *data;
	struct bytes_in in;         /* positioned at the units */
	int64_t n, k, total;
	uint64_t rules, all;
};

/* The bundle files in dir, sorted (in r's arena); -1 after an error line. */
static int list_dir(struct run *r, const char *dir, const char ***v, size_t *n, size_t *cap)
{
	struct dirent **names;
	int i, k = scandir(dir, &names, NULL, alphasort), found = 0;

	if (k < 0) {
		diag_error("cannot read the bundle directory '%s': %s", dir, strerror(errno));
		return -1;
	}
	for (i = 0; i < k; i++) {
		size_t len = strlen(names[i]->d_name);

		if (len > strlen(SUFFIX) && !strcmp(names[i]->d_name + len - strlen(SUFFIX), SUFFIX)) {
			arena_grow(&r->arena, (void **)v, cap, *n + 1, sizeof(**v));
			(*v)[(*n)++] = arena_printf(&r->arena, "%s/%s", dir, names[i]->d_name);
			found++;
		}
		free(names[i]);
	}
	free(names);
	if (!found) {
		diag_error("no bundle (*" SUFFIX ") in '%s'", dir);
		return -1;
	}
	return 0;
}

/* Reads and checks the header of the bundle at s->path; -1 after an error line. */
static int open_shard(struct shard *s, struct arena *a)
{
	size_t len;
	uint32_t crc;
	const char *version;
	int64_t format;

	if (bytes_read_gz(s->path, &s->data, &len, "bundle") < 0)
		return -1;
	s->in = (struct bytes_in){ s->data, s->data + len, NULL };
	if (len < HEADER || memcmp(s->data, MAGIC, 4) != 0) {
		diag_error("'%s' is not a leakcheck bundle", s->path);
		return -1;
	}
	memcpy(&crc, s->data + 4, sizeof(crc));
	if (crc != bytes_crc32(s->data + HEADER, len - HEADER)) {
		diag_error("the bundle '%s' is damaged: its checksum does not match", s->path);
		return -1;
	}
	s->in.p += HEADER;
	format = bytes_get_i64(&s->in);
	version = bytes_get_str(&s->in, a);
	if (s->in.bad || format != FORMAT || !version || strcmp(version, LEAKCHECK_VERSION)) {
		diag_error("the bundle '%s' was written by another version of leakcheck (%s; this is %s)",
			     s->path, version ? version : "?", LEAKCHECK_VERSION);
		return -1;
	}
	s->rules = (uint64_t)bytes_get_i64(&s->in);
	s->n = bytes_get_range(&s->in, 1, MAX_SHARDS);
	s->k = bytes_get_range(&s->in, 1, s->n);
	s->all = (uint64_t)bytes_get_i64(&s->in);
	s->total = bytes_get_range(&s->in, 0, INT64_MAX);
	if (s->in.bad) {
		diag_error("the bundle '%s' is damaged: %s", s->path, s->in.bad);
		return -1;
	}
	return 0;
}

/* Reads s again (open_shard()), which must not have changed; -1 after an error line. */
static int reopen_shard(struct shard *s, struct arena *a)
{
	struct shard again = { .path = s->path };

	if (open_shard(&again, a) < 0) {
		free(again.data);
		return -1;
	}
	if (again.n != s->n || again.k != s->k || again.all != s->all ||
	    again.total != s->total || again.rules != s->rules) {
		diag_error("the bundle '%s' changed while the run read it", s->path);
		free(again.data);
		return -1;
	}
	*s = again;
	return 0;
}

/* Checks that the shards are the N of one database; -1 after an error line. */
static int check_set(struct shard *v, size_t n)
{
	unsigned char *seen;
	size_t i;

	for (i = 1; i < n; i++)
		if (v[i].n != v[0].n || v[i].all != v[0].all || v[i].total != v[0].total ||
		    v[i].rules != v[0].rules) {
			diag_error("the bundles '%s' and '%s' are not shards of one run (another database, split, or rules)",
				     v[0].path, v[i].path);
			return -1;
		}
	if ((int64_t)n != v[0].n) {
		diag_error("%zu bundles given for a run split in %lld shards", n, (long long)v[0].n);
		return -1;
	}
	seen = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		if (seen[v[i].k]++) {
			diag_error("shard %lld of %lld is given twice ('%s')", (long long)v[i].k,
				     (long long)v[i].n, v[i].path);
			free(seen);
			return -1;
		}
	}
	free(seen);
	return 0;
}

/* Reads the notices and units of s into the run; -1 after an error line. */
static int read_units(struct run *r, struct shard *s)
{
	struct bytes_in *in = &s->in;
	size_t n = bytes_get_count(in), i, k;

	for (i = 0; i < n && !in->bad; i++) {
		int level = (int)bytes_get_range(in, 0, 2);
		const char *file = bytes_get_str(in, &r->arena), *text;
		unsigned line = (unsigned)bytes_get_range(in, 0, UINT_MAX);
		unsigned col = (unsigned)bytes_get_range(in, 0, UINT_MAX);

		text = bytes_get_name(in, &r->arena);
		if (!in->bad)
			diag_keep(level, file, line, col, text);
	}
	n = bytes_get_count(in);
	for (i = 0; i < n && !in->bad; i++) {
		const char *file = bytes_get_name(in, &r->arena);
		size_t nargs = bytes_get_count(in), len;
		const char **args = arena_alloc(&r->arena, (nargs + 1) * sizeof(*args));
		int flags;
		struct job *j;

		for (k = 0; k < nargs && !in->bad; k++)
			args[k] = bytes_get_name(in, &r->arena);
		flags = (int)bytes_get_range(in, 0, 7);
		if (in->bad)
			break;
		driver_add_job(r, file, args, nargs, NULL);
		j = &r->jobs[r->njobs - 1];
		j->trouble = flags & UNIT_TROUBLE;
		j->checked = flags & UNIT_CHECKED;
		j->listed = flags & UNIT_LISTED;
		len = (size_t)bytes_get_range(in, 0, in->end - in->p);
		if (len) {
			j->messages = xmalloc(len);
			memcpy(j->messages, in->p, len);
			j->messages_len = len;
			in->p += len;
		}
		j->irlen = (size_t)bytes_get_range(in, 0, in->end - in->p);
		j->ir = in->p;
		in->p += j->irlen;
		if (j->checked != (j->irlen > 0))
			bytes_fail(in, BYTES_RANGE);
	}
	if (!in->bad && in->p != in->end)
		bytes_fail(in, BYTES_CUT);
	if (in->bad) {
		diag_error("the bundle '%s' is damaged: %s", s->path, in->bad);
		return -1;
	}
	return 0;
}

/* Decodes the IR of jobs from, from + 1, ... with the run's rules; -1 after an error line. */
static int decode_ir(struct run *r, size_t from)
{
	size_t i;

	for (i = from; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		struct cache_unit *u = NULL;
		bool ok;

		if (!j->irlen)
			continue;
		if (r->packing)
			ok = cache_unit_packed(&r->rules, j->ir, j->irlen, j->context, &j->packed,
					       &j->npacked);
		else
			ok = (u = cache_load_buffer(&r->rules, j->ir, j->irlen)) != NULL;
		if (!ok) {
			diag_error("the bundle of '%s' is damaged: its IR does not read back", j->file);
			return -1;
		}
		j->ir = NULL;
		if (u) {
			j->fns = u->fns;
			j->nfns = j->capfns = u->nfns;
			free(u);
		}
	}
	return 0;
}

int driver_read_bundles(struct run *r)
{
	const struct driver_opts *o = r->opts;
	const char **paths = NULL;
	size_t npaths = 0, cap = 0, i;
	struct shard *v;
	int status = 0;

	for (i = 0; i < o->nfrom_ir; i++)
		if (list_dir(r, o->from_ir[i], &paths, &npaths, &cap) < 0)
			return -1;
	v = xcalloc(npaths, sizeof(*v));
	/* headers first (the set is checked before anything is taken); a
	   bundle is read again when its turn comes, so that one bundle's bytes
	   are in memory at a time */
	for (i = 0; i < npaths && status == 0; i++) {
		v[i].path = paths[i];
		status = open_shard(&v[i], &r->arena);
		free(v[i].data);
		v[i].data = NULL;
	}
	if (status == 0)
		status = check_set(v, npaths);
	if (status == 0 && v[0].rules != cache_rules_hash(&r->rules)) {
		diag_error("the bundles were written with other rules than this run's (the rule files, or the configs' rules)");
		status = -1;
	}
	/* one bundle at a time: its IR is packed before the next is read */
	for (i = 0; i < npaths && status == 0; i++) {
		size_t from = r->njobs;

		status = reopen_shard(&v[i], &r->arena);
		if (status == 0)
			status = read_units(r, &v[i]);
		if (status == 0)
			status = decode_ir(r, from);
		free(v[i].data);             /* what the run keeps of it is copied */
		v[i].data = NULL;
	}
	if (status == 0) {
		driver_sort_jobs(r);
		status = driver_load_configs(r);
	}
	for (i = 0; i < npaths; i++)
		free(v[i].data);
	for (i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		size_t k;

		j->ir = NULL;
		if (status == 0)
			continue;
		free(j->messages);           /* nothing is run: what was read goes */
		for (k = 0; k < j->nfns; k++)
			ir_func_free(j->fns[k]);
		free(j->fns);
		for (k = 0; k < j->npacked; k++)
			irpack_fn_free(&j->packed[k]);
		free(j->packed);
	}
	free(v);
	return status;
}
