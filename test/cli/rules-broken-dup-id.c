// Two files of a rules directory defining the same resource id: one error
// at the second definition, naming the first; nothing analysed, exit 2.
// RUN: not %leakcheck --rules-dir %S/../Inputs/rules-broken/dup-id %s -- > %t.out 2> %t.err
// RUN: FileCheck %s -DDIR=%S/../Inputs/rules-broken/dup-id --implicit-check-not=error: < %t.err
// RUN: FileCheck %s --check-prefix=OUT --allow-empty < %t.out
// CHECK: {{^}}[[DIR]]/b.yml:3:9: error: duplicate resource id 'thing' (first defined at [[DIR]]/a.yml:3)
// OUT-NOT: {{.}}
#include <stdlib.h>

int leaky(void)
{
    char *p = malloc(4);
    if (!p)
        return -1;
    return 0;
}
