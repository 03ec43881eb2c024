/*
 * lsp.c - leakcheck --lsp: messages in and out, the server's life cycle
 * and the dispatch of requests and notifications; see lsp.h.
 *
 * One thread does everything, in this order: read what stdin has,
 * answer the messages read, in order; when none is left, check the
 * first document whose debounce time has come; then read again before
 * publishing, and drop the result if a message read meanwhile changed or
 * closed that document (a newer check follows).  A $/cancelRequest
 * cancels a request read but not yet answered (it is answered with
 * RequestCancelled).
 *
 * Framing errors (a header block with no valid Content-Length, one too
 * large) and JSON that does not parse are answered with a ParseError of
 * id null and skipped; a message that is no JSON-RPC 2.0 request, a
 * request with bad params, or an unknown request gets the error the spec
 * names.  Bad notifications are ignored (with a line on stderr).
 */
#define _GNU_SOURCE

#include "lsp.h"
#include "lsp_int.h"
#include "base/diag.h"
#include "base/util.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* A header block longer than this is refused. */
#define MAX_HEADER 8192
/* A message body larger than this is refused (skipped). */
#define MAX_BODY ((size_t)256 << 20)

/* Bytes read from stdin and not yet taken as messages. */
static struct {
	char *buf;
	size_t len, cap;
	size_t skip;                /* bytes of a refused body still to throw away */
	bool eof;
} in;

/* Messages read and not yet handled (a JSON array). */
static json_t *queue;

double lsp_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes one message to stdout with its header; exits when stdout is gone. */
static void send_message(json_t *msg)
{
	char *body = json_dumps(msg, JSON_COMPACT);
	size_t len, off = 0;
	char head[64];
	int n;

	if (!body)
		return;
	len = strlen(body);
	n = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", len);
	if (fwrite(head, 1, (size_t)n, stdout) != (size_t)n ||
	    fwrite(body + off, 1, len, stdout) != len || fflush(stdout) != 0) {
		free(body);
		diag_error("cannot write to the client: %s", strerror(errno));
		exit(1);
	}
	free(body);
}

void lsp_notify(const char *method, json_t *params)
{
	json_t *msg = json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method,
				"params", params);

	send_message(msg);
	json_decref(msg);
}

/* Answers the request id (borrowed; NULL: null) with result (taken). */
static void respond(json_t *id, json_t *result)
{
	json_t *msg = json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(),
				"result", result ? result : json_null());

	send_message(msg);
	json_decref(msg);
}

/* Answers the request id (borrowed; NULL: null) with an error. */
static void respond_error(json_t *id, int code, const char *text)
{
	json_t *msg = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id",
				id ? id : json_null(), "error", "code", code, "message", text);

	send_message(msg);
	json_decref(msg);
}

/* Whether a message's id is one JSON-RPC allows (a string or an integer). */
static bool valid_id(json_t *id)
{
	return json_is_string(id) || json_is_integer(id);
}

/* Marks the queued request with this id cancelled. */
static void cancel(json_t *id)
{
	size_t i;
	json_t *m;

	json_array_foreach(queue, i, m) {
		json_t *mid = json_object_get(m, "id");

		if (json_object_get(m, "method") && mid && json_equal(mid, id))
			json_object_set_new(m, "cancelled", json_true());
	}
}

/* Queues one message body, or answers it with a ParseError. */
static void take_body(const char *body, size_t len)
{
	json_error_t err;
	json_t *msg = json_loadb(body, len, JSON_DECODE_ANY, &err);

	if (!msg) {
		respond_error(NULL, LSP_PARSE_ERROR, "the message is not JSON");
		return;
	}
	if (json_is_object(msg) &&
	    json_is_string(json_object_get(msg, "method")) &&
	    !strcmp(json_string_value(json_object_get(msg, "method")), "$/cancelRequest") &&
	    !json_object_get(msg, "id")) {
		json_t *id = json_object_get(json_object_get(msg, "params"), "id");

		if (valid_id(id))
			cancel(id);
		json_decref(msg);
		return;
	}
	json_array_append_new(queue, msg);
}

/*
 * Reads the Content-Length of the header block h (hlen bytes, without
 * the blank line); -1 if it has none or a bad one.
 */
