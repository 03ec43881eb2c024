// A function that receives the object holding a lock may unlock it: after
// pool_unlink(p), p->lock is no longer ours to report.  (curl thrdpool.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <stdbool.h>

struct pool { pthread_mutex_t lock; int refs; };

bool pool_unlink(struct pool *p);   /* unlocks p->lock when it returns true */
void log_refs(int refs);

void pool_destroy(struct pool *p)
{
	pthread_mutex_lock(&p->lock);
	if (!pool_unlink(p))
		pthread_mutex_unlock(&p->lock);
}

struct slot { struct pool *pool; };

// The object reaches the callee through another path (slot->pool is pool):
// an argument of the lock holder's type may be the same object.
void *slot_run(struct slot *slot)
{
	struct pool *pool = slot->pool;

	pthread_mutex_lock(&pool->lock);
	if (!pool_unlink(slot->pool))
		pthread_mutex_unlock(&pool->lock);
	return 0;
}

// Passing a member that is not the lock's object does not hand the lock on.
int pool_peek(struct pool *p, int fail)
{
	pthread_mutex_lock(&p->lock);
	log_refs(p->refs);
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'p->lock' locked by pthread_mutex_lock() at line [[@LINE-4]] is not unlocked when returning here [leakcheck-leak]
	pthread_mutex_unlock(&p->lock);
	return 0;
}
