/*
 * config.c - .leakcheck.yml files -> struct config; see config.h and
 * docs/config.md.
 *
 * A file is loaded whole with libyaml's document API.  Every key is
 * checked, so one run reports every problem of a file; a file with any
 * problem is not used, and the run stops before parsing sources.
 */
#define _GNU_SOURCE

#include "config.h"
#include "yamlnode.h"
#include "report.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Mark "no config governs this directory" and "this config failed to load". */
static struct config config_none;
static struct config config_broken;

enum { KEY_RULES, KEY_DISABLE, KEY_ENABLE, KEY_NORETURN, KEY_SKIP, KEY_CHECK_MAIN,
       KEY_UNKNOWN_CALLEES };
static const char *const keys[] = {
	"rules", "disable", "enable", "noreturn", "skip", "check-main", "unknown-callees",
};
#define KEY_LIST "rules, disable, enable, noreturn, skip, check-main, unknown-callees"

/* The flags a finding may carry, without their "leakcheck-" prefix. */
static const char *const flags[] = {
	"leak", "overwrite", "double-release", "mismatched-release", "discarded",
	"leak-guessed", "overwrite-guessed", "double-release-guessed",
	"mismatched-release-guessed", "discarded-guessed",
};

#define FLAG_PREFIX "leakcheck-"

/* One file being loaded. */
struct loader {
	struct config_set *cs;
	yaml_document_t *doc;
	struct config *c;
};


/* Reports an unknown top-level key k, with a hint when a valid key is close. */
static void unknown_key(const struct loader *ld, const yaml_node_t *k)
{
	const char *best = NULL;
	size_t best_d = 3, i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		size_t d = util_edit_distance(text_of(k), keys[i]);

		if (d < best_d && d < strlen(keys[i])) {
			best = keys[i];
			best_d = d;
		}
	}
	if (best)
		report_error_at(ld->c->path, line_of(k), col_of(k),
				"unknown key '%s' (did you mean '%s'?)", text_of(k), best);
	else
		report_error_at(ld->c->path, line_of(k), col_of(k),
				"unknown key '%s' (valid keys: " KEY_LIST ")", text_of(k));
}

/* Reads the sequence of non-empty strings v of key into list. */
static int read_list(const struct loader *ld, const yaml_node_t *v, const char *key,
		     struct config_list *list)
{
	yaml_node_item_t *it;
	int ret = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		report_error_at(ld->c->path, line_of(v), col_of(v),
				"expected a sequence of strings for '%s', found %s", key,
				kind_name(v));
		return -1;
	}
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
		struct config_item *item;

		if (n->type != YAML_SCALAR_NODE) {
			report_error_at(ld->c->path, line_of(n), col_of(n),
					"expected a string in '%s', found %s", key, kind_name(n));
			ret = -1;
			continue;
		}
		if (n->data.scalar.length == 0 || strlen(text_of(n)) != n->data.scalar.length) {
			report_error_at(ld->c->path, line_of(n), col_of(n),
					"an entry of '%s' is empty or contains a NUL character", key);
			ret = -1;
			continue;
		}
		arena_grow(&ld->cs->arena, (void **)&list->v, &list->cap, list->len + 1,
			   sizeof(*list->v));
		item = &list->v[list->len++];
		item->text = arena_strdup(&ld->cs->arena, text_of(n));
		item->line = line_of(n);
		item->col = col_of(n);
	}
	return ret;
}

/*
 * Reads the scalar v of key, which must be one of the two words no and
 * yes, into *out (0 or 1).
 */
static int read_choice(const struct loader *ld, const yaml_node_t *v, const char *key,
		       const char *no, const char *yes, int *out)
{
	if (v->type != YAML_SCALAR_NODE) {
		report_error_at(ld->c->path, line_of(v), col_of(v),
				"expected %s or %s for '%s', found %s", no, yes, key, kind_name(v));
		return -1;
	}
	if (!strcmp(text_of(v), no)) {
		*out = 0;
	} else if (!strcmp(text_of(v), yes)) {
		*out = 1;
	} else {
		report_error_at(ld->c->path, line_of(v), col_of(v),
				"'%s' must be %s or %s, found '%s'", key, no, yes, text_of(v));
		return -1;
	}
	return 0;
}

