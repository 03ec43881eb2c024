/*
 * report_json.c - the JSON documents of report.c (--format=json,
 * --format=sarif, --write-baseline), the paths, URIs and fingerprints
 * they carry, and which entries are printed as one; see report_int.h.  Documents are built with jansson and
 * written by report.c; no text is printed here.
 */
#include "report_int.h"
#include "base/diag.h"
#include "base/arena.h"
#include "base/util.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define FP_KEY "leakcheckFingerprint/v1"

/*
 * Returns file as shown in SARIF and baselines: relative to cwd when it
 * is below it, else absolute (with "." and ".." resolved when possible).
 */
static const char *display_path(struct arena *a, const char *cwd, const char *file)
{
	char real[PATH_MAX];
	const char *abs = file;
	size_t n = strlen(cwd);

	if (!strcmp(file, "<unknown>"))
		return file;
	if (file[0] != '/')
		abs = arena_printf(a, "%s/%s", strcmp(cwd, "/") ? cwd : "", file);
	if ((strstr(abs, "/./") || strstr(abs, "/../")) && realpath(abs, real))
		abs = arena_strdup(a, real);
	if (!strcmp(cwd, "/"))
		return abs + 1;
	if (!strncmp(abs, cwd, n) && abs[n] == '/')
		return abs + n + 1;
	return abs;
}

/*
 * Returns path percent-encoded (RFC 3986): every byte but the ASCII
 * letters, digits and "/-._~" as %HH; "file://" before an absolute path
 * when uri is true.
 */
static const char *percent_encode(struct arena *a, const char *path, bool uri)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, n = strlen(path);
	char *out = arena_alloc(a, 3 * n + sizeof("file://"));
	char *p = out;

	if (uri && path[0] == '/')
		p += sprintf(p, "file://");
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];

		if (c < 128 && (isalnum(c) || strchr("/-._~", c))) {
			*p++ = (char)c;
		} else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}

/* Returns path as a URI reference: percent-encoded, "file://" before an absolute path. */
static const char *path_uri(struct arena *a, const char *path)
{
	return percent_encode(a, path, true);
}

