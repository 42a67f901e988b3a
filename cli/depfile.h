/*
 * depfile.h - what a run wrote, for -MD depfiles and --stamp.
 *
 * Make and ninja decide whether to rerun mofc from the depfile's target:
 * the --stamp file, else -MT, else the subcommand's first output.  Since
 * unchanged outputs keep their mtime, the target is touched after every
 * successful run, so it is always newer than what it was made from.
 */
#ifndef MOFC_CLI_DEPFILE_H
#define MOFC_CLI_DEPFILE_H

#include <pthread.h>
#include <stdio.h>

#include "mofc/mofc.h"
#include "options.h"

/* A set of paths, added to from several threads (the C back end). */
struct run_files {
    pthread_mutex_t lock;
    char **paths;
    size_t count, cap;
};

/* Every output of this run, written or left unchanged. */
extern struct run_files run_outputs;

void run_file_add(struct run_files *l, const char *path);
/* Sorted, one per line (--list-outputs); 0, or 2 if stdout failed. */
int run_file_print(struct run_files *l, FILE *f);
void run_file_free(struct run_files *l);

/* Writes the depfile (-MD; -MF, -MT, --stamp): "TARGET OUTPUT...: INPUT...
 * TEMPLATE..." in Make syntax (also what ninja reads), then an empty rule
 * per input.  0, or 2 after an I/O error or a path a depfile cannot hold. */
int depfile_write(const struct cli_options *o, const char *subcommand, struct mofc *m);

/* After a successful run: creates or touches --stamp; without it, touches
 * the depfile's target when it is one of the outputs (-MD only).  0 or 2. */
int depfile_touch_target(const struct cli_options *o, const char *subcommand);

#endif