static long long content_length(const char *h, size_t hlen)
{
	long long n = -1;
	size_t i = 0;

	while (i < hlen) {
		const char *eol = memmem(h + i, hlen - i, "\r\n", 2);
		size_t l = eol ? (size_t)(eol - (h + i)) : hlen - i;
		const char *line = h + i;

		if (l > 15 && !strncasecmp(line, "Content-Length:", 15)) {
			size_t k = 15;

			n = 0;
			while (k < l && line[k] == ' ')
				k++;
			if (k == l)
				return -1;
			for (; k < l; k++) {
				if (line[k] < '0' || line[k] > '9' || n > (long long)MAX_BODY)
					return -1;
				n = n * 10 + (line[k] - '0');
			}
		} else if (!memchr(line, ':', l)) {
			return -1;
		}
		i += l + 2;
	}
	return n;
}

/* Takes every complete message out of the input buffer. */
static void take_messages(void)
{
	size_t off = 0;

	for (;;) {
		const char *end;
		long long n;
		size_t hlen;

		if (in.skip) {
			size_t k = in.len - off < in.skip ? in.len - off : in.skip;

			off += k;
			in.skip -= k;
			if (in.skip)
				break;
		}
		end = memmem(in.buf + off, in.len - off, "\r\n\r\n", 4);
		if (!end) {
			if (in.len - off > MAX_HEADER) {
				respond_error(NULL, LSP_PARSE_ERROR, "the header block is too long");
				off = in.len;
			}
			break;
		}
		hlen = (size_t)(end - (in.buf + off));
		n = content_length(in.buf + off, hlen);
		if (n < 0 || n > (long long)MAX_BODY) {
			respond_error(NULL, LSP_PARSE_ERROR,
				      "the header block has no valid Content-Length");
			off += hlen + 4;
			continue;
		}
		if (in.len - off - hlen - 4 < (size_t)n)
			break;
		take_body(in.buf + off + hlen + 4, (size_t)n);
		off += hlen + 4 + (size_t)n;
	}
	memmove(in.buf, in.buf + off, in.len - off);
	in.len -= off;
}

/*
 * Reads what stdin has, waiting at most timeout seconds (< 0: until
 * something comes), and queues the complete messages.
 */
static void read_input(double timeout)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	int ms = timeout < 0 ? -1 : (int)(timeout * 1000 + 0.999);
	ssize_t n;

	if (in.eof)
		return;
	if (poll(&p, 1, ms) <= 0)
		return;
	if (in.cap - in.len < 65536) {
		in.cap = in.cap ? in.cap * 2 : 131072;
		in.buf = xrealloc(in.buf, in.cap);
	}
	n = read(STDIN_FILENO, in.buf + in.len, in.cap - in.len);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		in.eof = true;
		return;
	}
	in.len += (size_t)n;
	take_messages();
}

/* The text-document URI of params, or NULL. */
static const char *doc_uri(json_t *params)
{
	return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

/* Whether the client's capabilities let positions count UTF-8 bytes. */
static bool client_utf8(json_t *params)
{
	json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"),
						       "general"), "positionEncodings");
	size_t i;
	json_t *e;

	json_array_foreach(encs, i, e)
		if (json_is_string(e) && !strcmp(json_string_value(e), "utf-8"))
			return true;
	return false;
}

/*
 * Where the diagnostics link to when the client does not say
 * (malloc'ed), or NULL: docs/flags.md as installed
 * (LEAKCHECK_INSTALL_DOCDIR, CMake's CMAKE_INSTALL_FULL_DOCDIR), else
 * in the source tree leakcheck was built from (LEAKCHECK_SOURCE_DOCDIR),
 * as a file: URI, whichever exists now.
 */
static char *docs_default(void)
{
	static const char *const dirs[] = { LEAKCHECK_INSTALL_DOCDIR, LEAKCHECK_SOURCE_DOCDIR };
	char *path, *uri = NULL;
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]) && !uri; i++) {
		if (asprintf(&path, "%s/flags.md", dirs[i]) < 0)
			return NULL;
		if (path[0] == '/' && access(path, R_OK) == 0)
			uri = lsp_path_uri(path);
		free(path);
	}
	return uri;
}

/* initialize: the capabilities. */
static json_t *initialize(struct lsp_server *s, json_t *params)
{
	json_t *opts = json_object_get(params, "initializationOptions");
	const char *db = json_string_value(json_object_get(opts, "compilationDatabase"));
	json_t *docs = json_object_get(opts, "docsUrl");

	s->utf8 = client_utf8(params);
	free(s->database);
	s->database = db && *db ? xstrdup(db) : NULL;
	free(s->docs_url);
	if (json_is_string(docs))       /* a base URL, or "": no links */
		s->docs_url = *json_string_value(docs) ? xstrdup(json_string_value(docs)) : NULL;
	else
		s->docs_url = docs_default();
	s->initialized = true;
	return json_pack("{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:{s:[s]}},"
			 " s:{s:s, s:s}}",
			 "capabilities",
			 "positionEncoding", s->utf8 ? "utf-8" : "utf-16",
			 "textDocumentSync", "openClose", 1, "change", 2,
			 "save", "includeText", 0,
			 "hoverProvider", 1,
			 "codeActionProvider", "codeActionKinds", "quickfix",
			 "serverInfo", "name", "leakcheck", "version", "0.1.0");
}

