// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A lock taken at the top of a function must be given back on every
// return; the early return of the bad twin keeps it locked.

#include <pthread.h>

struct counter {
    pthread_mutex_t lock;
    int value;
    int max;
};

int bump_ok(struct counter *c)
{
    int v;

    pthread_mutex_lock(&c->lock);
    if (c->value >= c->max) {
        pthread_mutex_unlock(&c->lock);
        return -1;
    }
    v = ++c->value;
    pthread_mutex_unlock(&c->lock);
    return v;
}

int bump_bad(struct counter *c)
{
    int v;

    pthread_mutex_lock(&c->lock);
    if (c->value >= c->max)
        return -1;
    // CHECK: {{.*}}mutex-early-return.c:[[@LINE-1]]:9: warning: 'c->lock' locked by pthread_mutex_lock() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:5: note: 'c->lock' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:9: note: taking the true branch of 'c->value >= c->max'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-4]]:9: note: 'c->lock' still locked when leaving 'bump_bad'
    v = ++c->value;
    pthread_mutex_unlock(&c->lock);
    return v;
}
