// pthread_create(t, attr, fn, ctx) keeps ctx for the new thread only when
// it returns 0 (rules/libc.yml: { call: pthread_create, keeps: 4, on: zero }):
// when it fails the thread never runs, so the caller still owns ctx and
// must free it.  Unchecked, or returned to the caller, ctx is taken as kept.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// The same from a warm cache (the call's IR is stored and read back):
// RUN: rm -rf %t && not %leakcheck --cache-dir %t %s -- > /dev/null
// RUN: not %leakcheck --cache-dir %t %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-ir %s -- 2>/dev/null | FileCheck %s --check-prefix=IR
// IR: 39:5 call (rule) pthread_create(_, _, _, ctx) -> rc (keeps arg 4 on success)
#include <pthread.h>
#include <stdlib.h>

struct job { int n; };

static void *worker(void *arg)
{
    free(arg);
    return NULL;
}

int leak_when_not_started(pthread_t *t)
{
    struct job *ctx = malloc(sizeof *ctx);
    if (!ctx)
        return -1;
    if (pthread_create(t, NULL, worker, ctx) != 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'ctx' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    return 0;
}

int leak_when_status_stored(pthread_t *t)
{
    struct job *ctx = malloc(sizeof *ctx);
    int rc;
    if (!ctx)
        return -1;
    rc = pthread_create(t, NULL, worker, ctx);
    if (rc)
        return rc;
// CHECK: [[@LINE-1]]:9: warning: 'ctx' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    return 0;
}

int freed_when_not_started(pthread_t *t)
{
    struct job *ctx = malloc(sizeof *ctx);
    if (!ctx)
        return -1;
    if (pthread_create(t, NULL, worker, ctx) != 0) {
        free(ctx);
        return -1;
    }
    return 0;
}

int started_then_nothing_to_free(pthread_t *t)
{
    struct job *ctx = malloc(sizeof *ctx);
    int rc;
    if (!ctx)
        return -1;
    rc = pthread_create(t, NULL, worker, ctx);
    if (rc == 0)
        return 0;
    free(ctx);
    return rc;
}

void unchecked(pthread_t *t)
{
    struct job *ctx = malloc(sizeof *ctx);
    if (!ctx)
        return;
    pthread_create(t, NULL, worker, ctx);
}

int result_returned(pthread_t *t)
{
    struct job *ctx = malloc(sizeof *ctx);
    if (!ctx)
        return -1;
    return pthread_create(t, NULL, worker, ctx);
}

int cast_argument(pthread_t *t)
{
    struct job *ctx = malloc(sizeof *ctx);
    if (!ctx)
        return -1;
    if (pthread_create(t, NULL, worker, (void *)ctx) != 0) {
        free(ctx);
        return -1;
    }
    return 0;
}
