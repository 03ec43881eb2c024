// strndup() allocates the copy it returns; free() releases it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

size_t leak_strndup(const char *s, size_t n)
{
    char *head = strndup(s, n);
    if (!head)
        return 0;
    return strlen(head);
// CHECK: [[@LINE-1]]:5: warning: 'head' allocated by strndup() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

size_t no_leak_strndup(const char *s, size_t n)
{
    char *head = strndup(s, n);
    size_t len;
    if (!head)
        return 0;
    len = strlen(head);
    free(head);
    return len;
}