/* Length of the well-formed UTF-8 sequence s starts with, or 0 (jansson's rules). */
static size_t utf8_len(const unsigned char *s)
{
	unsigned cp, c = s[0];
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

static bool is_utf8(const char *s)
{
	size_t n;

	for (; *s; s += n)
		if (!(n = utf8_len((const unsigned char *)s)))
			return false;
	return true;
}

/*
 * Returns s as JSON can carry it: s itself when it is UTF-8, else a copy
 * with each byte that is not part of a UTF-8 character written as the
 * four characters \xHH (upper-case hex).  For people to read; the exact
 * bytes of a file name are in "file_bytes" (json_file()).
 */
static const char *json_text(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out, *p;
	size_t n;

	if (!s || is_utf8(s))
		return s;
	out = p = arena_alloc(a, 4 * strlen(s) + 1);
	while (*s) {
		n = utf8_len((const unsigned char *)s);
		if (n) {
			memcpy(p, s, n);
			p += n;
			s += n;
			continue;
		}
		*p++ = '\\';
		*p++ = 'x';
		*p++ = hex[(unsigned char)*s >> 4];
		*p++ = hex[(unsigned char)*s & 15];
		s++;
	}
	*p = '\0';
	return out;
}

/*
 * Sets "file" of obj to file as text (json_text), and, when file is not
 * UTF-8, "file_bytes" to its exact bytes percent-encoded (RFC 3986, as
 * in SARIF URIs, without "file://"), so that no name is lost.
 */
static void json_file(json_t *obj, struct arena *a, const char *file)
{
	json_object_set_new(obj, "file", json_string(json_text(a, file)));
	if (!is_utf8(file))
		json_object_set_new(obj, "file_bytes", json_string(percent_encode(a, file, false)));
}

/* 64-bit FNV-1a of s and a terminating NUL, continuing from h. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	} while (*s++);
	return h;
}

/* Returns msg with the digits after each "line " removed ("at line 31" -> "at line "). */
static char *strip_line_numbers(const char *msg)
{
	char *out = xmalloc(strlen(msg) + 1), *p = out;

	while (*msg) {
		if (!strncmp(msg, "line ", 5)) {
			memcpy(p, msg, 5);
			p += 5;
			msg += 5;
			while (isdigit((unsigned char)*msg))
				msg++;
			continue;
		}
		*p++ = *msg++;
	}
	*p = '\0';
	return out;
}

/* Returns text trimmed, with every run of white space made one space. */
static char *squeeze(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *p = out;

	while (*text) {
		if (isspace((unsigned char)*text)) {
			while (isspace((unsigned char)*text))
				text++;
			if (p > out && *text)
				*p++ = ' ';
			continue;
		}
		*p++ = *text++;
	}
	*p = '\0';
	return out;
}

/*
 * The fingerprint recipe, "leakcheckFingerprint/v1": 64-bit FNV-1a
 * (offset basis 0xcbf29ce484222325, prime 0x100000001b3), printed as 16
 * lower-case hex digits, over these fields, each followed by a NUL byte:
 *
 *   1. the flag ("leakcheck-leak")
 *   2. the file's path as in SARIF (relative to the current directory
 *      when below it, else absolute)
 *   3. the name of the function analysed ("" when unknown)
 *   4. the message with the digits after each "line " removed
 *   5. the text of the reported source line, trimmed, with every run of
 *      white space made one space ("" when the file cannot be read)
 *   6. in decimal, how many earlier findings (in output order) have the
 *      same fields 1-5, so that twin findings in one function differ
 *
 * Nothing in it is a line or column number, so inserting lines above the
 * function, or re-indenting it, keeps the fingerprint.
 */
static uint64_t fingerprint_base(const struct entry *e, struct srcfile_cache *src)
{
	const char *line = srcfile_line(src, e->file, e->line);
	char *msg = strip_line_numbers(e->msg);
	char *text = squeeze(line ? line : "");
	uint64_t h = 0xcbf29ce484222325ULL;

	h = fnv1a(h, e->flag);
	h = fnv1a(h, e->path);
	h = fnv1a(h, e->func ? e->func : "");
	h = fnv1a(h, msg);
	h = fnv1a(h, text);
	free(text);
	free(msg);
	return h;
}

void report_identify(struct entry *v, size_t n, struct arena *a, struct srcfile_cache *src)
{
	struct strmap seen;         /* hex of fields 1-5 -> number seen so far */
	char cwd[PATH_MAX], num[24];
	size_t i, j;

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "/");
	strmap_init(&seen);
	for (i = 0; i < n; i++) {
		struct entry *e = &v[i];
		char *key;
		size_t *count;
		uint64_t h;

		if (e->dup)
			continue;
		e->path = display_path(a, cwd, e->file);
		e->uri = path_uri(a, e->path);
		for (j = 0; j < e->nnotes; j++)
			e->notes[j].uri = path_uri(a, display_path(a, cwd, e->notes[j].file));
		h = fingerprint_base(e, src);
		key = arena_printf(a, "%016llx", (unsigned long long)h);
		count = strmap_get(&seen, key);
		if (!count) {
			count = arena_alloc(a, sizeof(*count));
			strmap_put(&seen, key, count);
		}
		snprintf(num, sizeof(num), "%zu", (*count)++);
		snprintf(e->fingerprint, sizeof(e->fingerprint), "%016llx",
			 (unsigned long long)fnv1a(h, num));
	}
	strmap_release(&seen);
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether b is the same handle lost at the same statement as a (report_group). */
static bool same_loss(const struct entry *a, const struct entry *b)
{
	return a->var && b->var && a->acq_file && b->acq_file && a->kind == b->kind &&
	       a->line == b->line && a->col == b->col && !strcmp(a->file, b->file) &&
	       !strcmp(a->flag, b->flag) && !strcmp(a->var, b->var) &&
	       same_str(a->func, b->func) && same_str(a->res_id, b->res_id);
}

/* Orders two entries by where they acquire. */
static int acq_cmp(const struct entry *a, const struct entry *b)
{
	int c = strcmp(a->acq_file, b->acq_file);

	if (c)
		return c;
	if (a->acq_line != b->acq_line)
		return a->acq_line < b->acq_line ? -1 : 1;
	return a->acq_col < b->acq_col ? -1 : a->acq_col > b->acq_col;
}

/* Whether e takes part in grouping: it would be printed but for a baseline. */
static bool groupable(const struct entry *e)
{
	return !e->dup && !e->suppressed && !e->merged && e->var && e->acq_file;
}

/*
 * Merges into v[lead] the entries of v[from..to) that are the same loss
 * (none merged yet): one note per other place of acquisition, in their
 * order (the same acquisition found through another path adds none).
 */
static void merge_into(struct entry *v, size_t lead, size_t from, size_t to, struct arena *a)
{
	struct entry *e = &v[lead];
	const struct entry *last = e;
	struct report_note *notes;
	size_t i, n = 0, nn;

	for (i = from; i < to; i++)
		n += i != lead && groupable(&v[i]) && same_loss(e, &v[i]);
	if (!n)
		return;
	notes = arena_alloc(a, (e->nnotes + n) * sizeof(*notes));
	memcpy(notes, e->notes, e->nnotes * sizeof(*notes));
	nn = e->nnotes;
	while (n--) {           /* the earliest acquisition not merged yet */
		size_t best = to;

		for (i = from; i < to; i++)
			if (i != lead && groupable(&v[i]) && same_loss(e, &v[i]) &&
			    (best == to || acq_cmp(&v[i], &v[best]) < 0))
				best = i;
		v[best].merged = true;
		if (!acq_cmp(&v[best], last))
			continue;
		last = &v[best];
		notes[nn].file = v[best].acq_file;
		notes[nn].line = v[best].acq_line;
		notes[nn].col = v[best].acq_col;
		notes[nn].text = v[best].also;
		notes[nn++].uri = NULL;
	}
	e->notes = notes;
	e->nnotes = nn;
}

void report_group(struct entry *v, size_t n, struct arena *a)
{
	size_t i, j, end;

	for (i = 0; i < n; i = end) {
		/* v[i..end) share their place and flag (v is sorted) */
		for (end = i + 1; end < n && v[end].line == v[i].line && v[end].col == v[i].col &&
				  !strcmp(v[end].file, v[i].file) && !strcmp(v[end].flag, v[i].flag);
		     end++)
			;
		for (j = i; j < end; j++) {
			size_t lead = j, k;

			if (!groupable(&v[j]))
				continue;
			for (k = j + 1; k < end; k++)   /* the first acquisition leads */
				if (groupable(&v[k]) && same_loss(&v[j], &v[k]) &&
				    acq_cmp(&v[k], &v[lead]) < 0)
					lead = k;
			merge_into(v, lead, j, end, a);
		}
	}
}

/* {"file", ["file_bytes",] "line", "column", "message"} of a note (--format=json). */
static json_t *json_note(const struct report_note *n, struct arena *a)
{
	json_t *obj = json_object();

	json_file(obj, a, n->file);
	json_object_set_new(obj, "line", json_integer(n->line));
	json_object_set_new(obj, "column", json_integer(n->col));
	json_object_set_new(obj, "message", json_string(json_text(a, n->text)));
	return obj;
}

json_t *report_json_doc(const struct entry *v, size_t n, struct arena *a)
{
	json_t *doc = json_array();
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct entry *e = &v[i];
		json_t *obj, *notes;

		if (!entry_printed(e))
			continue;
		notes = json_array();
		for (j = 0; j < e->nnotes; j++)
			json_array_append_new(notes, json_note(&e->notes[j], a));
		obj = json_object();
		json_file(obj, a, e->file);
		json_object_set_new(obj, "line", json_integer(e->line));
		json_object_set_new(obj, "column", json_integer(e->col));
		json_object_set_new(obj, "flag", json_string(e->flag));
		json_object_set_new(obj, "kind", json_string(report_flag_name(e->kind)));
		json_object_set_new(obj, "message", json_string(json_text(a, e->msg)));
		json_object_set_new(obj, "notes", notes);
		json_array_append_new(doc, obj);
	}
	return doc;
}

