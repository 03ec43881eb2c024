// Read-write locks, spin locks, FILE locks (flockfile) and C11 mtx_t: a
// lock held at an early return, in a function that unlocks it on another
// path, is reported; the twins that unlock on every path are silent.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <stdio.h>
#include <threads.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_spinlock_t spin;
static mtx_t mtx;
static int table[16];

int leak_rdlock(int i)
{
    pthread_rwlock_rdlock(&rw);
    if (i < 0 || i >= 16)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'rw' locked by pthread_rwlock_rdlock() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    int v = table[i];
    pthread_rwlock_unlock(&rw);
    return v;
}

int no_leak_rdlock(int i)
{
    int v = -1;
    if (pthread_rwlock_rdlock(&rw) != 0)
        return -1;
    if (i >= 0 && i < 16)
        v = table[i];
    pthread_rwlock_unlock(&rw);
    return v;
}

int leak_wrlock(int i, int v)
{
    if (pthread_rwlock_wrlock(&rw) != 0)
        return -1;
    if (i < 0 || i >= 16)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'rw' locked by pthread_rwlock_wrlock() at line [[@LINE-4]] is not unlocked when returning here [leakcheck-leak]
    table[i] = v;
    pthread_rwlock_unlock(&rw);
    return 0;
}

int leak_trywrlock(int i, int v)
{
    if (pthread_rwlock_trywrlock(&rw) != 0)
        return -1;
    if (v < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'rw' locked by pthread_rwlock_trywrlock() at line [[@LINE-4]] is not unlocked when returning here [leakcheck-leak]
    table[i & 15] = v;
    pthread_rwlock_unlock(&rw);
    return 0;
}

int no_leak_tryrdlock(int i)
{
    int v;
    if (pthread_rwlock_tryrdlock(&rw))
        return -1;
    v = table[i & 15];
    pthread_rwlock_unlock(&rw);
    return v;
}

int leak_spin(int v)
{
    pthread_spin_lock(&spin);
    if (v < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'spin' locked by pthread_spin_lock() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    table[0] += v;
    pthread_spin_unlock(&spin);
    return 0;
}

int no_leak_spin_trylock(int v)
{
    if (pthread_spin_trylock(&spin) != 0)
        return -1;
    table[0] += v;
    pthread_spin_unlock(&spin);
    return 0;
}

int leak_flockfile(FILE *fp, const char *a, const char *b)
{
    flockfile(fp);
    if (fputs(a, fp) == EOF)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: '*fp' locked by flockfile() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    fputs(b, fp);
    funlockfile(fp);
    return 0;
}

int no_leak_ftrylockfile(FILE *fp, const char *a, const char *b)
{
    int rc = 0;
    if (ftrylockfile(fp) != 0)
        return -1;
    if (fputs(a, fp) == EOF || fputs(b, fp) == EOF)
        rc = -1;
    funlockfile(fp);
    return rc;
}

int leak_mtx(int v)
{
    if (mtx_lock(&mtx) != thrd_success)
        return -1;
    if (v < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'mtx' locked by mtx_lock() at line [[@LINE-4]] is not unlocked when returning here [leakcheck-leak]
    table[1] += v;
    mtx_unlock(&mtx);
    return 0;
}

int leak_mtx_unchecked(int v)
{
    mtx_lock(&mtx);
    if (v < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'mtx' locked by mtx_lock() at line [[@LINE-3]] is not unlocked when returning here [leakcheck-leak]
    table[1] += v;
    mtx_unlock(&mtx);
    return 0;
}

int no_leak_mtx_trylock(int v)
{
    if (mtx_trylock(&mtx) != thrd_success)
        return -1;
    table[1] += v;
    mtx_unlock(&mtx);
    return 0;
}
