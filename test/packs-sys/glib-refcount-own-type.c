// A project's own reference-counted type written with GLib's counters
// (real headers): g_atomic_int_inc / g_atomic_int_dec_and_test (macros
// over the __atomic builtins) and g_atomic_ref_count_inc / _dec
// (functions).  Their bodies make bar_ref a ref and bar_unref an unref.
// RUN: not %leakcheck %s -- %glib-cflags | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- %glib-cflags 2>&1 | FileCheck %s --check-prefix=SUM
#include <glib.h>

typedef struct { gint ref_count; gchar *name; } Bar;
typedef struct { gatomicrefcount ref_count; gchar *name; } Baz;

Bar *bar_ref(Bar *b)
{
    g_atomic_int_inc(&b->ref_count);
    return b;
}
// SUM: summary bar_ref: returns arg 1 refs arg 1

void bar_unref(Bar *b)
{
    if (g_atomic_int_dec_and_test(&b->ref_count)) {
        g_free(b->name);
        g_free(b);
    }
}
// SUM: summary bar_unref: frees member name of arg 1 releases arg 1 as glib-mem unrefs arg 1

Baz *baz_ref(Baz *b)
{
    g_atomic_ref_count_inc(&b->ref_count);
    return b;
}
// SUM: summary baz_ref: returns arg 1 refs arg 1

void baz_unref(Baz *b)
{
    if (g_atomic_ref_count_dec(&b->ref_count)) {
        g_free(b->name);
        g_free(b);
    }
}
// SUM: summary baz_unref: frees member name of arg 1 releases arg 1 as glib-mem unrefs arg 1

int taken_and_dropped(Bar *b)
{
    Bar *r = bar_ref(b);
    bar_unref(r);
    return 0;
}

int leaked_on_early_return(Baz *b, int n)
{
    Baz *r = baz_ref(b);
    if (n < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: reference to 'r' taken by baz_ref() at line [[@LINE-3]] is not released when returning here [leakcheck-leak]
    baz_unref(r);
    return 0;
}
