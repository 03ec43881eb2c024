// The SARIF output is valid against the SARIF 2.1.0 JSON schema, for
// findings with and without path notes, and with no finding at all.
// REQUIRES: sarif-schema
// RUN: not %leakcheck --format=sarif --output %t.sarif %s --
// RUN: %sarif-validate %t.sarif | FileCheck %s
// RUN: %leakcheck --format=sarif --output %t-empty.sarif %S/../Inputs/clean.c --
// RUN: %sarif-validate %t-empty.sarif | FileCheck %s
// CHECK: valid SARIF 2.1.0
#include <stdlib.h>
#include <string.h>

int leaks(int x)
{
	char *p = malloc(4);

	if (p && x)
		return 1;
	free(p);
	strdup("discarded");
	return 0;
}
