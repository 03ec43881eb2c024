// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// The same variable lost at the same statement, whatever line acquired
// it, is one finding: the earliest acquisition leads with its path, and
// each other one is a note "also acquired here".  Different variables
// lost at one statement stay separate findings; the twins are silent.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void set_opt(int k, const char *v)
{
    char *opt;

    if (k == 1)
        opt = strdup(v);
    else if (k == 2)
        opt = malloc(8);
    else
        opt = strdup("default");
    opt = strdup(v);
    // CHECK: {{.*}}merged-acquisitions.c:[[@LINE-1]]:5: warning: 'opt' allocated by strdup() at line [[@LINE-6]] is overwritten here before being freed [leakcheck-overwrite]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-7]]:15: note: 'opt' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:15: note: 'opt' also acquired here by malloc()
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:15: note: 'opt' also acquired here by strdup()
    free(opt);
}

void set_opt_ok(int k, const char *v)
{
    char *opt;

    if (k == 1)
        opt = strdup(v);
    else
        opt = strdup("default");
    free(opt);
    opt = strdup(v);
    free(opt);
}

int pick(int k)
{
    char *buf;

    if (k)
        buf = malloc(16);
    else
        buf = calloc(1, 16);
    if (!buf)
        return -1;
    if (getchar() == 'q')
        return 1;
    // CHECK: {{.*}}merged-acquisitions.c:[[@LINE-1]]:9: warning: 'buf' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-8]]:15: note: 'buf' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-6]]:9: note: taking the false branch of '!buf'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of 'getchar() == 'q''
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'buf' still allocated when leaving 'pick'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:15: note: 'buf' also acquired here by calloc()
    free(buf);
    return 0;
}

int two_vars(const char *path)
{
    FILE *in = fopen(path, "r");
    FILE *out = fopen(path, "a");

    if (!in || !out)
        return -1;
    // CHECK: {{.*}}merged-acquisitions.c:[[@LINE-1]]:9: warning: 'in' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    // CHECK: {{.*}}merged-acquisitions.c:[[@LINE-2]]:9: warning: 'out' opened by fopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    fclose(in);
    fclose(out);
    return 0;
}
