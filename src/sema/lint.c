/*
 * lint.c - advice beyond the spec's rules, run once classes and instances
 * are resolved: classes without keys, ModelCorrespondence targets that do
 * not exist, and uses of Deprecated classes.
 */
#include <string.h>

#include "sema/sema.h"

/* Classes that only ever travel inside other instances need no keys. */
static void mark_embedded_targets(struct sema *s, struct ptrmap *used)
{
    for (size_t i = 0; i < s->class_list.len; i++) {
        struct sclass *c = s->class_list.items[i];
        for (size_t k = 0; c->flattened && k < c->pub.nproperties; k++) {
            const struct mofc_class *e = c->pub.properties[k]->t.embedded_class;
            if (e)
                ptrmap_put(used, used, e, (void *)1);
        }
        for (size_t k = 0; c->flattened && k < c->pub.nmethods; k++) {
            const struct mofc_method *mt = c->pub.methods[k];
            if (mt->ret.embedded_class)
                ptrmap_put(used, used, mt->ret.embedded_class, (void *)1);
            for (size_t j = 0; j < mt->nparams; j++)
                if (mt->params[j].t.embedded_class)
                    ptrmap_put(used, used, mt->params[j].t.embedded_class, (void *)1);
        }
    }
}

/* WMI events derive from __Event rather than carrying Indication; like
 * indications they are delivered, never looked up, so need no keys. */
static bool is_wmi_event(const struct mofc_class *c)
{
    for (; c; c = c->superclass)
        if (fold_cmp(c->name, "__Event") == 0)
            return true;
    return false;
}

static void check_keys_present(struct sema *s, struct sclass *c, struct ptrmap *embedded)
{
    unsigned exempt = MOFC_CLASS_ABSTRACT | MOFC_CLASS_INDICATION | MOFC_CLASS_EXCEPTION |
                      MOFC_CLASS_STRUCTURE | MOFC_CLASS_SINGLETON;
    if (c->pub.nkeys || (c->pub.flags & exempt) || c->pub.origin != MOFC_ORIGIN_USER ||
        c->incomplete)
        return;
    if (ptrmap_get(embedded, embedded, &c->pub) || is_wmi_event(&c->pub))
        return;
    diag_warning(s->m, MOFC_W_KEY, &c->ast->loc, "no-keys",
                 "concrete class '%s' has no key properties, so its instances have no identity "
                 "(mark it Abstract, or give it a Key)", c->pub.name);
}

/* "Class.Feature", "Class.Feature[n]" or "Class" must name something. */
static void check_correspondence(struct sema *s, struct sclass *c, const struct mofc_qualifier *q,
                                 const struct loc *at, const char *owner)
{
    if (!q || q->propagated || q->value.is_null || !q->value.is_array)
        return;
    for (size_t i = 0; i < q->value.count; i++) {
        const char *t = q->value.elements[i].v.string.text;
        if (!t)
            continue;
        const char *dot = strchr(t, '.');
        size_t cl = dot ? (size_t)(dot - t) : strlen(t);
        const struct name *cn = intern_find(&s->m->names, t, cl);
        struct sclass *tc = cn ? sema_find_class(s, c->ast->ns, cn) : NULL;
        if (!tc) {
            diag_warning(s->m, MOFC_W_MODEL_CORRESPONDENCE, at, "model-correspondence",
                         "ModelCorrespondence of %s names class '%.*s', which is not declared",
                         owner, (int)cl, t);
            continue;
        }
        if (!dot || !tc->flattened)
            continue;
        const char *f = dot + 1;
        size_t fl = strcspn(f, "[(");
        char buf[256];
        if (fl >= sizeof buf)
            continue;
        memcpy(buf, f, fl);
        buf[fl] = '\0';
        if (!mofc_class_find_property(&tc->pub, buf) && !mofc_class_find_method(&tc->pub, buf))
            diag_warning(s->m, MOFC_W_MODEL_CORRESPONDENCE, at, "model-correspondence",
                         "ModelCorrespondence of %s names '%s.%s', but '%s' has no such "
                         "property or method", owner, tc->pub.name, buf, tc->pub.name);
    }
}

static void check_deprecated_uses(struct sema *s, struct sclass *c)
{
    if (c->pub.superclass && (c->pub.superclass->flags & MOFC_CLASS_DEPRECATED) &&
        !(c->pub.flags & MOFC_CLASS_DEPRECATED))
        diag_warning(s->m, MOFC_W_DEPRECATED, &c->ast->super_loc, "deprecated-superclass",
                     "class '%s' derives from deprecated class '%s'", c->pub.name,
                     c->pub.superclass->name);
    for (size_t i = 0; i < c->pub.nproperties; i++) {
        const struct mofc_property *p = c->pub.properties[i];
        if (p->owner != &c->pub || !p->t.ref_class)
            continue;
        if ((p->t.ref_class->flags & MOFC_CLASS_DEPRECATED) &&
            !(c->pub.flags & MOFC_CLASS_DEPRECATED))
            diag_warning(s->m, MOFC_W_DEPRECATED, &SPROP(p)->loc, "deprecated-reference",
                         "reference '%s.%s' refers to deprecated class '%s'", c->pub.name,
                         p->name, p->t.ref_class->name);
    }
}

void sema_lint(struct sema *s)
{
    struct ptrmap embedded;
    ptrmap_init(&embedded);
    mark_embedded_targets(s, &embedded);
    bool mc = diag_enabled(s->m, MOFC_W_MODEL_CORRESPONDENCE);
    bool dep = diag_enabled(s->m, MOFC_W_DEPRECATED);
    for (size_t i = 0; i < s->order.len; i++) {
        struct sclass *c = s->order.items[i];
        if (!c->flattened || c->poisoned)
            continue;
        check_keys_present(s, c, &embedded);
        if (dep)
            check_deprecated_uses(s, c);
        if (!mc || c->pub.origin != MOFC_ORIGIN_USER)
            continue;
        check_correspondence(s, c, sema_qual_get(&c->pub.qualifiers, s->n_modelcorrespondence),
                             &c->ast->loc, sema_what(s, "class", c->pub.name, NULL));
        for (size_t k = 0; k < c->pub.nproperties; k++) {
            const struct mofc_property *p = c->pub.properties[k];
            if (p->owner != &c->pub)
                continue;
            check_correspondence(s, c, sema_qual_get(&p->qualifiers, s->n_modelcorrespondence),
                                 &SPROP(p)->loc, sema_what(s, "property", c->pub.name, p->name));
        }
    }
    ptrmap_free(&embedded);
}
