/*
 * memo.c - the result memo (memo.h).
 *
 * A unit's file (in the cache directory, trusted and written as its
 * entries are: cache_read_file(); bytes.h's integers and strings):
 *   "LKM2", zlib's crc32 of every byte after these 8, the salt, the count
 *   of entries, then each: its key, its length in bytes, and the bytes:
 *   whether the walk reported (it was not context: it recorded its
 *   findings and incomplete notes), a flag and the summary
 *   (sumindex_codec.c), the walk's statistics
 *   (functions, states, exhausted, too large, unsupported), its findings
 *   (count; each finding's fields and notes, as report.h has them) and the
 *   incomplete notes (count; location, function, reason).
 */
#include "memo.h"

#include "base/bytes.h"
#include "cache.h"
#include "base/diag.h"
#include "report/report.h"
#include "sumindex.h"
#include "base/util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "LKM2"
#define HEADER 8
#define MAX_NOTES 4096

struct rec {
	const unsigned char *p;     /* the entry's bytes in the file read */
	size_t len;
	bool used;                  /* replayed in this run */
};

struct unit_memo {
	char *path;
	unsigned char *data;        /* the file read, or NULL */
	struct strmap old;          /* hex key -> struct rec * */
	size_t nold, nused;
	struct bytes_out fresh;     /* entries of this run (walked, or replayed): key,
				       length, bytes */
	size_t nfresh;
	struct strmap added;        /* hex keys of the entries walked in this run */
};

struct memo {
	const char *dir;
	uint64_t salt;
	const struct rules *rules;
	struct summaries *S;
	const struct analyse_opts *opts;
	struct arena arena;         /* keys, units, records */
	struct strmap units;        /* unit -> struct unit_memo * */
	struct unit_memo **uv;
	size_t nu, capu;
	struct strmap made;         /* resources made up from what was read */
	/* the walk being recorded */
	uint64_t key;
	struct unit_memo *cur;
	struct bytes_out fnd, inc;
	size_t nfnd, ninc;
	struct analyse_stats before;
	struct report_recorder rec;
	size_t replayed, walked;
};

static void put_loc(struct bytes_out *b, struct ir_loc l)
{
	bytes_put_str(b, l.file);
	bytes_put_i64(b, l.line);
	bytes_put_i64(b, l.col);
}

static void get_loc(struct bytes_in *in, struct arena *a, struct ir_loc *l)
{
	l->file = bytes_get_str(in, a);
	l->line = (unsigned)bytes_get_range(in, 0, UINT_MAX);
	l->col = (unsigned)bytes_get_range(in, 0, UINT_MAX);
}

/* ---- recording a walk ---- */

static void record_finding(void *arg, const struct finding *f)
{
	struct memo *m = arg;
	struct bytes_out *b = &m->fnd;
	size_t i;

	m->nfnd++;
	bytes_put_i64(b, f->kind);
	put_loc(b, f->loc);
	bytes_put_str(b, f->var);
	bytes_put_str(b, f->acquirer);
	bytes_put_i64(b, f->acq_line);
	sumindex_put_res(b, f->res, NULL);
	bytes_put_i64(b, f->exit);
	bytes_put_str(b, f->label);
	bytes_put_str(b, f->lost_by);
	put_loc(b, f->exit_loc);
	bytes_put_str(b, f->retarget);
	bytes_put_str(b, f->retarget_also);
	bytes_put_str(b, f->func);
	bytes_put_str(b, f->releaser);
	bytes_put_i64(b, f->first_release_line);
	bytes_put_i64(b, (int64_t)f->nnotes);
	for (i = 0; i < f->nnotes; i++) {
		const struct note *n = &f->notes[i];

		bytes_put_i64(b, n->kind);
		put_loc(b, n->loc);
		bytes_put_str(b, n->text);
		bytes_put_str(b, n->func);
		put_loc(b, n->at);
		bytes_put_i64(b, n->out);
		bytes_put_i64(b, (int64_t)n->count);
	}
}

static void record_incomplete(void *arg, struct ir_loc loc, const char *func,
			      enum incomplete_reason why)
{
	struct memo *m = arg;

	m->ninc++;
	put_loc(&m->inc, loc);
	bytes_put_str(&m->inc, func);
	bytes_put_i64(&m->inc, why);
}

/* ---- keys ---- */