/* Makes the rule file names absolute against the config's directory. */
static void absolute_rules(struct config_set *cs, struct config *c)
{
	size_t i;

	for (i = 0; i < c->rules.len; i++) {
		struct config_item *it = &c->rules.v[i];

		if (it->text[0] != '/')
			it->text = arena_printf(&cs->arena, "%s/%s", c->dir, it->text);
	}
}

/* Reads the top-level mapping root into ld->c. */
static int load_top(const struct loader *ld, const yaml_node_t *root)
{
	const yaml_node_t *seen[ARRAY_SIZE(keys)] = { 0 };
	struct config *c = ld->c;
	yaml_node_pair_t *p;
	int ret = 0;

	if (root->type != YAML_MAPPING_NODE) {
		report_error_at(c->path, line_of(root), col_of(root),
				"expected a mapping at the top level, found %s", kind_name(root));
		return -1;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		size_t i;
		int r = 0;

		if (k->type != YAML_SCALAR_NODE) {
			report_error_at(c->path, line_of(k), col_of(k),
					"expected a key name, found %s", kind_name(k));
			ret = -1;
			continue;
		}
		for (i = 0; i < ARRAY_SIZE(keys) && strcmp(text_of(k), keys[i]); i++)
			;
		if (i == ARRAY_SIZE(keys)) {
			unknown_key(ld, k);
			ret = -1;
			continue;
		}
		if (seen[i]) {
			report_error_at(c->path, line_of(k), col_of(k),
					"duplicate key '%s' (first at %u:%u)", keys[i],
					line_of(seen[i]), col_of(seen[i]));
			ret = -1;
			continue;
		}
		seen[i] = k;
		switch (i) {
		case KEY_RULES:
			r = read_list(ld, v, keys[i], &c->rules);
			break;
		case KEY_DISABLE:
			r = read_list(ld, v, keys[i], &c->disable);
			break;
		case KEY_ENABLE:
			r = read_list(ld, v, keys[i], &c->enable);
			break;
		case KEY_NORETURN:
			r = read_list(ld, v, keys[i], &c->noreturn);
			break;
		case KEY_SKIP:
			r = read_list(ld, v, keys[i], &c->skip);
			break;
		case KEY_CHECK_MAIN:
			r = read_choice(ld, v, keys[i], "false", "true", &c->check_main);
			break;
		case KEY_UNKNOWN_CALLEES:
			r = read_choice(ld, v, keys[i], "escape", "borrow", &c->borrow_unknown);
			break;
		}
		if (r < 0)
			ret = -1;
	}
	return ret;
}

/* Reports why libyaml stopped reading c's file. */
static void yaml_error(const struct config *c, const yaml_parser_t *p, FILE *fp)
{
	if (p->error == YAML_MEMORY_ERROR)
		report_error("out of memory reading config file '%s'", c->path);
	else if (p->error == YAML_READER_ERROR && ferror(fp))
		report_error("cannot read config file '%s': %s", c->path, strerror(errno));
	else if (p->error == YAML_READER_ERROR)
		report_error_at(c->path, 0, 0, "invalid YAML: %s at byte %zu", p->problem,
				p->problem_offset);
	else if (p->context)
		report_error_at(c->path, (unsigned)p->problem_mark.line + 1,
				(unsigned)p->problem_mark.column + 1,
				"invalid YAML: %s (%s at line %u)", p->problem, p->context,
				(unsigned)p->context_mark.line + 1);
	else
		report_error_at(c->path, (unsigned)p->problem_mark.line + 1,
				(unsigned)p->problem_mark.column + 1, "invalid YAML: %s",
				p->problem);
}

/* Parses c->path and fills c; returns 0 or -1 after reporting every problem. */
static int parse_file(struct config_set *cs, struct config *c)
{
	struct loader ld = { .cs = cs, .c = c };
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	FILE *fp;
	int ret = -1;

	fp = yamlnode_open(c->path, "config file");
	if (!fp)
		return -1;
	if (!yaml_parser_initialize(&parser)) {
		report_error("out of memory reading config file '%s'", c->path);
		goto close_file;
	}
	yaml_parser_set_input_file(&parser, fp);
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_error(c, &parser, fp);
		goto delete_parser;
	}
	ld.doc = &doc;
	root = yaml_document_get_root_node(&doc);
	ret = root ? load_top(&ld, root) : 0;      /* an empty file sets nothing */
	yaml_document_delete(&doc);
delete_parser:
	yaml_parser_delete(&parser);
close_file:
	fclose(fp);
	return ret;
}

/*
 * Returns the config at path (read once; real is its realpath), or
 * &config_broken.
 */
