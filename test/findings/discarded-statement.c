// An acquiring call used as a statement throws its handle away: reported
// at the call.  A stored and released result is fine.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

void discard_malloc(void)
{
    malloc(10);
// CHECK: [[@LINE-1]]:5: warning: result of malloc() is discarded; what it allocated is never freed [leakcheck-discarded]
}

void discard_fopen(const char *path)
{
    fopen(path, "w");
// CHECK: [[@LINE-1]]:5: warning: result of fopen() is discarded; what it opened is never closed [leakcheck-discarded]
}

void discard_cast_to_void(void)
{
    (void)malloc(10);
// CHECK: [[@LINE-1]]:11: warning: result of malloc() is discarded; what it allocated is never freed [leakcheck-discarded]
}

void no_discard_stored(void)
{
    char *p = malloc(10);
    free(p);
}
