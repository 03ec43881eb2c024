// GLib's reference-counted GPtrArray and GMainLoop with the real headers:
// new ... unref (or g_ptr_array_free), a ref taken and given back, the
// element added kept by the array, g_autoptr cleanups.
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
#include <glib-object.h>

int arr_leak(const char *s, int n)
{
    GPtrArray *arr = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(arr, g_strdup(s));
    if (n < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'arr' created by g_ptr_array_new_with_free_func() at line [[@LINE-4]] is not released when returning here [leakcheck-leak]
    g_ptr_array_unref(arr);
    return 0;
}

int arr_ok(const char *s, int n)
{
    GPtrArray *arr = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(arr, g_strdup(s));
    if (n < 0) {
        g_ptr_array_free(arr, TRUE);
        return -1;
    }
    g_ptr_array_unref(arr);
    return 0;
}

int arr_auto(const char *s, int n)
{
    g_autoptr(GPtrArray) arr = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(arr, g_strdup(s));
    if (n < 0)
        return -1;
    return 0;
}

int obj_auto(int n)
{
    g_autoptr(GObject) o = g_object_new(G_TYPE_OBJECT, NULL);
    if (n < 0)
        return -1;
    return 0;
}

int obj_auto_ref(GObject *p, int n)
{
    g_autoptr(GObject) o = g_object_ref(p);
    if (n < 0)
        return -1;
    return 0;
}

GPtrArray *arr_ret(int n)
{
    GPtrArray *arr = g_ptr_array_new();
    GPtrArray *r = g_ptr_array_ref(arr);
    g_ptr_array_unref(arr);
    return r;
}

void loop_ok(void)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_main_loop_run(loop);
    g_main_loop_unref(loop);
}

int loop_leak(int n)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    if (n)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'loop' created by g_main_loop_new() at line [[@LINE-3]] is not released when returning here [leakcheck-leak]
    g_main_loop_run(loop);
    g_main_loop_unref(loop);
    return 0;
}
