// posix_spawn_file_actions_init / posix_spawnattr_init / pthread_attr_init
// and the other thread attribute objects must be destroyed on every path;
// their setters and posix_spawn() / pthread_create() only use them.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <stddef.h>
#include <sys/types.h>

extern char **environ;

int leak_file_actions(const char *path, char *const argv[], const char *log)
{
    posix_spawn_file_actions_t fa;
    pid_t pid;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    if (posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT, 0600) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fa' initialised by posix_spawn_file_actions_init() at line [[@LINE-4]] is not destroyed when returning here [leakcheck-leak]
    if (posix_spawn(&pid, path, &fa, NULL, argv, environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

int no_leak_spawn(const char *path, char *const argv[])
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    pid_t pid = -1;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    if (posix_spawnattr_init(&attr) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return -1;
    }
    if (posix_spawn_file_actions_addclose(&fa, 0) == 0 &&
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK) == 0 &&
        posix_spawnp(&pid, path, &fa, &attr, argv, environ) != 0)
        pid = -1;
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

static void *work(void *arg)
{
    return arg;
}

int leak_thread_attr(pthread_t *t, size_t stack)
{
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0)
        return -1;
    if (pthread_attr_setstacksize(&attr, stack) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'attr' initialised by pthread_attr_init() at line [[@LINE-4]] is not destroyed when returning here [leakcheck-leak]
    if (pthread_create(t, &attr, work, NULL) != 0) {
        pthread_attr_destroy(&attr);
        return -1;
    }
    pthread_attr_destroy(&attr);
    return 0;
}

int no_leak_mutex_attr(pthread_mutex_t *m)
{
    pthread_mutexattr_t ma;
    int r;
    if (pthread_mutexattr_init(&ma) != 0)
        return -1;
    r = pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    if (r == 0)
        r = pthread_mutex_init(m, &ma);
    pthread_mutexattr_destroy(&ma);
    return r;
}

int leak_cond_attr(pthread_cond_t *c, int shared)
{
    pthread_condattr_t ca;
    if (pthread_condattr_init(&ca) != 0)
        return -1;
    if (shared && pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED) != 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'ca' initialised by pthread_condattr_init() at line [[@LINE-4]] is not destroyed when returning here [leakcheck-leak]
    pthread_cond_init(c, &ca);
    pthread_condattr_destroy(&ca);
    return 0;
}
