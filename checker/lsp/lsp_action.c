/*
 * lsp_action.c - the language server's code actions on a finding: the
 * quick fixes, each offered only when the edited text, checked again,
 * shows it worked (docs/editors.md), and "Suppress with NOLINT".
 *
 * Release before a return: `fclose(fp);` inserted before the return
 * statement that starts its line, with its indentation, for a plain
 * variable whose resource has a release function of one argument.
 * Retarget a goto: for a leak reported at a goto past every release, the
 * label the analysis found (finding.retarget, analyse_retarget.c) put in
 * place of the goto's.  Not handled: a return or goto inside a macro, a
 * return that names the variable, an if, else or loop without braces
 * whose only statement the return is.
 */
#define _GNU_SOURCE

#include "lsp_int.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes sure d->last is the check of d's current text. */
static void check_current(struct lsp_server *s, struct lsp_doc *d)
{
	if (d->have_last && d->last_version == d->version)
		return;
	lsp_result_release(&d->last);
	lsp_check(s, d, d->text, d->len, false, &d->last);
	d->have_last = true;
	d->last_version = d->version;
}

/* A WorkspaceEdit replacing characters from..to of 0-based line of d with text. */
static json_t *replacement(const struct lsp_doc *d, unsigned line, unsigned from,
			   unsigned to, const char *text)
{
	return json_pack("{s:{s:[{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:s}]}}", "changes", d->uri,
			 "range", "start", "line", (int)line, "character", (int)from, "end",
			 "line", (int)line, "character", (int)to, "newText", text);
}

/* A WorkspaceEdit of one insertion of text at 0-based line, character in d. */
static json_t *insertion(const struct lsp_doc *d, unsigned line, unsigned character,
			 const char *text)
{
	return replacement(d, line, character, character, text);
}

/* A code action titled title, fixing the diagnostic of f, with edit (taken). */
static json_t *action(struct lsp_server *s, const struct lsp_doc *d,
		      const struct lsp_finding *f, const char *title, json_t *edit,
		      bool preferred)
{
	return json_pack("{s:s, s:s, s:[o], s:o, s:b}", "title", title, "kind", "quickfix",
			 "diagnostics", lsp_diagnostic(s, d, f), "edit", edit, "isPreferred",
			 preferred);
}

/* "Suppress with NOLINT(FLAG)": the comment appended to the finding's line. */
static json_t *nolint_action(struct lsp_server *s, const struct lsp_doc *d,
			     const struct lsp_finding *f)
{
	size_t start = lsp_line_start(d->text, d->len, f->line - 1), end = start;
	char *title, *text;
	json_t *a;

	while (end < d->len && d->text[end] != '\n')
		end++;
	if (end > start && d->text[end - 1] == '\r')
		end--;
	if (asprintf(&title, "Suppress with NOLINT(%s)", f->flag) < 0)
		return NULL;
	if (asprintf(&text, " // NOLINT(%s)", f->flag) < 0) {
		free(title);
		return NULL;
	}
	a = action(s, d, f, title,
		   insertion(d, f->line - 1,
			     lsp_character(s, d->text, d->len, f->line,
					   (unsigned)(end - start) + 1), text),
		   false);
	free(title);
	free(text);
	return a;
}

/* Whether the word w (n bytes) occurs as an identifier in the line text. */
static bool mentions(const char *line, size_t len, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (!memcmp(line + i, w, n) && (i == 0 || !lsp_ident_char((unsigned char)line[i - 1])) &&
		    (i + n == len || !lsp_ident_char((unsigned char)line[i + n])))
			return true;
	return false;
}

/* Whether var is a plain lvalue the fix can name: x, x.m, x->m. */
static bool plain_var(const char *var)
{
	const char *p;

	if (!var || !(isalpha((unsigned char)*var) || *var == '_'))
		return false;
	for (p = var; *p; p++)
		if (!lsp_ident_char((unsigned char)*p) && *p != '.' && !(p[0] == '-' && p[1] == '>') &&
		    !(p[0] == '>' && p > var && p[-1] == '-'))
			return false;
	return true;
}

