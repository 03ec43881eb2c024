// A rules file given with --rules adds a resource next to the installed
// rules: widget_new()/widget_open() create, widget_free() destroys,
// widget_draw() borrows, widget_panic() never returns.  Without that file
// the widget calls are unknown and nothing is reported.
// RUN: not %leakcheck --rules %S/../Inputs/widget.yml %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: %leakcheck %s -- | FileCheck %s --check-prefix=NORULES --allow-empty --implicit-check-not=warning:
// NORULES-NOT: leakcheck-
#include <stdlib.h>

struct widget;
struct widget *widget_new(const char *name);
int widget_open(const char *name, struct widget **out);
void widget_free(struct widget *w);
int widget_draw(struct widget *w);
void widget_panic(const char *why);

int leak_widget(const char *name)
{
    struct widget *w = widget_new(name);
    if (!w)
        return -1;
    if (widget_draw(w) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'w' created by widget_new() at line [[@LINE-5]] is not destroyed when returning here [leakcheck-leak]
// CHECK-NEXT: note: 'w' acquired here
// CHECK: note: 'w' still alive when leaving 'leak_widget'
    widget_free(w);
    return 0;
}

int no_leak_widget(const char *name)
{
    struct widget *w = widget_new(name);
    int rc;
    if (!w)
        return -1;
    rc = widget_draw(w);
    widget_free(w);
    return rc;
}

int leak_widget_open(const char *name)
{
    struct widget *w;
    if (widget_open(name, &w) < 0)
        return -1;
    return widget_draw(w);
// CHECK: [[@LINE-1]]:5: warning: 'w' created by widget_open() at line [[@LINE-3]] is not destroyed when returning here [leakcheck-leak]
}

int no_leak_widget_panic(const char *name)
{
    struct widget *w = widget_new(name);
    if (!w)
        return -1;
    if (widget_draw(w) < 0)
        widget_panic("cannot draw");
    widget_free(w);
    return 0;
}
