/* fuzz_common.c - the temporary directory and quiet reports of the fuzz targets; see fuzz_common.h. */
#define _GNU_SOURCE
#include "fuzz_common.h"
#include "analyse/analyse.h"
#include "base/diag.h"
#include "report/report.h"
#include "summary/summary.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[4096];

/* Removes the files of tmpdir (there are no subdirectories), then tmpdir. */
static void remove_tmpdir(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	char path[4096 + 256];

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", tmpdir, de->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(tmpdir);
}

const char *fuzz_tmpdir(void)
{
	const char *base = getenv("TMPDIR");

	if (tmpdir[0])
		return tmpdir;
	snprintf(tmpdir, sizeof(tmpdir), "%s/leakcheck-fuzz.XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmpdir)) {
		perror("leakcheck fuzz: cannot make a temporary directory");
		abort();
	}
	atexit(remove_tmpdir);
	return tmpdir;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	static char path[4096 + 256];
	FILE *fp;
	bool ok;

	snprintf(path, sizeof(path), "%s/%s", fuzz_tmpdir(), name);
	fp = fopen(path, "wb");
	if (!fp) {
		perror(path);
		abort();
	}
	ok = fwrite(data, 1, size, fp) == size;
	if (fclose(fp) != 0 || !ok) {
		perror(path);
		abort();
	}
	return path;
}

void fuzz_quiet(void)
{
	static FILE *null;

	if (!null)
		null = fopen("/dev/null", "w");
	diag_capture(null);
}

void fuzz_analyse(struct ir_func **fns, size_t n, unsigned pick)
{
	static const struct report_opts formats[] = {
		{ .format = REPORT_GCC, .output = "/dev/null", .version = "fuzz", .color = 0 },
		{ .format = REPORT_JSON, .output = "/dev/null", .version = "fuzz", .color = 0 },
		{ .format = REPORT_SARIF, .output = "/dev/null", .version = "fuzz", .color = 0 },
	};
	struct analyse_opts opts = { .budget = 20000, .check_main = true, .guess = true,
				     .explain = true };
	struct analyse_stats stats = { 0 };
	struct summaries S;
	size_t i;

	if (report_open(&formats[pick % 3]) < 0)
		abort();
	summaries_init(&S, true);
	opts.summaries = &S;
	summaries_analyse_all(&S, (const struct ir_func *const *)fns, n, &opts, NULL, &stats);
	summaries_release(&S);
	report_flush();
	report_close();
	for (i = 0; i < n; i++)
		ir_func_free(fns[i]);
	free(fns);
}

void fuzz_load_rules(struct rules *r)
{
	rules_init(r);
	if (rules_load_dir(r, LEAKCHECK_FUZZ_RULES_DIR) < 0) {
		fprintf(stderr, "leakcheck fuzz: cannot load the rules of %s\n", LEAKCHECK_FUZZ_RULES_DIR);
		abort();
	}
}
