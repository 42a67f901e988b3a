/*
 * select.c - choosing classes for a back end: the ones named on the
 * command line and their closure, so the output stands on its own.
 */
#include <stdio.h>
#include <stdlib.h>

#include "backends.h"
#include "mofc/mofc.h"

static void take(const struct mofc_class *c, bool *sel);

static void take_type(const struct mofc_typeinfo *t, bool *sel)
{
    if (t->ref_class)
        take(t->ref_class, sel);
    if (t->embedded_class)
        take(t->embedded_class, sel);
}

static void take(const struct mofc_class *c, bool *sel)
{
    if (sel[c->index])
        return;
    sel[c->index] = true;
    if (c->superclass)
        take(c->superclass, sel);
    for (size_t i = 0; i < c->nproperties; i++)
        take_type(&c->properties[i]->t, sel);
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *m = c->methods[i];
        take_type(&m->ret, sel);
        for (size_t k = 0; k < m->nparams; k++)
            take_type(&m->params[k].t, sel);
    }
}

bool *cg_class_closure(const struct mofc_model *m, const char *const *names, size_t n,
                       struct cg_report *r)
{
    bool *sel = calloc(m->nclasses + 1, sizeof *sel);
    if (!sel)
        return NULL;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        const struct mofc_class *c = mofc_model_find_class(m, names[i]);
        if (c) {
            take(c, sel);
            continue;
        }
        const char **all = malloc((m->nclasses + 1) * sizeof *all);
        for (size_t k = 0; all && k < m->nclasses; k++)
            all[k] = m->classes[k]->name;
        const char *hint = all ? mofc_suggest(names[i], all, m->nclasses) : NULL;
        if (hint)
            cg_error(r, NULL, "--class %s: no such class; did you mean '%s'?", names[i], hint);
        else
            cg_error(r, NULL, "--class %s: no such class", names[i]);
        free(all);
        ok = false;
    }
    if (!ok) {
        free(sel);
        return NULL;
    }
    return sel;
}
