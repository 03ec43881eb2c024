// GLib: g_malloc/g_new/g_strdup/g_strdup_printf/g_strconcat/g_strjoin ...
// g_free, g_strsplit ... g_strfreev, g_bytes_new ... g_bytes_unref.  The
// allocators cannot fail (GLib aborts on OOM).
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
#include <glib.h>

typedef struct { int id; char *name; } Item;

int leak_strdup_printf(const char *dir, int n, char *out, gsize len)
{
    gchar *path = g_strdup_printf("%s/%d.dat", dir, n);
    if (!g_str_has_suffix(path, ".dat"))
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'path' allocated by g_strdup_printf() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
    g_strlcpy(out, path, len);
    g_free(path);
    return 0;
}

int no_leak_strdup_printf(const char *dir, int n, char *out, gsize len)
{
    gchar *path = g_strdup_printf("%s/%d.dat", dir, n);
    int rc = g_str_has_suffix(path, ".dat") ? 0 : -1;
    if (rc == 0)
        g_strlcpy(out, path, len);
    g_free(path);
    return rc;
}

Item *leak_g_new(int id, const char *name)
{
    Item *it = g_new0(Item, 1);
    if (id < 0)
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'it' allocated by g_malloc0_n() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
    it->id = id;
    it->name = g_strdup(name);
    return it;
}

Item *no_leak_g_new(int id, const char *name)
{
    if (id < 0)
        return NULL;
    Item *it = g_new0(Item, 1);
    it->id = id;
    it->name = g_strdup(name);
    return it;
}

int leak_concat(const char *a, const char *b)
{
    gchar *s = g_strconcat(a, "-", b, NULL);
    gchar *j = g_strjoin(",", a, b, NULL);
    if (g_strcmp0(s, j) == 0) {
        g_free(s);
        return 0;
    }
// CHECK: :[[@LINE-2]]:9: warning: 'j' allocated by g_strjoin() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    g_free(s);
    g_free(j);
    return 1;
}

int leak_strsplit(const char *csv)
{
    gchar **parts = g_strsplit(csv, ",", -1);
    guint n = g_strv_length(parts);
    if (n < 2)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'parts' allocated by g_strsplit() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    g_strfreev(parts);
    return (int)n;
}

int no_leak_strsplit(const char *csv)
{
    gchar **parts = g_strsplit(csv, ",", -1);
    guint n = g_strv_length(parts);
    g_strfreev(parts);
    return n < 2 ? -1 : (int)n;
}

int leak_bytes(const void *data, gsize size)
{
    GBytes *b = g_bytes_new(data, size);
    if (g_bytes_get_size(b) == 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'b' created by g_bytes_new() at line [[@LINE-3]] is not released when returning here [leakcheck-leak]
    g_bytes_unref(b);
    return 0;
}

// g_bytes_new_take: the g_malloc'ed buffer now belongs to the GBytes.
int no_leak_bytes_take(gsize size)
{
    guint8 *buf = g_malloc0(size);
    GBytes *b = g_bytes_new_take(buf, size);
    int rc = g_bytes_get_size(b) == size ? 0 : -1;
    g_bytes_unref(b);
    return rc;
}

// g_strdup(NULL) returns NULL: a NULL test holds nothing.
int no_leak_strdup_null_test(const char *maybe)
{
    gchar *s = g_strdup(maybe);
    if (!s)
        return -1;
    g_free(s);
    return 0;
}