/* A hash of s's bytes, computed once (s->memo_hash). */
static uint64_t summary_hash(const struct summary *s)
{
	struct summary *w = (struct summary *)s;    /* a cache, not the summary */
	struct bytes_out b = { 0 };

	if (!s->memo_hash) {
		sumindex_put_summary(&b, s, NULL);
		w->memo_hash = util_hash(UTIL_HASH_INIT, b.p, b.len) | 1;
		free(b.p);
	}
	return s->memo_hash;
}

static uint64_t callee(const struct memo *m, const struct body *f, const char *key, uint64_t h)
{
	const struct summary *s = summaries_find(m->S, key, f->unit);
	uint64_t v[2] = { s ? summary_hash(s) : 0, summaries_has_body(m->S, key, f->unit) };

	h = util_hash(h, key, strlen(key) + 1);
	return util_hash(h, v, sizeof(v));
}

/*
 * The key of f's entry: its IR and what its callees do; 0 when its IR's
 * hash is not known.  Not whether f is context (a function of a file not
 * asked about): its walk and summary are the same, it only reports
 * nothing, so that a run on one file and a run on the whole database
 * share their entries (the entry says whether it holds the findings).
 */
static uint64_t key_of(const struct memo *m, const struct body *f)
{
	int64_t o[] = { (int64_t)m->opts->budget, m->opts->check_main, m->opts->guess,
			m->opts->borrow_unknown, m->S->cross_file };
	uint64_t h = util_hash(m->salt, o, sizeof(o));
	size_t i;

	if (!f->hash)
		return 0;
	h = util_hash(h, &f->hash, sizeof(f->hash));
	for (i = 0; i < f->ncallees; i++)
		h = callee(m, f, f->callees[i], h);
	for (i = 0; i < f->nva_callees; i++)
		if (strcmp(f->va_callees[i], "?"))
			h = callee(m, f, f->va_callees[i], h);
	return h | 1;
}

/* ---- a unit's file ---- */

/* Reads the entries of the file of u; a missing or bad one holds none. */
static void load_unit(struct memo *m, struct unit_memo *u)
{
	struct bytes_in in;
	unsigned char *data;
	const char *why;
	size_t len = 0, n, i;
	uint32_t crc;

	if (!(data = cache_read_file(u->path, &len, &why))) {
		if (why)
			diag_verbose("not using the memo file '%s': %s", u->path, why);
		return;
	}
	in = (struct bytes_in){ data, data + len, NULL };
	if (len < HEADER || memcmp(data, MAGIC, 4) ||
	    (memcpy(&crc, data + 4, sizeof(crc)), crc != bytes_crc32(data + HEADER, len - HEADER))) {
		free(data);
		return;
	}
	in.p += HEADER;
	if ((uint64_t)bytes_get_i64(&in) != m->salt) {
		free(data);
		return;
	}
	n = bytes_get_count(&in);
	for (i = 0; i < n && !in.bad; i++) {
		uint64_t key = (uint64_t)bytes_get_i64(&in);
		size_t l = (size_t)bytes_get_range(&in, 0, in.end - in.p);
		struct rec *r;

		if (in.bad)
			break;
		r = arena_alloc(&m->arena, sizeof(*r));
		r->p = in.p;
		r->len = l;
		in.p += l;
		strmap_put(&u->old, arena_printf(&m->arena, "%016llx", (unsigned long long)key), r);
		u->nold++;
	}
	u->data = data;
}

static struct unit_memo *unit_of(struct memo *m, const struct body *f)
{
	const char *name = f->unit ? f->unit : "";
	struct unit_memo *u = strmap_get(&m->units, name);
	uint64_t h;

	if (u)
		return u;
	u = arena_alloc(&m->arena, sizeof(*u));
	h = util_hash(m->salt, name, strlen(name) + 1);
	u->path = arena_printf(&m->arena, "%s/%016llx.lkm", m->dir, (unsigned long long)h);
	strmap_init(&u->old);
	strmap_init(&u->added);
	load_unit(m, u);
	strmap_put(&m->units, arena_strdup(&m->arena, name), u);
	arena_grow(&m->arena, (void **)&m->uv, &m->capu, m->nu + 1, sizeof(*m->uv));
	m->uv[m->nu++] = u;
	return u;
}

/* ---- replaying ---- */