/* Marks d to be checked after delay seconds (or sooner if it was due sooner). */
static void schedule(struct lsp_doc *d, double delay)
{
	double when = lsp_now() + delay;

	if (!d->due || delay == 0 || when > d->due)
		d->due = when;
}

/* The notifications about documents; false if params were bad. */
static bool doc_notification(struct lsp_server *s, const char *method, json_t *params)
{
	const char *uri = doc_uri(params);
	struct lsp_doc *d = uri ? lsp_doc_find(s, uri) : NULL;
	json_t *td = json_object_get(params, "textDocument");

	if (!uri)
		return false;
	if (!strcmp(method, "textDocument/didOpen")) {
		json_t *text = json_object_get(td, "text"), *v = json_object_get(td, "version");

		if (!json_is_string(text))
			return false;
		d = lsp_doc_open(s, uri, json_string_value(text), json_string_length(text),
				 json_is_integer(v) ? json_integer_value(v) : 0);
		if (d)
			schedule(d, 0);
		return d != NULL;
	}
	if (!d)
		return true;    /* a document we do not follow */
	if (!strcmp(method, "textDocument/didChange")) {
		json_t *v = json_object_get(td, "version");

		if (lsp_doc_change(s, d, json_object_get(params, "contentChanges")) < 0)
			return false;
		d->version = json_is_integer(v) ? json_integer_value(v) : d->version + 1;
		d->have_explained = false;
		schedule(d, LSP_DEBOUNCE_MS / 1000.0);
	} else if (!strcmp(method, "textDocument/didSave")) {
		json_t *text = json_object_get(params, "text");

		if (json_is_string(text) && (json_string_length(text) != d->len ||
					     memcmp(json_string_value(text), d->text, d->len)))
			return false;
		schedule(d, 0);
	} else if (!strcmp(method, "textDocument/didClose")) {
		lsp_doc_close(s, d);
		lsp_publish_empty(uri);
	}
	return true;
}

/* Reads a range's start and end lines; -1 if it is not a range. */
static int range_lines(json_t *range, unsigned *first, unsigned *last)
{
	unsigned c;

	return lsp_position(json_object_get(range, "start"), first, &c) < 0 ||
	       lsp_position(json_object_get(range, "end"), last, &c) < 0 ? -1 : 0;
}

/* Answers a request after initialize and before shutdown. */
static void request(struct lsp_server *s, const char *method, json_t *id, json_t *params)
{
	struct lsp_doc *d = NULL;
	unsigned first, last, c;
	const char *uri = doc_uri(params);

	if (!strcmp(method, "shutdown")) {
		s->shutdown = true;
		respond(id, NULL);
		return;
	}
	if (!strcmp(method, "initialize")) {
		respond_error(id, LSP_INVALID_REQUEST, "initialize was already answered");
		return;
	}
	if (strcmp(method, "textDocument/codeAction") && strcmp(method, "textDocument/hover")) {
		respond_error(id, LSP_METHOD_NOT_FOUND, "unknown method");
		return;
	}
	if (uri)
		d = lsp_doc_find(s, uri);
	if (!strcmp(method, "textDocument/codeAction")) {
		if (!uri || range_lines(json_object_get(params, "range"), &first, &last) < 0)
			respond_error(id, LSP_INVALID_PARAMS, "codeAction needs textDocument.uri and range");
		else
			respond(id, d ? lsp_code_actions(s, d, first, last) : json_array());
		return;
	}
	if (!uri || lsp_position(json_object_get(params, "position"), &first, &c) < 0)
		respond_error(id, LSP_INVALID_PARAMS, "hover needs textDocument.uri and position");
	else
		respond(id, d ? lsp_hover(s, d, first) : NULL);
}

/*
 * Handles one message; returns the exit status once exit has come, else -1.
 */
