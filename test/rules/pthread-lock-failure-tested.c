// pthread_mutex_lock() returns an error number when it does not take the
// lock (EINVAL, EDEADLK, EAGAIN): code that tests it and gives up holds
// nothing on that path, whatever the test (libgit2's `< 0`, `!= 0`, an
// assertion macro that returns).  A return after the lock was taken is
// still reported.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>

struct cache {
    pthread_mutex_t lock;
    pthread_spinlock_t spin;
    int n;
};

#define ASSERT_OR_FAIL(expr) do { if (!(expr)) return -1; } while (0)

int gives_up_below_zero(struct cache *c)
{
    if (pthread_mutex_lock(&c->lock) < 0)
        return -1;
    c->n++;
    pthread_mutex_unlock(&c->lock);
    return 0;
}

int gives_up_nonzero(struct cache *c)
{
    int error;

    if ((error = pthread_mutex_lock(&c->lock)) != 0)
        return error;
    c->n++;
    pthread_mutex_unlock(&c->lock);
    return 0;
}

int gives_up_in_assert(struct cache *c)
{
    ASSERT_OR_FAIL(pthread_mutex_lock(&c->lock) == 0);
    c->n++;
    pthread_mutex_unlock(&c->lock);
    return 0;
}

int spin_gives_up(struct cache *c)
{
    if (pthread_spin_lock(&c->spin))
        return -1;
    c->n++;
    pthread_spin_unlock(&c->spin);
    return 0;
}

int held_after_the_test(struct cache *c, int v)
{
    if (pthread_mutex_lock(&c->lock) != 0)
        return -1;
    if (v < 0)
        return -2;
// CHECK: [[@LINE-1]]:9: warning: 'c->lock' locked by pthread_mutex_lock() at line [[@LINE-4]] is not unlocked when returning here [leakcheck-leak]
    c->n += v;
    pthread_mutex_unlock(&c->lock);
    return 0;
}

int untested_held(struct cache *c, int v)
{
    pthread_mutex_lock(&c->lock);
    if (v < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'c->lock' locked by pthread_mutex_lock() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    c->n += v;
    pthread_mutex_unlock(&c->lock);
    return 0;
}
