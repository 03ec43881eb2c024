// GObject reference counts with the real <glib-object.h>: g_object_new
// makes an object holding one reference, each g_object_ref one more, and
// each g_object_unref gives one back.  Every reference is an obligation:
// a reference taken and dropped is silent, one kept on an early return
// is a leak, an unref too many on an object only we hold is a double
// release.  g_object_ref_sink on an object we hold adds nothing.
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
#include <glib-object.h>

int taken_and_dropped(GObject *o)
{
    GObject *r = g_object_ref(o);
    g_object_unref(r);
    return 0;
}

int ref_leaked_on_early_return(GObject *o, int n)
{
    GObject *r = g_object_ref(o);
    if (n < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: reference to 'r' taken by g_object_ref() at line [[@LINE-3]] is not released when returning here [leakcheck-leak]
    g_object_unref(r);
    return 0;
}

int new_leaked_on_early_return(int n)
{
    GObject *o = g_object_new(G_TYPE_OBJECT, NULL);
    if (n < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'o' created by g_object_new() at line [[@LINE-3]] is not released when returning here [leakcheck-leak]
    g_object_unref(o);
    return 0;
}

int second_ref_kept_on_early_return(int n)
{
    GObject *o = g_object_new(G_TYPE_OBJECT, NULL);
    GObject *extra = g_object_ref(o);
    if (n < 0) {
        g_object_unref(o);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'o' created by g_object_new() at line [[@LINE-5]] is not released when returning here [leakcheck-leak]
    }
    g_object_unref(extra);
    g_object_unref(o);
    return 0;
}

int both_refs_dropped(int n)
{
    GObject *o = g_object_new(G_TYPE_OBJECT, NULL);
    GObject *extra = g_object_ref(o);
    if (n < 0) {
        g_object_unref(extra);
        g_object_unref(o);
        return -1;
    }
    g_object_unref(o);
    g_object_unref(extra);
    return 0;
}

int unref_once_too_often(void)
{
    GObject *o = g_object_new(G_TYPE_OBJECT, NULL);
    GObject *extra = g_object_ref(o);
    g_object_unref(extra);
    g_object_unref(o);
    g_object_unref(o);
// CHECK: :[[@LINE-1]]:5: warning: 'o' created by g_object_new() at line [[@LINE-5]] is released twice; first released at line [[@LINE-2]] [leakcheck-double-release]
    return 0;
}

// A second unref of a reference on an object others hold too may be
// theirs to give: not reported.
void unref_of_shared_object(GObject *o)
{
    GObject *r = g_object_ref(o);
    g_object_unref(r);
    g_object_unref(o);
}

// The reference leaves with the object: returned, stored.
GObject *ref_returned(GObject *o)
{
    return g_object_ref(o);
}

struct holder { GObject *obj; };

void ref_stored(struct holder *h, GObject *o)
{
    h->obj = g_object_ref(o);
}

GObject *new_returned_with_ref_dropped(void)
{
    GObject *o = g_object_new(G_TYPE_OBJECT, NULL);
    GObject *tmp = g_object_ref(o);
    g_object_unref(tmp);
    return o;
}

// g_object_ref_sink on what we made: the floating reference sunk, one
// unref gives it back.
void sunk_then_dropped(void)
{
    GObject *o = g_object_new(G_TYPE_OBJECT, NULL);
    g_object_ref_sink(o);
    g_object_unref(o);
}

void unref_in_both_branches(int n)
{
    GObject *o = g_object_new(G_TYPE_OBJECT, NULL);
    if (n)
        g_object_unref(o);
    else
        g_object_unref(o);
}
