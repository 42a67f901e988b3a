/*
 * model.c - the read-only queries back ends run on the model.
 */
#include <string.h>

#include "model_impl.h"
#include "util/intern.h"

static const char *const type_names[] = {
    [MOFC_TYPE_NONE] = "void",         [MOFC_TYPE_BOOLEAN] = "boolean",
    [MOFC_TYPE_UINT8] = "uint8",       [MOFC_TYPE_SINT8] = "sint8",
    [MOFC_TYPE_UINT16] = "uint16",     [MOFC_TYPE_SINT16] = "sint16",
    [MOFC_TYPE_UINT32] = "uint32",     [MOFC_TYPE_SINT32] = "sint32",
    [MOFC_TYPE_UINT64] = "uint64",     [MOFC_TYPE_SINT64] = "sint64",
    [MOFC_TYPE_REAL32] = "real32",     [MOFC_TYPE_REAL64] = "real64",
    [MOFC_TYPE_CHAR16] = "char16",     [MOFC_TYPE_STRING] = "string",
    [MOFC_TYPE_DATETIME] = "datetime", [MOFC_TYPE_REFERENCE] = "ref",
    [MOFC_TYPE_OBJECT] = "object",
};

const struct mofc_scope_name mofc_scope_names[7] = {
    {MOFC_SCOPE_CLASS, "class", "CLASS"},
    {MOFC_SCOPE_ASSOCIATION, "association", "ASSOCIATION"},
    {MOFC_SCOPE_INDICATION, "indication", "INDICATION"},
    {MOFC_SCOPE_PROPERTY, "property", "PROPERTY"},
    {MOFC_SCOPE_REFERENCE, "reference", "REFERENCE"},
    {MOFC_SCOPE_METHOD, "method", "METHOD"},
    {MOFC_SCOPE_PARAMETER, "parameter", "PARAMETER"},
};

const char *mofc_type_name(enum mofc_type t)
{
    return (unsigned)t < sizeof type_names / sizeof *type_names ? type_names[t] : "?";
}

bool mofc_type_is_integer(enum mofc_type t)
{
    return t >= MOFC_TYPE_UINT8 && t <= MOFC_TYPE_SINT64;
}

bool mofc_type_is_signed(enum mofc_type t)
{
    return t == MOFC_TYPE_SINT8 || t == MOFC_TYPE_SINT16 || t == MOFC_TYPE_SINT32 ||
           t == MOFC_TYPE_SINT64;
}

int mofc_name_cmp(const char *a, const char *b)
{
    return fold_cmp(a, b);
}

const struct mofc_class *mofc_model_find_class(const struct mofc_model *m, const char *name)
{
    const struct model_impl *mi = (const struct model_impl *)m;
    size_t lo = 0, hi = m->nclasses;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = fold_cmp(mi->by_name[mid]->name, name);
        if (r == 0)
            return mi->by_name[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct mofc_qualifier_decl *mofc_model_find_qualifier_decl(const struct mofc_model *m,
                                                                 const char *name)
{
    size_t lo = 0, hi = m->nqualifier_decls;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = fold_cmp(m->qualifier_decls[mid]->name, name);
        if (r == 0)
            return m->qualifier_decls[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct mofc_property *mofc_class_find_property(const struct mofc_class *c,
                                                     const char *name)
{
    for (size_t i = 0; i < c->nproperties; i++)
        if (fold_cmp(c->properties[i]->name, name) == 0)
            return c->properties[i];
    return NULL;
}

const struct mofc_method *mofc_class_find_method(const struct mofc_class *c, const char *name)
{
    for (size_t i = 0; i < c->nmethods; i++)
        if (fold_cmp(c->methods[i]->name, name) == 0)
            return c->methods[i];
    return NULL;
}

const struct mofc_qualifier *mofc_qualifiers_find(const struct mofc_qualifier_list *l,
                                                  const char *name)
{
    for (size_t i = 0; i < l->count; i++)
        if (fold_cmp(l->items[i].name, name) == 0)
            return &l->items[i];
    return NULL;
}

bool mofc_class_is_a(const struct mofc_class *c, const struct mofc_class *base)
{
    for (; c; c = c->superclass)
        if (c == base)
            return true;
    return false;
}
