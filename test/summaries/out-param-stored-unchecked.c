// *fh = fopen(..) stored before it is checked may store NULL: the function
// is no acquirer that never fails.  Its callers stay silent when they
// close on success only.  (curl Curl_fopen)
// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --implicit-check-not=warning:
// CHECK-NOT: warning
#include <stdio.h>

static int open_out(const char *name, FILE **fh)
{
	*fh = fopen(name, "w");
	if (!*fh)
		return -1;
	return 0;
}

int save(const char *name)
{
	FILE *out;
	int result = open_out(name, &out);

	if (!result) {
		fputs("x\n", out);
		fclose(out);
	}
	return result;
}