/* A SARIF physicalLocation; the region is left out when the line is unknown. */
static json_t *sarif_location(const char *uri, unsigned line, unsigned col)
{
	json_t *phys = json_pack("{s:{s:s}}", "artifactLocation", "uri", uri);
	json_t *region;

	if (line) {
		region = json_pack("{s:I}", "startLine", (json_int_t)line);
		if (col)
			json_object_set_new(region, "startColumn", json_integer(col));
		json_object_set_new(phys, "region", region);
	}
	return json_pack("{s:o}", "physicalLocation", phys);
}

/* The rule of a flag: kind * 2 + guessed, an index into the rules table. */
static size_t rule_slot(const struct entry *e)
{
	return (size_t)e->kind * 2 + (e->guessed ? 1 : 0);
}

#define NSLOTS ((size_t)FK_DISCARDED * 2 + 2)

/* The short and full description of a flag, for SARIF rules. */
static void sarif_rule_text(enum finding_kind kind, bool guessed, const char **shortd,
			    const char **fulld)
{
	switch (kind) {
	case FK_LEAK:
		*shortd = "Resource not released";
		*fulld = guessed ?
			"A path leaves the function, or a variable's scope, while the resource is still held (release function guessed from the names)." :
			"A path leaves the function, or a variable's scope, while the resource is still held.";
		return;
	case FK_OVERWRITE:
		*shortd = "Only handle overwritten";
		*fulld = guessed ?
			"The only reference to a held resource is overwritten (release function guessed from the names)." :
			"The only reference to a held resource is overwritten.";
		return;
	case FK_DOUBLE_RELEASE:
		*shortd = "Resource released twice";
		*fulld = guessed ?
			"A resource is released twice on one path (release function guessed from the names)." :
			"A resource is released twice on one path.";
		return;
	case FK_MISMATCHED_RELEASE:
		*shortd = "Resource released by the wrong function";
		*fulld = guessed ?
			"A resource is released by another kind's release function (pairing guessed from the names)." :
			"A resource is released by another kind's release function.";
		return;
	case FK_DISCARDED:
		*shortd = "Acquired resource discarded";
		*fulld = guessed ?
			"An acquiring call's result is thrown away, so it can never be released (pairing guessed from the names)." :
			"An acquiring call's result is thrown away, so it can never be released.";
		return;
	}
	*shortd = *fulld = "Unknown finding";
}

