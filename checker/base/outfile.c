/* outfile.c - writing output files atomically, and refusing inputs; see outfile.h. */
#define _GNU_SOURCE

#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The files the run reads, by identity. */
static struct {
	pthread_mutex_t lock;
	struct input_id {
		dev_t dev;
		ino_t ino;
	} *v;
	size_t len, cap;
} inputs = { .lock = PTHREAD_MUTEX_INITIALIZER };

void outfile_add_input(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return;
	pthread_mutex_lock(&inputs.lock);
	if (inputs.len == inputs.cap) {
		inputs.cap = inputs.cap ? inputs.cap * 2 : 32;
		inputs.v = xrealloc(inputs.v, inputs.cap * sizeof(*inputs.v));
	}
	inputs.v[inputs.len].dev = st.st_dev;
	inputs.v[inputs.len].ino = st.st_ino;
	inputs.len++;
	pthread_mutex_unlock(&inputs.lock);
}

bool outfile_is_input(const char *path)
{
	struct stat st;
	bool found = false;
	size_t i;

	if (stat(path, &st) < 0)
		return false;
	pthread_mutex_lock(&inputs.lock);
	for (i = 0; i < inputs.len && !found; i++)
		found = inputs.v[i].dev == st.st_dev && inputs.v[i].ino == st.st_ino;
	pthread_mutex_unlock(&inputs.lock);
	return found;
}

void outfile_release_inputs(void)
{
	pthread_mutex_lock(&inputs.lock);
	free(inputs.v);
	inputs.v = NULL;
	inputs.len = inputs.cap = 0;
	pthread_mutex_unlock(&inputs.lock);
}

/* Returns the directory part of path ("." when there is none); free() it. */
static char *parent_dir(const char *path)
{
	char *dir = xstrdup(path), *slash;
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
	slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return xstrdup(".");
	}
	slash[slash == dir ? 1 : 0] = '\0';
	return dir;
}

/* The last component of path. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

bool outfile_same(const char *a, const char *b)
{
	struct stat sa, sb;
	char *da, *db;
	bool same;

	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (strcmp(base_name(a), base_name(b)) != 0)
		return false;
	da = parent_dir(a);
	db = parent_dir(b);
	same = stat(da, &sa) == 0 && stat(db, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
	free(db);
	free(da);
	return same;
}

/* Whether path is written through rather than replaced: a link, a device, a FIFO. */
static bool written_through(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

int outfile_check(const char *path)
{
	struct stat st;
	char *dir;
	int ret = 0;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return -1;
		}
		if (access(path, W_OK) < 0)
			return -1;
		if (written_through(path))
			return 0;
	} else if (errno != ENOENT || lstat(path, &st) == 0) {
		return -1;      /* a dangling link fails with ENOENT */
	}
	dir = parent_dir(path);
	if (stat(dir, &st) < 0)
		ret = -1;
	else if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		ret = -1;
	} else if (access(dir, W_OK | X_OK) < 0) {
		ret = -1;
	}
	free(dir);
	return ret;
}

/* The permission bits a new file gets: those of the file it replaces, else 0666 & ~umask. */
static mode_t new_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Opens path itself for writing, truncated (a link, a device, a FIFO). */
static int open_through(struct outfile *o, const char *path)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY), err;

	if (fd < 0)
		return -1;
	o->fp = fdopen(fd, "w");
	if (o->fp)
		return 0;
	err = errno;
	close(fd);
	errno = err;
	return -1;
}

int outfile_open(struct outfile *o, const char *path)
{
	char *dir, *tmp;
	int fd, err;

	memset(o, 0, sizeof(*o));
	o->path = path;
	if (written_through(path))
		return open_through(o, path);
	dir = parent_dir(path);
	if (asprintf(&tmp, "%s/.leakcheck-XXXXXX", dir) < 0) {
		free(dir);
		errno = ENOMEM;
		return -1;
	}
	free(dir);
	fd = mkostemp(tmp, O_CLOEXEC);     /* O_CREAT | O_EXCL: never through a link */
	if (fd < 0)
		goto free_name;
	(void)fchmod(fd, new_mode(path));
	o->fp = fdopen(fd, "w");
	if (!o->fp)
		goto remove_file;
	o->tmp = tmp;
	return 0;

remove_file:
	err = errno;
	close(fd);
	unlink(tmp);
	errno = err;
free_name:
	err = errno;
	free(tmp);
	errno = err;
	return -1;
}

int outfile_commit(struct outfile *o)
{
	int ret = 0, err = 0;

	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp) ||
	    (o->tmp && fsync(fileno(o->fp)) < 0)) {
		err = errno ? errno : EIO;
		ret = -1;
	}
	if (fclose(o->fp) != 0 && ret == 0) {
		err = errno;
		ret = -1;
	}
	o->fp = NULL;
	if (o->tmp) {
		if (ret == 0 && rename(o->tmp, o->path) < 0) {
			err = errno;
			ret = -1;
		}
		if (ret < 0)
			unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	errno = err;
	return ret;
}

void outfile_discard(struct outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}