static bool replay_findings(struct memo *m, struct bytes_in *in)
{
	struct arena *a = &m->S->arena;
	struct sumindex_reader d = { in, m->S, m->rules, &m->made, NULL, 0 };
	size_t n = bytes_get_count(in), i, k;

	for (i = 0; i < n && !in->bad; i++) {
		struct finding f;
		struct note *notes;

		memset(&f, 0, sizeof(f));
		f.kind = (enum finding_kind)bytes_get_range(in, FK_LEAK, FK_DISCARDED);
		get_loc(in, a, &f.loc);
		f.var = bytes_get_str(in, a);
		f.acquirer = bytes_get_str(in, a);
		f.acq_line = (unsigned)bytes_get_range(in, 0, UINT_MAX);
		f.res = sumindex_get_res(&d);
		f.exit = (enum ir_exit)bytes_get_range(in, EXIT_RETURN, EXIT_OWNER);
		f.label = bytes_get_str(in, a);
		f.lost_by = bytes_get_str(in, a);
		get_loc(in, a, &f.exit_loc);
		f.retarget = bytes_get_str(in, a);
		f.retarget_also = bytes_get_str(in, a);
		f.func = bytes_get_str(in, a);
		f.releaser = bytes_get_str(in, a);
		f.first_release_line = (unsigned)bytes_get_range(in, 0, UINT_MAX);
		f.nnotes = (size_t)bytes_get_range(in, 0, MAX_NOTES);
		notes = arena_alloc(a, (f.nnotes + 1) * sizeof(*notes));
		for (k = 0; k < f.nnotes && !in->bad; k++) {
			notes[k].kind = (enum note_kind)bytes_get_range(in, NOTE_ACQUIRED, NOTE_MEMBER);
			get_loc(in, a, &notes[k].loc);
			notes[k].text = bytes_get_str(in, a);
			notes[k].func = bytes_get_str(in, a);
			get_loc(in, a, &notes[k].at);
			notes[k].out = bytes_get_bool(in);
			notes[k].count = (size_t)bytes_get_range(in, 0, INT64_MAX);
		}
		f.notes = notes;
		if (!in->bad)
			report_finding(&f);
	}
	n = bytes_get_count(in);
	for (i = 0; i < n && !in->bad; i++) {
		struct ir_loc loc;
		const char *func;
		enum incomplete_reason why;

		get_loc(in, a, &loc);
		func = bytes_get_str(in, a);
		why = (enum incomplete_reason)bytes_get_range(in, 0, INCOMPLETE_NREASONS - 1);
		if (!in->bad)
			report_incomplete(loc, func, why);
	}
	return !in->bad && in->p == in->end;
}

bool memo_replay(struct memo *m, const struct body *f, struct analyse_stats *stats,
		 struct summary **s)
{
	struct bytes_in in;
	struct rec *r;
	size_t st[5];
	int i;
	char hex[17];

	if (!m)
		return false;
	m->cur = NULL;
	if (!(m->key = key_of(m, f)))
		return false;           /* walked, and not kept */
	m->cur = unit_of(m, f);
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)m->key);
	if (!(r = strmap_get(&m->cur->old, hex)))
		return false;
	in = (struct bytes_in){ r->p, r->p + r->len, NULL };
	*s = NULL;
	if (!bytes_get_bool(&in) && !f->context)
		return false;           /* a context walk's: no findings in it; walk it */
	if (bytes_get_bool(&in))
		*s = sumindex_get_summary(&in, m->S, m->rules, &m->made, NULL);
	for (i = 0; i < 5; i++)
		st[i] = (size_t)bytes_get_range(&in, 0, INT64_MAX);
	if (in.bad)
		return false;           /* nothing reported yet: walk it */
	if (*s)
		(*s)->key = f->key;
	stats->functions += st[0];
	stats->states += st[1];
	stats->exhausted += st[2];
	stats->too_large += st[3];
	stats->unsupported += st[4];
	if (!f->context)
		replay_findings(m, &in);    /* checked by its checksum: a bad one stops short */
	m->replayed++;
	if (r->used)
		return true;            /* one body seen twice (a header's, with each unit) */
	r->used = true;
	m->cur->nused++;
	/* kept for the next run as it was */
	bytes_put_i64(&m->cur->fresh, (int64_t)m->key);
	bytes_put_i64(&m->cur->fresh, (int64_t)r->len);
	bytes_put(&m->cur->fresh, r->p, r->len);
	m->cur->nfresh++;
	return true;
}

/* ---- recording ---- */

