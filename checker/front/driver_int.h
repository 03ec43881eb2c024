/*
 * driver_int.h - what the files of the driver share (not an API: only
 * driver*.c include it).  driver.c runs a check, driver_jobs.c decides
 * the jobs (files and their arguments, their configs), driver_parse.c
 * parses and lowers them on worker threads, driver_shard.c writes and
 * reads the bundles of sharded runs.
 */
#ifndef LEAKCHECK_DRIVER_INT_H
#define LEAKCHECK_DRIVER_INT_H

#include "analyse/analyse.h"
#include "base/arena.h"
#include "store/cache.h"
#include "store/irpack.h"
#include "compdb.h"
#include "config.h"
#include "driver.h"
#include "ir/ir.h"
#include "rules/rules.h"
#include "summary/summary.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One translation unit to check. */
struct job {
	const char *file;           /* passed to libclang and used in messages */
	const char *const *args;    /* compiler arguments, without the file */
	size_t nargs;
	const char *dropped;        /* code-loading arguments left out, or NULL */
	const struct db_entry *entry;   /* the database entry it comes from, or NULL */
	/* filled by the worker that parses it, used in job order afterwards */
	char *messages;             /* its errors and remarks (diag_capture) */
	size_t messages_len;
	struct ir_func **fns;       /* its functions, in source order, */
	size_t nfns, capfns;
	struct irpack_fn *packed;   /* ... or packed (run.packing) */
	size_t npacked;
	bool trouble;               /* an input error */
	bool checked;               /* parsed without errors and lowered */
	bool cached;                /* ... or taken from the cache */
	bool context;               /* not asked about: only its cached functions'
				       summaries are wanted (never parsed) */
	bool listed;                /* taken from a database with no FILE named:
				       a config's skip applies */
	const struct config *config;    /* the .leakcheck.yml governing it, or NULL */
	const unsigned char *ir;    /* --from-ir: its IR in a bundle (a cache entry), */
	size_t irlen;               /* ... so many bytes; decoded once the rules are in */
};

/* Everything one driver_run() owns. */
struct run {
	const struct driver_opts *opts;
	struct arena arena;         /* jobs, databases and their strings */
	struct rules rules;
	struct config_set configs;  /* the .leakcheck.yml files of the inputs */
	struct analyse_opts analyse;    /* opts->analyse, with what the configs set */
	struct job *jobs;
	size_t njobs;
	size_t capjobs;
	struct db **dbs;            /* databases loaded so far (auto-discovery reuses them) */
	size_t ndbs;
	size_t capdbs;
	struct analyse_stats stats;
	struct cache cache;         /* lowered units kept on disk */
	size_t ncached;             /* units taken from it */
	size_t ncontext;            /* other units of the database taken from it for
				       their summaries only */
	struct ir_func **fns;       /* every function lowered, analysed once all are in, */
	size_t nfns, capfns;
	bool packing;               /* ... or packed as each unit is lowered (not when
				       they are dumped or written to a bundle) */
	struct irpack pack;
	size_t nchecked;            /* translation units lowered and analysed */
	size_t nsummaries;          /* functions summarised */
	struct summaries S;         /* every function's summary, and the index's */
	uint64_t rules_id;          /* the rule files' hash, before any config's */
	const char *root;           /* the -p database's source root, or NULL */
	bool trouble;               /* an input error happened: exit with EXIT_TROUBLE */
};

/* Packs the functions of j (run.packing; any thread). */
void driver_pack_job(struct job *j);

/* irpack_reload for the run arg: parses the cached unit of p again (store/irpack.h). */
bool driver_reload_fn(void *arg, const struct irpack_fn *p, struct irpack_fn *fresh);

/* driver_jobs.c */

/* Adds a job for file with args; e, if not NULL, is the database entry they come from. */
void driver_add_job(struct run *r, const char *file, const char *const *args, size_t nargs,
		    const struct db_entry *e);

/* Loads the compile database at path once (a bad one is marked, its errors reported). */
struct db *driver_db_get(struct run *r, const char *path);

/* Decides what to check; returns -1 if a compile database is broken. */
int driver_collect_jobs(struct run *r);

/* Sorts the jobs by file and arguments and drops duplicates. */
void driver_sort_jobs(struct run *r);

/*
 * Finds the config of every job (or takes --config), loads their rules
 * into the run's, drops the entries they skip and sets the run's analysis
 * options.  Returns -1 after reporting any error: nothing is parsed then.
 */
int driver_load_configs(struct run *r);

/* driver_parse.c */

/*
 * Parses and lowers every job on up to opts->jobs threads; each job keeps
 * its messages (errors, remarks) and functions.
 */
void driver_parse_jobs(struct run *r);

/*
 * Prints the jobs' messages and takes their functions into the run, in job
 * order, so that the output does not depend on the number of threads or on
 * which finished first (or on which machine: driver_shard.c).
 */
void driver_take_jobs(struct run *r);

/* driver_shard.c */

/* --shard K/N --emit-ir DIR: the K-th slice of the sorted jobs, parsed, into a bundle. */
int driver_emit_shard(struct run *r);

/*
 * --from-ir DIR...: reads every bundle, checks that they are the N shards
 * of one database, and makes their units the run's jobs (functions and
 * messages included).  Returns -1 after an error line.
 */
int driver_read_bundles(struct run *r);

#endif
