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
#include "base/yamlnode.h"
#include "base/diag.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Mark "no config governs this directory" and "this config failed to load". */
static struct config config_none;
static struct config config_broken;

enum { KEY_RULES, KEY_DISABLE, KEY_ENABLE, KEY_NORETURN, KEY_SKIP, KEY_CHECK_MAIN,
       KEY_UNKNOWN_CALLEES, KEY_INDEX };
static const char *const keys[] = {
	"rules", "disable", "enable", "noreturn", "skip", "check-main", "unknown-callees",
	"index",
};
#define KEY_LIST "rules, disable, enable, noreturn, skip, check-main, unknown-callees, index"

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
	char q[UTIL_EXCERPT_SIZE];
	size_t best_d = 3, i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		size_t d = util_edit_distance(text_of(k), keys[i]);

		if (d < best_d && d < strlen(keys[i])) {
			best = keys[i];
			best_d = d;
		}
	}
	if (best)
		diag_error_at(ld->c->path, line_of(k), col_of(k),
				"unknown key '%s' (did you mean '%s'?)", util_excerpt(q, text_of(k)),
				best);
	else
		diag_error_at(ld->c->path, line_of(k), col_of(k),
				"unknown key '%s' (valid keys: " KEY_LIST ")", util_excerpt(q, text_of(k)));
}

