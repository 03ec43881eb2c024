// Compiler warnings are not leakcheck's to print: gcc-only -W flags from a
// build (unknown to clang) and warnings in the code say nothing on stderr.
// RUN: %leakcheck %s -- -Wjump-misses-init -Wlogical-op -Wall -Werror 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// CHECK-NOT: {{.}}
int unused_and_fine(void)
{
	int x;
	return 0;
}
