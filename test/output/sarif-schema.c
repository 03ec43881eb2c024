// The SARIF output is valid against the SARIF 2.1.0 JSON schema, for
// findings with and without path notes, with no finding at all, with
// errors and functions not fully analysed (notifications of the
// invocation, the same error twice only once), and for a run stopped by
// broken rules.
// REQUIRES: sarif-schema
// RUN: not %leakcheck --format=sarif --output %t.sarif %s --
// RUN: %sarif-validate %t.sarif | FileCheck %s
// RUN: %leakcheck --format=sarif --output %t-empty.sarif %S/../Inputs/clean.c --
// RUN: %sarif-validate %t-empty.sarif | FileCheck %s
// RUN: rm -rf %t.dir && mkdir %t.dir && printf 'int h(void) { return }\n' > %t.dir/h.h
// RUN: printf '#include "h.h"\n' > %t.dir/a.c && printf '#include "h.h"\n' > %t.dir/b.c
// RUN: not %leakcheck --format=sarif --output %t-errors.sarif --budget 2 %s %t.dir/a.c %t.dir/b.c %t.dir/missing.c -- 2>/dev/null
// RUN: %sarif-validate %t-errors.sarif | FileCheck %s
// RUN: FileCheck %s --check-prefix=ERRORS < %t-errors.sarif
// RUN: not %leakcheck --format=sarif --output %t-aborted.sarif --rules %t.dir/missing.yml %s -- 2>/dev/null
// RUN: %sarif-validate %t-aborted.sarif | FileCheck %s
// RUN: grep -c '"text": "expected expression"' %t-errors.sarif | FileCheck %s --check-prefix=ONCE
// ERRORS: "executionSuccessful": false,
// ERRORS: "text": "'leaks' is not fully analysed: its budget of states (--budget) ran out"
// ONCE: {{^}}1{{$}}
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
