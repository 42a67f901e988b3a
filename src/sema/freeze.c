/*
 * freeze.c - the last sema phase: orderings and locations for the model.
 *
 * Classes come out in a topological order that puts a superclass, the
 * targets of its references and its embedded classes before a class (the
 * last two only where they do not form a cycle), visiting roots in
 * declaration order so the result is the same on every run.
 */
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "sema/sema.h"

struct order_ctx {
    struct sema *s;
    struct ptrmap state;    /* (ctx, class) -> 1 visiting, 2 done */
    VEC(const struct mofc_class *) out;
};

static struct sclass *sclass_of(const struct mofc_class *c)
{
    return (struct sclass *)(void *)c;
}

static void visit(struct order_ctx *o, const struct mofc_class *c);

static void visit_type(struct order_ctx *o, const struct mofc_typeinfo *t)
{
    if (t->ref_class)
        visit(o, t->ref_class);
    if (t->embedded_class)
        visit(o, t->embedded_class);
}

static void visit(struct order_ctx *o, const struct mofc_class *c)
{
    struct sclass *sc = sclass_of(c);
    if (!sc->flattened || sc->poisoned)
        return;
    uintptr_t st = (uintptr_t)ptrmap_get(&o->state, o, c);
    if (st)
        return;   /* done, or on the stack: a reference cycle is fine */
    ptrmap_put(&o->state, o, c, (void *)1);
    if (c->superclass)
        visit(o, c->superclass);
    for (size_t i = 0; i < c->nproperties; i++)
        if (c->properties[i]->owner == c)
            visit_type(o, &c->properties[i]->t);
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *m = c->methods[i];
        if (m->owner != c)
            continue;
        visit_type(o, &m->ret);
        for (size_t k = 0; k < m->nparams; k++)
            visit_type(o, &m->params[k].t);
    }
    ptrmap_put(&o->state, o, c, (void *)2);
    VEC_PUSH(o->out, c);
}

static int cmp_class_name(const void *a, const void *b)
{
    const struct mofc_class *x = *(const struct mofc_class *const *)a;
    const struct mofc_class *y = *(const struct mofc_class *const *)b;
    int r = mofc_name_cmp(x->name, y->name);
    if (r)
        return r;
    return strcmp(x->namespace_name, y->namespace_name);
}

static int cmp_qualdecl(const void *a, const void *b)
{
    const struct mofc_qualifier_decl *x = *(const struct mofc_qualifier_decl *const *)a;
    const struct mofc_qualifier_decl *y = *(const struct mofc_qualifier_decl *const *)b;
    return mofc_name_cmp(x->name, y->name);
}

