/*
 * diag.h - recording diagnostics inside the library.
 *
 * Phases report with a struct loc (file + byte span); positions, source
 * lines and include chains are computed only when the queue is flushed,
 * so a clean compilation never builds a line table.  A disabled warning
 * returns NULL, and diag_note() accepts NULL, so callers need no checks.
 */
#ifndef MOFC_DIAG_H
#define MOFC_DIAG_H

#include "mofc/mofc.h"

struct mofc;
struct loc;
struct diag_rec;

struct diag_rec *diag_error(struct mofc *m, const struct loc *loc, const char *id,
                            const char *fmt, ...) __attribute__((format(printf, 4, 5)));
struct diag_rec *diag_warning(struct mofc *m, enum mofc_wcat cat, const struct loc *loc,
                              const char *id, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_note(struct mofc *m, struct diag_rec *d, const struct loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* True if warnings of `cat` are reported at all. */
bool diag_enabled(const struct mofc *m, enum mofc_wcat cat);

/* Drops records never flushed (a context destroyed before compiling). */
void diag_discard(struct mofc *m);

/* Sort by position and hand every record to the sink. */
void diag_flush(struct mofc *m);

#endif
