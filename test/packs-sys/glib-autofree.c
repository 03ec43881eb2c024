// GLib cleanup macros: g_autofree and g_autoptr(GError) are
// __attribute__((cleanup(...))) variables, released when they go out of
// scope, so nothing is reported for them.  g_steal_pointer(&p) (a macro
// calling (g_steal_pointer)(pp), a static inline header function) moves
// the handle: the result holds it and p is NULL, so the cleanup frees
// nothing and the stolen value is followed.
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
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
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'out' allocated by g_strdup() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    return out;
}
