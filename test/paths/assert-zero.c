// RUN: %leakcheck %s -- | FileCheck %s --check-prefix=ASSERT --allow-empty --implicit-check-not=warning:
// RUN: not %leakcheck %s -- -DNDEBUG | FileCheck %s --check-prefix=NDEBUG --implicit-check-not=warning:
//
// assert(0) never returns unless NDEBUG is defined; then it is ((void)0)
// and the `return` after it is reached with the stream open.
// ASSERT-NOT: warning:

#include <assert.h>
#include <stdio.h>

int kind_of(int k, const char *path)
{
    FILE *fp = fopen(path, "r");

    if (!fp)
        return -1;
    switch (k) {
    case 0:
        fclose(fp);
        return 0;
    case 1:
        fclose(fp);
        return 1;
    default:
        assert(0 && "bad kind");
        return -1;
        // NDEBUG: {{.*}}assert-zero.c:[[@LINE-1]]:9: warning: 'fp' opened by fopen() at line [[@LINE-14]] is not closed when returning here [leakcheck-leak]
    }
}
