/*
 * compdb.c - compile databases; see compdb.h.
 */
#define _GNU_SOURCE
#include "compdb.h"
#include "base/diag.h"
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void compdb_strvec_push(struct arena *a, struct strvec *sv, const char *s)
{
	arena_grow(a, (void **)&sv->v, &sv->cap, sv->len + 1, sizeof(*sv->v));
	sv->v[sv->len++] = s;
}

/* Returns dir/name, or name when it is absolute. */
const char *compdb_path_join(struct arena *a, const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (name[0] == '/' || n == 0)
		return name;
	if (dir[n - 1] == '/')
		return arena_printf(a, "%s%s", dir, name);
	return arena_printf(a, "%s/%s", dir, name);
}

/*
 * Returns the absolute path with its directory resolved by realpath, for
 * messages ("/b/../src/x.c" -> "/src/x.c"); path itself if that fails.
 * The directory is what the compiler sees, so relative #includes resolve
 * the same; a lexical tidy would not be after a symbolic link.
 */
static const char *path_tidy(struct arena *a, const char *path)
{
	const char *base = strrchr(path, '/') + 1;
	char real[PATH_MAX];

	if (!realpath(arena_strndup(a, path, (size_t)(base - path)), real))
		return path;
	return compdb_path_join(a, real, base);
}

bool compdb_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Returns 0 if path is a regular file that can be opened for reading,
 * else an error code for util_strerror(); never blocks on a FIFO.
 */
int compdb_check_readable(const char *path)
{
	int err, fd = util_open_regular(path, &err);

	if (fd < 0)
		return err;
	close(fd);
	return 0;
}

/*
 * Splits a "command" string into words the way a POSIX shell does, without
 * expansions: blanks separate words; '...' is literal; inside "..." a
 * backslash quotes only $ ` " \ and newline; elsewhere it quotes the next
 * character; backslash-newline joins lines.  Returns -1 on an unterminated
 * quote.
 */
static int split_command(struct arena *a, const char *s, struct strvec *out)
{
	char *o = arena_alloc(a, strlen(s) + 1);    /* words never grow */
	char *word = NULL;                          /* start of the current word */
	char quote = 0;

	for (; *s; s++) {
		if (quote == '\'') {
			if (*s == '\'')
				quote = 0;
			else
				*o++ = *s;
		} else if (quote == '"') {
			if (*s == '"')
				quote = 0;
			else if (*s == '\\' && s[1] == '\n')
				s++;
			else if (*s == '\\' && s[1] && strchr("$`\"\\", s[1]))
				*o++ = *++s;
			else
				*o++ = *s;
		} else if (*s == '\\' && s[1] == '\n') {
			s++;
		} else if (*s == ' ' || *s == '\t' || *s == '\n') {
			if (word) {
				*o++ = '\0';
				compdb_strvec_push(a, out, word);
				word = NULL;
			}
		} else {
			if (!word)
				word = o;
			if (*s == '\'' || *s == '"')
				quote = *s;
			else if (*s == '\\' && s[1])
				*o++ = *++s;
			else
				*o++ = *s;
		}
	}
	if (quote)
		return -1;
	if (word) {
		*o = '\0';
		compdb_strvec_push(a, out, word);
	}
	return 0;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Options whose value is a path, longest spelling first so that a prefix
 * (-include) does not claim a longer option (-include-pch).  Options that
 * merely share a prefix are listed with path = false and passed unchanged.
 */
static const struct {
	const char *name;
	bool path;                  /* make a relative value absolute */
	bool separate;              /* the value may be the next argument */
} path_opts[] = {
	{ "-iframeworkwithsysroot", false, true },
	{ "-iwithprefixbefore", false, true },
	{ "-iwithprefix", false, true },
	{ "-iwithsysroot", false, true },
	{ "-isystem-after", true, true },
	{ "-include-pch", true, true },
	{ "-iframework", true, true },
	{ "-idirafter", true, true },
	{ "-ivfsoverlay", true, true },
	{ "-isysroot", true, true },
	{ "-isystem", true, true },
	{ "-include", true, true },
	{ "-imacros", true, true },
	{ "-iprefix", true, true },
	{ "-iquote", true, true },
	{ "--sysroot=", true, false },
	{ "--sysroot", true, true },
	{ "--gcc-toolchain=", true, false },
	{ "-fmodule-map-file=", true, false },
	{ "-fsanitize-ignorelist=", true, false },
	{ "-fsanitize-blacklist=", true, false },
	{ "-I", true, true },
	{ "-F", true, true },
	{ "-B", true, true },
};

/* Dropped with their value (separate or joined): outputs and dependency files. */
static const char *const drop_with_value[] = { "-o", "-MF", "-MT", "-MQ", "-MJ" };

/* Dropped alone: compile-only, dependency generation, warnings made errors. */
static const char *const drop_alone[] = {
	"-c", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-pedantic-errors",
};

/* Compiler launchers that may precede the compiler in a command. */
static const char *const launchers[] = { "ccache", "sccache", "distcc", "icecc" };

/* cc1 options (after -Xclang) that load or configure a plugin, and take one -Xclang value. */
static bool is_plugin_cc1(const char *s)
{
	return !strcmp(s, "-load") || !strcmp(s, "-plugin") || !strcmp(s, "-add-plugin") ||
	       starts_with(s, "-plugin-arg-");
}

/* Returns the n strings of argv joined by spaces; the caller frees the result with free(). */
char *compdb_join_args(const char *const *argv, size_t n)
{
	size_t i, len = 0;
	char *s, *p;

	for (i = 0; i < n; i++)
		len += strlen(argv[i]) + 1;
	p = s = xmalloc(len + 1);
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i ? " " : "", argv[i]);
	*p = '\0';
	return s;
}

