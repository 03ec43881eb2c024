// A callee given &v may store a new value in v (openssh's xasprintf(&s)):
// what v held before is handed over, and the new value is not the old
// handle, so freeing it again later is no double release.  A callee that
// frees what *out held and stores a fresh one is not an overwrite either.
// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --implicit-check-not=warning:
// CHECK-NOT: warning
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fmt_into(char **out, const char *a);      /* no body: unknown */

static void replace(char **namep, const char *with)
{
	free(*namep);
	*namep = strdup(with);
}

void rebuilt(const char *a)
{
	char *command = strdup(a);

	free(command);
	fmt_into(&command, a);
	free(command);
}

void follow(const char *with)
{
	char *host = strdup("x");

	if (!host)
		return;
	replace(&host, with);
	free(host);
}
