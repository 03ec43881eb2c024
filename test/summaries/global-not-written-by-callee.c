// A global tested twice decides both tests the same way when nothing in
// between may write it: no store, and no call whose summary (its own
// writes and its callees') or C library declaration says it may.  A call
// that writes it, or one through a pointer, makes the second test open.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <string.h>

struct config {
    int num_threads;
    pthread_mutex_t lock;
} config;
static int counter;
static void (*hook)(void);

static void bump(void) { counter++; }
static void set_threads(int n) { config.num_threads = n; }

void no_leak_untouched(const char *s)
{
    if (config.num_threads)
        pthread_mutex_lock(&config.lock);
    bump();
    counter += (int)strlen(s);
    if (config.num_threads)
        pthread_mutex_unlock(&config.lock);
}

void leak_written_by_callee(void)
{
    if (config.num_threads)
        pthread_mutex_lock(&config.lock);
    set_threads(3);
    if (config.num_threads)
        pthread_mutex_unlock(&config.lock);
}
// CHECK: [[@LINE-1]]:1: warning: 'config.lock' locked by pthread_mutex_lock() at line [[@LINE-5]] is not unlocked at the end of the function [leakcheck-leak]

void leak_call_through_pointer(void)
{
    if (config.num_threads)
        pthread_mutex_lock(&config.lock);
    hook();
    if (config.num_threads)
        pthread_mutex_unlock(&config.lock);
}
// CHECK: [[@LINE-1]]:1: warning: 'config.lock' locked by pthread_mutex_lock() at line [[@LINE-5]] is not unlocked at the end of the function [leakcheck-leak]