/* Whether the argument s of entry e (relative to dir) names the entry's own file. */
static bool is_input(struct arena *a, const char *s, const char *dir, const struct db_entry *e)
{
	char real[PATH_MAX];
	const char *path;

	if (s[0] == '-')
		return false;
	path = compdb_path_join(a, dir, s);
	return !strcmp(path, e->file) || (realpath(path, real) && !strcmp(real, e->real));
}

/*
 * Returns how many arguments at argv[i] (of argc) form an option to drop
 * (0 to keep argv[i]), and sets *loads_code if it loads code.  dir is the
 * directory of the entry e.
 */
static size_t db_drop_count(struct arena *a, const char *const *argv, size_t i, size_t argc,
			    const char *dir, const struct db_entry *e, bool *loads_code)
{
	const char *s = argv[i];
	size_t k, n = 0;

	for (k = 0; k < sizeof(drop_alone) / sizeof(drop_alone[0]); k++)
		if (!strcmp(s, drop_alone[k]))
			return 1;
	for (k = 0; k < sizeof(drop_with_value) / sizeof(drop_with_value[0]); k++)
		if (starts_with(s, drop_with_value[k]))
			return !strcmp(s, drop_with_value[k]) && i + 1 < argc ? 2 : 1;
	if (starts_with(s, "-Werror") || starts_with(s, "-Wp,-MD,") || starts_with(s, "-Wp,-MMD,"))
		return 1;
	if (is_input(a, s, dir, e))
		return 1;

	if (starts_with(s, "-fplugin=") || starts_with(s, "-fpass-plugin=") ||
	    starts_with(s, "-fplugin-arg-"))
		n = 1;
	else if (!strcmp(s, "-load"))
		n = i + 1 < argc ? 2 : 1;
	else if (!strcmp(s, "-Xclang") && i + 1 < argc && is_plugin_cc1(argv[i + 1]))
		n = i + 3 < argc && !strcmp(argv[i + 2], "-Xclang") ? 4 : 2;
	*loads_code = n > 0;
	return n;
}

/*
 * Appends argv[i] (and its value, returning 2, when the value is the next
 * argument) to out, making the path value of an include-like option
 * absolute against dir.  Returns how many arguments it consumed.
 */
static size_t db_add_arg(struct arena *a, struct strvec *out, const char *const *argv, size_t i,
			 size_t argc, const char *dir)
{
	const char *s = argv[i];
	size_t k;

	for (k = 0; k < sizeof(path_opts) / sizeof(path_opts[0]); k++) {
		const char *name = path_opts[k].name;
		const char *value;

		if (!starts_with(s, name))
			continue;
		if (!path_opts[k].path)
			break;
		if (!strcmp(s, name) && path_opts[k].separate) {
			if (i + 1 >= argc)
				break;
			value = argv[i + 1];
			compdb_strvec_push(a, out, s);
			compdb_strvec_push(a, out, value[0] == '=' ? value : compdb_path_join(a, dir, value));
			return 2;
		}
		value = s + strlen(name);
		if (value[0] == '=' && name[strlen(name) - 1] != '=')
			break;  /* -I=dir: relative to the sysroot */
		compdb_strvec_push(a, out, arena_printf(a, "%s%s", name, compdb_path_join(a, dir, value)));
		return 1;
	}
	compdb_strvec_push(a, out, s);
	return 1;
}

/*
 * Turns the command of a database entry into the arguments we parse with:
 * drops the launcher and the compiler, the input file, output and
 * dependency-file options, -Werror and -pedantic-errors (a warning must not
 * stop the parse), and every option that loads code (said under --verbose);
 * makes include-like paths absolute.
 */
