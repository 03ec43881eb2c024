// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// Six resources and six stacked cleanup labels in one long function.  In
// setup_bad a single failure in the middle jumps one label too far and
// skips closing the log descriptor (reported at that goto); everything
// else is right and must stay silent.

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct ctx {
    pthread_mutex_t lock;
    int ready;
};

int setup_ok(struct ctx *cx, const char *dir, const char *cfg, const char *log)
{
    int rc = -1;
    char *name;
    DIR *d;
    FILE *conf;
    int logfd;
    int p[2];

    pthread_mutex_lock(&cx->lock);
    name = malloc(256);
    if (!name)
        goto unlock;
    d = opendir(dir);
    if (!d)
        goto free_name;
    conf = fopen(cfg, "r");
    if (!conf)
        goto close_dir;
    logfd = open(log, O_WRONLY | O_APPEND);
    if (logfd < 0)
        goto close_conf;
    if (pipe(p) < 0)
        goto close_log;
    if (!fgets(name, 256, conf))
        goto close_pipe;
    if (write(logfd, name, 1) != 1)
        goto close_pipe;
    if (!readdir(d))
        goto close_pipe;
    cx->ready = 1;
    rc = 0;
close_pipe:
    close(p[0]);
    close(p[1]);
close_log:
    close(logfd);
close_conf:
    fclose(conf);
close_dir:
    closedir(d);
free_name:
    free(name);
unlock:
    pthread_mutex_unlock(&cx->lock);
    return rc;
}

int setup_bad(struct ctx *cx, const char *dir, const char *cfg, const char *log)
{
    int rc = -1;
    char *name;
    DIR *d;
    FILE *conf;
    int logfd;
    int p[2];

    pthread_mutex_lock(&cx->lock);
    name = malloc(256);
    if (!name)
        goto unlock;
    d = opendir(dir);
    if (!d)
        goto free_name;
    conf = fopen(cfg, "r");
    if (!conf)
        goto close_dir;
    logfd = open(log, O_WRONLY | O_APPEND);
    if (logfd < 0)
        goto close_conf;
    if (pipe(p) < 0)
        goto close_conf;        /* should be close_log */
    // CHECK: {{.*}}long-function-many-labels.c:[[@LINE-1]]:9: warning: 'logfd' opened by open() at line [[@LINE-5]] is not closed when jumping to 'close_conf' here [leakcheck-leak]
    if (!fgets(name, 256, conf))
        goto close_pipe;
    if (write(logfd, name, 1) != 1)
        goto close_pipe;
    if (!readdir(d))
        goto close_pipe;
    cx->ready = 1;
    rc = 0;
close_pipe:
    close(p[0]);
    close(p[1]);
close_log:
    close(logfd);
close_conf:
    fclose(conf);
close_dir:
    closedir(d);
free_name:
    free(name);
unlock:
    pthread_mutex_unlock(&cx->lock);
    return rc;
}
