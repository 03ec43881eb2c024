// mktemp(), tmpnam() and tempnam() only make a name up: the file exists
// once fopen() or open() of that name succeeds, and must then be removed
// (unlink, remove) or moved into place (rename) on every path.  Reported
// only in a function that removes it on some path; an open that fails
// created nothing; a name that no such call made is an ordinary path.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int mktemp_fopen_not_removed(const char *data)
{
    char name[] = "/tmp/lkXXXXXX";
    FILE *fp;
    if (!mktemp(name)[0])
        return -1;
    fp = fopen(name, "w");
    if (!fp)
        return -1;              /* nothing created */
    if (fputs(data, fp) == EOF) {
        fclose(fp);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: temporary file 'name' created by fopen() at line [[@LINE-6]] is not removed when returning here [leakcheck-leak]
    }
    fclose(fp);
    unlink(name);
    return 0;
}

int mktemp_fopen_renamed(const char *data, const char *final)
{
    char name[] = "/tmp/lkXXXXXX";
    FILE *fp;
    if (!mktemp(name)[0])
        return -1;
    fp = fopen(name, "w");
    if (!fp)
        return -1;
    if (fputs(data, fp) == EOF) {
        fclose(fp);
        unlink(name);
        return -1;
    }
    fclose(fp);
    return rename(name, final);
}

int tmpnam_open_not_removed(void)
{
    char buf[L_tmpnam];
    int fd;
    if (!tmpnam(buf))
        return -1;
    fd = open(buf, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd < 0)
        return -1;
    if (write(fd, "x", 1) != 1) {
        close(fd);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: temporary file 'buf' created by open() at line [[@LINE-6]] is not removed when returning here [leakcheck-leak]
    }
    close(fd);
    remove(buf);
    return 0;
}

int tmpnam_result_open_removed(void)
{
    char *name = tmpnam(NULL);
    int fd;
    if (!name)
        return -1;
    fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
    if (fd < 0)
        return -1;
    if (write(fd, "x", 1) != 1) {
        close(fd);
        unlink(name);
        return -1;
    }
    close(fd);
    return unlink(name);
}

// tempnam()'s name is malloc'ed too: removed before it is freed.
int tempnam_open_not_removed(void)
{
    char *name = tempnam(NULL, "lk");
    int fd;
    if (!name)
        return -1;
    fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd < 0) {
        free(name);
        return -1;
    }
    if (write(fd, "x", 1) != 1) {
        close(fd);
        free(name);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: temporary file 'name' created by open() at line [[@LINE-9]] is not removed when returning here [leakcheck-leak]
    }
    close(fd);
    unlink(name);
    free(name);
    return 0;
}

int tempnam_fopen_removed(const char *data)
{
    char *name = tempnam(NULL, "lk");
    FILE *fp;
    int r;
    if (!name)
        return -1;
    if ((fp = fopen(name, "w")) == NULL) {
        free(name);
        return -1;
    }
    r = fputs(data, fp) == EOF ? -1 : 0;
    fclose(fp);
    unlink(name);
    free(name);
    return r;
}

// A path that no name-making call filled is opened, written and removed
// like any file: no temporary file.
int ordinary_path(const char *path)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    if (fputs("x", fp) == EOF) {
        fclose(fp);
        return -1;
    }
    fclose(fp);
    return unlink(path);
}

// Handing the name back hands the file over.
char *tempnam_returned(void)
{
    char *name = tempnam(NULL, "lk");
    int fd;
    if (!name)
        return NULL;
    fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd < 0) {
        free(name);
        return NULL;
    }
    if (write(fd, "x", 1) != 1) {
        close(fd);
        unlink(name);
        free(name);
        return NULL;
    }
    close(fd);
    return name;
}
