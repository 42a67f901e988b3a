/*
 * render.h - turning libmofc's diagnostic records into text (gcc style,
 * with the source line and a caret), JSON Lines, or one SARIF 2.1.0 log.
 *
 * Where they go: text and JSON Lines to stderr as they come; the SARIF
 * log, at the end, to stdout when nothing else of the run writes there
 * and to stderr otherwise; everything to --diagnostics-file FILE instead
 * (written atomically at the end) when it is given.  Diagnostics never
 * share stdout with an output.
 */
#ifndef MOFC_CLI_RENDER_H
#define MOFC_CLI_RENDER_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "mofc/mofc.h"
#include "options.h"

struct owned_diagnostic;

struct renderer {
    enum diag_format format;
    bool color;
    FILE *out;                                   /* text and JSON Lines */
    FILE *sarif_out;                             /* the SARIF log */
    const char *file;                            /* --diagnostics-file */
    char *buf;                                   /* its bytes, until the end */
    size_t buflen;
    const struct mofc_diagnostic **saved;        /* SARIF: printed at the end */
    size_t nsaved, cap;
    struct owned_diagnostic *owned;              /* back-end errors' records */
    pthread_mutex_t lock;
};

/* `file`: --diagnostics-file or NULL; `stdout_taken`: the run prints on
 * stdout (an output, a -v summary), so the SARIF log may not. */
void render_init(struct renderer *r, enum diag_format format, int color, const char *file,
                 bool stdout_taken);
/* The mofc_diag_sink. */
void render_diagnostic(const struct mofc_diagnostic *d, void *user);
/* An error of a back end (struct cg_report), reported as id "output-error". */
void render_backend_error(struct renderer *r, const struct mofc_location *loc,
                          const char *message);
/* Prints what waits for the end (the SARIF log, with the run's exit
 * status) and writes --diagnostics-file; the records must still be alive
 * (before mofc_destroy).  Returns the exit status, 2 if the diagnostics
 * could not be written. */
int render_finish(struct renderer *r, int exit_status);

#endif
