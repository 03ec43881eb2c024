// A function that stores a fresh resource through an out-parameter and
// says so in its result (0 on success, -1 on failure) is an acquirer of
// the out-parameter, like getaddrinfo().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

static int open_config(const char *path, FILE **out)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	*out = f;
	return 0;
}

int read_config(const char *path)
{
	FILE *cfg;
	char line[128];

	if (open_config(path, &cfg) != 0)
		return -1;     /* nothing opened */
	if (!fgets(line, sizeof(line), cfg))
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'cfg' opened by open_config() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
	fclose(cfg);
	return 0;
}

int read_config_ok(const char *path)
{
	FILE *cfg;
	int rc;

	rc = open_config(path, &cfg);
	if (rc < 0)
		return -1;
	fclose(cfg);
	return 0;
}
