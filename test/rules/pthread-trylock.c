// pthread_mutex_trylock() takes the lock only when it returns 0: the
// failure branch holds nothing; the success branch must unlock.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int pending;

int no_leak_trylock(void)
{
    if (pthread_mutex_trylock(&m) != 0)
        return -1;
    pending++;
    pthread_mutex_unlock(&m);
    return 0;
}

int no_leak_trylock_status(void)
{
    int rc = pthread_mutex_trylock(&m);
    if (rc)
        return rc;
    pending = 0;
    pthread_mutex_unlock(&m);
    return 0;
}

int leak_trylock(int v)
{
    if (pthread_mutex_trylock(&m))
        return -1;
    if (v < 0)
        return -2;
// CHECK: [[@LINE-1]]:9: warning: 'm' locked by pthread_mutex_trylock() at line [[@LINE-4]] is not unlocked when returning here [leakcheck-leak]
    pending += v;
    pthread_mutex_unlock(&m);
    return 0;
}
