// realpath(path, buf) and fgets(buf, n, fp) return their buffer, or NULL
// when they fail (returns-arg-or-null): a non-NULL result is the buffer
// (freeing it frees the buffer), a NULL one says nothing of the buffer,
// which is still allocated.  (jq util.c jq_realpath)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int use(const char *s);

int no_leak_free_result(const char *path)
{
    char *buf = malloc(PATH_MAX);
    char *tmp = realpath(path, buf);
    if (tmp == NULL) {
        free(buf);
        return -1;
    }
    use(tmp);
    free(tmp);
    return 0;
}

int leak_on_failure(const char *path)
{
    char *buf = malloc(PATH_MAX);
    char *tmp = realpath(path, buf);
    if (tmp == NULL)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'buf' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    free(tmp);
    return 0;
}

// The buffer is not NULL when the result is not: malloc's failure is ruled out.
char *no_leak_line_returned(FILE *fp)
{
    char *line = malloc(128), *got;
    if ((got = fgets(line, 128, fp)) != NULL)
        return got;
    free(line);
    return NULL;
}

int leak_line_at_end(FILE *fp)
{
    char *line = malloc(128);
    if (line == NULL)
        return -1;
    while (fgets(line, 128, fp) != NULL)
        use(line);
    return 0;
// CHECK: [[@LINE-1]]:5: warning: 'line' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}
