// Lists and walks the C library hands out: getifaddrs/freeifaddrs,
// if_nameindex/if_freenameindex, fts_open/fts_close, catopen/catclose,
// hcreate_r/hdestroy_r.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <fts.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <nl_types.h>
#include <search.h>
#include <stdio.h>
#include <string.h>

int leak_ifaddrs(const char *want)
{
    struct ifaddrs *ifa, *i;
    if (getifaddrs(&ifa) == -1)
        return -1;
    for (i = ifa; i; i = i->ifa_next)
        if (strcmp(i->ifa_name, want) == 0)
            return 1;
// CHECK: :[[@LINE-1]]:13: warning: 'ifa' allocated by getifaddrs() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    freeifaddrs(ifa);
    return 0;
}

int no_leak_ifaddrs(void)
{
    struct ifaddrs *ifa, *i;
    int n = 0;
    if (getifaddrs(&ifa) != 0)
        return -1;
    for (i = ifa; i; i = i->ifa_next)
        n++;
    freeifaddrs(ifa);
    return n;
}

int leak_nameindex(unsigned want)
{
    struct if_nameindex *ni = if_nameindex(), *p;
    if (!ni)
        return -1;
    for (p = ni; p->if_index; p++)
        if (p->if_index == want)
            return 1;
// CHECK: :[[@LINE-1]]:13: warning: 'ni' allocated by if_nameindex() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    if_freenameindex(ni);
    return 0;
}

int leak_fts(char *const *paths, const char *stop)
{
    FTS *walk = fts_open(paths, FTS_PHYSICAL, NULL);
    FTSENT *e;
    if (!walk)
        return -1;
    while ((e = fts_read(walk)) != NULL)
        if (strcmp(e->fts_name, stop) == 0)
            return 1;
// CHECK: :[[@LINE-1]]:13: warning: 'walk' opened by fts_open() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
    fts_close(walk);
    return 0;
}

int no_leak_fts(char *const *paths)
{
    FTS *walk = fts_open(paths, FTS_LOGICAL, NULL);
    int n = 0;
    if (walk == NULL)
        return -1;
    while (fts_read(walk) != NULL)
        n++;
    fts_close(walk);
    return n;
}

int leak_catalog(const char *name, int set)
{
    nl_catd cat = catopen(name, NL_CAT_LOCALE);
    if (cat == (nl_catd)-1)
        return -1;
    if (set < 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'cat' opened by catopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    puts(catgets(cat, set, 1, "hello"));
    return catclose(cat);
}

int leak_hash_table(char *key)
{
    struct hsearch_data tab;
    ENTRY item = { key, NULL }, *found;
    memset(&tab, 0, sizeof tab);
    if (!hcreate_r(16, &tab))
        return -1;
    if (!hsearch_r(item, ENTER, &found, &tab))
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'tab' created by hcreate_r() at line [[@LINE-4]] is not destroyed when returning here [leakcheck-leak]
    hdestroy_r(&tab);
    return 0;
}
