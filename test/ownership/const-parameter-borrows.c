// An unknown function whose parameter is `const T *` only reads through it
// (nothing frees through a const pointer without a cast: clang's analyzer
// keeps tracking such a pointer too).  A non-const parameter may take it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct config;
void log_text(const char *text);
int config_check(const struct config *c);
void queue_push(char *item);
void queue_push_all(char *const *items);

int leak_after_const_call(size_t n, int fail)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    log_text(p);
    if (fail)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    free(p);
    return 0;
}

int leak_struct_after_const_call(struct config *(*make)(void))
{
    struct config *c = calloc(1, 64);
    if (!c)
        return -1;
    if (config_check(c) < 0)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'c' allocated by calloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    free(c);
    return 0;
}

int no_leak_non_const(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    queue_push(p);
    return 0;
}

// &p as `char *const *`: the callee cannot change p, so p is still held.
int leak_address_as_const(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    queue_push_all(&p);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

// Through a function pointer, the pointer's parameter types decide.
int leak_through_const_pointer(void (*show)(const char *), size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    show(p);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int no_leak_through_pointer(void (*take)(char *), size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    take(p);
    return 0;
}

// A body anywhere wins over the parameter's type: this one frees its
// argument (through a cast).
static void destroy(const char *s)
{
    free((char *)s);
}

int no_leak_body_frees(size_t n)
{
    char *p = malloc(n);
    if (!p)
        return -1;
    destroy(p);
    return 0;
}