/* tool.driver.rules: one per flag printed; fills index[slot] with its position. */
static json_t *sarif_rules(const struct entry *v, size_t n, size_t *index)
{
	const struct entry *first[NSLOTS] = { NULL };
	json_t *rules = json_array();
	const char *shortd, *fulld;
	size_t i;

	for (i = 0; i < n; i++)
		if (entry_printed(&v[i]) && !first[rule_slot(&v[i])])
			first[rule_slot(&v[i])] = &v[i];
	for (i = 0; i < NSLOTS; i++) {
		if (!first[i])
			continue;
		sarif_rule_text(first[i]->kind, first[i]->guessed, &shortd, &fulld);
		index[i] = json_array_size(rules);
		json_array_append_new(rules, json_pack("{s:s, s:{s:s}, s:{s:s}, s:{s:s}}",
						       "id", first[i]->flag,
						       "shortDescription", "text", shortd,
						       "fullDescription", "text", fulld,
						       "defaultConfiguration", "level", "warning"));
	}
	return rules;
}

/* One SARIF result. */
static json_t *sarif_result(const struct entry *e, size_t rule_index, struct arena *a)
{
	json_t *res, *steps;
	size_t j;

	res = json_pack("{s:s, s:I, s:s, s:{s:s}, s:[o]}", "ruleId", e->flag,
			"ruleIndex", (json_int_t)rule_index, "level", "warning",
			"message", "text", json_text(a, e->msg),
			"locations", sarif_location(e->uri, e->line, e->col));
	if (e->nnotes) {
		steps = json_array();
		for (j = 0; j < e->nnotes; j++) {
			const struct report_note *n = &e->notes[j];
			json_t *loc = sarif_location(n->uri, n->line, n->col);

			json_object_set_new(loc, "message",
					    json_pack("{s:s}", "text", json_text(a, n->text)));
			json_array_append_new(steps, json_pack("{s:o}", "location", loc));
		}
		json_object_set_new(res, "codeFlows",
				    json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", steps));
	}
	json_object_set_new(res, "partialFingerprints",
			    json_pack("{s:s}", FP_KEY, e->fingerprint));
	return res;
}

/*
 * The run's invocation: whether it succeeded (no error), and its errors,
 * notices and functions not fully analysed as notifications.
 */
static json_t *sarif_invocation(const struct diag_notice *nv, size_t nn, struct arena *a)
{
	static const char *const levels[] = {
		[DIAG_ERROR] = "error", [DIAG_WARNING] = "warning", [DIAG_NOTE] = "note",
	};
	json_t *list = json_array();
	char cwd[PATH_MAX];
	bool ok = true;
	size_t i;

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "/");
	for (i = 0; i < nn; i++) {
		const struct diag_notice *n = &nv[i];
		json_t *obj;

		ok = ok && n->level != DIAG_ERROR;
		if (i && n->level == n[-1].level && n->line == n[-1].line && n->col == n[-1].col &&
		    !strcmp(n->text, n[-1].text) && !n->file == !n[-1].file &&
		    (!n->file || !strcmp(n->file, n[-1].file)))
			continue;   /* the same error of a header seen from two files */
		obj = json_pack("{s:s, s:{s:s}}", "level", levels[n->level],
				"message", "text", json_text(a, n->text));
		if (n->file && strcmp(n->file, "<unknown>") != 0)
			json_object_set_new(obj, "locations",
					    json_pack("[o]", sarif_location(path_uri(a, display_path(a, cwd, n->file)),
									   n->line, n->col)));
		json_array_append_new(list, obj);
	}
	return json_pack("{s:b, s:o}", "executionSuccessful", ok,
			 "toolExecutionNotifications", list);
}

