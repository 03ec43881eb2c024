// A test of a copy teaches the same about the original: after
// `(B = A) == NULL` the later `A == NULL` goes the same way.  (zstd divsufsort.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int work(int *A, int n)
{
	int *B;

	if ((B = A) == NULL)
		B = malloc((size_t)n * sizeof(int));
	if (B == NULL)
		return -1;
	B[0] = 0;
	if (A == NULL)
		free(B);
	return 0;
}

int copy_then_test(int *A, int n)
{
	int *B = A;

	if (B == NULL)
		B = malloc((size_t)n * sizeof(int));
	if (B == NULL)
		return -1;
	if (A == NULL)
		free(B);
	return 0;
}

// The original changes after the copy: the tests no longer agree.
int original_changes(int *A, int n, int *other)
{
	int *B = A;

	if (B == NULL)
		B = malloc((size_t)n * sizeof(int));
	if (B == NULL)
		return -1;
	A = other;
	if (A == NULL)
		free(B);
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 'B' allocated by malloc() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
}