/*
 * The text of the quick fix of f: "INDENTfclose(fp);\n" to insert at the
 * start of the return statement's line, or NULL when no fix is obvious:
 * not a leak at a return that starts its line, no plain variable or
 * release function of one argument, the return names the variable, or
 * the line before may be an if, else or loop whose only statement the
 * return is.
 */
static char *release_text(const struct lsp_doc *d, const struct lsp_finding *f)
{
	size_t start, i, end, p;
	char *text;
	int n;

	if (f->kind != FK_LEAK || !f->at_return || f->object || !f->release_call ||
	    f->release_arg != 1 || !plain_var(f->var) || f->line < 2)
		return NULL;
	start = lsp_line_start(d->text, d->len, f->line - 1);
	for (i = start; i < d->len && (d->text[i] == ' ' || d->text[i] == '\t'); i++)
		;
	if (i != start + f->col - 1 || d->len - i < 6 || memcmp(d->text + i, "return", 6) ||
	    (i + 6 < d->len && lsp_ident_char((unsigned char)d->text[i + 6])))
		return NULL;
	for (end = i; end < d->len && d->text[end] != '\n'; end++)
		;
	if (!memchr(d->text + i, ';', end - i) ||
	    mentions(d->text + i, end - i, f->var, strcspn(f->var, ".-")))
		return NULL;
	/* the last character before the line that is not blank ends a statement */
	for (p = start; p > 0 && isspace((unsigned char)d->text[p - 1]); p--)
		;
	if (p == 0 || !strchr(";{}", d->text[p - 1]))
		return NULL;
	n = asprintf(&text, "%.*s%s(%s);\n", (int)(i - start), d->text + start, f->release_call,
		     f->var);
	return n < 0 ? NULL : text;
}

/*
 * Checks d's text with the del bytes at offset at replaced by ins into r,
 * which the caller releases with lsp_result_release().
 */
static void check_edited(struct lsp_server *s, const struct lsp_doc *d, size_t at, size_t del,
			 const char *ins, struct lsp_result *r)
{
	size_t n = strlen(ins), len = d->len - del + n;
	char *text = xmalloc(len + 1);

	memcpy(text, d->text, at);
	memcpy(text + at, ins, n);
	memcpy(text + at + n, d->text + at + del, d->len - at - del + 1);
	lsp_check(s, d, text, len, false, r);
	free(text);
}

/*
 * Whether inserting fix at the start of f's line leaves fewer findings
 * and no new kind: the edited text is checked again (it must parse).
 */
static bool fix_works(struct lsp_server *s, const struct lsp_doc *d,
		      const struct lsp_finding *f, const char *fix)
{
	struct lsp_result r;
	size_t i;
	bool ok;

	check_edited(s, d, lsp_line_start(d->text, d->len, f->line - 1), 0, fix, &r);
	ok = !r.trouble && r.n < d->last.n;
	for (i = 0; i < r.n && ok; i++)
		ok = r.v[i].kind == FK_LEAK;
	lsp_result_release(&r);
	return ok;
}

/*
 * The byte offset in d's text of the label of the goto statement f is
 * reported at (`goto LABEL` at f's line and column, LABEL f->goto_label),
 * or (size_t)-1 when the text there is not that (a goto in a macro).
 */
static size_t goto_label_at(const struct lsp_doc *d, const struct lsp_finding *f)
{
	size_t at = lsp_line_start(d->text, d->len, f->line - 1) + f->col - 1;
	size_t n = strlen(f->goto_label);

	if (at + 4 > d->len || memcmp(d->text + at, "goto", 4) ||
	    (at + 4 < d->len && lsp_ident_char((unsigned char)d->text[at + 4])))
		return (size_t)-1;
	for (at += 4; at < d->len && (d->text[at] == ' ' || d->text[at] == '\t'); at++)
		;
	if (at + n > d->len || memcmp(d->text + at, f->goto_label, n) ||
	    (at + n < d->len && lsp_ident_char((unsigned char)d->text[at + n])))
		return (size_t)-1;
	return at;
}

