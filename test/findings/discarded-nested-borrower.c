// An acquiring call whose result only goes to a borrower is thrown away
// after it: strlen(strdup(s)) leaks the copy.  Reported at the acquiring
// call.  Passing the result to free() or to an unknown function, or
// returning it, is fine.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void keep(char *s);

size_t discard_into_strlen(const char *s)
{
    return strlen(strdup(s));
// CHECK: [[@LINE-1]]:19: warning: result of strdup() is discarded; what it allocated is never freed [leakcheck-discarded]
}

void discard_into_borrower_statement(const char *s)
{
    puts(strdup(s));
// CHECK: [[@LINE-1]]:10: warning: result of strdup() is discarded; what it allocated is never freed [leakcheck-discarded]
}

void no_discard_freed(const char *s)
{
    free(strdup(s));
}

void no_discard_unknown(const char *s)
{
    keep(strdup(s));
}

char *no_discard_returned(const char *s)
{
    return strdup(s);
}