static struct config *load(struct config_set *cs, const char *path, const char *real)
{
	struct config *c = strmap_get(&cs->by_path, real);
	char *slash;

	if (c)
		return c;
	c = arena_alloc(&cs->arena, sizeof(*c));
	c->path = arena_strdup(&cs->arena, path);
	c->dir = arena_strdup(&cs->arena, real);
	slash = strrchr(c->dir, '/');
	if (slash == c->dir)
		slash[1] = '\0';        /* /.leakcheck.yml */
	else if (slash)
		*slash = '\0';
	c->check_main = -1;
	c->borrow_unknown = -1;
	report_verbose("reading config file '%s'", path);
	if (parse_file(cs, c) < 0) {
		strmap_put(&cs->by_path, arena_strdup(&cs->arena, real), &config_broken);
		return &config_broken;
	}
	absolute_rules(cs, c);
	strmap_put(&cs->by_path, arena_strdup(&cs->arena, real), c);
	arena_grow(&cs->arena, (void **)&cs->v, &cs->cap, cs->len + 1, sizeof(*cs->v));
	cs->v[cs->len++] = c;
	return c;
}

void config_set_init(struct config_set *cs)
{
	memset(cs, 0, sizeof(*cs));
	arena_init(&cs->arena);
	strmap_init(&cs->by_dir);
	strmap_init(&cs->by_path);
}

void config_set_release(struct config_set *cs)
{
	strmap_release(&cs->by_path);
	strmap_release(&cs->by_dir);
	arena_release(&cs->arena);
}

int config_set_force(struct config_set *cs, const char *path)
{
	char real[PATH_MAX];

	if (!realpath(path, real)) {
		report_error("cannot read config file '%s': %s", path, strerror(errno));
		return -1;
	}
	cs->forced = load(cs, path, real);
	if (cs->forced == &config_broken) {
		cs->forced = NULL;
		return -1;
	}
	return 0;
}

/* Returns the config governing the directory dir (a realpath), searching upwards. */
static struct config *find_in(struct config_set *cs, const char *dir)
{
	struct config *c = strmap_get(&cs->by_dir, dir);
	char path[PATH_MAX + sizeof(CONFIG_FILE_NAME) + 1];
	char real[PATH_MAX];

	if (c)
		return c;
	snprintf(path, sizeof(path), "%s%s" CONFIG_FILE_NAME, dir,
		 strcmp(dir, "/") ? "/" : "");
	if (realpath(path, real)) {
		c = load(cs, path, real);
	} else if (strcmp(dir, "/")) {
		char *parent = arena_strdup(&cs->arena, dir);
		char *slash = strrchr(parent, '/');

		if (slash == parent)
			slash[1] = '\0';
		else
			*slash = '\0';
		c = find_in(cs, parent);
	} else {
		c = &config_none;
	}
	strmap_put(&cs->by_dir, arena_strdup(&cs->arena, dir), c);
	return c;
}

int config_find(struct config_set *cs, const char *file, const struct config **out)
{
	char real[PATH_MAX];
	const struct config *c;
	char *slash;

	*out = cs->forced;
	if (cs->forced || !realpath(file, real))
		return 0;
	slash = strrchr(real, '/');
	if (slash == real)
		slash[1] = '\0';
	else
		*slash = '\0';
	c = find_in(cs, real);
	if (c == &config_broken)
		return -1;
	if (c != &config_none)
		*out = c;
	return 0;
}

/* Whether pattern (a flag glob without the prefix) matches a flag; else sets *hint. */
static bool known_flag(const char *pattern, const char **hint)
{
	size_t best_d = 3, i;

	*hint = NULL;
	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (fnmatch(pattern, flags[i], 0) == 0)
			return true;
	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		size_t d = util_edit_distance(pattern, flags[i]);

		if (d < best_d) {
			*hint = flags[i];
			best_d = d;
		}
	}
	return false;
}

/* Whether pattern matches a resource id of r; else sets *hint. */
static bool known_resource(const struct rules *r, const char *pattern, const char **hint)
{
	size_t best_d = 3, i;

	*hint = NULL;
	for (i = 0; i < r->resources.cap; i++) {
		const char *id = r->resources.slots[i].key;
		size_t d;

		if (!id)
			continue;
		if (fnmatch(pattern, id, 0) == 0)
			return true;
		if (strlen(id) < 32 && (d = util_edit_distance(pattern, id)) < best_d &&
		    d < strlen(id)) {
			*hint = id;
			best_d = d;
		}
	}
	return false;
}

