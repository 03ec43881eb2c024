// GLib cleanup macros: g_autofree and g_autoptr(GError) are
// __attribute__((cleanup(...))) variables, released when they go out of
// scope, so nothing is reported.  g_steal_pointer(&p) (a macro over a
// static inline header function, whose body is not analysed) hands p on:
// p escapes and the stolen value is not tracked -- no report either way
// (recorded in GAPS.md).
// RUN: %leakcheck %s -- %glib-cflags | FileCheck %s --allow-empty --implicit-check-not=warning:
#include <glib.h>

int autofree_early_return(const char *dir, int n)
{
    g_autofree gchar *path = g_strdup_printf("%s/%d", dir, n);
    if (!g_str_has_prefix(path, "/"))
        return -1;
    return (int)strlen(path);
}

gboolean autoptr_error(const char *s, GError **error)
{
    g_autoptr(GError) local = NULL;
    g_autofree gchar *copy = g_strdup(s);
    if (copy[0] == '\0') {
        g_set_error_literal(&local, G_FILE_ERROR, G_FILE_ERROR_INVAL, "empty");
        g_propagate_error(error, g_steal_pointer(&local));
        return FALSE;
    }
    return TRUE;
}

gchar *steal_autofree(const char *s)
{
    g_autofree gchar *tmp = g_strconcat(s, "!", NULL);
    if (strlen(tmp) > 80)
        return NULL;
    return g_steal_pointer(&tmp);
}

gchar *steal_plain(const char *s, int fail)
{
    gchar *tmp = g_strdup(s);
    gchar *out = g_steal_pointer(&tmp);
    if (fail)
        return NULL;            // out leaks here: not reported (gap)
    return out;
}
