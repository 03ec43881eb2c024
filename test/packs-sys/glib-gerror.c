// GLib's convention: a call taking a GError ** sets it exactly when it
// fails (and then returns NULL), so `if (error)` after the call tests its
// failure like `if (!value)` would.  A set error says nothing of other
// handles, and a call that does not take the error is not decided by it.
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
#include <glib.h>

static gchar *get_value(const gchar *key, GError **error)
{
    if (key[0] == '\0') {
        g_set_error_literal(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "empty key");
        return NULL;
    }
    return g_strdup(key);
}

gchar *error_tested(const gchar *key, GError **error)
{
    GError *local_error = NULL;
    gchar *value = get_value(key, &local_error);

    if (local_error) {
        g_propagate_error(error, local_error);
        return NULL;
    }
    return value;
}

gchar *error_of_another_call(const gchar *key, GError **error)
{
    GError *local_error = NULL;
    gchar *copy = g_strdup(key);
    gchar *value = get_value(key, &local_error);

    if (local_error) {
        g_propagate_error(error, local_error);
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'copy' allocated by g_strdup() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    }
    g_free(copy);
    return value;
}

gboolean value_dropped(const gchar *key, GError **error)
{
    GError *local_error = NULL;
    gchar *value = get_value(key, &local_error);

    if (local_error != NULL) {
        g_propagate_error(error, local_error);
        return FALSE;
    }
    return value[0] == 'x';
// CHECK: :[[@LINE-1]]:5: warning: 'value' allocated by get_value() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
}
