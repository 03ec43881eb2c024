/*
 * lsp_check.c - the language server's checks: a one-file driver_run()
 * on the editor's text with the findings taken from a report sink, and
 * what the client is sent from them (diagnostics, hovers; the code
 * actions are lsp_action.c's).
 *
 * Which compile database a document uses, as clangd finds one: -p, else
 * the client's initializationOptions.compilationDatabase, else the first
 * directory D, from the file's own upward, holding compile_commands.json
 * or build/compile_commands.json.  With a database the run is that of
 * `leakcheck -p DIR FILE`: the other files' summaries come from the
 * result cache or the index.  With none, the file is parsed with no
 * compiler arguments.
 */
#define _GNU_SOURCE

#include "lsp_int.h"
#include "base/util.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void lsp_result_release(struct lsp_result *r)
{
	size_t i, k;

	for (i = 0; i < r->n; i++) {
		struct lsp_finding *f = &r->v[i];

		for (k = 0; k < f->nnotes; k++) {
			free(f->notes[k].file);
			free(f->notes[k].text);
		}
		free(f->notes);
		free(f->flag);
		free(f->msg);
		free(f->var);
		free(f->release_call);
		free(f->goto_label);
		free(f->retarget);
		free(f->retarget_also);
	}
	for (i = 0; i < r->nrem; i++)
		free(r->rem[i].text);
	free(r->v);
	free(r->rem);
	memset(r, 0, sizeof(*r));
}

/* What a check's sink needs. */
struct sink_ctx {
	const char *path;           /* the checked file */
	struct lsp_result *out;
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Keeps a finding reported in the checked file. */
static void sink_finding(void *arg, const struct report_shown *sh)
{
	struct sink_ctx *c = arg;
	struct lsp_result *r = c->out;
	struct lsp_finding *f;
	size_t k;

	if (strcmp(sh->file, c->path))
		return;     /* in a header: the editor shows it in that file's check */
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = xrealloc(r->v, r->cap * sizeof(*r->v));
	}
	f = &r->v[r->n++];
	memset(f, 0, sizeof(*f));
	f->line = sh->line;
	f->col = sh->col;
	f->kind = sh->kind;
	f->flag = xstrdup(sh->flag);
	f->msg = xstrdup(sh->msg);
	f->var = dup_or_null(sh->var);
	f->acq_line = sh->acq_line;
	f->at_return = sh->at_return;
	f->object = sh->object;
	f->release_call = dup_or_null(sh->release_call);
	f->release_arg = sh->release_arg;
	f->goto_label = dup_or_null(sh->goto_label);
	f->retarget = dup_or_null(sh->retarget);
	f->retarget_also = dup_or_null(sh->retarget_also);
	f->notes = xcalloc(sh->nnotes ? sh->nnotes : 1, sizeof(*f->notes));
	f->nnotes = sh->nnotes;
	for (k = 0; k < sh->nnotes; k++) {
		f->notes[k].file = xstrdup(sh->notes[k].file);
		f->notes[k].line = sh->notes[k].line;
		f->notes[k].col = sh->notes[k].col;
		f->notes[k].text = xstrdup(sh->notes[k].text);
	}
}

/* Keeps an --explain remark made in the checked file. */
static void sink_remark(void *arg, const char *file, unsigned line, unsigned col,
			const char *text)
{
	struct sink_ctx *c = arg;
	struct lsp_result *r = c->out;

	if (strcmp(file, c->path))
		return;
	if (r->nrem == r->caprem) {
		r->caprem = r->caprem ? r->caprem * 2 : 8;
		r->rem = xrealloc(r->rem, r->caprem * sizeof(*r->rem));
	}
	r->rem[r->nrem].line = line;
	r->rem[r->nrem].col = col;
	r->rem[r->nrem++].text = xstrdup(text);
}

/* Whether dir/name exists. */
static bool has(const char *dir, const char *name)
{
	char path[PATH_MAX];

	return snprintf(path, sizeof(path), "%s/%s", dir, name) < (int)sizeof(path) &&
	       access(path, F_OK) == 0;
}

/* The compile database directory of path (malloc'ed), or NULL: see above. */
static char *database_dir(const struct lsp_server *s, const char *path)
{
	char dir[PATH_MAX], *slash;

	if (s->base->build_dir)
		return xstrdup(s->base->build_dir);
	if (s->database)
		return xstrdup(s->database);
	if (strlen(path) >= sizeof(dir))
		return NULL;
	strcpy(dir, path);
	while ((slash = strrchr(dir, '/'))) {
		*slash = '\0';
		if (has(*dir ? dir : "/", "compile_commands.json"))
			return xstrdup(*dir ? dir : "/");
		if (has(*dir ? dir : "/", "build/compile_commands.json")) {
			char *b;

			if (asprintf(&b, "%s/build", dir) < 0)
				return NULL;
			return b;
		}
	}
	return NULL;
}