json_t *report_sarif_doc(const struct entry *v, size_t n, const char *version,
			 const struct diag_notice *notices, size_t nnotices, struct arena *a)
{
	size_t index[NSLOTS] = { 0 };
	json_t *driver, *results;
	size_t i;

	driver = json_pack("{s:s, s:s, s:o}", "name", "leakcheck",
			   "version", version ? version : "unknown",
			   "rules", sarif_rules(v, n, index));
	results = json_array();
	for (i = 0; i < n; i++)
		if (entry_printed(&v[i]))
			json_array_append_new(results,
					      sarif_result(&v[i], index[rule_slot(&v[i])], a));
	return json_pack("{s:s, s:s, s:[{s:{s:o}, s:[o], s:o}]}", "$schema", SARIF_SCHEMA,
			 "version", "2.1.0", "runs", "tool", "driver", driver,
			 "invocations", sarif_invocation(notices, nnotices, a),
			 "results", results);
}

json_t *report_baseline_doc(const struct entry *v, size_t n, struct arena *a)
{
	json_t *findings = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		const struct entry *e = &v[i];

		if (e->dup || e->suppressed || e->merged)
			continue;
		json_array_append_new(findings, json_pack("{s:s, s:s, s:s, s:s}",
							  "fingerprint", e->fingerprint,
							  "flag", e->flag,
							  "file", json_text(a, e->path),
							  "message", json_text(a, e->msg)));
	}
	return json_pack("{s:i, s:o}", "version", 1, "findings", findings);
}
