// Calls whose return value is only a status (locks, out-parameter
// acquirers, freopen() on a standard stream) are not "discarded" when used
// as statements.
// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --implicit-check-not=warning:
// CHECK-NOT: leakcheck-discarded
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int n;

void no_discard_lock(void)
{
    pthread_mutex_lock(&m);
    n++;
    pthread_mutex_unlock(&m);
}

void no_discard_freopen_stdout(const char *path)
{
    freopen(path, "w", stdout);
}