void lsp_check(struct lsp_server *s, const struct lsp_doc *d, const char *text, size_t len,
	       bool explain, struct lsp_result *out)
{
	struct driver_opts o = *s->base;
	char *files[1] = { d->path };
	char *db = database_dir(s, d->path);
	struct sink_ctx ctx = { .path = d->path, .out = out };
	struct report_sink sink = {
		.finding = sink_finding, .remark = sink_remark, .arg = &ctx,
		.unsaved_file = d->path, .unsaved_text = text, .unsaved_len = len,
	};
	int status;

	memset(out, 0, sizeof(*out));
	o.files = files;
	o.nfiles = 1;
	o.build_dir = db;
	o.have_dashdash = false;
	o.extra_args = NULL;
	o.nextra = 0;
	o.unsaved_text = text;
	o.unsaved_len = len;
	o.analyse.explain = explain;
	o.dump_ir = o.dump_summaries = false;
	report_set_sink(&sink);
	status = driver_run(&o);
	report_set_sink(NULL);
	report_close();
	free(db);
	if (status == EXIT_TROUBLE) {
		/* a half-typed buffer: what was found is not worth showing */
		lsp_result_release(out);
		out->trouble = true;
	}
}

/* An LSP range over the word at 1-based line:col of text (one character if none). */
static json_t *word_range(const struct lsp_server *s, const char *text, size_t len,
			  unsigned line, unsigned col)
{
	unsigned from = lsp_character(s, text, len, line, col), to = from + 1;
	unsigned l = line ? line - 1 : 0;

	if (text && line && col) {
		size_t off = lsp_line_start(text, len, l) + col - 1, end = off;

		while (end < len && lsp_ident_char((unsigned char)text[end]))
			end++;
		if (end > off)
			to = lsp_character(s, text, len, line, col + (unsigned)(end - off));
	}
	return json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line", (int)l, "character",
			 (int)from, "end", "line", (int)l, "character", (int)to);
}

/* The text of the open document of path, if there is one. */
static const struct lsp_doc *open_doc(const struct lsp_server *s, const char *path)
{
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		if (!strcmp(s->docs[i]->path, path))
			return s->docs[i];
	return NULL;
}

json_t *lsp_diagnostic(const struct lsp_server *s, const struct lsp_doc *d,
		       const struct lsp_finding *f)
{
	json_t *related = json_array(), *diag;
	char *href;
	size_t k;

	for (k = 0; k < f->nnotes; k++) {
		const struct lsp_note *n = &f->notes[k];
		const struct lsp_doc *nd = open_doc(s, n->file);
		char *uri = lsp_path_uri(n->file);

		json_array_append_new(related, json_pack(
			"{s:{s:s, s:o}, s:s}", "location", "uri", uri, "range",
			word_range(s, nd ? nd->text : NULL, nd ? nd->len : 0, n->line, n->col),
			"message", n->text));
		free(uri);
	}
	diag = json_pack("{s:o, s:i, s:s, s:s, s:s, s:o}",
			 "range", word_range(s, d->text, d->len, f->line, f->col),
			 "severity", 2, "code", f->flag, "source", "leakcheck", "message", f->msg,
			 "relatedInformation", related);
	if (s->docs_url && asprintf(&href, "%s#%s", s->docs_url, f->flag) >= 0) {
		json_object_set_new(diag, "codeDescription", json_pack("{s:s}", "href", href));
		free(href);
	}
	return diag;
}

void lsp_publish(struct lsp_server *s, const struct lsp_doc *d)
{
	json_t *diags = json_array();
	size_t i;

	for (i = 0; i < d->last.n; i++)
		json_array_append_new(diags, lsp_diagnostic(s, d, &d->last.v[i]));
	lsp_notify("textDocument/publishDiagnostics",
		   json_pack("{s:s, s:I, s:o}", "uri", d->uri, "version",
			     (json_int_t)d->last_version, "diagnostics", diags));
}

void lsp_publish_empty(const char *uri)
{
	lsp_notify("textDocument/publishDiagnostics",
		   json_pack("{s:s, s:[]}", "uri", uri, "diagnostics"));
}

json_t *lsp_hover(struct lsp_server *s, struct lsp_doc *d, unsigned line)
{
	char *text = NULL;
	size_t len = 0, i, k;
	FILE *out;
	json_t *h;

	if (!d->have_explained || d->explained_version != d->version) {
		lsp_result_release(&d->explained);
		lsp_check(s, d, d->text, d->len, true, &d->explained);
		d->have_explained = true;
		d->explained_version = d->version;
	}
	if (!(out = open_memstream(&text, &len)))
		return json_null();
	for (i = 0; i < d->explained.n; i++) {
		const struct lsp_finding *f = &d->explained.v[i];

		if (f->acq_line != line + 1 && f->line != line + 1)
			continue;
		fprintf(out, "%sreported (%s): %s\n", ftell(out) ? "\n" : "", f->flag,
			f->msg);
		for (k = 0; k < f->nnotes; k++)
			fprintf(out, "- line %u: %s\n", f->notes[k].line, f->notes[k].text);
	}
	for (i = 0; i < d->explained.nrem; i++)
		if (d->explained.rem[i].line == line + 1)
			fprintf(out, "%snot reported: %s\n", ftell(out) ? "\n" : "",
				d->explained.rem[i].text);
	fclose(out);
	if (!len) {
		free(text);
		return json_null();
	}
	h = json_pack("{s:{s:s, s:s}}", "contents", "kind", "plaintext", "value", text);
	free(text);
	return h;
}