/* Whether a and b are the same finding, wherever on its line. */
static bool same_finding(const struct lsp_finding *a, const struct lsp_finding *b)
{
	return a->kind == b->kind && a->line == b->line && !strcmp(a->flag, b->flag) &&
	       !strcmp(a->msg, b->msg);
}

/*
 * Whether every finding of r is one of d->last other than f (each one
 * once): the edit fixed f, maybe others, and made nothing new.
 */
static bool only_fixed(const struct lsp_doc *d, const struct lsp_finding *f,
		       const struct lsp_result *r)
{
	bool *used = xcalloc(d->last.n + 1, sizeof(bool));
	bool ok = !r->trouble;
	size_t i, k;

	for (i = 0; i < r->n && ok; i++) {
		for (k = 0; k < d->last.n; k++)
			if (!used[k] && &d->last.v[k] != f && same_finding(&r->v[i], &d->last.v[k]))
				break;
		ok = k < d->last.n;
		if (ok)
			used[k] = true;
	}
	free(used);
	return ok;
}

/*
 * "Retarget 'goto out' to 'free_buf'": for a leak reported at a goto
 * past every release, the label the analysis found (finding.retarget)
 * replaces the goto's, when the text checked again with that edit has
 * f's finding no more and no new one; else NULL.
 */
static json_t *retarget_action(struct lsp_server *s, const struct lsp_doc *d,
			       const struct lsp_finding *f)
{
	struct lsp_result r;
	size_t at, start, n;
	char *title;
	json_t *a;
	bool ok;

	if (!f->goto_label || !f->retarget || !f->var ||
	    (at = goto_label_at(d, f)) == (size_t)-1)
		return NULL;
	n = strlen(f->goto_label);
	check_edited(s, d, at, n, f->retarget, &r);
	ok = only_fixed(d, f, &r);
	lsp_result_release(&r);
	if (!ok || asprintf(&title, "Retarget 'goto %s' to '%s' (releases '%s'%s%s)",
			    f->goto_label, f->retarget, f->var, f->retarget_also ? ", " : "",
			    f->retarget_also ? f->retarget_also : "") < 0)
		return NULL;
	start = lsp_line_start(d->text, d->len, f->line - 1);
	a = action(s, d, f, title,
		   replacement(d, f->line - 1,
			       lsp_character(s, d->text, d->len, f->line,
					     (unsigned)(at - start) + 1),
			       lsp_character(s, d->text, d->len, f->line,
					     (unsigned)(at + n - start) + 1),
			       f->retarget),
		   true);
	free(title);
	return a;
}

json_t *lsp_code_actions(struct lsp_server *s, struct lsp_doc *d, unsigned first,
			 unsigned last)
{
	json_t *actions = json_array(), *a;
	size_t i;

	check_current(s, d);
	for (i = 0; i < d->last.n; i++) {
		const struct lsp_finding *f = &d->last.v[i];
		char *fix, *title;

		if (f->line == 0 || f->line - 1 < first || f->line - 1 > last)
			continue;
		fix = release_text(d, f);
		if (fix && fix_works(s, d, f, fix) &&
		    asprintf(&title, "Release '%s' with %s() before returning", f->var,
			     f->release_call) >= 0) {
			json_array_append_new(actions, action(s, d, f, title,
							      insertion(d, f->line - 1, 0, fix),
							      true));
			free(title);
		}
		free(fix);
		if ((a = retarget_action(s, d, f)))
			json_array_append_new(actions, a);
		if ((a = nolint_action(s, d, f)))
			json_array_append_new(actions, a);
	}
	return actions;
}
