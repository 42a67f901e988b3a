/*
 * compile.h - unit-test helper: compile MOF text through the public API
 * and keep the diagnostics as short strings "line:col: severity: id".
 */
#ifndef MOFC_TEST_COMPILE_H
#define MOFC_TEST_COMPILE_H

#include <stdio.h>
#include <string.h>

#include "mofc/mofc.h"

struct compiled {
    struct mofc *m;
    const struct mofc_model *model;
    int status;
    char diags[64][192];
    int ndiags;
    int nerrors;
};

static void compiled_sink_(const struct mofc_diagnostic *d, void *user)
{
    struct compiled *c = user;
    static const char *const sev[] = {"note", "warning", "error", "fatal"};
    if (d->severity >= MOFC_ERROR)
        c->nerrors++;
    if (c->ndiags < 64)
        snprintf(c->diags[c->ndiags++], sizeof c->diags[0], "%u:%u: %s: %s: %s",
                 d->span.begin.line, d->span.begin.column, sev[d->severity], d->id, d->message);
}

static inline void compile_text(struct compiled *c, const char *text, enum mofc_dialect dialect)
{
    struct mofc_options o;
    memset(&o, 0, sizeof o);
    o.dialect = dialect;
    memset(c, 0, sizeof *c);
    c->m = mofc_create(&o);
    mofc_set_diag_sink(c->m, compiled_sink_, c);
    mofc_add_buffer(c->m, "test.mof", text, strlen(text));
    c->status = mofc_compile(c->m);
    c->model = mofc_model(c->m);
}

static inline void compiled_free(struct compiled *c)
{
    mofc_destroy(c->m);
    c->m = NULL;
}

/* True if some diagnostic string contains `needle`. */
static inline int has_diag(const struct compiled *c, const char *needle)
{
    for (int i = 0; i < c->ndiags; i++)
        if (strstr(c->diags[i], needle))
            return 1;
    return 0;
}

static inline void dump_diags(const struct compiled *c)
{
    for (int i = 0; i < c->ndiags; i++)
        printf("    %s\n", c->diags[i]);
}

/* The default value of property `prop` of class `cls`. */
static inline const struct mofc_value *default_of(const struct compiled *c, const char *cls,
                                                  const char *prop)
{
    if (!c->model)
        return NULL;
    const struct mofc_class *k = mofc_model_find_class(c->model, cls);
    const struct mofc_property *p = k ? mofc_class_find_property(k, prop) : NULL;
    return p ? &p->default_value : NULL;
}

#endif
