// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A leak whose path jumps through a goto past every release of the handle
// is reported at that goto, with the exit as a note: nothing after the
// label uses the handle, and the function does release it on other paths.
// Where something after the label still uses the handle (a release under
// a condition), or where the function never releases it at all, the leak
// stays at the exit.

#include <stdlib.h>
#include <string.h>

struct fwd {
    char *host;
    char *path;
};

int register_fwd(struct fwd *f);

/* the label frees what was stored in the struct, not what is still in
   the locals when the early goto is taken */
int open_fwd(const char *in)
{
    struct fwd f;
    char *host, *path;
    int ret = -1;

    memset(&f, 0, sizeof(f));
    host = strdup(in);
    if (!host)
        return -1;
    path = strdup(in);
    if (!path)
        goto out;
    // CHECK: {{.*}}goto-past-every-release.c:[[@LINE-1]]:9: warning: 'host' allocated by strdup() at line [[@LINE-6]] is not freed when jumping to 'out' here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:12: note: 'host' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:9: note: taking the false branch of '!host'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of '!path'
    f.host = host;
    f.path = path;
    if (register_fwd(&f) != 0)
        goto out;
    return 0;
out:
    free(f.host);
    free(f.path);
    return ret;
    // CHECK-NEXT: {{.*}}.c:[[@LINE-1]]:5: note: 'host' still allocated when leaving 'open_fwd'
}

int open_fwd_ok(const char *in)
{
    struct fwd f;
    char *host, *path;
    int ret = -1;

    memset(&f, 0, sizeof(f));
    host = strdup(in);
    if (!host)
        return -1;
    f.host = host;
    path = strdup(in);
    if (!path)
        goto out;
    f.path = path;
    if (register_fwd(&f) != 0)
        goto out;
    return 0;
out:
    free(f.host);
    free(f.path);
    return ret;
}

/* falling off the end of a void function after the label */
void fill(char *dst, size_t n)
{
    char *tmp = malloc(n);

    if (!tmp)
        return;
    if (n < 2)
        goto done;
    // CHECK: {{.*}}goto-past-every-release.c:[[@LINE-1]]:9: warning: 'tmp' allocated by malloc() at line [[@LINE-6]] is not freed when jumping to 'done' here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:17: note: 'tmp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '!tmp'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of 'n < 2'
    memset(tmp, 0, n);
    memcpy(dst, tmp, n);
    free(tmp);
done:
    dst[0] = 0;
}
// CHECK-NEXT: {{.*}}.c:[[@LINE-1]]:1: note: 'tmp' still allocated when leaving 'fill'

/* the label frees under a condition the path does not meet: the leak is
   that condition's, so it stays at the return */
int conditional_release(int fail)
{
    char *p = malloc(8);
    int rc = 0;

    if (!p)
        return -1;
    if (fail) {
        rc = -1;
        goto out;
    }
    memset(p, 0, 8);
out:
    if (rc == 0)
        free(p);
    return rc;
    // CHECK: {{.*}}goto-past-every-release.c:[[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-14]] is not freed when returning here [leakcheck-leak]
}

/* never released anywhere: reported at the exit, once */
int never_released(int fail)
{
    char *p = malloc(8);

    if (!p)
        return -1;
    if (fail)
        goto out;
    memset(p, 0, 8);
out:
    return 0;
    // CHECK: {{.*}}goto-past-every-release.c:[[@LINE-1]]:5: warning: 'p' allocated by malloc() at line [[@LINE-9]] is not freed when returning here [leakcheck-leak]
}
