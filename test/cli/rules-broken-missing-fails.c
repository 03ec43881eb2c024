// A broken rules file, missing-fails.yml (see test/Inputs/rules-broken/README),
// stops leakcheck before any analysis: exactly one error line on stderr,
// no findings, exit status 2.
// RUN: not %leakcheck --rules %S/../Inputs/rules-broken/missing-fails.yml %s -- > %t.out 2> %t.err
// RUN: FileCheck %s -DFILE=%S/../Inputs/rules-broken/missing-fails.yml --implicit-check-not=error: < %t.err
// RUN: FileCheck %s --check-prefix=OUT --allow-empty < %t.out
// CHECK: {{^}}[[FILE]]:9:9: error: missing required key 'fails' (needed when the handle is not the return value)
// OUT-NOT: {{.}}
#include <stdlib.h>

int leaky(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    return 0;
}
