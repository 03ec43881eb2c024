// A project's own reference counting, learnt from the bodies: a function
// that increments a reference counter member of its argument and returns
// it is a ref ("refs arg 1"), one that decrements it and frees the
// argument at zero is an unref ("unrefs arg 1"): one reference given
// back, not "may release".  Each reference is an obligation.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>

struct x { int refs; char *name; };
struct counter { int count; int prefix_len; };

struct x *x_new(const char *name)
{
    struct x *x = malloc(sizeof *x);
    if (!x)
        return NULL;
    x->refs = 1;
    x->name = strdup(name);
    return x;
}

struct x *x_ref(struct x *x)
{
    x->refs++;
    return x;
}
// SUM: summary x_ref: returns arg 1 refs arg 1

void x_unref(struct x *x)
{
    if (--x->refs == 0) {
        free(x->name);
        free(x);
    }
}
// SUM: summary x_unref: frees member name of arg 1 releases arg 1 as heap unrefs arg 1

// Atomic counters count too (the __sync builtins).
void x_unref_atomic(struct x *x)
{
    if (__sync_sub_and_fetch(&x->refs, 1) == 0) {
        free(x->name);
        free(x);
    }
}
// SUM: summary x_unref_atomic: frees member name of arg 1 releases arg 1 as heap unrefs arg 1

// Counting something else takes no reference (a counter's name says
// "ref" as a word: not prefix_len).
struct counter *counter_bump(struct counter *c)
{
    c->count++;
    c->prefix_len++;
    return c;
}
// SUM: summary counter_bump: returns arg 1{{$}}

int taken_and_dropped(struct x *x)
{
    struct x *r = x_ref(x);
    x_unref(r);
    return 0;
}

int ref_leaked_on_early_return(struct x *x, int n)
{
    struct x *r = x_ref(x);
    if (n < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: reference to 'r' taken by x_ref() at line [[@LINE-3]] is not released when returning here [leakcheck-leak]
    x_unref(r);
    return 0;
}

int second_ref_kept(int n)
{
    struct x *x = x_new("a");
    if (!x)
        return -1;
    struct x *r = x_ref(x);
    if (n < 0) {
        x_unref(x);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'x' allocated by x_new() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    }
    x_unref(r);
    x_unref_atomic(x);
    return 0;
}

int both_dropped(int n)
{
    struct x *x = x_new("a");
    if (!x)
        return -1;
    struct x *r = x_ref(x);
    if (n < 0) {
        x_unref(x);
        x_unref(r);
        return -1;
    }
    x_unref(r);
    x_unref(x);
    return 0;
}

int unref_once_too_often(void)
{
    struct x *x = x_new("a");
    if (!x)
        return -1;
    x_unref(x);
    x_unref(x);
// CHECK: :[[@LINE-1]]:5: warning: 'x' allocated by x_new() at line [[@LINE-5]] is freed twice; first freed at line [[@LINE-2]] [leakcheck-double-release]
    return 0;
}

// A reference on the struct's member passed on: its holder's business.
struct pair { struct x *a; };

void member_ref(struct pair *p, struct pair *q)
{
    q->a = x_ref(p->a);
}
