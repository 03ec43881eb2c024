// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A leak eight levels deep (ifs and loops): the path notes list every test
// on the way, in order, from the acquisition to the return.

#include <stdio.h>
#include <stdlib.h>

int deep_ok(int a, int b, int c, int d, const char *path)
{
    FILE *fp = fopen(path, "r");

    if (!fp)
        return -1;
    if (a) {
        for (int i = 0; i < b; i++) {
            if (c) {
                while (d > 0) {
                    if (fgetc(fp) == EOF) {
                        if (b > 3) {
                            if (d == 1) {
                                if (a > c) {
                                    fclose(fp);
                                    return 1;
                                }
                            }
                        }
                    }
                    d--;
                }
            }
        }
    }
    fclose(fp);
    return 0;
}

int deep_bad(int a, int b, int c, int d, const char *path)
{
    FILE *fp = fopen(path, "r");

    if (!fp)
        return -1;
    if (a) {
        for (int i = 0; i < b; i++) {
            if (c) {
                while (d > 0) {
                    if (fgetc(fp) == EOF) {
                        if (b > 3) {
                            if (d == 1) {
                                if (a > c)
                                    return 1;
                                // CHECK: {{.*}}deep-nesting.c:[[@LINE-1]]:37: warning: 'fp' opened by fopen() at line [[@LINE-13]] is not closed when returning here [leakcheck-leak]
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-14]]:16: note: 'fp' acquired here
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-13]]:9: note: taking the false branch of '!fp'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:9: note: taking the true branch of 'a'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:25: note: taking the true branch of 'i < b'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:17: note: taking the true branch of 'c'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:24: note: taking the true branch of 'd > 0'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:25: note: taking the true branch of 'fgetc(fp) == EOF'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:29: note: taking the true branch of 'b > 3'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:33: note: taking the true branch of 'd == 1'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:37: note: taking the true branch of 'a > c'
                                // CHECK-NEXT: {{.*}}.c:[[@LINE-12]]:37: note: 'fp' still open when leaving 'deep_bad'
                            }
                        }
                    }
                    d--;
                }
            }
        }
    }
    fclose(fp);
    return 0;
}