const struct mofc_model *sema_freeze(struct sema *s)
{
    struct model_impl *mi = ARENA_NEW(s->a, struct model_impl);
    struct mofc_model *m = &mi->pub;

    /* Qualifier declarations: the ones in force (a user declaration
     * replaces the shipped one it matches). */
    VEC(const struct mofc_qualifier_decl *) qd = {0};
    /* Names a user declaration in force claims, in some namespace. */
    struct ptrmap user_names;
    ptrmap_init(&user_names);
    for (size_t k = 0; k < s->qualdecl_list.len; k++) {
        struct squaldecl *u = s->qualdecl_list.items[k];
        if (u->pub.origin == MOFC_ORIGIN_USER &&
            ptrmap_get(&s->qualdecls, u->ast->ns->key, u->key) == u)
            ptrmap_put(&user_names, s->global_ns, u->key, u);
    }
    for (size_t i = 0; i < s->qualdecl_list.len; i++) {
        struct squaldecl *q = s->qualdecl_list.items[i];
        const struct name *ns = q->pub.origin == MOFC_ORIGIN_USER ? q->ast->ns->key
                                                                  : s->global_ns;
        if (ptrmap_get(&s->qualdecls, ns, q->key) != q)
            continue;
        if (q->pub.origin != MOFC_ORIGIN_USER) {
            /* Shadowed by a user declaration in some namespace? */
            if (ptrmap_get(&user_names, s->global_ns, q->key))
                continue;
        }
        q->pub.loc = sema_location(s, &q->ast->loc);
        VEC_PUSH(qd, &q->pub);
    }
    if (qd.len)
        qsort(qd.items, qd.len, sizeof *qd.items, cmp_qualdecl);
    ptrmap_free(&user_names);
    m->nqualifier_decls = qd.len;
    m->qualifier_decls = VEC_FREEZE(s->a, qd);
    VEC_FREE(qd);

    /* Classes. */
    struct order_ctx o;
    memset(&o, 0, sizeof o);
    o.s = s;
    ptrmap_init(&o.state);
    for (size_t i = 0; i < s->class_list.len; i++)
        visit(&o, &s->class_list.items[i]->pub);
    ptrmap_free(&o.state);
    for (size_t i = 0; i < o.out.len; i++) {
        struct sclass *c = sclass_of(o.out.items[i]);
        c->pub.index = (uint32_t)i;
        c->pub.loc = sema_location(s, &c->ast->loc);
        for (size_t k = 0; k < c->pub.nproperties; k++) {
            struct sproperty *p = SPROP(c->pub.properties[k]);
            if (p->pub.owner == &c->pub)
                p->pub.loc = sema_location(s, &p->loc);
        }
        for (size_t k = 0; k < c->pub.nmethods; k++) {
            struct smethod *mt = SMETHOD(c->pub.methods[k]);
            if (mt->pub.owner == &c->pub)
                mt->pub.loc = sema_location(s, &mt->loc);
        }
    }
    /* Direct subclasses, by name. */
    for (size_t i = 0; i < o.out.len; i++) {
        const struct mofc_class *c = o.out.items[i];
        if (c->superclass)
            ((struct mofc_class *)c->superclass)->nsubclasses++;
    }
    for (size_t i = 0; i < o.out.len; i++) {
        struct mofc_class *c = (struct mofc_class *)o.out.items[i];
        c->subclasses = ARENA_ARRAY(s->a, const struct mofc_class *, c->nsubclasses + 1);
        c->nsubclasses = 0;
    }
    for (size_t i = 0; i < o.out.len; i++) {
        const struct mofc_class *c = o.out.items[i];
        if (c->superclass) {
            struct mofc_class *p = (struct mofc_class *)c->superclass;
            ((const struct mofc_class **)p->subclasses)[p->nsubclasses++] = c;
        }
    }
    for (size_t i = 0; i < o.out.len; i++) {
        struct mofc_class *c = (struct mofc_class *)o.out.items[i];
        if (c->nsubclasses > 1)
            qsort((void *)c->subclasses, c->nsubclasses, sizeof *c->subclasses, cmp_class_name);
    }
    m->nclasses = o.out.len;
    m->classes = VEC_FREEZE(s->a, o.out);
    mi->by_name = arena_memdup(s->a, m->classes, o.out.len * sizeof *m->classes);
    if (mi->by_name)
        qsort(mi->by_name, o.out.len, sizeof *mi->by_name, cmp_class_name);
    VEC_FREE(o.out);

    /* Instances, pragmas, files. */
    VEC(const struct mofc_instance *) ins = {0};
    for (size_t i = 0; i < s->instance_list.len; i++)
        if (s->instance_list.items[i]->cls)
            VEC_PUSH(ins, &s->instance_list.items[i]->pub);
    m->ninstances = ins.len;
    m->instances = VEC_FREEZE(s->a, ins);
    VEC_FREE(ins);
    m->npragmas = s->pragma_list.len;
    m->pragmas = VEC_FREEZE(s->a, s->pragma_list);
    VEC(const char *) files = {0};
    for (size_t i = 0; i < s->m->files.len; i++)
        if (s->m->files.items[i]->origin == MOFC_ORIGIN_USER &&
            !s->m->files.items[i]->virtual_file)
            VEC_PUSH(files, s->m->files.items[i]->path);
    m->nfiles = files.len;
    m->files = VEC_FREEZE(s->a, files);
    VEC_FREE(files);
    return m;
}
