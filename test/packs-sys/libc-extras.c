// C library objects: glob/globfree, regcomp/regfree, iconv_open/iconv_close,
// dlopen/dlclose, mmap/munmap, scandir/free, open_memstream/fclose,
// setmntent/endmntent, sem_open/sem_close, newlocale/freelocale, shm_open.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <glob.h>
#include <iconv.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int leak_glob(const char *pattern, char *first, size_t n)
{
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0)
        return -1;
    if (g.gl_pathc == 0)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'g' filled by glob() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    snprintf(first, n, "%s", g.gl_pathv[0]);
    globfree(&g);
    return 1;
}

// globfree() after a failed glob() is harmless and silent.
int no_leak_glob(const char *pattern)
{
    glob_t g;
    int count;
    if (glob(pattern, 0, NULL, &g) != 0) {
        globfree(&g);
        return -1;
    }
    count = (int)g.gl_pathc;
    globfree(&g);
    return count;
}

int leak_regcomp(const char *pattern, const char *s)
{
    regex_t re;
    if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB))
        return -1;
    if (!*s)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 're' compiled by regcomp() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    int m = regexec(&re, s, 0, NULL, 0);
    regfree(&re);
    return m == 0;
}

int no_leak_regcomp(const char *pattern, const char *s)
{
    regex_t re;
    int m;
    if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
        return -1;
    m = regexec(&re, s, 0, NULL, 0);
    regfree(&re);
    return m == 0;
}

int leak_iconv(char *in, size_t inlen, char *out, size_t outlen)
{
    iconv_t cd = iconv_open("UTF-8", "ISO-8859-1");
    if (cd == (iconv_t)-1)
        return -1;
    if (iconv(cd, &in, &inlen, &out, &outlen) == (size_t)-1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'cd' opened by iconv_open() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    iconv_close(cd);
    return 0;
}

int no_leak_iconv(char *in, size_t inlen, char *out, size_t outlen)
{
    iconv_t cd = iconv_open("UTF-8", "ISO-8859-1");
    size_t r;
    if (cd == (iconv_t)-1)
        return -1;
    r = iconv(cd, &in, &inlen, &out, &outlen);
    iconv_close(cd);
    return r == (size_t)-1 ? -1 : 0;
}

typedef int (*plugin_init_fn)(void);

int leak_dlopen(const char *path)
{
    void *h = dlopen(path, RTLD_NOW);
    if (!h)
        return -1;
    plugin_init_fn init = (plugin_init_fn)dlsym(h, "plugin_init");
    if (!init)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'h' opened by dlopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
    int rc = init();
    dlclose(h);
    return rc;
}

int no_leak_dlopen(const char *path)
{
    void *h = dlopen(path, RTLD_NOW);
    int rc = -1;
    if (h == NULL)
        return -1;
    plugin_init_fn init = (plugin_init_fn)dlsym(h, "plugin_init");
    if (init)
        rc = init();
    dlclose(h);
    return rc;
}

int leak_mmap(int fd, size_t len)
{
    unsigned char *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED)
        return -1;
    if (len < 4 || memcmp(p, "\177ELF", 4) != 0)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'p' mapped by mmap() at line [[@LINE-5]] is not unmapped when returning here [leakcheck-leak]
    munmap(p, len);
    return 1;
}

int no_leak_mmap(int fd, size_t len)
{
    unsigned char *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    int is_elf;
    if (p == MAP_FAILED)
        return -1;
    is_elf = len >= 4 && memcmp(p, "\177ELF", 4) == 0;
    munmap(p, len);
    return is_elf;
}

int leak_scandir(const char *dir, char *first, size_t n)
{
    struct dirent **names;
    int count = scandir(dir, &names, NULL, alphasort);
    if (count < 0)
        return -1;
    if (count > 0 && names[0]->d_name[0] == '.')
        return -2;
// CHECK: :[[@LINE-1]]:9: warning: 'names' allocated by scandir() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    for (int i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return count;
}

int no_leak_scandir(const char *dir)
{
    struct dirent **names;
    int count = scandir(dir, &names, NULL, alphasort);
    if (count < 0)
        return -1;
    for (int i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return count;
}

int leak_memstream(const char *a, char **res)
{
    char *buf;
    size_t size;
    FILE *ms = open_memstream(&buf, &size);
    if (!ms)
        return -1;
    if (fputs(a, ms) == EOF)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'ms' opened by open_memstream() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    fclose(ms);
    *res = buf;
    return 0;
}

int no_leak_memstream(const char *a, char **res)
{
    char *buf;
    size_t size;
    FILE *ms = open_memstream(&buf, &size);
    if (!ms)
        return -1;
    fputs(a, ms);
    fclose(ms);
    *res = buf;
    return 0;
}

/* setmntent/endmntent, sem_open/sem_close, newlocale/freelocale, shm_open/close. */
#include <fcntl.h>
#include <locale.h>
#include <mntent.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <unistd.h>

int mounts_leak(const char *dir)
{
    FILE *mt = setmntent("/proc/mounts", "r");
    struct mntent *e;
    if (!mt)
        return -1;
    while ((e = getmntent(mt)) != NULL)
        if (strcmp(e->mnt_dir, dir) == 0)
            return 1;
// CHECK: :[[@LINE-1]]:13: warning: 'mt' opened by setmntent() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
    endmntent(mt);
    return 0;
}

int sem_leak(const char *name)
{
    sem_t *s = sem_open(name, O_CREAT, 0600, 1);
    if (s == SEM_FAILED)
        return -1;
    if (sem_trywait(s) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 's' opened by sem_open() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    sem_post(s);
    sem_close(s);
    return 0;
}

int locale_leak(const char *name, int probe)
{
    locale_t l = newlocale(LC_ALL_MASK, name, (locale_t)0);
    if (l == (locale_t)0)
        return -1;
    if (probe)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'l' created by newlocale() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    uselocale(l);
    freelocale(l);
    return 0;
}

int shm_leak(const char *name, off_t size)
{
    int fd = shm_open(name, O_RDWR | O_CREAT, 0600);
    if (fd < 0)
        return -1;
    if (ftruncate(fd, size) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fd' opened by shm_open() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return close(fd);
}

int all_closed(const char *name)
{
    FILE *mt = setmntent("/etc/fstab", "r");
    sem_t *s;
    locale_t l;
    if (!mt)
        return -1;
    endmntent(mt);
    s = sem_open(name, 0);
    if (s == SEM_FAILED)
        return -1;
    sem_close(s);
    l = duplocale(LC_GLOBAL_LOCALE);
    if (!l)
        return -1;
    freelocale(l);
    return 0;
}
