/* A unit for the result-cache tests (test/cli/cache-*.test): acquisitions of
   several shapes, branches, a switch, a loop and a goto. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct rec { int n; char *name; };

int copy(const char *from, const char *to, int verbose)
{
	FILE *in = fopen(from, "r");
	FILE *out;
	char *buf = malloc(64);
	int fds[2];

	if (!in)
		return -1;
	out = fopen(to, "w");
	if (!out || !buf)
		goto fail;
	if (pipe(fds) < 0)
		goto fail;
	while (fgets(buf, 64, in)) {
		switch (buf[0]) {
		case '#':
			continue;
		default:
			fputs(buf, out);
		}
	}
	if (verbose)
		return 1;
	close(fds[0]);
	close(fds[1]);
	free(buf);
	fclose(out);
	fclose(in);
	return 0;
fail:
	free(buf);
	fclose(in);
	return -1;
}
