// A switch on a constant (a configuration macro) takes only its matching
// case, whether the default comes before or after it; with no match it
// takes the default.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

#define MODE 2

int no_leak_matching_case(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    switch (MODE) {
    case 1:
        return 1;
    case 2:
        free(p);
        return 0;
    default:
        return 3;
    }
}

int no_leak_default_first(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    switch (MODE) {
    default:
        return 3;
    case 2:
        free(p);
        return 0;
    }
}

int leak_in_matching_case(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    switch (MODE) {
    case 2:
        return 2;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    default:
        free(p);
        return 0;
    }
}

int leak_in_default(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    switch (MODE + 5) {
    case 2:
        free(p);
        return 0;
    default:
        return 3;
// CHECK: [[@LINE-1]]:9: warning: 'p' allocated by malloc() at line [[@LINE-9]] is not freed when returning here [leakcheck-leak]
    }
}
