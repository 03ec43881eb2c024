/*
 * main.c - command-line options; the work is done by driver_run(), the
 * output is set up by report_open() and finished by report_close().
 *
 * argv is split at the first "--" before getopt_long() sees it, so that
 * the compiler arguments after it are never permuted or taken for ours.
 */
#define _GNU_SOURCE

#include "front/driver.h"
#include "lsp/lsp.h"
#include "base/diag.h"
#include "report/report.h"
#include "base/util.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <ctype.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#ifndef LEAKCHECK_VERSION
#define LEAKCHECK_VERSION "0.1.0"
#endif

#define DEFAULT_BUDGET 20000

static const char help_text[] =
	"Usage: leakcheck [OPTIONS] FILE... [-- COMPILER-ARGS...]\n"
	"       leakcheck -p BUILD_DIR [OPTIONS] [FILE...]\n"
	"       leakcheck --lsp [OPTIONS]\n"
	"\n"
	"Finds resources (memory, FILE streams, descriptors, locks, ...) that a C\n"
	"function acquires and does not release on some path.\n"
	"\n"
	"The compiler arguments of each FILE are the COMPILER-ARGS after '--'; or,\n"
	"with -p, those of BUILD_DIR/compile_commands.json; or else those of the\n"
	"first compile_commands.json found in the file's directory or a parent.\n"
	"Options and FILEs may be mixed; a FILE whose name starts with '-' is\n"
	"written ./NAME ('--' starts the compiler arguments, so it cannot end the\n"
	"options).\n"
	"\n"
	"Options:\n"
	"  -p, --build-dir DIR  read DIR/compile_commands.json; with no FILE, check\n"
	"                       every file it names\n"
	"      --rules-dir DIR  load the rules from DIR/*.yml instead of the installed ones\n"
	"      --rules FILE     also load the rules in FILE (may be repeated)\n"
	"      --config FILE    use FILE as the configuration of every source file,\n"
	"                       instead of the nearest .leakcheck.yml above each one\n"
	"  -j, --jobs N         parse with N threads (default: one per core); the\n"
	"                       output is the same for any N\n"
	"      --cache-dir DIR  keep what each unchanged file's parse gave in DIR\n"
	"                       (default $XDG_CACHE_HOME/leakcheck or ~/.cache/leakcheck)\n"
	"      --no-cache       parse every file, and keep nothing\n"
	"      --write-index FILE\n"
	"                       with -p and no FILE: write what every function of\n"
	"                       the database does (its summary) to FILE\n"
	"      --shard K/N --emit-ir DIR\n"
	"                       with -p and no FILE: parse the K-th of N slices of\n"
	"                       the database into a bundle in DIR, for --from-ir\n"
	"      --from-ir DIR... analyse the bundles of all N shards (one DIR each, or\n"
	"                       all in one) and report as one run on one machine would\n"
	"      --index FILE     know the functions of files not checked from FILE,\n"
	"                       an index written by --write-index, instead of the\n"
	"                       cache (also the key 'index' of .leakcheck.yml)\n"
	"      --budget N       explore at most N states per function (default 20000)\n"
	"      --check-main     also report what is still held at the exits of main();\n"
	"                       by default it is not reported, because the system\n"
	"                       releases everything when the process exits\n"
	"      --format=FORMAT  print findings as gcc (compiler-style text, the\n"
	"                       default), json (an array of findings) or sarif\n"
	"                       (SARIF 2.1.0)\n"
	"      --output FILE    write the findings to FILE instead of stdout (errors\n"
	"                       still go to stderr), once the analysis is done,\n"
	"                       replacing FILE whole; never a file the run reads\n"
	"      --color=WHEN     colour compiler-style findings: auto (on a terminal,\n"
	"                       unless NO_COLOR is set or TERM is unset or dumb),\n"
	"                       always or never\n"
	"      --baseline FILE  do not print the findings whose fingerprints are in\n"
	"                       FILE; print a summary line on stderr\n"
	"      --write-baseline FILE\n"
	"                       write the fingerprints of the findings to FILE\n"
	"                       (findings suppressed by NOLINT comments are left out)\n"
	"  -v, --verbose        say what is done, and which functions are not fully\n"
	"                       analysed and why (by default, one line counts them)\n"
	"      --no-cross-file  use what function bodies show (summaries) only within\n"
	"                       their own file, not across the files of the run\n"
	"      --explain        for each acquisition without a finding, say why (freed\n"
	"                       at line N, returned, handed to f() ...) as remark: lines\n"
	"      --no-guess       do not pair X_new()/X_free() of libraries by their names\n"
	"                       (such findings are flagged leakcheck-*-guessed)\n"
	"      --dump-ir        print the event IR of each function to stdout\n"
	"      --dump-summaries print what each function does to resources (its\n"
	"                       summary) to stdout\n"
	"      --lsp            serve the Language Server Protocol on stdin and stdout:\n"
	"                       findings in open files as diagnostics (docs/editors.md)\n"
	"  -h, --help           print this help and exit\n"
	"      --version        print the versions of leakcheck and libclang and exit\n"
	"\n"
	"Findings are suppressed by comments on the reported line or on the line\n"
	"where the resource is acquired: // NOLINT, // NOLINT(leakcheck-leak,...),\n"
	"// NOLINTNEXTLINE(...) on the line before, NOLINTBEGIN(...)/NOLINTEND(...).\n"
	"\n"
	"Exit status:\n"
	"  0  no findings\n"
	"  1  findings (not counting suppressed ones)\n"
	"  2  usage, configuration or input error (bad option, rules, compile\n"
	"     database, a file that cannot be read or does not compile, an output\n"
	"     file that names a file the run reads or a directory)\n";

