/*
 * lsp_int.h - what the files of the language server share (not an API:
 * only lsp*.c include it).  lsp.c reads and writes messages and
 * dispatches them; lsp_doc.c keeps the open documents, their text and
 * positions; lsp_check.c runs the checks and turns findings into
 * diagnostics and hovers; lsp_action.c makes the code actions.
 */
#ifndef LEAKCHECK_LSP_INT_H
#define LEAKCHECK_LSP_INT_H

#include "front/driver.h"
#include "report/report.h"

#include <ctype.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* JSON-RPC and LSP error codes. */
enum {
	LSP_PARSE_ERROR = -32700,
	LSP_INVALID_REQUEST = -32600,
	LSP_METHOD_NOT_FOUND = -32601,
	LSP_INVALID_PARAMS = -32602,
	LSP_INTERNAL_ERROR = -32603,
	LSP_SERVER_NOT_INITIALIZED = -32002,
	LSP_REQUEST_CANCELLED = -32800,
};

/* A note of a finding, copied out of the report sink. */
struct lsp_note {
	char *file;
	unsigned line;              /* 1-based, as printed */
	unsigned col;               /* 1-based byte column */
	char *text;
};

/* A finding of a check, copied out of the report sink (struct report_shown). */
struct lsp_finding {
	unsigned line, col;         /* 1-based; in the checked file */
	enum finding_kind kind;
	char *flag;                 /* "leakcheck-leak" */
	char *msg;
	char *var;                  /* or NULL */
	unsigned acq_line;          /* or 0 */
	bool at_return;
	bool object;
	char *release_call;         /* or NULL */
	int release_arg;
	char *goto_label;           /* reported at a goto statement: its label, or NULL */
	char *retarget;             /* ... a label it could jump to instead, or NULL */
	char *retarget_also;        /* ... what else that label releases, or NULL */
	struct lsp_note *notes;
	size_t nnotes;
};

/* An --explain remark in the checked file. */
struct lsp_remark {
	unsigned line, col;
	char *text;
};

/* What one check of one text found. */
struct lsp_result {
	struct lsp_finding *v;
	size_t n, cap;
	struct lsp_remark *rem;
	size_t nrem, caprem;
	bool trouble;               /* the run failed (a parse error, a broken config) */
};

/* An open document. */
struct lsp_doc {
	char *uri;                  /* as the client spelled it */
	char *path;                 /* the file it names (absolute) */
	char *text;                 /* the editor's text (NUL-terminated too) */
	size_t len;
	int64_t version;            /* the client's version of text */
	double due;                 /* monotonic seconds when a check is due, or 0 */
	bool have_last;             /* last holds the check of last_version */
	int64_t last_version;
	struct lsp_result last;
	bool have_explained;        /* explained holds an --explain check of ... */
	int64_t explained_version;  /* ... this version */
	struct lsp_result explained;
};

/* The server's state. */
struct lsp_server {
	const struct driver_opts *base;
	struct lsp_doc **docs;
	size_t ndocs, capdocs;
	bool initialized;           /* initialize answered */
	bool shutdown;              /* shutdown answered */
	bool utf8;                  /* positions count UTF-8 bytes, not UTF-16 units */
	char *database;             /* initializationOptions.compilationDatabase, or NULL */
	char *docs_url;             /* base of codeDescription.href: the flag F's
				       documentation is at docs_url "#" F; NULL:
				       no link (lsp.c, docs_default()) */
};

/* lsp.c */

/* Sends a notification (takes params' reference). */
void lsp_notify(const char *method, json_t *params);

/* Monotonic time in seconds. */
double lsp_now(void);

/* lsp_doc.c */

/* The open document of uri, or NULL. */
struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri);

/* Opens (or replaces) the document uri with text; returns NULL when uri names no file. */
struct lsp_doc *lsp_doc_open(struct lsp_server *s, const char *uri, const char *text,
			     size_t len, int64_t version);

/* Closes the document d (freed). */
void lsp_doc_close(struct lsp_server *s, struct lsp_doc *d);

/* Frees every document. */
void lsp_docs_release(struct lsp_server *s);

/*
 * Applies the contentChanges array of a didChange to d; returns -1 (d
 * unchanged after the first bad change) when one is malformed.
 */
int lsp_doc_change(const struct lsp_server *s, struct lsp_doc *d, json_t *changes);

/* Byte offset in text of the LSP position (line, character), clamped to the line. */
size_t lsp_offset(const struct lsp_server *s, const char *text, size_t len, unsigned line,
		  unsigned character);

/* The LSP character of 1-based line and byte column col of text (ASCII if text is NULL). */
unsigned lsp_character(const struct lsp_server *s, const char *text, size_t len,
		       unsigned line, unsigned col);

/* Reads a {line, character} object; -1 if it is not one. */
int lsp_position(json_t *pos, unsigned *line, unsigned *character);

/* The byte offset of the start of 0-based line in text (len if there is no such line). */
size_t lsp_line_start(const char *text, size_t len, unsigned line);

/* The file path of a file: URI (malloc'ed), or NULL. */
char *lsp_uri_path(const char *uri);

/* The file: URI of an absolute path (malloc'ed). */
char *lsp_path_uri(const char *path);

/* lsp_result */
void lsp_result_release(struct lsp_result *r);

/* Whether c can be part of a C identifier. */
static inline bool lsp_ident_char(int c)
{
	return isalnum(c) || c == '_';
}

/* lsp_check.c */

/*
 * Checks text as the document d's (explain: with --explain remarks) into
 * out, which the caller releases with lsp_result_release().
 */
void lsp_check(struct lsp_server *s, const struct lsp_doc *d, const char *text, size_t len,
	       bool explain, struct lsp_result *out);

/* Sends d's diagnostics from d->last (version d->last_version). */
void lsp_publish(struct lsp_server *s, const struct lsp_doc *d);

/* Sends an empty list of diagnostics for uri. */
void lsp_publish_empty(const char *uri);

/* One diagnostic for the finding f of d (a new reference). */
json_t *lsp_diagnostic(const struct lsp_server *s, const struct lsp_doc *d,
		       const struct lsp_finding *f);

/* The result of textDocument/hover on 0-based line of d (a new reference). */
json_t *lsp_hover(struct lsp_server *s, struct lsp_doc *d, unsigned line);

/* lsp_action.c */

/*
 * The result of textDocument/codeAction for the findings of d on 0-based
 * lines first..last (a new reference): the quick fixes, each checked by
 * checking the edited text again, and the NOLINT actions.
 */
json_t *lsp_code_actions(struct lsp_server *s, struct lsp_doc *d, unsigned first,
			 unsigned last);

#endif
