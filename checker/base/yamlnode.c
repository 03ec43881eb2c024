/*
 * yamlnode.c - reading the YAML files leakcheck reads (rules files,
 * .leakcheck.yml); see yamlnode.h.
 *
 * A file is read whole into memory (a regular file, at most the caller's
 * cap), then parsed twice from there: first as libyaml events, only to
 * count the nesting, then, when that is within YAMLNODE_MAX_DEPTH, with
 * libyaml's document API.  libyaml's scanner spends time proportional to
 * the open flow collections on every token, so a file of 50,000 '[' would
 * take minutes; the first pass stops at the first event too deep, after a
 * few thousand tokens at most.
 */
#include "yamlnode.h"
#include "diag.h"
#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Reports why libyaml stopped reading path. */
static void yaml_error(const char *path, const char *what, const yaml_parser_t *p)
{
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		diag_error("out of memory reading %s '%s'", what, path);
		break;
	case YAML_READER_ERROR:
		diag_error_at(path, 0, 0, "invalid YAML: %s at byte %zu", p->problem,
				p->problem_offset);
		break;
	default:
		if (p->context)
			diag_error_at(path, (unsigned)p->problem_mark.line + 1,
					(unsigned)p->problem_mark.column + 1,
					"invalid YAML: %s (%s at line %u)", p->problem,
					p->context, (unsigned)p->context_mark.line + 1);
		else
			diag_error_at(path, (unsigned)p->problem_mark.line + 1,
					(unsigned)p->problem_mark.column + 1,
					"invalid YAML: %s", p->problem);
		break;
	}
}

/*
 * Walks the events of text (len bytes) and fails at the first collection
 * nested deeper than YAMLNODE_MAX_DEPTH, or at a syntax error.
 */
static int check_depth(const char *path, const char *what, const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned depth = 0;
	int ret = -1;

	if (!yaml_parser_initialize(&parser)) {
		diag_error("out of memory reading %s '%s'", what, path);
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	for (;;) {
		yaml_event_type_t type;

		if (!yaml_parser_parse(&parser, &ev)) {
			yaml_error(path, what, &parser);
			break;
		}
		type = ev.type;
		if ((type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT) &&
		    ++depth > YAMLNODE_MAX_DEPTH) {
			diag_error_at(path, (unsigned)ev.start_mark.line + 1,
					(unsigned)ev.start_mark.column + 1,
					"nesting deeper than %d levels", YAMLNODE_MAX_DEPTH);
			yaml_event_delete(&ev);
			break;
		}
		if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT)
			depth--;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT) {
			ret = 0;
			break;
		}
	}
	yaml_parser_delete(&parser);
	return ret;
}

/*
 * Fails if the stream holds anything after the first document (an empty
 * one, as a trailing "---" starts, is nothing).
 */
static int check_single_document(const char *path, const char *what, yaml_parser_t *p)
{
	yaml_document_t next;
	yaml_node_t *root;
	int ret = 0;

	if (!yaml_parser_load(p, &next)) {
		yaml_error(path, what, p);
		return -1;
	}
	root = yaml_document_get_root_node(&next);
	if (root && !(root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)) {
		diag_error_at(path, (unsigned)next.start_mark.line + 1,
				(unsigned)next.start_mark.column + 1,
				"a %s holds one YAML document, found a second one", what);
		ret = -1;
	}
	yaml_document_delete(&next);
	return ret;
}

int yamlnode_load(const char *path, const char *what, size_t max, yaml_document_t *doc)
{
	yaml_parser_t parser;
	size_t len;
	char *text;
	int err, ret = -1;

	err = util_read_file(path, max, &text, &len);
	if (err == EFBIG) {
		diag_error("cannot read %s '%s': larger than %zu MiB", what, path, max >> 20);
		return -1;
	}
	if (err) {
		diag_error("cannot read %s '%s': %s", what, path, util_strerror(err));
		return -1;
	}
	outfile_add_input(path);        /* not to be overwritten by --output */
	if (check_depth(path, what, text, len) < 0)
		goto free_text;
	if (!yaml_parser_initialize(&parser)) {
		diag_error("out of memory reading %s '%s'", what, path);
		goto free_text;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, doc)) {
		yaml_error(path, what, &parser);
		goto delete_parser;
	}
	ret = check_single_document(path, what, &parser);
	if (ret < 0)
		yaml_document_delete(doc);
delete_parser:
	yaml_parser_delete(&parser);
free_text:
	free(text);
	return ret;
}
