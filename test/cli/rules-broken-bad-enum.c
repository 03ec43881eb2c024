// A broken rules file, bad-enum.yml (see test/Inputs/rules-broken/README),
// stops leakcheck before any analysis: exactly one error line on stderr,
// no findings, exit status 2.
// RUN: not %leakcheck --rules %S/../Inputs/rules-broken/bad-enum.yml %s -- > %t.out 2> %t.err
// RUN: FileCheck %s -DFILE=%S/../Inputs/rules-broken/bad-enum.yml --implicit-check-not=error: < %t.err
// RUN: FileCheck %s --check-prefix=OUT --allow-empty < %t.out
// CHECK: {{^}}[[FILE]]:8:36: error: invalid 'fails' value 'zero' (expected null, negative, non-positive, nonzero, map-failed, never or held)
// OUT-NOT: {{.}}
#include <stdlib.h>

int leaky(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    return 0;
}