enum {
	OPT_RULES_DIR = 256,
	OPT_RULES,
	OPT_BUDGET,
	OPT_CHECK_MAIN,
	OPT_DUMP_IR,
	OPT_NO_CROSS_FILE,
	OPT_DUMP_SUMMARIES,
	OPT_NO_GUESS,
	OPT_VERSION,
	OPT_FORMAT,
	OPT_COLOR,
	OPT_CACHE_DIR,
	OPT_NO_CACHE,
	OPT_EXPLAIN,
	OPT_OUTPUT,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_CONFIG,
	OPT_INDEX,
	OPT_WRITE_INDEX,
	OPT_SHARD,
	OPT_EMIT_IR,
	OPT_FROM_IR,
	OPT_LSP,
};

static const struct option long_opts[] = {
	{ "build-dir", required_argument, NULL, 'p' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "rules-dir", required_argument, NULL, OPT_RULES_DIR },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "budget", required_argument, NULL, OPT_BUDGET },
	{ "check-main", no_argument, NULL, OPT_CHECK_MAIN },
	{ "verbose", no_argument, NULL, 'v' },
	{ "dump-ir", no_argument, NULL, OPT_DUMP_IR },
	{ "no-cross-file", no_argument, NULL, OPT_NO_CROSS_FILE },
	{ "dump-summaries", no_argument, NULL, OPT_DUMP_SUMMARIES },
	{ "no-guess", no_argument, NULL, OPT_NO_GUESS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "index", required_argument, NULL, OPT_INDEX },
	{ "write-index", required_argument, NULL, OPT_WRITE_INDEX },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "emit-ir", required_argument, NULL, OPT_EMIT_IR },
	{ "from-ir", required_argument, NULL, OPT_FROM_IR },
	{ "lsp", no_argument, NULL, OPT_LSP },
	{ NULL, 0, NULL, 0 },
};

static void print_version(void)
{
	CXString v = clang_getClangVersion();

	printf("leakcheck %s\nlibclang: %s\n", LEAKCHECK_VERSION, clang_getCString(v));
	clang_disposeString(v);
}

/* Reads a positive decimal integer; returns -1 if s is anything else. */
/* One parser thread per core. */
static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}

static int parse_budget(const char *s, size_t *out)
{
	unsigned long long n;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || *end || n == 0 || n > SIZE_MAX)
		return -1;
	*out = (size_t)n;
	return 0;
}

/* Reads a --format name into *out; returns -1 if s names no format. */
static int parse_format(const char *s, enum report_format *out)
{
	if (!strcmp(s, "gcc"))
		*out = REPORT_GCC;
	else if (!strcmp(s, "json"))
		*out = REPORT_JSON;
	else if (!strcmp(s, "sarif"))
		*out = REPORT_SARIF;
	else
		return -1;
	return 0;
}

