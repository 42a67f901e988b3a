/*
 * resolve.c - superclass links, inheritance cycles, and the order in
 * which classes are flattened (every superclass before its subclasses).
 *
 * A class whose chain is broken (missing superclass, cycle) is poisoned:
 * it stays declared, so uses of it do not cascade into "unknown class"
 * errors, but its features are not checked against a chain that is wrong.
 */
#include <stdlib.h>
#include <string.h>

#include "sema/sema.h"

static void report_missing_super(struct sema *s, struct sclass *c)
{
    struct ast_class *ac = c->ast;
    const char *name = ac->super->text;
    struct diag_rec *r;
    const char *hint = sema_suggest_class(s, ac->ns, name);
    if (hint)
        r = diag_error(s->m, &ac->super_loc, "superclass-not-found",
                       "superclass '%s' of class '%s' is not declared; did you mean '%s'?",
                       name, ac->name->text, hint);
    else
        r = diag_error(s->m, &ac->super_loc, "superclass-not-found",
                       "superclass '%s' of class '%s' is not declared", name, ac->name->text);
    const char *pack = sema_pack_providing(name);
    if (pack)
        diag_note(s->m, r, NULL, "'%s' is in mofc's '%s' base schema: add --with %s", name,
                  pack, pack);
    else if (fold_ncmp(name, 4, "CIM_", 4) == 0)
        diag_note(s->m, r, NULL, "'%s' belongs to the DMTF CIM schema: pass the schema's "
                                 "root MOF file (for example cim_schema_2.x.mof) before "
                                 "this file, with -I for its directory", name);
}

/* Depth-first: supers are visited before the class is appended. */
static void visit(struct sema *s, struct sclass *c)
{
    if (c->state == RS_DONE)
        return;
    if (c->state == RS_VISITING) {
        /* Reached again while its own chain is being walked: a cycle. */
        struct diag_rec *r = diag_error(s->m, &c->ast->super_loc, "inheritance-cycle",
                                        "class '%s' inherits from itself", c->pub.name);
        for (struct sclass *p = c->super; p && p != c; p = p->super)
            diag_note(s->m, r, &p->ast->super_loc, "'%s' derives from '%s'", p->pub.name,
                      p->super ? p->super->pub.name : "?");
        for (struct sclass *p = c->super; p && p != c; p = p->super)
            p->poisoned = true;
        c->poisoned = true;
        c->super = NULL;  /* break the loop for later phases */
        return;
    }
    c->state = RS_VISITING;
    if (c->super) {
        visit(s, c->super);
        if (c->super && c->super->poisoned)
            c->poisoned = true;
    }
    if (c->state == RS_VISITING) {
        c->state = RS_DONE;
        VEC_PUSH(s->order, c);
    }
}

void sema_resolve(struct sema *s)
{
    for (size_t i = 0; i < s->class_list.len; i++) {
        struct sclass *c = s->class_list.items[i];
        struct ast_class *ac = c->ast;
        if (!ac->super)
            continue;
        struct sclass *sup = sema_find_class(s, ac->ns, ac->super);
        if (sup && sup->ast->name->key == c->key && sup == c) {
            diag_error(s->m, &ac->super_loc, "inheritance-cycle",
                       "class '%s' names itself as its superclass", c->pub.name);
            c->poisoned = true;
            continue;
        }
        if (!sup) {
            report_missing_super(s, c);
            c->poisoned = true;
            continue;
        }
        if (ac->super->text != sup->pub.name && strcmp(ac->super->text, sup->pub.name) != 0)
            diag_warning(s->m, MOFC_W_CASE, &ac->super_loc, "name-case",
                         "'%s' is declared as '%s'", ac->super->text, sup->pub.name);
        c->super = sup;
    }
    /* A deterministic walk: declaration order of the roots of each visit. */
    for (size_t i = 0; i < s->class_list.len; i++)
        visit(s, s->class_list.items[i]);
}
