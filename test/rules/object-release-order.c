// Releases and objects: a call releasing both a handle and the object it
// points to (fclose(fp) after flockfile(fp)) releases each kind it is an
// entry for and nothing else; a release of an object the function has not
// taken yet (unlock, wait, relock: its caller holds the lock) does nothing;
// a temporary file named by s->path goes along when s is handed on.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int closed_while_locked(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    flockfile(fp);
    if (fgetc(fp) == EOF) {
        funlockfile(fp);
        fclose(fp);
        return -1;
    }
    funlockfile(fp);
    return fclose(fp);
}

int unlocked_stream_left_open(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    flockfile(fp);
    funlockfile(fp);
    return 0;
// CHECK: :[[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
}

struct pool {
    pthread_mutex_t lock;
    int busy;
};

void wait_unlocked(struct pool *p, pthread_t t)
{
    /* called with p->lock held; gives it up while joining */
    pthread_mutex_unlock(&p->lock);
    pthread_join(t, NULL);
    pthread_mutex_lock(&p->lock);
    p->busy = 0;
}

struct job {
    char path[64];
    int fd;
};

void job_cleanup(struct job *j);

int job_start(struct job *j, int fail)
{
    j->fd = mkstemp(j->path);
    if (j->fd < 0)
        return -1;
    if (fail) {
        close(j->fd);
        unlink(j->path);
        return -1;
    }
    job_cleanup(j);             /* removes the file, or keeps it for later */
    return 0;
}
