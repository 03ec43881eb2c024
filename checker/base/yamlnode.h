/*
 * yamlnode.h - loading the YAML files leakcheck reads, and small
 * accessors for libyaml document nodes, shared by the readers of rules
 * files (rules.c) and project configs (config.c): the 1-based position of
 * a node and how to name its kind in messages.
 *
 * Only a regular file of at most the caller's size cap is read, and it
 * is refused, before the document is built, when collections nest deeper
 * than YAMLNODE_MAX_DEPTH (libyaml's time grows with the square of the
 * nesting).  A second document in the stream is an error (an empty one
 * after a trailing "---" is not).  A UTF-8 (or UTF-16) byte-order mark
 * is accepted: libyaml reads it.
 */
#ifndef LEAKCHECK_YAMLNODE_H
#define LEAKCHECK_YAMLNODE_H

#include <stddef.h>
#include <yaml.h>

/* The deepest nesting of sequences and mappings accepted. */
#define YAMLNODE_MAX_DEPTH 64

/*
 * Loads the first document of path, a regular file of at most max bytes,
 * into doc; what names the file in messages ("rules file").  Returns 0
 * (the caller deletes doc with yaml_document_delete()), or -1 after
 * reporting why it cannot be read or parsed (doc holds nothing then).
 */
int yamlnode_load(const char *path, const char *what, size_t max, yaml_document_t *doc);

/* The 1-based line of n. */
static inline unsigned line_of(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.line + 1;
}

/* The 1-based column of n. */
static inline unsigned col_of(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.column + 1;
}

/* "a mapping", "a sequence" or "a scalar", for messages. */
static inline const char *kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a sequence";
	default:
		return "a scalar";
	}
}

/* The text of a scalar node. */
static inline const char *text_of(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

#endif
