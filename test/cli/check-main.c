// By default what main() still holds at its exits is not reported (the
// process releases it); --check-main reports it like any function.
// RUN: %leakcheck %s -- | FileCheck %s --check-prefix=DEFAULT --allow-empty --implicit-check-not=warning:
// RUN: not %leakcheck --check-main %s -- | FileCheck %s --implicit-check-not=warning:
// DEFAULT-NOT: leakcheck-leak
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *fp;
    if (argc < 2)
        return 2;
    fp = fopen(argv[1], "r");
    if (!fp)
        return 1;
    return fgetc(fp) == EOF;
// CHECK: [[@LINE-1]]:5: warning: 'fp' opened by fopen() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}