/* Checks that every name of list (key) names a flag or a resource of r. */
static int check_names(const struct config *c, const struct config_list *list,
		       const char *key, const struct rules *r)
{
	int ret = 0;
	size_t i;

	for (i = 0; i < list->len; i++) {
		const struct config_item *it = &list->v[i];
		const char *hint;

		if (!strncmp(it->text, FLAG_PREFIX, strlen(FLAG_PREFIX))) {
			if (known_flag(it->text + strlen(FLAG_PREFIX), &hint))
				continue;
			if (hint)
				report_error_at(c->path, it->line, it->col,
						"unknown flag '%s' in '%s' (did you mean '" FLAG_PREFIX "%s'?)",
						it->text, key, hint);
			else
				report_error_at(c->path, it->line, it->col,
						"unknown flag '%s' in '%s'", it->text, key);
		} else {
			if (known_resource(r, it->text, &hint))
				continue;
			if (hint)
				report_error_at(c->path, it->line, it->col,
						"unknown resource '%s' in '%s' (did you mean '%s'?)",
						it->text, key, hint);
			else
				report_error_at(c->path, it->line, it->col,
						"'%s' in '%s' is neither a flag (leakcheck-...) nor a resource id of the rules",
						it->text, key);
		}
		ret = -1;
	}
	return ret;
}

/* Loads the rule files of c that were not loaded yet (loaded: realpaths seen). */
static int apply_rules(struct config_set *cs, const struct config *c, struct rules *r,
		       struct strmap *loaded)
{
	int ret = 0;
	size_t i;

	for (i = 0; i < c->rules.len; i++) {
		const struct config_item *it = &c->rules.v[i];
		char real[PATH_MAX];
		struct stat st;
		int err = 0;

		if (!realpath(it->text, real) || stat(real, &st) < 0)
			err = errno;
		else if (S_ISDIR(st.st_mode))
			err = EISDIR;
		if (err) {
			report_error_at(c->path, it->line, it->col, "cannot read rules file '%s': %s",
					it->text, strerror(err));
			ret = -1;
			continue;
		}
		if (strmap_get(loaded, real))
			continue;
		strmap_put(loaded, arena_strdup(&cs->arena, real), &config_none);
		if (rules_load_file(r, it->text) < 0)
			ret = -1;
	}
	for (i = 0; i < c->noreturn.len; i++)
		rules_add_noreturn(r, c->noreturn.v[i].text);
	return ret;
}

int config_set_apply(struct config_set *cs, struct rules *r)
{
	struct strmap loaded;
	int ret = 0;
	size_t i;

	strmap_init(&loaded);
	for (i = 0; i < cs->len; i++)
		if (apply_rules(cs, cs->v[i], r, &loaded) < 0)
			ret = -1;
	strmap_release(&loaded);
	if (ret < 0)
		return -1;      /* unknown names may come from a rule file not loaded */
	for (i = 0; i < cs->len; i++) {
		if (check_names(cs->v[i], &cs->v[i]->disable, "disable", r) < 0)
			ret = -1;
		if (check_names(cs->v[i], &cs->v[i]->enable, "enable", r) < 0)
			ret = -1;
	}
	return ret;
}

bool config_skips(const struct config *c, const char *real)
{
	size_t n = strlen(c->dir), i;
	const char *rel;

	if (strncmp(real, c->dir, n) != 0)
		return false;
	rel = real + n;
	if (*rel == '/')
		rel++;
	else if (n != 1)
		return false;   /* "/a/bc" is not under "/a/b" */
	for (i = 0; i < c->skip.len; i++)
		if (fnmatch(c->skip.v[i].text, rel, FNM_PATHNAME) == 0)
			return true;
	return false;
}

/* Whether an entry of list names flag or resource. */
static bool names(const struct config_list *list, const char *flag, const char *resource)
{
	size_t i;

	for (i = 0; i < list->len; i++) {
		const char *t = list->v[i].text;

		if (!strncmp(t, FLAG_PREFIX, strlen(FLAG_PREFIX)) ?
		    fnmatch(t, flag, 0) == 0 : resource && fnmatch(t, resource, 0) == 0)
			return true;
	}
	return false;
}

bool config_reports(const struct config *c, const char *flag, const char *resource)
{
	return !names(&c->disable, flag, resource) || names(&c->enable, flag, resource);
}
