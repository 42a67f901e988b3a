/* report.c - how a back end says what it cannot do (see struct cg_report). */
#include <stdarg.h>
#include <stdio.h>

#include "backends.h"

void cg_verror(struct cg_report *r, const struct mofc_location *loc, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    r->nerrors++;
    if (r->error)
        r->error(r->user, loc, msg);
}

void cg_error(struct cg_report *r, const struct mofc_location *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cg_verror(r, loc, fmt, ap);
    va_end(ap);
}
