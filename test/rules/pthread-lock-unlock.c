// pthread_mutex_lock() takes a lock that pthread_mutex_unlock() gives back;
// returning with it held, in a function that unlocks it on other paths, is
// reported.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int counter;

struct account {
    pthread_mutex_t mu;
    long balance;
};

int leak_lock_on_error(int v)
{
    pthread_mutex_lock(&lock);
    if (v < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'lock' locked by pthread_mutex_lock() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    counter += v;
    pthread_mutex_unlock(&lock);
    return 0;
}

int no_leak_unlock_every_path(int v)
{
    pthread_mutex_lock(&lock);
    if (v < 0) {
        pthread_mutex_unlock(&lock);
        return -1;
    }
    counter += v;
    pthread_mutex_unlock(&lock);
    return 0;
}

int leak_member_lock(struct account *a, long amount)
{
    pthread_mutex_lock(&a->mu);
    if (a->balance < amount)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'a->mu' locked by pthread_mutex_lock() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    a->balance -= amount;
    pthread_mutex_unlock(&a->mu);
    return 0;
}

int no_leak_member_lock(struct account *a, long amount)
{
    int rc = -1;
    pthread_mutex_lock(&a->mu);
    if (a->balance >= amount) {
        a->balance -= amount;
        rc = 0;
    }
    pthread_mutex_unlock(&a->mu);
    return rc;
}
