// A broken rules file, syntax.yml (see test/Inputs/rules-broken/README),
// stops leakcheck before any analysis: exactly one error line on stderr,
// no findings, exit status 2.
// RUN: not %leakcheck --rules %S/../Inputs/rules-broken/syntax.yml %s -- > %t.out 2> %t.err
// RUN: FileCheck %s -DFILE=%S/../Inputs/rules-broken/syntax.yml --implicit-check-not=error: < %t.err
// RUN: FileCheck %s --check-prefix=OUT --allow-empty < %t.out
// CHECK: {{^}}[[FILE]]:6:12: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 5)
// OUT-NOT: {{.}}
#include <stdlib.h>

int leaky(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    return 0;
}
