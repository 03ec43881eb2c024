// The C library functions that keep a pointer beyond the call (rules/libc.yml:
// putenv, setvbuf, pthread_create's argument, tsearch, openlog...) take it
// over; the caller owes nothing after handing it on.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

int no_leak_putenv(const char *kv)
{
    char *s = strdup(kv);
    if (!s)
        return -1;
    return putenv(s);
}

int no_leak_setvbuf(FILE *fp)
{
    char *buf = malloc(BUFSIZ);
    if (!buf)
        return -1;
    return setvbuf(fp, buf, _IOFBF, BUFSIZ);
}

static void *worker(void *arg)
{
    free(arg);
    return NULL;
}

int no_leak_thread_argument(pthread_t *t)
{
    int *n = malloc(sizeof *n);
    if (!n)
        return -1;
    *n = 1;
    if (pthread_create(t, NULL, worker, n) != 0) {
        free(n);
        return -1;
    }
    return 0;
}

int leak_thread_not_started(pthread_t *t, int skip)
{
    int *n = malloc(sizeof *n);
    if (!n)
        return -1;
    if (skip)
        return 0;
// CHECK: [[@LINE-1]]:9: warning: 'n' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    return pthread_create(t, NULL, worker, n);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(a, b);
}

int no_leak_tsearch(void **root, const char *word)
{
    char *key = strdup(word);
    if (!key)
        return -1;
    if (tsearch(key, root, cmp) == NULL) {
        free(key);
        return -1;
    }
    return 0;
}

void no_leak_openlog(const char *name)
{
    char *ident = strdup(name);
    if (!ident)
        return;
    openlog(ident, LOG_PID, LOG_DAEMON);
}
