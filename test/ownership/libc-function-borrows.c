// A C library function that no rule names (declared in a header listed under
// library-headers in rules/libc.yml) only reads what it is given: the caller
// still has to free it.  Before, mkdir(path) and glob(pattern) took the
// handle and the early return below went unreported (openssh readconf.c).
// Its &var arguments may be written, so they still escape.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int leak_after_mkdir(const char *base)
{
    char *path = strdup(base);
    if (!path)
        return -1;
    if (mkdir(path, 0700) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'path' allocated by strdup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(path);
    return 0;
}

int no_leak_after_mkdir(const char *base)
{
    char *path = strdup(base);
    int r;
    if (!path)
        return -1;
    r = mkdir(path, 0700);
    free(path);
    return r;
}

int leak_after_glob(const char *dir)
{
    char *pattern = malloc(strlen(dir) + 3);
    glob_t g;
    if (!pattern)
        return -1;
    strcpy(pattern, dir);
    strcat(pattern, "/*");
    if (glob(pattern, 0, NULL, &g) != 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'pattern' allocated by malloc() at line [[@LINE-8]] is not freed when returning here [leakcheck-leak]
    globfree(&g);
    free(pattern);
    return 0;
}

int leak_after_write(int fd, size_t n)
{
    char *buf = calloc(1, n);
    struct stat st;
    if (!buf)
        return -1;
    if (fstat(fd, &st) < 0 || write(fd, buf, n) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'buf' allocated by calloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(buf);
    return 0;
}

// strsep(&p, ...) may move p: &p is not a plain read, so p escapes (the
// copy in s is what gets freed).
char *no_leak_address_given(const char *line)
{
    char *s = strdup(line), *p = s, *tok;
    if (!s)
        return NULL;
    tok = strsep(&p, ",");
    if (tok == NULL) {
        free(s);
        return NULL;
    }
    return s;
}