static int handle(struct lsp_server *s, json_t *msg)
{
	json_t *id = json_object_get(msg, "id"), *m = json_object_get(msg, "method");
	json_t *params = json_object_get(msg, "params");
	const char *method = json_string_value(m);
	bool is_request = id != NULL;

	if (!json_is_object(msg) ||
	    !json_is_string(json_object_get(msg, "jsonrpc")) ||
	    strcmp(json_string_value(json_object_get(msg, "jsonrpc")), "2.0") ||
	    (is_request && !valid_id(id)) || (m && !method) ||
	    (params && !json_is_object(params) && !json_is_array(params))) {
		respond_error(json_is_object(msg) && valid_id(id) ? id : NULL, LSP_INVALID_REQUEST,
			      "not a JSON-RPC 2.0 message");
		return -1;
	}
	if (!method) {
		if (!json_object_get(msg, "result") && !json_object_get(msg, "error"))
			respond_error(valid_id(id) ? id : NULL, LSP_INVALID_REQUEST,
				      "neither a request nor a response");
		return -1;      /* a response to a request of ours: we send none */
	}
	if (!strcmp(method, "exit"))
		return s->shutdown ? 0 : 1;
	if (is_request && json_is_true(json_object_get(msg, "cancelled"))) {
		respond_error(id, LSP_REQUEST_CANCELLED, "cancelled");
		return -1;
	}
	if (!s->initialized) {
		if (is_request && !strcmp(method, "initialize"))
			respond(id, initialize(s, params));
		else if (is_request)
			respond_error(id, LSP_SERVER_NOT_INITIALIZED, "initialize first");
		return -1;
	}
	if (is_request && s->shutdown) {
		respond_error(id, LSP_INVALID_REQUEST, "the server is shutting down");
		return -1;
	}
	if (is_request) {
		request(s, method, id, params);
		return -1;
	}
	if (!strncmp(method, "textDocument/did", 16) && !doc_notification(s, method, params))
		diag_warning("ignoring a malformed '%s' notification", method);
	return -1;      /* initialized, $/ notifications and the others */
}

/* Whether a queued message changes or closes uri (a result for it is stale). */
static bool touched(const char *uri)
{
	size_t i;
	json_t *m;

	json_array_foreach(queue, i, m) {
		const char *method = json_string_value(json_object_get(m, "method"));
		const char *u = doc_uri(json_object_get(m, "params"));

		if (method && u && !strcmp(u, uri) &&
		    (!strcmp(method, "textDocument/didChange") ||
		     !strcmp(method, "textDocument/didClose") ||
		     !strcmp(method, "textDocument/didOpen")))
			return true;
	}
	return false;
}

/* The open document due first, or NULL; *wait is how long until it is due (< 0: none). */
static struct lsp_doc *next_due(struct lsp_server *s, double *wait)
{
	struct lsp_doc *best = NULL;
	double now = lsp_now();
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		if (s->docs[i]->due && (!best || s->docs[i]->due < best->due))
			best = s->docs[i];
	*wait = best ? (best->due > now ? best->due - now : 0) : -1;
	return best;
}

/* Checks d, then publishes unless a message read meanwhile made it stale. */
static void check_due(struct lsp_server *s, struct lsp_doc *d)
{
	struct lsp_result r = { 0 };
	int64_t version = d->version;
	char *uri = xstrdup(d->uri);

	d->due = 0;
	lsp_check(s, d, d->text, d->len, false, &r);
	read_input(0);
	if (touched(uri) || !(d = lsp_doc_find(s, uri)) || d->version != version) {
		lsp_result_release(&r);
	} else {
		lsp_result_release(&d->last);
		d->last = r;
		d->have_last = true;
		d->last_version = version;
		lsp_publish(s, d);
	}
	free(uri);
}

int lsp_serve(const struct driver_opts *base)
{
	struct lsp_server s = { .base = base };
	int status = -1;

	signal(SIGPIPE, SIG_IGN);
	queue = json_array();
	while (status < 0) {
		struct lsp_doc *d;
		double wait;

		if (json_array_size(queue)) {
			json_t *msg = json_incref(json_array_get(queue, 0));

			json_array_remove(queue, 0);
			status = handle(&s, msg);
			json_decref(msg);
			continue;
		}
		d = next_due(&s, &wait);
		if (d && wait == 0) {
			check_due(&s, d);
			continue;
		}
		if (in.eof) {
			status = 1;     /* no exit notification */
			break;
		}
		read_input(wait);
	}
	lsp_docs_release(&s);
	json_decref(queue);
	free(in.buf);
	free(s.database);
	free(s.docs_url);
	return status;
}
