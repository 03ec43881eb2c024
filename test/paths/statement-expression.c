// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// GNU statement expressions.  The value of `({ ...; f_; })` is the handle
// held by its block-local f_: it passes to the variable it initialises,
// so f_ going out of scope loses nothing.  A block-local that is not the
// value is lost at the closing `}` of the statement expression.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPEN_OR_WARN(path) ({ FILE *f_ = fopen((path), "r"); if (!f_) perror(path); f_; })

int first_ok(const char *path)
{
    FILE *fp = OPEN_OR_WARN(path);
    int c;

    if (!fp)
        return -1;
    c = fgetc(fp);
    fclose(fp);
    return c;
}

int first_bad(const char *path)
{
    FILE *fp = ({ FILE *f_ = fopen(path, "r"); f_; });

    if (!fp)
        return -1;
    if (fgetc(fp) == EOF)
        return -1;
    // CHECK: {{.*}}statement-expression.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
    fclose(fp);
    return 0;
}

size_t len_ok(const char *s)
{
    return ({ char *t_ = strdup(s); size_t n_ = t_ ? strlen(t_) : 0; free(t_); n_; });
}

size_t len_bad(const char *s)
{
    return ({ char *t_ = strdup(s); size_t n_ = t_ ? strlen(t_) : 0; n_; });
    // CHECK: {{.*}}statement-expression.c:[[@LINE-1]]:74: warning: 't_' allocated by strdup() at line [[@LINE-1]] is not freed when it goes out of scope here [leakcheck-leak]
}
