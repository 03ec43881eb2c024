// RUN: not %leakcheck --check-main %s -- | FileCheck %s --implicit-check-not=warning:
//
// With --check-main, the exits of main() are checked like those of any
// other function (main-not-checked.c: without it, they are not).

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    char *buf = malloc(256);
    FILE *fp;

    if (!buf)
        return 1;
    if (argc < 2)
        return 2;
    // CHECK: {{.*}}main-with-check-main.c:[[@LINE-1]]:9: warning: 'buf' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    fp = fopen(argv[1], "r");
    if (!fp)
        return 1;
    // CHECK: {{.*}}main-with-check-main.c:[[@LINE-1]]:9: warning: 'buf' allocated by malloc() at line [[@LINE-11]] is not freed when returning here [leakcheck-leak]
    if (fgets(buf, 256, fp))
        fputs(buf, stdout);
}
// CHECK: {{.*}}main-with-check-main.c:[[@LINE-1]]:1: warning: 'buf' allocated by malloc() at line [[@LINE-15]] is not freed at the end of the function [leakcheck-leak]
// CHECK: {{.*}}main-with-check-main.c:[[@LINE-2]]:1: warning: 'fp' opened by fopen() at line [[@LINE-8]] is not closed at the end of the function [leakcheck-leak]
