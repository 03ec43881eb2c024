// GLib test code: g_assert*() end in g_assertion_message*(), which abort
// (noreturn in glib.yml), so what the failing branch drops is not
// reported; a result only compared with NULL inside an assertion is fine.
// A vector built with g_new() and g_strdup() goes back with g_strfreev().
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
#include <glib.h>
#include <string.h>

static gchar *parse_scheme(const gchar *uri)
{
    const gchar *colon = strchr(uri, ':');
    return colon ? g_strndup(uri, (gsize)(colon - uri)) : NULL;
}

void test_parse_scheme(void)
{
    gchar *s;

    s = parse_scheme("bad");
    g_assert_null(s);           /* otherwise the test aborts here */
    s = parse_scheme("good:x");
    g_assert_cmpstr(s, ==, "good");
    g_free(s);
}

void test_memdup_null(void)
{
    g_assert_null(g_memdup2(NULL, 1024));
}

static gchar **list_members(guint n)
{
    gchar **v = g_new(gchar *, n + 1);
    guint i;

    for (i = 0; i < n; i++)
        v[i] = g_strdup_printf("member%u", i);
    v[i] = NULL;
    return v;
}

guint count_members(void)
{
    gchar **members = list_members(3);
    guint n = g_strv_length(members);

    g_strfreev(members);
    return n;
}

void test_still_checked(void)
{
    gchar *s = g_strdup("x");

    g_assert_nonnull(s);
}
// CHECK: :[[@LINE-1]]:1: warning: 's' allocated by g_strdup() at line [[@LINE-4]] is not freed at the end of the function [leakcheck-leak]

/* A helper freeing its vector with g_strfreev() releases either kind. */
static void drop_vector(gchar **v)
{
    g_strfreev(v);
}

void vectors_through_helper(void)
{
    drop_vector(g_strsplit("a,b", ",", -1));
    drop_vector(list_members(2));
}