/* Follows a usage error with a hint; returns the exit status for it. */
static int usage_hint(void)
{
	fputs("Try 'leakcheck --help'.\n", stderr);
	return EXIT_TROUBLE;
}

/* Names the option getopt_long() just refused: "--name" as written, or "-c". */
static const char *bad_option(char **argv, char *shortopt)
{
	const char *arg = argv[optind - 1];

	if (strncmp(arg, "--", 2) == 0 || optopt <= 0 || optopt > 255)
		return arg;
	shortopt[0] = '-';
	shortopt[1] = (char)optopt;
	shortopt[2] = '\0';
	return shortopt;
}

/*
 * Fills o from the command line.  Returns -1 to go on and run the check,
 * or the exit status to end with (--help, --version, a usage error).
 * o->rule_files is allocated in every case; the caller frees it.
 */
static int parse_args(int argc, char **argv, struct driver_opts *o, struct report_opts *ro,
		      bool *lsp)
{
	char shortopt[3];
	int end, c;

	memset(o, 0, sizeof(*o));
	memset(ro, 0, sizeof(*ro));
	ro->format = REPORT_GCC;
	ro->color = -1;
	ro->version = LEAKCHECK_VERSION;
	o->argv0 = argv[0];
	o->analyse.budget = DEFAULT_BUDGET;
	o->cross_file = true;
	o->jobs = default_jobs();
	o->analyse.guess = true;
	o->rule_files = xcalloc((size_t)argc, sizeof(*o->rule_files));
	o->from_ir = xcalloc((size_t)argc, sizeof(*o->from_ir));
	for (end = 1; end < argc && strcmp(argv[end], "--") != 0; end++)
		;
	if (end < argc) {
		o->have_dashdash = true;
		o->extra_args = argv + end + 1;
		o->nextra = (size_t)(argc - end - 1);
	}

	opterr = 0;
	while ((c = getopt_long(end, argv, ":p:j:vh", long_opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			o->build_dir = optarg;
			break;
		case 'j': {
			size_t n;

			if (parse_budget(optarg, &n) < 0 || n > 256) {
				diag_error("-j needs a number of threads from 1 to 256, not '%s'", optarg);
				return usage_hint();
			}
			o->jobs = (unsigned)n;
			break;
		}
		case OPT_RULES_DIR:
			o->rules_dir = optarg;
			break;
		case OPT_RULES:
			o->rule_files[o->nrule_files++] = optarg;
			break;
		case OPT_BUDGET:
			if (parse_budget(optarg, &o->analyse.budget) < 0) {
				diag_error("--budget needs a positive integer, not '%s'", optarg);
				return usage_hint();
			}
			break;
		case OPT_CHECK_MAIN:
			o->analyse.check_main = true;
			o->check_main_given = true;
			break;
		case OPT_CONFIG:
			o->config_file = optarg;
			break;
		case 'v':
			diag_set_verbose(true);
			break;
		case OPT_DUMP_IR:
			o->dump_ir = true;
			break;
		case OPT_NO_CROSS_FILE:
			o->cross_file = false;
			break;
		case OPT_DUMP_SUMMARIES:
			o->dump_summaries = true;
			break;
		case OPT_NO_GUESS:
			o->analyse.guess = false;
			break;
		case OPT_FORMAT:
			if (parse_format(optarg, &ro->format) < 0) {
				diag_error("--format must be gcc, json or sarif, not '%s'", optarg);
				return usage_hint();
			}
			break;
		case OPT_OUTPUT:
			ro->output = optarg;
			break;
		case OPT_CACHE_DIR:
			o->cache_dir = optarg;
			break;
		case OPT_NO_CACHE:
			o->no_cache = true;
			break;
		case OPT_INDEX:
			o->index_file = optarg;
			break;
		case OPT_WRITE_INDEX:
			o->write_index = optarg;
			break;
		case OPT_SHARD: {
			unsigned k, n;
			int used = 0;

			if (sscanf(optarg, "%u/%u%n", &k, &n, &used) != 2 || optarg[used] ||
			    !isdigit((unsigned char)optarg[0]) || k < 1 || k > n || n > 100000) {
				diag_error("--shard needs K/N with 1 <= K <= N <= 100000, not '%s'", optarg);
				return usage_hint();
			}
			o->shard_k = k;
			o->shard_n = n;
			break;
		}
		case OPT_EMIT_IR:
			o->emit_ir = optarg;
			break;
		case OPT_FROM_IR:
			o->from_ir[o->nfrom_ir++] = optarg;
			break;
		case OPT_LSP:
			*lsp = true;
			break;
		case OPT_EXPLAIN:
			o->analyse.explain = true;
			break;
		case OPT_COLOR:
			if (!strcmp(optarg, "always") || !strcmp(optarg, "never") ||
			    !strcmp(optarg, "auto")) {
				ro->color = !strcmp(optarg, "always") ? 1 : !strcmp(optarg, "never") ? 0 : -1;
				break;
			}
			diag_error("--color must be auto, always or never, not '%s'", optarg);
			return usage_hint();
		case OPT_BASELINE:
			ro->baseline = optarg;
			break;
		case OPT_WRITE_BASELINE:
			ro->write_baseline = optarg;
			break;
		case 'h':
			fputs(help_text, stdout);
			return EXIT_CLEAN;
		case OPT_VERSION:
			print_version();
			return EXIT_CLEAN;
		case ':':
			diag_error("option '%s' needs an argument", bad_option(argv, shortopt));
			return usage_hint();
		default:
			diag_error("unknown option '%s'", bad_option(argv, shortopt));
			return usage_hint();
		}
	}
	o->files = argv + optind;
	o->nfiles = (size_t)(end - optind);
	if (o->build_dir && o->have_dashdash) {
		diag_error("-p and '--' cannot be combined: the compile database gives the arguments");
		return usage_hint();
	}
	if (*lsp) {
		if (o->nfiles || o->have_dashdash || o->nfrom_ir || o->shard_n || o->emit_ir ||
		    o->write_index || o->dump_ir || o->dump_summaries || ro->output ||
		    ro->baseline || ro->write_baseline) {
			diag_error("--lsp takes no FILE, '--', --from-ir, --shard, --emit-ir, --write-index, --dump-*, --output or baseline: the editor names the files and shows the findings");
			return usage_hint();
		}
		return -1;
	}
	if (o->nfrom_ir) {
		/* --from-ir A B C: the names after the first are more directories */
		while (o->nfiles) {
			o->from_ir[o->nfrom_ir++] = *o->files++;
			o->nfiles--;
		}
		if (o->build_dir || o->have_dashdash || o->shard_n || o->emit_ir ||
		    o->write_index || o->index_file) {
			diag_error("--from-ir takes no -p, FILE, '--', --shard, --emit-ir, --index or --write-index: the bundles hold the units");
			return usage_hint();
		}
		return -1;
	}
	if (!o->shard_n != !o->emit_ir || (o->emit_ir && (!o->build_dir || o->nfiles ||
							   o->write_index || o->index_file))) {
		diag_error("--shard K/N and --emit-ir DIR go together, with -p and no FILE (and no --index or --write-index)");
		return usage_hint();
	}
	if (o->write_index && (!o->build_dir || o->nfiles)) {
		diag_error("--write-index needs -p and no FILE: the index describes the whole compile database");
		return usage_hint();
	}
	if (!o->build_dir && o->nfiles == 0) {
		diag_error("no input files (name FILEs to check, or a build directory with -p)");
		return usage_hint();
	}
	return -1;
}

int main(int argc, char **argv)
{
	struct driver_opts opts;
	struct report_opts ropts;
	bool lsp = false;
	int status = parse_args(argc, argv, &opts, &ropts, &lsp);

	if (status < 0 && lsp) {
		status = lsp_serve(&opts);
	} else if (status < 0) {
		if (report_open(&ropts) < 0)
			status = EXIT_TROUBLE;
		else
			status = driver_run(&opts);
		if (report_close() < 0)
			status = EXIT_TROUBLE;
	}
	free(opts.rule_files);
	free(opts.from_ir);
	return status;
}
