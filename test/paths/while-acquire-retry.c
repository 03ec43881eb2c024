// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// The acquisition is the loop condition: `while ((fp = fopen(..)) == NULL)`
// runs its body only when the open failed, so the body holds nothing and
// the loop is left holding the stream.

#include <stdio.h>
#include <unistd.h>

int wait_ok(const char *path)
{
    FILE *fp;
    int tries = 0;
    int c;

    while ((fp = fopen(path, "r")) == NULL) {
        if (++tries > 5)
            return -1;
        sleep(1);
    }
    c = fgetc(fp);
    fclose(fp);
    return c;
}

int wait_bad(const char *path)
{
    FILE *fp;
    int tries = 0;
    int c;

    while ((fp = fopen(path, "r")) == NULL) {
        if (++tries > 5)
            return -1;
        sleep(1);
    }
    c = fgetc(fp);
    if (c == EOF)
        return -1;
    // CHECK: {{.*}}while-acquire-retry.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-8]] is not closed when returning here [leakcheck-leak]
    // CHECK-NEXT: {{.*}}.c:[[@LINE-9]]:18: note: 'fp' acquired here
    // CHECK-NEXT: {{.*}}.c:[[@LINE-10]]:12: note: taking the false branch of '(fp = fopen(path, "r")) == NULL'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: taking the true branch of 'c == EOF'
    // CHECK-NEXT: {{.*}}.c:[[@LINE-5]]:9: note: 'fp' still open when leaving 'wait_bad'
    fclose(fp);
    return c;
}
