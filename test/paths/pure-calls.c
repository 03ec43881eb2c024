// Pure functions (rule key `pure`, strcmp and friends): calling one again
// on the same unchanged arguments gives the same result, so the second
// test takes the branch the first one took.  Assigning an argument
// forgets the result.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <string.h>

int same_test_twice(const char *name)
{
    FILE *fp = stdin;
    int c, n = 0;
    if (strcmp(name, "-") != 0) {
        fp = fopen(name, "r");
        if (!fp)
            return -1;
    }
    while ((c = getc(fp)) != EOF)
        n += c == '\n';
    if (strcmp(name, "-") != 0)
        fclose(fp);
    return n;
}

int argument_changed(const char *name, const char *other)
{
    FILE *fp = stdin;
    int c, n = 0;
    if (strcmp(name, "-") != 0) {
        fp = fopen(name, "r");
        if (!fp)
            return -1;
    }
    name = other;               /* may be "-": fp would stay open */
    while ((c = getc(fp)) != EOF)
        n += c == '\n';
    if (strcmp(name, "-") != 0)
        fclose(fp);
    return n;
// CHECK: :[[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-10]] is not closed when returning here [leakcheck-leak]
}

int length_twice(const char *path)
{
    FILE *fp = NULL;
    if (strlen(path) > 4)
        fp = fopen(path, "r");
    if (fp == NULL)
        return -1;
    if (strlen(path) > 4)
        fclose(fp);
    return 0;
}
