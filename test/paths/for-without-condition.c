// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// `for (;;)` never falls out: code after it runs only through a `break`.
// tail_ok leaves the loop only by returns that close the stream, so the
// end of the function is unreachable and nothing is reported there;
// tail_bad has a `break` that reaches the end with the stream open.

#include <stdio.h>

int tail_ok(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;

    if (!fp)
        return -1;
    for (;;) {
        c = fgetc(fp);
        if (c == EOF) {
            fclose(fp);
            return 0;
        }
        if (c == 'q') {
            fclose(fp);
            return 1;
        }
    }
}

void tail_bad(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;

    if (!fp)
        return;
    for (;;) {
        c = fgetc(fp);
        if (c == EOF) {
            fclose(fp);
            return;
        }
        if (c == 'q')
            break;
    }
}
// CHECK: {{.*}}for-without-condition.c:[[@LINE-1]]:1: warning: 'fp' opened by fopen() at line [[@LINE-15]] is not closed at the end of the function [leakcheck-leak]