void memo_begin(struct memo *m, const struct analyse_stats *stats)
{
	if (!m)
		return;
	m->before = *stats;
	m->fnd.len = m->inc.len = 0;
	m->nfnd = m->ninc = 0;
	m->rec = (struct report_recorder){ record_finding, record_incomplete, m };
	report_record(&m->rec);
}

void memo_end(struct memo *m, const struct body *f, const struct summary *s,
	      const struct analyse_stats *stats)
{
	struct bytes_out e = { 0 };
	struct unit_memo *u;
	char hex[17];

	if (!m)
		return;
	report_record(NULL);
	if (!(u = m->cur))
		return;
	bytes_put_i64(&e, !f->context);
	bytes_put_i64(&e, s != NULL);
	if (s)
		sumindex_put_summary(&e, s, NULL);
	bytes_put_i64(&e, (int64_t)(stats->functions - m->before.functions));
	bytes_put_i64(&e, (int64_t)(stats->states - m->before.states));
	bytes_put_i64(&e, (int64_t)(stats->exhausted - m->before.exhausted));
	bytes_put_i64(&e, (int64_t)(stats->too_large - m->before.too_large));
	bytes_put_i64(&e, (int64_t)(stats->unsupported - m->before.unsupported));
	bytes_put_i64(&e, (int64_t)m->nfnd);
	if (m->fnd.len)
		bytes_put(&e, m->fnd.p, m->fnd.len);
	bytes_put_i64(&e, (int64_t)m->ninc);
	if (m->inc.len)
		bytes_put(&e, m->inc.p, m->inc.len);
	m->walked++;
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)m->key);
	if (!strmap_get(&u->added, hex)) {     /* one body seen twice: kept once */
		strmap_put(&u->added, arena_strdup(&m->arena, hex), (void *)1);
		bytes_put_i64(&u->fresh, (int64_t)m->key);
		bytes_put_i64(&u->fresh, (int64_t)e.len);
		bytes_put(&u->fresh, e.p, e.len);
		u->nfresh++;
	}
	free(e.p);
}

/* ---- opening and closing ---- */

static bool hook_replay(void *m, const struct body *f, struct analyse_stats *stats,
			struct summary **s)
{
	return memo_replay(m, f, stats, s);
}

static void hook_begin(void *m, struct analyse_stats *stats)
{
	memo_begin(m, stats);
}

static void hook_end(void *m, const struct body *f, struct summary *s,
		     struct analyse_stats *stats)
{
	memo_end(m, f, s, stats);
}

struct summary_memo memo_hooks(struct memo *m)
{
	return (struct summary_memo){ hook_replay, hook_begin, hook_end, m };
}

struct memo *memo_open(const char *dir, uint64_t salt, const struct rules *rules,
		       struct summaries *S, const struct analyse_opts *opts)
{
	struct memo *m;

	if (!dir)
		return NULL;
	m = xcalloc(1, sizeof(*m));
	m->dir = dir;
	m->salt = util_hash(salt, MAGIC, 4);
	m->rules = rules;
	m->S = S;
	m->opts = opts;
	arena_init(&m->arena);
	strmap_init(&m->units);
	strmap_init(&m->made);
	return m;
}

void memo_close(struct memo *m)
{
	size_t i, written = 0;

	if (!m)
		return;
	for (i = 0; i < m->nu; i++) {
		struct unit_memo *u = m->uv[i];
		struct bytes_out b = { 0 };
		uint32_t crc;

		/* all replayed and none gone: the file is right as it is */
		if (u->nfresh != u->nused || u->nused != u->nold) {
			bytes_put(&b, MAGIC, 4);
			bytes_put(&b, "\0\0\0\0", 4);
			bytes_put_i64(&b, (int64_t)m->salt);
			bytes_put_i64(&b, (int64_t)u->nfresh);
			if (u->fresh.len)
				bytes_put(&b, u->fresh.p, u->fresh.len);
			crc = bytes_crc32(b.p + HEADER, b.len - HEADER);
			memcpy(b.p + 4, &crc, sizeof(crc));
			cache_write_file(u->path, &b);
			written++;
			free(b.p);
		}
		free(u->fresh.p);
		free(u->data);
		strmap_release(&u->old);
		strmap_release(&u->added);
	}
	diag_verbose("%zu functions walked, %zu taken from the result memo (%zu memo files written)",
		       m->walked, m->replayed, written);
	free(m->fnd.p);
	free(m->inc.p);
	strmap_release(&m->made);
	strmap_release(&m->units);
	arena_release(&m->arena);
	free(m);
}
