// A function that returns NULL whenever it sets *err, and a handle only
// with *err == 0 (jq's sort_items(.., &too_deep)), has that in its summary:
// after p = f(.., &err), `if (err) return` holds nothing.  The flag is
// still 0 when the comparison callback qsort() ran did not fail.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct entry { int key; };
static int failed;

static int cmp(const void *a, const void *b)
{
    if (((const struct entry *)a)->key < 0)
        failed = 1;
    return ((const struct entry *)a)->key - ((const struct entry *)b)->key;
}

static struct entry *sorted(struct entry *in, int n, int *too_deep)
{
    struct entry *es;
    int i;

    *too_deep = 0;
    if (n == 0)
        return NULL;
    es = calloc(n, sizeof *es);
    if (!es)
        return NULL;
    for (i = 0; i < n; i++)
        es[i] = in[i];
    failed = 0;
    qsort(es, n, sizeof *es, cmp);
    if (failed) {
        free(es);
        *too_deep = 1;
        return NULL;
    }
    return es;
}

int no_leak_flag_tested(struct entry *in, int n)
{
    int too_deep = 0;
    struct entry *es = sorted(in, n, &too_deep);

    if (too_deep)
        return -1;
    free(es);
    return 0;
}

int leak_flag_clear(struct entry *in, int n, int limit)
{
    int too_deep = 0;
    struct entry *es = sorted(in, n, &too_deep);

    if (too_deep)
        return -1;
    if (n > limit)
        return -2;
// CHECK: [[@LINE-1]]:9: warning: 'es' allocated by sorted() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(es);
    return 0;
}

// Here NULL also comes back with the flag clear and a handle with it set:
// no relation, so the flag decides nothing.
static struct entry *loose(int n, int *warn)
{
    struct entry *es = calloc(n, sizeof *es);

    *warn = n > 10;
    return es;
}

int leak_no_relation(int n)
{
    int warn = 0;
    struct entry *es = loose(n, &warn);

    if (warn)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'es' allocated by loose() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    free(es);
    return 0;
}

// The flag passed on from a local (openssh's dollar_expand() calling
// vdollar_percent_expand(&err, ..) then `if (parseerr != NULL) *parseerr =
// err;`): the outer function has the same relation.
static char *expand(int *parseerr, struct entry *in, int n)
{
    struct entry *es;
    int err;

    es = sorted(in, n, &err);
    if (parseerr != NULL)
        *parseerr = err;
    return (char *)es;
}

int no_leak_flag_passed_on(struct entry *in, int n)
{
    int err;
    char *p = expand(&err, in, n);

    if (p == NULL || err)
        return -1;
    free(p);
    return 0;
}

int leak_flag_passed_on(struct entry *in, int n, int stop)
{
    int err;
    char *p = expand(&err, in, n);

    if (p == NULL || err)
        return -1;
    if (stop)
        return 1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by expand() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}
