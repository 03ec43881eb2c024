// getline()/getdelim() allocate or grow *line, which stays allocated even
// when they return -1; in a loop the buffer carries over from call to call
// (no overwrite), and a buffer from malloc() moves into the grown one.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int count_lines(FILE *fp)
{
    char *line = NULL;
    size_t n = 0;
    int count = 0;
    while (getline(&line, &n, fp) != -1)
        count++;
    free(line);
    return count;
}

int leak_line(FILE *fp)
{
    char *line = NULL;
    size_t n = 0;
    int count = 0;
    while (getline(&line, &n, fp) != -1) {
        if (line[0] == '#')
            return -1;
// CHECK: :[[@LINE-1]]:13: warning: 'line' allocated by getline() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
        count++;
    }
    free(line);
    return count;
}

int leak_on_failure(FILE *fp)
{
    char *line = NULL;
    size_t n = 0;
    if (getline(&line, &n, fp) < 0)
        return -1;              /* the buffer is allocated even on failure */
// CHECK: :[[@LINE-1]]:9: warning: 'line' allocated by getline() at line [[@LINE-2]] is not freed when returning here [leakcheck-leak]
    puts(line);
    free(line);
    return 0;
}

char *first_line(FILE *fp)
{
    char *line = NULL;
    size_t n = 0;
    if (getdelim(&line, &n, '\n', fp) < 0) {
        free(line);
        return NULL;
    }
    return line;
}

int preallocated(FILE *fp)
{
    size_t n = 128;
    char *line = malloc(n);
    if (!line)
        return -1;
    while (getline(&line, &n, fp) > 0)
        fputs(line, stdout);
    free(line);
    return 0;
}
