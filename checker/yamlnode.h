/*
 * yamlnode.h - small accessors for libyaml document nodes, shared by the
 * readers of rules files (rules.c) and project configs (config.c): the
 * 1-based position of a node and how to name its kind in messages.
 */
#ifndef LEAKCHECK_YAMLNODE_H
#define LEAKCHECK_YAMLNODE_H

#include <stdio.h>
#include <yaml.h>

/*
 * Opens path to be read as YAML; what names it in messages ("rules
 * file").  NULL after one error line when it cannot be read or is a
 * directory.  The caller fclose()s it.
 */
FILE *yamlnode_open(const char *path, const char *what);

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
