// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A loop that opens and closes a stream in every iteration is silent; one
// whose `continue` skips the close loses a stream in that iteration, even
// though the variable is declared outside the loop.

#include <stdio.h>

int count_ok(const char **paths, int n)
{
    int total = 0;
    FILE *fp;

    for (int i = 0; i < n; i++) {
        fp = fopen(paths[i], "r");
        if (!fp)
            continue;
        while (fgetc(fp) != EOF)
            total++;
        fclose(fp);
    }
    return total;
}

int count_bad(const char **paths, int n)
{
    int total = 0;
    FILE *fp;

    for (int i = 0; i < n; i++) {
        fp = fopen(paths[i], "r");
        // CHECK: {{.*}}acquire-release-each-iteration.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-1]] is overwritten here before being closed [leakcheck-overwrite]
        if (!fp)
            continue;
        if (fgetc(fp) == '#')
            continue;
        while (fgetc(fp) != EOF)
            total++;
        fclose(fp);
    }
    return total;
    // CHECK: {{.*}}acquire-release-each-iteration.c:[[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-11]] is not closed when returning here [leakcheck-leak]
}
