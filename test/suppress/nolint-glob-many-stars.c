// A NOLINT pattern is matched in time bounded by its length times the
// flag's, however many '*' it has (found by fuzz_lower: forty stars took
// minutes).  "leakcheck-****...****leak" matches leakcheck-leak and
// suppresses; "****...****x" matches no flag and the finding is reported.
// The timeout only guards against the old exponential matching.
// RUN: not timeout 60 %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int matches(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(leakcheck-****************************************leak)
}

int no_match(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(****************************************x)
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}

int star_then_tail(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(*-leak)
}

int tail_differs(int x)
{
	char *p = malloc(4);
	if (!p)
		return -1;
	return x; // NOLINT(*-leaks)
// CHECK: [[@LINE-1]]:2: warning: 'p' allocated by malloc() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
}
