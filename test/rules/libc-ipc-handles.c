// Message queues (mq_open/mq_close), System V shared memory attachments
// (shmat/shmdt), unnamed semaphores (sem_init/sem_destroy), POSIX timers
// (timer_create/timer_delete) and remapped mappings (mremap/munmap).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <time.h>

int leak_mq(const char *name, const char *msg)
{
    mqd_t q = mq_open(name, O_WRONLY);
    if (q == (mqd_t)-1)
        return -1;
    if (mq_send(q, msg, strlen(msg), 0) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'q' opened by mq_open() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    return mq_close(q);
}

int no_leak_mq(const char *name, const char *msg)
{
    mqd_t q = mq_open(name, O_WRONLY);
    int r;
    if (q < 0)
        return -1;
    r = mq_send(q, msg, strlen(msg), 0);
    mq_close(q);
    return r;
}

int leak_shmat(int id, const char *s)
{
    char *p = shmat(id, NULL, 0);
    if (p == (void *)-1)
        return -1;
    if (!*s)
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'p' attached by shmat() at line [[@LINE-5]] is not detached when returning here [leakcheck-leak]
    strcpy(p, s);
    return shmdt(p);
}

int leak_sem(int n)
{
    sem_t s;
    if (sem_init(&s, 0, (unsigned)n) != 0)
        return -1;
    if (sem_trywait(&s) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 's' initialised by sem_init() at line [[@LINE-4]] is not destroyed when returning here [leakcheck-leak]
    sem_post(&s);
    return sem_destroy(&s);
}

struct pool {
    sem_t free_slots;
};

// A constructor: the semaphore lives in *p.
int pool_init(struct pool *p, unsigned n, int bad)
{
    if (sem_init(&p->free_slots, 0, n) != 0)
        return -1;
    if (bad) {
        sem_destroy(&p->free_slots);
        return -1;
    }
    return 0;
}

int leak_timer(const struct itimerspec *its)
{
    timer_t t;
    if (timer_create(CLOCK_MONOTONIC, NULL, &t) != 0)
        return -1;
    if (timer_settime(t, 0, its, NULL) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 't' created by timer_create() at line [[@LINE-4]] is not deleted when returning here [leakcheck-leak]
    return timer_delete(t);
}

int no_leak_timer(const struct itimerspec *its)
{
    timer_t t;
    int r;
    if (timer_create(CLOCK_REALTIME, NULL, &t) == -1)
        return -1;
    r = timer_settime(t, 0, its, NULL);
    timer_delete(t);
    return r;
}

// mremap() moves the mapping into its result; when it fails the old one
// is still mapped.
int leak_mremap_failed(int fd, size_t len)
{
    char *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0), *q;
    if (p == MAP_FAILED)
        return -1;
    q = mremap(p, len, 2 * len, MREMAP_MAYMOVE);
    if (q == MAP_FAILED)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'p' mapped by mmap() at line [[@LINE-6]] is not unmapped when returning here [leakcheck-leak]
    return munmap(q, 2 * len);
}

int no_leak_mremap(int fd, size_t len)
{
    char *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0), *q;
    if (p == MAP_FAILED)
        return -1;
    q = mremap(p, len, 2 * len, MREMAP_MAYMOVE);
    if (q == MAP_FAILED) {
        munmap(p, len);
        return -1;
    }
    return munmap(q, 2 * len);
}