static void db_sanitise(struct arena *a, struct db_entry *e, const struct strvec *cmd,
			const char *dir)
{
	size_t i = 0, k;

	while (i + 1 < cmd->len) {
		const char *base = strrchr(cmd->v[i], '/');

		base = base ? base + 1 : cmd->v[i];
		for (k = 0; k < sizeof(launchers) / sizeof(launchers[0]); k++)
			if (!strcmp(base, launchers[k]))
				break;
		if (k == sizeof(launchers) / sizeof(launchers[0]))
			break;
		i++;
	}
	for (i++; i < cmd->len;) {
		bool loads_code = false;
		size_t n = db_drop_count(a, cmd->v, i, cmd->len, dir, e, &loads_code);

		if (loads_code) {
			char *s = compdb_join_args(cmd->v + i, n);

			e->dropped = e->dropped ? arena_printf(a, "%s %s", e->dropped, s)
						: arena_strdup(a, s);
			free(s);
		}
		i += n ? n : db_add_arg(a, &e->args, cmd->v, i, cmd->len, dir);
	}
}

/*
 * Whether path names something that is neither a regular file nor a
 * directory (a FIFO, a device, a socket), /dev/null excepted: libclang
 * would block on it, or read /dev/zero until memory runs out.
 */
static bool is_special_file(const char *path)
{
	char real[PATH_MAX];
	struct stat st;

	if (!*path || stat(path, &st) < 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		return false;
	return !realpath(path, real) || strcmp(real, "/dev/null") != 0;
}

/*
 * Returns the special file (is_special_file()) that the argument or
 * comma-separated piece s may name, or NULL: s itself or after '@' when
 * it is not an option; the value after '='; the value joined to an
 * include-like option (-include/dev/zero).
 */
static const char *special_in(struct arena *a, const char *s, size_t n)
{
	const char *t = arena_strndup(a, s, n);
	const char *eq = strchr(t, '=');
	size_t k;

	if (t[0] == '@')
		t++;
	if (t[0] != '-')
		return is_special_file(t) ? t : NULL;
	if (eq && is_special_file(eq + 1))
		return eq + 1;
	for (k = 0; k < sizeof(path_opts) / sizeof(path_opts[0]); k++) {
		size_t len = strlen(path_opts[k].name);

		if (!strncmp(t, path_opts[k].name, len) && is_special_file(t + len))
			return t + len;
	}
	return NULL;
}

/*
 * Returns the first special file (is_special_file()) the sanitised
 * arguments of e name, or NULL.  Macro definitions (-D, -U) are not
 * paths; -Wp,a,b and the like are looked at piece by piece.
 */
static const char *find_special_file(struct arena *a, const struct db_entry *e)
{
	size_t i;

	for (i = 0; i < e->args.len; i++) {
		const char *s = e->args.v[i], *found = NULL;

		if (!strcmp(s, "-D") || !strcmp(s, "-U")) {
			i++;
			continue;
		}
		if (starts_with(s, "-D") || starts_with(s, "-U"))
			continue;
		if (starts_with(s, "-W") && strchr(s, ',')) {
			const char *p = strchr(s, ',') + 1;

			while (!found && *p) {
				size_t n = strcspn(p, ",");

				found = special_in(a, p, n);
				p += n + (p[n] == ',');
			}
		} else {
			found = special_in(a, s, strlen(s));
		}
		if (found)
			return found;
	}
	return NULL;
}

/* Reads entry number idx (counting from 1) of db; returns -1 after reporting a schema error. */
int compdb_add_entry(struct arena *a, struct db *db, size_t idx, json_t *je)
{
	json_t *jargs = json_object_get(je, "arguments");
	json_t *jcmd = json_object_get(je, "command");
	const char *file = json_string_value(json_object_get(je, "file"));
	const char *dir = json_string_value(json_object_get(je, "directory"));
	struct strvec cmd = { 0 };
	struct db_entry *e;
	char real[PATH_MAX];
	json_t *v;
	size_t i;

	if (!json_is_object(je)) {
		diag_error_at(db->path, 0, 0, "entry %zu is not an object", idx);
		return -1;
	}
	if (!file || !dir) {
		diag_error_at(db->path, 0, 0, "entry %zu has no \"%s\" string", idx,
				file ? "directory" : "file");
		return -1;
	}
	if (json_is_array(jargs)) {
		json_array_foreach(jargs, i, v) {
			if (!json_is_string(v)) {
				diag_error_at(db->path, 0, 0,
						"entry %zu: \"arguments\" holds a value that is not a string",
						idx);
				return -1;
			}
			compdb_strvec_push(a, &cmd, arena_strdup(a, json_string_value(v)));
		}
	} else if (json_is_string(jcmd)) {
		if (split_command(a, json_string_value(jcmd), &cmd) < 0) {
			diag_error_at(db->path, 0, 0,
					"entry %zu: unterminated quote in \"command\"", idx);
			return -1;
		}
	} else {
		diag_error_at(db->path, 0, 0,
				"entry %zu has neither \"arguments\" (an array of strings) nor \"command\" (a string)",
				idx);
		return -1;
	}
	if (cmd.len == 0) {
		diag_error_at(db->path, 0, 0, "entry %zu has an empty command", idx);
		return -1;
	}

	arena_grow(a, (void **)&db->v, &db->cap, db->len + 1, sizeof(*db->v));
	e = &db->v[db->len++];
	/* A relative directory is taken relative to the database's own directory. */
	dir = compdb_path_join(a, db->dir, arena_strdup(a, dir));
	e->file = compdb_path_join(a, dir, arena_strdup(a, file));
	e->real = realpath(e->file, real) ? arena_strdup(a, real) : e->file;
	e->file = path_tidy(a, e->file);
	db_sanitise(a, e, &cmd, dir);
	e->special = find_special_file(a, e);
	return 0;
}

int compdb_read(struct arena *a, struct db *db)
{
	char real[PATH_MAX], msg[UTIL_MESSAGE_SIZE];
	json_error_t jerr;
	json_t *root, *je;
	char *text;
	size_t len, i;
	int err, ret = 0;

	err = util_read_file(db->path, COMPDB_MAX_FILE_SIZE, &text, &len);
	if (err) {
		diag_error("cannot read '%s': %s", db->path,
			     err == EFBIG ? "larger than 1 GiB" : util_strerror(err));
		return -1;
	}
	if (!realpath(db->path, real)) {
		diag_error("cannot read '%s': %s", db->path, strerror(errno));
		free(text);
		return -1;
	}
	*strrchr(real, '/') = '\0';
	db->dir = arena_strdup(a, real[0] ? real : "/");
	/* jansson refuses the byte-order mark some Windows tools write */
	i = len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3) ? 3 : 0;
	root = json_loadb(text + i, len - i, 0, &jerr);
	free(text);
	if (!root) {
		diag_error_at(db->path, jerr.line > 0 ? (unsigned)jerr.line : 0,
				jerr.column > 0 ? (unsigned)jerr.column : 0, "%s",
				util_excerpt_message(msg, sizeof(msg), jerr.text));
		return -1;
	}
	if (!json_is_array(root)) {
		diag_error_at(db->path, 0, 0, "expected an array of compile commands");
		ret = -1;
	} else {
		json_array_foreach(root, i, je)
			if (compdb_add_entry(a, db, i + 1, je) < 0)
				ret = -1;
	}
	json_decref(root);
	return ret;
}

