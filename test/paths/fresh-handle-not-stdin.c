// A stream fopen() just returned is never stdin: `if (file != stdin)
// fclose(file)` closes it on every path where it was opened.  (curl
// tool_getparam.c)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <string.h>

int read_arg(const char *name)
{
	FILE *file;
	int c;

	if (!strcmp(name, "-"))
		file = stdin;
	else
		file = fopen(name, "r");
	if (!file)
		return -1;
	c = fgetc(file);
	if (file != stdin)
		fclose(file);
	return c;
}

int closes_only_stdout(const char *name)
{
	FILE *file = fopen(name, "r");

	if (!file)
		return -1;
	if (file == stdout)
		fclose(file);
	return 0;
// CHECK: :[[@LINE-1]]:2: warning: 'file' opened by fopen() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
}
