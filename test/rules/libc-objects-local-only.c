// Objects a call fills in place (glob_t, regex_t, wordexp_t) are followed
// in a local variable of the function; one in memory the caller reaches
// (a field through a pointer, a global) goes with that memory, and
// copying the local out (*out = re, memcpy, return) hands it over.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <glob.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <wordexp.h>

struct matcher {
    regex_t re;
    glob_t files;
    int flags;
};

// A constructor: the object lives in *m from now on.
struct matcher *matcher_new(const char *pattern, const char *files)
{
    struct matcher *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    if (regcomp(&m->re, pattern, REG_EXTENDED) != 0) {
        free(m);
        return NULL;
    }
    if (glob(files, 0, NULL, &m->files) != 0) {
        regfree(&m->re);
        free(m);
        return NULL;
    }
    return m;
}

static regex_t global_re;

int global_init(const char *pattern, int check)
{
    if (regcomp(&global_re, pattern, 0) != 0)
        return -1;
    if (check && regexec(&global_re, "", 0, NULL, 0) == 0) {
        regfree(&global_re);
        return -1;
    }
    return 0;
}

int copied_out(regex_t *out, const char *pattern, int bad)
{
    regex_t re;
    if (regcomp(&re, pattern, 0) != 0)
        return -1;
    if (bad) {
        regfree(&re);
        return -1;
    }
    *out = re;
    return 0;
}

int copied_out_memcpy(struct matcher *out, const char *pattern, int bad)
{
    struct matcher m;
    if (regcomp(&m.re, pattern, 0) != 0)
        return -1;
    if (bad) {
        regfree(&m.re);
        return -1;
    }
    memcpy(out, &m, sizeof m);
    return 0;
}

struct matcher returned_by_value(const char *pattern, int bad, int *err)
{
    struct matcher m = { .flags = 0 };
    *err = -1;
    if (regcomp(&m.re, pattern, 0) != 0)
        return m;
    if (bad) {
        regfree(&m.re);
        return m;
    }
    *err = 0;
    return m;
}

int leak_local_member(const char *pattern, const char *s)
{
    struct matcher m;
    if (regcomp(&m.re, pattern, REG_NOSUB) != 0)
        return -1;
    if (!*s)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'm.re' compiled by regcomp() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    m.flags = regexec(&m.re, s, 0, NULL, 0);
    regfree(&m.re);
    return m.flags == 0;
}

int leak_wordexp(const char *words, char *first, size_t n)
{
    wordexp_t we;
    if (wordexp(words, &we, WRDE_NOCMD) != 0)
        return -1;
    if (we.we_wordc == 0)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'we' filled by wordexp() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    strncpy(first, we.we_wordv[0], n);
    wordfree(&we);
    return 1;
}

int no_leak_wordexp(const char *words)
{
    wordexp_t we;
    int n;
    if (wordexp(words, &we, WRDE_NOCMD) != 0)
        return -1;
    n = (int)we.we_wordc;
    wordfree(&we);
    return n;
}