/* Reads the sequence of non-empty strings v of key into list. */
static int read_list(const struct loader *ld, const yaml_node_t *v, const char *key,
		     struct config_list *list)
{
	yaml_node_item_t *it;
	int ret = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		diag_error_at(ld->c->path, line_of(v), col_of(v),
				"expected a sequence of strings for '%s', found %s", key,
				kind_name(v));
		return -1;
	}
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
		struct config_item *item;

		if (n->type != YAML_SCALAR_NODE) {
			diag_error_at(ld->c->path, line_of(n), col_of(n),
					"expected a string in '%s', found %s", key, kind_name(n));
			ret = -1;
			continue;
		}
		if (n->data.scalar.length == 0 || strlen(text_of(n)) != n->data.scalar.length) {
			diag_error_at(ld->c->path, line_of(n), col_of(n),
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
	char q[UTIL_EXCERPT_SIZE];

	if (v->type != YAML_SCALAR_NODE) {
		diag_error_at(ld->c->path, line_of(v), col_of(v),
				"expected %s or %s for '%s', found %s", no, yes, key, kind_name(v));
		return -1;
	}
	if (!strcmp(text_of(v), no)) {
		*out = 0;
	} else if (!strcmp(text_of(v), yes)) {
		*out = 1;
	} else {
		diag_error_at(ld->c->path, line_of(v), col_of(v),
				"'%s' must be %s or %s, found '%s'", key, no, yes,
				util_excerpt(q, text_of(v)));
		return -1;
	}
	return 0;
}

/*
 * Reads the scalar v of key, a path relative to the config's directory
 * (or absolute), into *out as written (config_path() resolves it).
 */
static int read_path(const struct loader *ld, const yaml_node_t *v, const char *key,
		     struct config_item *out)
{
	if (v->type != YAML_SCALAR_NODE || v->data.scalar.length == 0 ||
	    strlen(text_of(v)) != v->data.scalar.length) {
		diag_error_at(ld->c->path, line_of(v), col_of(v),
				"expected a file name for '%s', found %s", key,
				v->type == YAML_SCALAR_NODE ? "an empty or NUL-holding string" :
				kind_name(v));
		return -1;
	}
	out->text = arena_strdup(&ld->cs->arena, text_of(v));
	out->line = line_of(v);
	out->col = col_of(v);
	return 0;
}

/* Checks that every noreturn entry of c is a C identifier, as in a rules file. */
static int check_noreturn(const struct config *c)
{
	char q[UTIL_EXCERPT_SIZE];
	int ret = 0;
	size_t i;

	for (i = 0; i < c->noreturn.len; i++) {
		const struct config_item *it = &c->noreturn.v[i];

		if (rules_valid_name(it->text))
			continue;
		diag_error_at(c->path, it->line, it->col,
				"'%s' in 'noreturn' is not a function name (expected a C identifier)",
				util_excerpt(q, it->text));
		ret = -1;
	}
	return ret;
}

/* Reads the top-level mapping root into ld->c. */
static int load_top(const struct loader *ld, const yaml_node_t *root)
{
	const yaml_node_t *seen[ARRAY_SIZE(keys)] = { 0 };
	struct config *c = ld->c;
	yaml_node_pair_t *p;
	int ret = 0;

	if (root->type != YAML_MAPPING_NODE) {
		diag_error_at(c->path, line_of(root), col_of(root),
				"expected a mapping at the top level, found %s", kind_name(root));
		return -1;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		size_t i;
		int r = 0;

		if (k->type != YAML_SCALAR_NODE) {
			diag_error_at(c->path, line_of(k), col_of(k),
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
			diag_error_at(c->path, line_of(k), col_of(k),
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
			if (r == 0)
				r = check_noreturn(c);
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
		case KEY_INDEX:
			r = read_path(ld, v, keys[i], &c->index);
			break;
		}
		if (r < 0)
			ret = -1;
	}
	return ret;
}

/* Parses c->path and fills c; returns 0 or -1 after reporting every problem. */
static int parse_file(struct config_set *cs, struct config *c)
{
	struct loader ld = { .cs = cs, .c = c };
	yaml_document_t doc;
	yaml_node_t *root;
	int ret;

	if (yamlnode_load(c->path, "config file", CONFIG_MAX_FILE_SIZE, &doc) < 0)
		return -1;
	ld.doc = &doc;
	root = yaml_document_get_root_node(&doc);
	ret = root ? load_top(&ld, root) : 0;      /* an empty file sets nothing */
	yaml_document_delete(&doc);
	return ret;
}

/* dir/name, in cs's arena, for a directory dir that may be "/". */
static const char *join(struct config_set *cs, const char *dir, const char *name)
{
	return arena_printf(&cs->arena, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
}

/* Whether path (absolute, normalised) is root or below it. */
static bool inside(const char *path, const char *root)
{
	size_t n = strlen(root);

	if (!strcmp(root, "/"))
		return path[0] == '/';
	return !strncmp(path, root, n) && (path[n] == '\0' || path[n] == '/');
}

/*
 * Returns dir/name (name if absolute) with "." and ".." components
 * resolved by the text alone, in cs's arena: where name points before any
 * symbolic link is followed.
 */
static const char *lexical_path(struct config_set *cs, const char *dir, const char *name)
{
	const char *full = name[0] == '/' ? name : join(cs, dir, name);
	char *out = arena_alloc(&cs->arena, strlen(full) + 2);
	size_t len = 0;

	while (*full) {
		size_t n = strcspn(full, "/");

		if ((n == 1 && full[0] == '.') || n == 0) {
			/* nothing */
		} else if (n == 2 && full[0] == '.' && full[1] == '.') {
			while (len > 0 && out[len] != '/')
				len--;
		} else {
			out[len] = '/';
			memcpy(out + len + 1, full, n);
			len += n + 1;
		}
		full += n + (full[n] == '/');
		out[len] = '\0';
	}
	if (len == 0)
		strcpy(out, "/");
	return out;
}

/*
 * Returns the config at path, in the directory dir (a realpath, which
 * path need not be: path may be a symbolic link), read once; or
 * &config_broken.
 */
static struct config *load(struct config_set *cs, const char *path, const char *dir)
{
	const char *key = join(cs, dir, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
	struct config *c = strmap_get(&cs->by_path, key);

	if (c)
		return c;
	c = arena_alloc(&cs->arena, sizeof(*c));
	c->path = arena_strdup(&cs->arena, path);
	c->dir = arena_strdup(&cs->arena, dir);
	c->check_main = -1;
	c->borrow_unknown = -1;
	c->index.text = NULL;
	diag_verbose("reading config file '%s'", path);
	if (parse_file(cs, c) < 0) {
		strmap_put(&cs->by_path, key, &config_broken);
		return &config_broken;
	}
	strmap_put(&cs->by_path, key, c);
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
	const char *slash = strrchr(path, '/');
	const char *dir = !slash ? "." : slash == path ? "/" :
			  arena_strndup(&cs->arena, path, (size_t)(slash - path));
	char real[PATH_MAX];

	if (!realpath(dir, real)) {
		diag_error("cannot read config file '%s': %s", path, strerror(errno));
		return -1;
	}
	cs->forced = load(cs, path, real);
	if (cs->forced == &config_broken) {
		cs->forced = NULL;
		return -1;
	}
	return 0;
}

/*
 * Returns the config at path, found in the directory dir: an error when
 * it is a symbolic link that cannot be followed (a loop, a missing
 * target) or leads out of dir.
 */
static struct config *load_found(struct config_set *cs, const char *path, const char *dir)
{
	char real[PATH_MAX];

	if (!realpath(path, real)) {
		diag_error("cannot read config file '%s': %s", path, strerror(errno));
		return &config_broken;
	}
	if (!inside(real, dir)) {
		diag_error("config file '%s' is a symbolic link to a file outside its directory",
			     path);
		return &config_broken;
	}
	return load(cs, path, dir);
}

/* Returns the config governing the directory dir (a realpath), searching upwards. */
static struct config *find_in(struct config_set *cs, const char *dir)
{
	struct config *c = strmap_get(&cs->by_dir, dir);
	const char *path;
	struct stat st;

	if (c)
		return c;
	path = join(cs, dir, CONFIG_FILE_NAME);
	if (lstat(path, &st) == 0) {
		c = load_found(cs, path, dir);
	} else if (errno != ENOENT) {
		diag_error("cannot read config file '%s': %s", path, strerror(errno));
		c = &config_broken;
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
		char q[UTIL_EXCERPT_SIZE];
		const char *hint;

		util_excerpt(q, it->text);
		if (!strncmp(it->text, FLAG_PREFIX, strlen(FLAG_PREFIX))) {
			if (known_flag(it->text + strlen(FLAG_PREFIX), &hint))
				continue;
			if (hint)
				diag_error_at(c->path, it->line, it->col,
						"unknown flag '%s' in '%s' (did you mean '" FLAG_PREFIX "%s'?)",
						q, key, hint);
			else
				diag_error_at(c->path, it->line, it->col,
						"unknown flag '%s' in '%s'", q, key);
		} else {
			if (known_resource(r, it->text, &hint))
				continue;
			if (hint)
				diag_error_at(c->path, it->line, it->col,
						"unknown resource '%s' in '%s' (did you mean '%s'?)",
						q, key, hint);
			else
				diag_error_at(c->path, it->line, it->col,
						"'%s' in '%s' is neither a flag (leakcheck-...) nor a resource id of the rules",
						q, key);
		}
		ret = -1;
	}
	return ret;
}

/*
 * Loads the rule files of c that were not loaded yet (loaded: realpaths
 * seen).  Each must be inside c's directory, by its text and once
 * symbolic links are followed: a config from a repository may not read
 * (and quote in its errors) a file elsewhere.
 */
static int apply_rules(struct config_set *cs, const struct config *c, struct rules *r,
		       struct strmap *loaded)
{
	int ret = 0;
	size_t i;

	for (i = 0; i < c->rules.len; i++) {
		const struct config_item *it = &c->rules.v[i];
		const char *path = it->text[0] == '/' ? it->text : join(cs, c->dir, it->text);
		char real[PATH_MAX], q[UTIL_EXCERPT_SIZE];
		int fd, err = 0;

		if (!inside(lexical_path(cs, c->dir, it->text), c->dir) ||
		    (realpath(path, real) && !inside(real, c->dir))) {
			diag_error_at(c->path, it->line, it->col,
					"rules file '%s' is outside the directory of the config",
					util_excerpt(q, it->text));
			ret = -1;
			continue;
		}
		if (!realpath(path, real))
			err = errno;
		else if ((fd = util_open_regular(real, &err)) >= 0)
			close(fd);
		if (err) {
			diag_error_at(c->path, it->line, it->col, "cannot read rules file '%s': %s",
					util_excerpt(q, it->text), util_strerror(err));
			ret = -1;
			continue;
		}
		if (strmap_get(loaded, real))
			continue;
		strmap_put(loaded, arena_strdup(&cs->arena, real), &config_none);
		if (rules_load_file(r, path) < 0)
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

const char *config_index(struct config_set *cs, const struct config *c)
{
	if (!c || !c->index.text)
		return NULL;
	return c->index.text[0] == '/' ? c->index.text : join(cs, c->dir, c->index.text);
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
