/*
 * render.h - turning libmofc's diagnostic records into text (gcc style,
 * with the source line and a caret), JSON Lines, or one SARIF 2.1.0 log.
 */
#ifndef MOFC_CLI_RENDER_H
#define MOFC_CLI_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "mofc/mofc.h"
#include "options.h"

struct renderer {
    enum diag_format format;
    bool color;
    FILE *out;                                   /* stderr for text and JSON */
    const struct mofc_diagnostic **saved;        /* SARIF: printed at the end */
    size_t nsaved, cap;
};

void render_init(struct renderer *r, enum diag_format format, int color);
/* The mofc_diag_sink. */
void render_diagnostic(const struct mofc_diagnostic *d, void *user);
/* Prints what waits for the end (the SARIF log); the records must still
 * be alive (before mofc_destroy). */
void render_finish(struct renderer *r);

#endif