/*
 * The entry of db whose file's directory shares the longest leading path
 * with real (the same directory first, like clangd), or NULL if db is empty.
 */
const struct db_entry *compdb_nearest(const struct db *db, const char *real)
{
	const struct db_entry *best = NULL;
	size_t i, best_len = 0;

	for (i = 0; i < db->len; i++) {
		const char *a = db->v[i].real, *b = real;
		size_t n = 0, k = 0;

		if (!compdb_is_c_source(a))
			continue;
		for (; a[k] && a[k] == b[k]; k++)
			if (a[k] == '/')
				n = k + 1;      /* common directories only */
		if (!best || n > best_len) {
			best = &db->v[i];
			best_len = n;
		}
	}
	return best;
}

/*
 * Whether a database entry is C: assembler (.s, .S) and C++ sources share
 * compile databases with C ones and are not ours to parse.
 */
bool compdb_is_c_source(const char *file)
{
	const char *dot = strrchr(file, '.');

	return dot && (!strcmp(dot, ".c") || !strcmp(dot, ".h") || !strcmp(dot, ".i"));
}

/* The length of the longest directory prefix that dir (n bytes) and path share. */
static size_t common_dir(const char *dir, size_t n, const char *path)
{
	size_t i = 0, last = 0;

	while (i < n && path[i] && path[i] == dir[i]) {
		if (dir[i] == '/')
			last = i;
		i++;
	}
	if (i == n && (path[i] == '/' || path[i] == 0))
		return n;               /* all of dir */
	return last;
}

const char *compdb_source_root(struct arena *a, const struct db *db)
{
	size_t n = strlen(db->dir), i;

	while (n > 1 && db->dir[n - 1] == '/')
		n--;
	for (i = 0; i < db->len && n > 1; i++)
		n = common_dir(db->dir, n, db->v[i].file);
	if (n <= 1 || db->dir[0] != '/')
		return NULL;
	return arena_strndup(a, db->dir, n);
}
