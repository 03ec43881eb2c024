// A function that only locks (a lock wrapper), or only unlocks, is not
// reported: a lock held at a return counts only when the same function
// unlocks that mutex on some other path.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>

struct cache {
    pthread_mutex_t mu;
    int hits;
};

static pthread_mutex_t big_lock = PTHREAD_MUTEX_INITIALIZER;

void cache_lock(struct cache *c)
{
    pthread_mutex_lock(&c->mu);
}

void cache_unlock(struct cache *c)
{
    pthread_mutex_unlock(&c->mu);
}

void big_lock_acquire(void)
{
    pthread_mutex_lock(&big_lock);
}

int cache_lock_checked(struct cache *c)
{
    pthread_mutex_lock(&c->mu);
    if (c->hits < 0)
        return -1;
    return 0;
}

int leak_unlocks_on_one_path_only(struct cache *c)
{
    pthread_mutex_lock(&c->mu);
    if (c->hits < 0) {
        pthread_mutex_unlock(&c->mu);
        return -1;
    }
    c->hits++;
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'c->mu' locked by pthread_mutex_lock() at line [[@LINE-7]] is not unlocked when returning here [leakcheck-leak]
}
