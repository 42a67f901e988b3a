/*
 * inherit.c - one class at a time, superclass first: qualifiers, local
 * features, overrides against the flattened superclass, then the class's
 * own flattened feature lists, keys and class-level rules.
 *
 * Inherited features that a class does not restate are shared, not
 * copied (model.h explains how back ends see that).  A restated feature
 * keeps the slot of the one it overrides, so every class lists its
 * features root-first in a stable order.
 */
#include <stdlib.h>
#include <string.h>

#include "sema/sema.h"


const char *sema_what(struct sema *s, const char *kind, const char *cls, const char *member)
{
    size_t lk = strlen(kind), lc = strlen(cls), lm = member ? strlen(member) : 0;
    char *p = arena_alloc(s->a, lk + lc + lm + 5);
    char *q = p;
    memcpy(q, kind, lk);
    q += lk;
    *q++ = ' ';
    *q++ = '\'';
    memcpy(q, cls, lc);
    q += lc;
    if (member) {
        *q++ = '.';
        memcpy(q, member, lm);
        q += lm;
    }
    *q++ = '\'';
    *q = '\0';
    return p;
}

static const struct ast_qualifier *written_qual(const struct ast_qualifier *l,
                                                const struct name *key)
{
    for (; l; l = l->next)
        if (l->name->key == key)
            return l;
    return NULL;
}

/* Written as [Q] or [Q(true)]. */
static bool written_true(const struct ast_qualifier *l, const struct name *key)
{
    const struct ast_qualifier *q = written_qual(l, key);
    return q && (!q->value || (q->value->kind == AV_BOOL && q->value->u.boolean));
}

static uint32_t qual_u32(const struct mofc_qualifier_list *l, const struct name *key,
                         uint32_t dflt)
{
    const struct mofc_qualifier *q = sema_qual_get(l, key);
    if (!q || q->value.is_null || q->value.is_array || !mofc_type_is_integer(q->value.type))
        return dflt;
    return (uint32_t)q->value.v.u;
}

static bool qual_s64(const struct mofc_qualifier_list *l, const struct name *key, int64_t *out)
{
    const struct mofc_qualifier *q = sema_qual_get(l, key);
    if (!q || q->value.is_null || q->value.is_array || !mofc_type_is_integer(q->value.type))
        return false;
    *out = q->value.v.s;
    return true;
}

static const char *qual_string(const struct mofc_qualifier_list *l, const struct name *key)
{
    const struct mofc_qualifier *q = sema_qual_get(l, key);
    if (!q || q->value.is_null || q->value.is_array || q->value.type != MOFC_TYPE_STRING)
        return NULL;
    return q->value.v.string.text;
}

/* Resolves the written type of a property or parameter into `t`. */
static void resolve_type(struct sema *s, struct sclass *c, const struct ast_type *at,
                         const struct ast_array_spec *arr, bool is_param, struct mofc_typeinfo *t,
                         const char *what)
{
    struct mofc *m = s->m;
    memset(t, 0, sizeof *t);
    t->type = at->type;
    t->is_array = arr->is_array;
    if (arr->has_size) {
        if (arr->size == 0) {
            if (s->wmi)
                diag_warning(m, MOFC_W_SYNTAX, &arr->loc, "array-size-zero",
                             "fixed array size 0 on %s", what);
            else
                diag_error(m, &arr->loc, "array-size-zero", "fixed array size 0 on %s", what);
        } else if (arr->size > UINT32_MAX) {
            diag_error(m, &arr->loc, "array-size", "array size of %s is too large", what);
        } else {
            t->array_size = (uint32_t)arr->size;
        }
    }
    if (at->type == MOFC_TYPE_REFERENCE) {
        if (!at->class_name) {
            if (!s->wmi)
                diag_error(m, &at->loc, "wmi-object-ref",
                           "'object ref' (weakly typed reference) is a WMI extension; compile "
                           "with --dialect=wmi");
            return;
        }
        struct sclass *rc = sema_find_class(s, c->ast->ns, at->class_name);
        if (!rc) {
            const char *hint = sema_suggest_class(s, c->ast->ns, at->class_name->text);
            struct diag_rec *r;
            if (hint)
                r = diag_error(m, &at->loc, "unknown-class",
                               "reference class '%s' of %s is not declared; did you mean '%s'?",
                               at->class_name->text, what, hint);
            else
                r = diag_error(m, &at->loc, "unknown-class",
                               "reference class '%s' of %s is not declared",
                               at->class_name->text, what);
            const char *pack = sema_pack_providing(at->class_name->text);
            if (pack)
                diag_note(m, r, NULL, "'%s' is in mofc's '%s' base schema: add --with %s",
                          at->class_name->text, pack, pack);
            return;
        }
        t->ref_class = &rc->pub;
        if (arr->is_array && !is_param && !s->wmi)
            diag_error(m, &arr->loc, "reference-array",
                       "%s: a reference property cannot be an array in DMTF MOF v2", what);
        return;
    }
    if (at->type == MOFC_TYPE_OBJECT) {
        if (!s->wmi) {
            /* Still resolve the class: it is used, whatever the syntax. */
            struct sclass *ec = at->class_name ? sema_find_class(s, c->ast->ns, at->class_name)
                                               : NULL;
            t->embedded_class = ec ? &ec->pub : NULL;
            if (at->class_name)
                diag_error(m, &at->loc, "class-typed-property",
                           "'%s' is not a data type; for an embedded instance write `string` "
                           "with EmbeddedInstance(\"%s\"), or compile with --dialect=wmi",
                           at->class_name->text, at->class_name->text);
            else
                diag_error(m, &at->loc, "wmi-object",
                           "type 'object' is a WMI extension; compile with --dialect=wmi");
            t->type = MOFC_TYPE_STRING;
            return;
        }
        if (at->class_name) {
            t->embedded_name = at->class_name->text;
            struct sclass *ec = sema_find_class(s, c->ast->ns, at->class_name);
            if (ec)
                t->embedded_class = &ec->pub;
            else
                diag_warning(m, MOFC_W_QUALIFIER, &at->loc, "unknown-class",
                             "embedded class '%s' of %s is not declared",
                             at->class_name->text, what);
        }
    }
}

static bool same_typeinfo(const struct mofc_typeinfo *a, const struct mofc_typeinfo *b)
{
    return a->type == b->type && a->is_array == b->is_array && a->array_size == b->array_size;
}

static const char *type_text(struct sema *s, const struct mofc_typeinfo *t)
{
    const char *base = t->type == MOFC_TYPE_REFERENCE && t->ref_class
                           ? arena_printf(s->a, "%s ref", t->ref_class->name)
                           : mofc_type_name(t->type);
    if (!t->is_array)
        return base;
    if (t->array_size)
        return arena_printf(s->a, "%s[%u]", base, t->array_size);
    return arena_printf(s->a, "%s[]", base);
}

/* EmbeddedObject / EmbeddedInstance and the flags every element shares. */
static unsigned element_flags(struct sema *s, struct sclass *c, const struct mofc_qualifier_list *q,
                              struct mofc_typeinfo *t, const struct loc *at, const char *what)
{
    struct mofc *m = s->m;
    unsigned f = 0;
    if (sema_qual_true(q, s->n_required))
        f |= MOFC_PROP_REQUIRED;
    if (sema_qual_get(q, s->n_deprecated))
        f |= MOFC_PROP_DEPRECATED;
    if (sema_qual_true(q, s->n_experimental))
        f |= MOFC_PROP_EXPERIMENTAL;
    if (sema_qual_true(q, s->n_static))
        f |= MOFC_PROP_STATIC;
    bool eo = sema_qual_true(q, s->n_embeddedobject);
    const char *ei = qual_string(q, s->n_embeddedinstance);
    if (eo)
        f |= MOFC_PROP_EMBEDDED_OBJECT;
    if (ei) {
        f |= MOFC_PROP_EMBEDDED_INSTANCE;
        t->embedded_name = ei;
        const struct name *en = intern_cstr(&m->names, ei);
        struct sclass *ec = sema_find_class(s, c->ast->ns, en);
        if (ec) {
            t->embedded_class = &ec->pub;
        } else {
            struct diag_rec *r;
            if (s->wmi)
                r = diag_warning(m, MOFC_W_QUALIFIER, at, "unknown-class",
                                 "EmbeddedInstance(\"%s\") on %s names a class that is not "
                                 "declared", ei, what);
            else
                r = diag_error(m, at, "unknown-class",
                               "EmbeddedInstance(\"%s\") on %s names a class that is not "
                               "declared", ei, what);
            const char *pack = sema_pack_providing(ei);
            if (pack)
                diag_note(m, r, NULL, "'%s' is in mofc's '%s' base schema: add --with %s", ei,
                          pack, pack);
        }
    }
    if ((eo || ei) && t->type != MOFC_TYPE_STRING && t->type != MOFC_TYPE_OBJECT) {
        if (s->wmi)
            diag_warning(m, MOFC_W_QUALIFIER, at, "embedded-not-string",
                         "%s carries an embedded object but is %s, not string", what,
                         mofc_type_name(t->type));
        else
            diag_error(m, at, "embedded-not-string",
                       "%s carries an embedded object but is %s, not string", what,
                       mofc_type_name(t->type));
    }
    if (eo && ei)
        diag_error(m, at, "embedded-both",
                   "%s has both EmbeddedObject and EmbeddedInstance", what);
    return f;
}

/* MaxLen/MinLen/MaxValue/MinValue consistency, and the default against them. */
static void check_limits(struct sema *s, struct mofc_property *p, const struct loc *at,
                         const char *what)
{
    struct mofc *m = s->m;
    if (p->max_len && p->min_len > p->max_len) {
        if (s->wmi)
            diag_warning(m, MOFC_W_RANGE, at, "minlen-maxlen",
                         "%s: MinLen(%u) is greater than MaxLen(%u)", what, p->min_len,
                         p->max_len);
        else
            diag_error(m, at, "minlen-maxlen", "%s: MinLen(%u) is greater than MaxLen(%u)",
                       what, p->min_len, p->max_len);
    }
    if (p->has_min_value && p->has_max_value && p->min_value > p->max_value) {
        if (s->wmi)
            diag_warning(m, MOFC_W_RANGE, at, "minvalue-maxvalue",
                         "%s: MinValue(%lld) is greater than MaxValue(%lld)", what,
                         (long long)p->min_value, (long long)p->max_value);
        else
            diag_error(m, at, "minvalue-maxvalue",
                       "%s: MinValue(%lld) is greater than MaxValue(%lld)", what,
                       (long long)p->min_value, (long long)p->max_value);
    }
    if (!p->default_value.is_null)
        sema_check_value_limits(s, p, &p->default_value, at, what, true);
}

void sema_check_value_limits(struct sema *s, const struct mofc_property *p,
                             const struct mofc_value *v, const struct loc *at, const char *what,
                             bool is_default)
{
    struct mofc *m = s->m;
    const char *value = is_default ? "default value" : "value";
#define ID(x) (is_default ? "default-" x : "value-" x)
    if (v->is_null)
        return;
    size_t n = v->is_array ? v->count : 1;
    for (size_t i = 0; i < n; i++) {
        const struct mofc_value *e = v->is_array ? &v->elements[i] : v;
        if (e->is_null)
            continue;
        if (e->type == MOFC_TYPE_STRING) {
            size_t chars = 0;
            for (size_t k = 0; k < e->v.string.len; k++)
                chars += ((unsigned char)e->v.string.text[k] & 0xC0) != 0x80;
            if (p->max_len && chars > p->max_len)
                diag_warning(m, MOFC_W_RANGE, at, ID("maxlen"),
                             "%s of %s has %zu character%s, more than MaxLen(%u)", value, what,
                             chars, chars == 1 ? "" : "s", p->max_len);
            if (chars < p->min_len)
                diag_warning(m, MOFC_W_RANGE, at, ID("minlen"),
                             "%s of %s has %zu character%s, fewer than MinLen(%u)", value, what,
                             chars, chars == 1 ? "" : "s", p->min_len);
            if (p->valuemap && p->valuemap->is_string &&
                !mofc_valuemap_lookup_string(p->valuemap, e->v.string.text))
                diag_warning(m, MOFC_W_VALUEMAP, at, ID("not-in-valuemap"),
                             "%s \"%s\" of %s is not in its ValueMap", value, e->v.string.text,
                             what);
        } else if (e->type == MOFC_TYPE_DATETIME && s->wmi && e->v.datetime->is_interval) {
            const struct mofc_qualifier *st = mofc_qualifiers_find(&p->qualifiers, "SubType");
            if (!st || st->value.is_null || st->value.type != MOFC_TYPE_STRING ||
                mofc_name_cmp(st->value.v.string.text, "interval") != 0)
                diag_warning(m, MOFC_W_QUALIFIER, at, "interval-without-subtype",
                             "%s of %s is an interval, but the property has no "
                             "SubType(\"interval\")", value, what);
        } else if (mofc_type_is_integer(e->type)) {
            bool sgn = mofc_type_is_signed(e->type);
            if (p->has_max_value && (sgn ? e->v.s > p->max_value
                                         : (p->max_value < 0 || e->v.u > (uint64_t)p->max_value)))
                diag_warning(m, MOFC_W_RANGE, at, ID("maxvalue"),
                             "%s of %s is greater than MaxValue(%lld)", value, what,
                             (long long)p->max_value);
            if (p->has_min_value && (sgn ? e->v.s < p->min_value
                                         : (p->min_value > 0 && e->v.u < (uint64_t)p->min_value)))
                diag_warning(m, MOFC_W_RANGE, at, ID("minvalue"),
                             "%s of %s is less than MinValue(%lld)", value, what,
                             (long long)p->min_value);
            if (p->valuemap && !p->valuemap->is_string &&
                !mofc_valuemap_lookup_int(p->valuemap, e->v.u))
                diag_warning(m, MOFC_W_VALUEMAP, at, ID("not-in-valuemap"),
                             "%s of %s is not in its ValueMap", value, what);
        }
    }
#undef ID
}

/* The ValueMap/BitMap table of an element: reused from the overridden
 * element when the qualifiers only propagated, so each table is parsed
 * (and its problems reported) once. */
static void element_maps(struct sema *s, const struct mofc_qualifier_list *q, enum mofc_type t,
                         const struct mofc_valuemap *inh_vm, const struct mofc_valuemap *inh_bm,
                         const struct loc *at, const char *what,
                         const struct mofc_valuemap **vm, const struct mofc_valuemap **bm,
                         bool *vm_inherited)
{
    const struct mofc_qualifier *qvm = sema_qual_get(q, s->n_valuemap);
    const struct mofc_qualifier *qv = sema_qual_get(q, s->n_values);
    bool local = (qvm && !qvm->propagated) || (qv && !qv->propagated);
    *vm_inherited = false;
    if (!qvm && !qv) {
        *vm = NULL;
    } else if (!local && inh_vm && inh_vm->type == t) {
        *vm = inh_vm;
        *vm_inherited = true;
    } else {
        *vm = sema_valuemap(s, q, t, false, at, what);
    }
    const struct mofc_qualifier *qbm = sema_qual_get(q, s->n_bitmap);
    const struct mofc_qualifier *qbv = sema_qual_get(q, s->n_bitvalues);
    bool blocal = (qbm && !qbm->propagated) || (qbv && !qbv->propagated);
    if (!qbm && !qbv)
        *bm = NULL;
    else if (!blocal && inh_bm && inh_bm->type == t)
        *bm = inh_bm;
    else
        *bm = sema_valuemap(s, q, t, true, at, what);
}

/* Checks Override("Name") naming: own name, or legacy "Class.Name" with
 * Class an ancestor. */
static void check_override_name(struct sema *s, struct sclass *c, const struct ast_qualifier *ov,
                                const char *name)
{
    if (!ov->value || ov->value->kind != AV_STRING)
        return;
    const char *v = ov->value->u.string.text;
    const char *dot = strrchr(v, '.');
    const char *member = dot ? dot + 1 : v;
    if (fold_cmp(member, name) != 0) {
        diag_error(s->m, &ov->value->loc, "override-rename",
                   "Override(\"%s\") on '%s' must name the element itself; an override "
                   "cannot rename", v, name);
        return;
    }
    if (dot) {
        const struct name *cn = intern(&s->m->names, v, (size_t)(dot - v));
        bool ancestor = false;
        for (struct sclass *p = c->super; p; p = p->super)
            if (p->key == cn->key)
                ancestor = true;
        if (!ancestor)
            diag_error(s->m, &ov->value->loc, "override-class",
                       "Override(\"%s\"): '%.*s' is not a superclass of '%s'", v,
                       (int)(dot - v), v, c->pub.name);
    }
}

struct feature_lists {
    VEC(const struct mofc_property *) props;
    VEC(const struct mofc_method *) methods;
};

/* Index+1 of an inherited feature in `c`'s flattened list, 0 if none. */
static size_t find_slot(const struct ptrmap *slots, struct sclass *c, const struct name *key)
{
    for (; c; c = c->pub.superclass ? c->super : NULL) {
        size_t v = (size_t)(uintptr_t)ptrmap_get(slots, c, key);
        if (v)
            return v;
    }
    return 0;
}

static void do_property(struct sema *s, struct sclass *c, struct sclass *sup,
                        struct ast_feature *f, struct feature_lists *fl)
{
    struct mofc *m = s->m;
    const char *what = sema_what(s, f->type.type == MOFC_TYPE_REFERENCE ? "reference"
                                                                          : "property",
                                 c->pub.name, f->name->text);
    struct sproperty *sp = ARENA_NEW(s->a, struct sproperty);
    struct mofc_property *p = &sp->pub;
    sp->loc = f->loc;
    sp->ast = f;
    p->name = f->name->text;
    p->owner = &c->pub;
    resolve_type(s, c, &f->type, &f->array, false, &p->t, what);
    bool is_ref = f->type.type == MOFC_TYPE_REFERENCE;
    enum element_kind kind = is_ref ? EK_REFERENCE : EK_PROPERTY;

    if (is_ref && !c->is_association && !s->wmi)
        diag_error(m, &f->type.loc, "reference-outside-association",
                   "%s: references are only allowed in associations (add the Association "
                   "qualifier to '%s')", what, c->pub.name);

    const struct ast_qualifier *ov = written_qual(f->quals, s->n_override);
    size_t slot = sup ? find_slot(&s->prop_slots, sup, f->name->key) : 0;
    const struct mofc_property *inh = slot ? sup->pub.properties[slot - 1] : NULL;
    size_t mslot = !inh && sup ? find_slot(&s->method_slots, sup, f->name->key) : 0;
    if (mslot) {
        const struct mofc_method *im = sup->pub.methods[mslot - 1];
        struct diag_rec *r = diag_error(m, &f->loc, "override-kind",
                                        "%s has the name of inherited method '%s.%s'", what,
                                        im->origin->name, im->name);
        diag_note(m, r, &SMETHOD(im)->loc, "method declared here");
    }

    if (inh) {
        if (ov) {
            check_override_name(s, c, ov, f->name->text);
        } else {
            struct diag_rec *r;
            if (s->wmi)
                r = diag_warning(m, MOFC_W_OVERRIDE, &f->loc, "missing-override",
                                 "%s hides inherited %s '%s.%s' without Override; treated as "
                                 "an override", what, is_ref ? "reference" : "property",
                                 inh->origin->name, inh->name);
            else
                r = diag_error(m, &f->loc, "missing-override",
                               "%s has the name of inherited %s '%s.%s'; add Override(\"%s\") "
                               "to override it", what, is_ref ? "reference" : "property",
                               inh->origin->name, inh->name, f->name->text);
            diag_note(m, r, &SPROP(inh)->loc, "'%s.%s' declared here", inh->owner->name,
                      inh->name);
        }
        bool inh_ref = inh->t.type == MOFC_TYPE_REFERENCE;
        if (inh_ref != is_ref) {
            struct diag_rec *r = diag_error(
                m, &f->loc, "override-kind", "%s overrides %s '%s.%s' with a %s", what,
                inh_ref ? "reference" : "property", inh->owner->name, inh->name,
                is_ref ? "reference" : "property");
            diag_note(m, r, &SPROP(inh)->loc, "overridden element declared here");
        } else if (is_ref) {
            if (p->t.ref_class && inh->t.ref_class &&
                !mofc_class_is_a(p->t.ref_class, inh->t.ref_class)) {
                struct diag_rec *r = diag_error(
                    m, &f->type.loc, "override-type",
                    "%s: reference class '%s' is not '%s' or a subclass of it", what,
                    p->t.ref_class->name, inh->t.ref_class->name);
                diag_note(m, r, &SPROP(inh)->loc, "overridden reference declared here");
            }
        } else if (!same_typeinfo(&p->t, &inh->t)) {
            struct diag_rec *r = diag_error(m, &f->type.loc, "override-type",
                                            "%s is %s but overrides '%s.%s' of type %s", what,
                                            type_text(s, &p->t), inh->owner->name, inh->name,
                                            type_text(s, &inh->t));
            diag_note(m, r, &SPROP(inh)->loc, "overridden property declared here");
        }
        p->origin = inh->origin;
        p->overridden = inh;
        p->qualifiers = sema_qualifiers(s, f->quals, kind, c->ast->ns, &inh->qualifiers,
                                        &SPROP(inh)->loc, what);
        /* Adding Key to an inherited property is common in the CIM schema
         * (InstanceID in many subclasses of CIM_ManagedElement); only
         * removing it is an error, which the DisableOverride check reports. */
    } else {
        if (ov && !c->poisoned) {
            if (!sup) {
                if (s->wmi)
                    diag_warning(m, MOFC_W_OVERRIDE, &ov->loc, "override-no-superclass",
                                 "%s has Override, but '%s' has no superclass", what,
                                 c->pub.name);
                else
                    diag_error(m, &ov->loc, "override-no-superclass",
                               "%s has Override, but '%s' has no superclass", what, c->pub.name);
            } else {
                diag_error(m, &ov->loc, "override-nothing",
                           "%s has Override, but no superclass of '%s' has a %s named '%s'",
                           what, c->pub.name, is_ref ? "reference" : "property", f->name->text);
            }
        }
        p->origin = &c->pub;
        p->qualifiers = sema_qualifiers(s, f->quals, kind, c->ast->ns, NULL, NULL, what);
    }

    /* Flags and limits from the effective qualifiers. */
    p->flags = element_flags(s, c, &p->qualifiers, &p->t, &f->loc, what);
    if (sema_qual_true(&p->qualifiers, s->n_key))
        p->flags |= MOFC_PROP_KEY;
    const struct mofc_qualifier *qr = sema_qual_get(&p->qualifiers, s->n_read);
    if (!qr || (qr->value.type == MOFC_TYPE_BOOLEAN && !qr->value.is_null && qr->value.v.boolean))
        p->flags |= MOFC_PROP_READ;
    if (sema_qual_true(&p->qualifiers, s->n_write))
        p->flags |= MOFC_PROP_WRITE;
    p->max_len = qual_u32(&p->qualifiers, s->n_maxlen, 0);
    p->min_len = qual_u32(&p->qualifiers, s->n_minlen, 0);
    p->has_max_value = qual_s64(&p->qualifiers, s->n_maxvalue, &p->max_value);
    p->has_min_value = qual_s64(&p->qualifiers, s->n_minvalue, &p->min_value);

    if (p->flags & MOFC_PROP_KEY) {
        if (p->t.is_array)
            diag_error(m, &f->loc, "key-array", "key %s cannot be an array", what);
        else if (p->t.type == MOFC_TYPE_REAL32 || p->t.type == MOFC_TYPE_REAL64 ||
                 p->t.type == MOFC_TYPE_DATETIME)
            diag_warning(m, MOFC_W_KEY, &f->loc, "key-type",
                         "key %s is %s, which makes a poor instance identity", what,
                         mofc_type_name(p->t.type));
    }
    const struct mofc_qualifier *qp = sema_qual_get(&p->qualifiers, s->n_propagated);
    if (qp && !qp->propagated && !(p->flags & MOFC_PROP_KEY)) {
        if (s->wmi)
            diag_warning(m, MOFC_W_KEY, &f->loc, "propagated-not-key",
                         "%s has Propagated but is not a key", what);
        else
            diag_error(m, &f->loc, "propagated-not-key", "%s has Propagated but is not a key",
                       what);
    }
    if (is_ref) {
        int64_t mn = 0, mx = 0;
        bool hmn = qual_s64(&p->qualifiers, s->n_min, &mn);
        bool hmx = qual_s64(&p->qualifiers, s->n_max, &mx);
        if (hmn && hmx && (uint64_t)mn > (uint64_t)mx)
            diag_error(m, &f->loc, "min-max", "%s: Min(%llu) is greater than Max(%llu)", what,
                       (unsigned long long)mn, (unsigned long long)mx);
    }

    bool vm_inh;
    element_maps(s, &p->qualifiers, p->t.type, inh ? inh->valuemap : NULL,
                 inh ? inh->bitmap : NULL, &f->loc, what, &p->valuemap, &p->bitmap, &vm_inh);
    p->valuemap_owner = p->valuemap ? (vm_inh ? inh->valuemap_owner : &c->pub) : NULL;

    /* Default value. */
    if (f->default_value) {
        p->default_declared = true;
        char *w = arena_printf(s->a, "default value of %s", what);
        if (is_ref && f->default_value->kind == AV_ALIAS && !s->wmi)
            diag_error(m, &f->default_value->loc, "alias-default",
                       "an alias cannot be the default of %s", what);
        sema_convert_value(s, f->default_value, p->t.type, p->t.is_array, w, &p->default_value);
        if (p->t.array_size && p->default_value.is_array &&
            p->default_value.count > p->t.array_size) {
            if (s->wmi)
                diag_warning(m, MOFC_W_RANGE, &f->default_value->loc, "array-too-long",
                             "%s has %zu elements, more than its size %u", w,
                             p->default_value.count, p->t.array_size);
            else
                diag_error(m, &f->default_value->loc, "array-too-long",
                           "%s has %zu elements, more than its size %u", w,
                           p->default_value.count, p->t.array_size);
        }
    } else if (inh) {
        p->default_value = inh->default_value;
    } else {
        p->default_value.type = p->t.type;
        p->default_value.is_array = p->t.is_array;
        p->default_value.is_null = true;
    }
    check_limits(s, p, f->default_value ? &f->default_value->loc : &f->loc, what);

    if (inh) {
        fl->props.items[slot - 1] = p;
    } else {
        VEC_PUSH(fl->props, p);
        slot = fl->props.len;
    }
    ptrmap_put(&s->prop_slots, c, f->name->key, (void *)(uintptr_t)slot);
}

static void do_params(struct sema *s, struct sclass *c, struct ast_feature *f,
                      struct mofc_method *mt, const struct mofc_method *inh)
{
    struct mofc *m = s->m;
    size_t n = 0;
    for (struct ast_param *ap = f->params; ap; ap = ap->next)
        n++;
    struct mofc_parameter *params = ARENA_ARRAY(s->a, struct mofc_parameter, n + 1);
    size_t i = 0;
    for (struct ast_param *ap = f->params; ap; ap = ap->next) {
        bool dup = false;
        for (struct ast_param *q = f->params; q != ap; q = q->next) {
            if (q->name->key == ap->name->key) {
                struct diag_rec *r =
                    diag_error(m, &ap->loc, "duplicate-parameter",
                               "method '%s.%s' has two parameters named '%s'", c->pub.name,
                               f->name->text, ap->name->text);
                diag_note(m, r, &q->loc, "first one is here");
                dup = true;
            }
        }
        if (dup)
            continue;
        struct mofc_parameter *pp = &params[i++];
        char *what = arena_printf(s->a, "parameter '%s' of method '%s.%s'", ap->name->text,
                                  c->pub.name, f->name->text);
        pp->name = ap->name->text;
        pp->loc = sema_location(s, &ap->loc);
        resolve_type(s, c, &ap->type, &ap->array, true, &pp->t, what);
        const struct mofc_parameter *ip = NULL;
        for (size_t k = 0; inh && k < inh->nparams; k++)
            if (fold_cmp(inh->params[k].name, pp->name) == 0)
                ip = &inh->params[k];
        pp->qualifiers = sema_qualifiers(s, ap->quals, EK_PARAMETER, c->ast->ns,
                                         ip ? &ip->qualifiers : NULL,
                                         inh ? &SMETHOD(inh)->loc : NULL, what);
        pp->flags = element_flags(s, c, &pp->qualifiers, &pp->t, &ap->loc, what);
        const struct mofc_qualifier *qin = sema_qual_get(&pp->qualifiers, s->n_in);
        if (!qin || (!qin->value.is_null && qin->value.v.boolean))
            pp->flags |= MOFC_PROP_IN;
        if (sema_qual_true(&pp->qualifiers, s->n_out))
            pp->flags |= MOFC_PROP_OUT;
        if (!(pp->flags & (MOFC_PROP_IN | MOFC_PROP_OUT)))
            diag_warning(m, MOFC_W_QUALIFIER, &ap->loc, "parameter-direction",
                         "%s is neither In nor Out", what);
        pp->max_len = qual_u32(&pp->qualifiers, s->n_maxlen, 0);
        pp->min_len = qual_u32(&pp->qualifiers, s->n_minlen, 0);
        bool vm_inh;
        element_maps(s, &pp->qualifiers, pp->t.type, ip ? ip->valuemap : NULL,
                     ip ? ip->bitmap : NULL, &ap->loc, what, &pp->valuemap, &pp->bitmap,
                     &vm_inh);
        pp->default_value.type = pp->t.type;
        pp->default_value.is_array = pp->t.is_array;
        pp->default_value.is_null = true;
        if (ap->default_value) {
            if (!s->wmi)
                diag_error(m, &ap->default_value->loc, "parameter-default",
                           "parameter default values are not DMTF MOF v2 (%s)", what);
            char *w = arena_printf(s->a, "default value of %s", what);
            sema_convert_value(s, ap->default_value, pp->t.type, pp->t.is_array, w,
                               &pp->default_value);
        }
    }
    mt->params = params;
    mt->nparams = i;
    /* WMI numbers parameters with ID; mofcomp fills in missing ones, but
     * two with one ID cannot both be right. */
    for (size_t a = 0; s->wmi && a < i; a++) {
        const struct mofc_qualifier *qa = mofc_qualifiers_find(&params[a].qualifiers, "ID");
        for (size_t b = 0; qa && !qa->value.is_null && b < a; b++) {
            const struct mofc_qualifier *qb = mofc_qualifiers_find(&params[b].qualifiers, "ID");
            if (qb && !qb->value.is_null && qb->value.v.s == qa->value.v.s) {
                struct ast_param *pa = f->params;
                while (pa && fold_cmp(pa->name->text, params[a].name) != 0)
                    pa = pa->next;
                diag_warning(m, MOFC_W_QUALIFIER, pa ? &pa->loc : &f->loc, "duplicate-id",
                             "parameters '%s' and '%s' of method '%s.%s' have the same ID(%lld)",
                             params[b].name, params[a].name, c->pub.name, f->name->text,
                             (long long)qa->value.v.s);
                break;
            }
        }
    }
}

static bool same_signature(const struct mofc_method *a, const struct mofc_method *b,
                           const char **why, struct sema *s)
{
    if (!same_typeinfo(&a->ret, &b->ret)) {
        *why = arena_printf(s->a, "return type %s differs from %s", type_text(s, &a->ret),
                            type_text(s, &b->ret));
        return false;
    }
    if (a->nparams != b->nparams) {
        *why = arena_printf(s->a, "%zu parameters instead of %zu", a->nparams, b->nparams);
        return false;
    }
    for (size_t i = 0; i < a->nparams; i++) {
        const struct mofc_parameter *x = &a->params[i], *y = &b->params[i];
        if (fold_cmp(x->name, y->name) != 0) {
            *why = arena_printf(s->a, "parameter %zu is '%s' instead of '%s'", i + 1, x->name,
                                y->name);
            return false;
        }
        if (!same_typeinfo(&x->t, &y->t)) {
            *why = arena_printf(s->a, "parameter '%s' is %s instead of %s", x->name,
                                type_text(s, &x->t), type_text(s, &y->t));
            return false;
        }
    }
    return true;
}

static void do_method(struct sema *s, struct sclass *c, struct sclass *sup,
                      struct ast_feature *f, struct feature_lists *fl)
{
    struct mofc *m = s->m;
    const char *what = sema_what(s, "method", c->pub.name, f->name->text);
    struct smethod *sm = ARENA_NEW(s->a, struct smethod);
    struct mofc_method *mt = &sm->pub;
    sm->loc = f->loc;
    sm->ast = f;
    mt->name = f->name->text;
    mt->owner = &c->pub;
    struct ast_array_spec ra = {f->return_array, false, 0, f->type.loc};
    resolve_type(s, c, &f->type, &ra, true, &mt->ret, what);
    if (!s->wmi) {
        if (f->type.type == MOFC_TYPE_NONE)
            diag_error(m, &f->type.loc, "void-method",
                       "%s: 'void' is not DMTF MOF v2; return a uint32 status instead", what);
        else if (f->return_array)
            diag_error(m, &f->type.loc, "array-return",
                       "%s: methods cannot return arrays in DMTF MOF v2", what);
        else if (f->type.type == MOFC_TYPE_REFERENCE)
            diag_error(m, &f->type.loc, "reference-return",
                       "%s: methods cannot return references in DMTF MOF v2", what);
    }

    const struct ast_qualifier *ov = written_qual(f->quals, s->n_override);
    size_t slot = sup ? find_slot(&s->method_slots, sup, f->name->key) : 0;
    const struct mofc_method *inh = slot ? sup->pub.methods[slot - 1] : NULL;
    size_t pslot = !inh && sup ? find_slot(&s->prop_slots, sup, f->name->key) : 0;
    if (pslot) {
        const struct mofc_property *ip = sup->pub.properties[pslot - 1];
        struct diag_rec *r = diag_error(m, &f->loc, "override-kind",
                                        "%s has the name of inherited property '%s.%s'", what,
                                        ip->origin->name, ip->name);
        diag_note(m, r, &SPROP(ip)->loc, "property declared here");
    }
    if (inh) {
        if (ov) {
            check_override_name(s, c, ov, f->name->text);
        } else {
            struct diag_rec *r;
            if (s->wmi)
                r = diag_warning(m, MOFC_W_OVERRIDE, &f->loc, "missing-override",
                                 "%s hides inherited method '%s.%s' without Override; treated "
                                 "as an override", what, inh->origin->name, inh->name);
            else
                r = diag_error(m, &f->loc, "missing-override",
                               "%s has the name of inherited method '%s.%s'; add "
                               "Override(\"%s\") to override it", what, inh->origin->name,
                               inh->name, f->name->text);
            diag_note(m, r, &SMETHOD(inh)->loc, "'%s.%s' declared here", inh->owner->name,
                      inh->name);
        }
        mt->origin = inh->origin;
        mt->overridden = inh;
        mt->qualifiers = sema_qualifiers(s, f->quals, EK_METHOD, c->ast->ns, &inh->qualifiers,
                                         &SMETHOD(inh)->loc, what);
    } else {
        if (ov && !c->poisoned) {
            if (!sup)
                diag_error(m, &ov->loc, "override-no-superclass",
                           "%s has Override, but '%s' has no superclass", what, c->pub.name);
            else
                diag_error(m, &ov->loc, "override-nothing",
                           "%s has Override, but no superclass of '%s' has a method named "
                           "'%s'", what, c->pub.name, f->name->text);
        }
        mt->origin = &c->pub;
        mt->qualifiers = sema_qualifiers(s, f->quals, EK_METHOD, c->ast->ns, NULL, NULL, what);
    }
    mt->flags = element_flags(s, c, &mt->qualifiers, &mt->ret, &f->loc, what);
    do_params(s, c, f, mt, inh);
    if (inh) {
        const char *why;
        if (!same_signature(mt, inh, &why, s)) {
            struct diag_rec *r = diag_error(m, &f->loc, "override-signature",
                                            "%s overrides '%s.%s' with another signature: %s",
                                            what, inh->owner->name, inh->name, why);
            diag_note(m, r, &SMETHOD(inh)->loc, "overridden method declared here");
        }
    }
    bool vm_inh;
    element_maps(s, &mt->qualifiers, mt->ret.type, inh ? inh->valuemap : NULL,
                 inh ? inh->bitmap : NULL, &f->loc, what, &mt->valuemap, &mt->bitmap, &vm_inh);

    if (inh) {
        fl->methods.items[slot - 1] = mt;
    } else {
        VEC_PUSH(fl->methods, mt);
        slot = fl->methods.len;
    }
    ptrmap_put(&s->method_slots, c, f->name->key, (void *)(uintptr_t)slot);
}

static void class_rules(struct sema *s, struct sclass *c, struct sclass *sup)
{
    struct mofc *m = s->m;
    struct ast_class *ac = c->ast;
    const struct mofc_qualifier_list *q = &c->pub.qualifiers;
    unsigned f = 0;
    if (c->is_association)
        f |= MOFC_CLASS_ASSOCIATION;
    if (c->is_indication)
        f |= MOFC_CLASS_INDICATION;
    if (sema_qual_true(q, s->n_abstract))
        f |= MOFC_CLASS_ABSTRACT;
    if (sema_qual_true(q, s->n_terminal))
        f |= MOFC_CLASS_TERMINAL;
    if (sema_qual_true(q, s->n_aggregation))
        f |= MOFC_CLASS_AGGREGATION;
    if (sema_qual_true(q, s->n_exception))
        f |= MOFC_CLASS_EXCEPTION;
    if (sema_qual_get(q, s->n_deprecated))
        f |= MOFC_CLASS_DEPRECATED;
    if (sema_qual_true(q, s->n_experimental))
        f |= MOFC_CLASS_EXPERIMENTAL;
    if (sema_qual_true(q, s->n_singleton))
        f |= MOFC_CLASS_SINGLETON;
    if (sema_qual_true(q, s->n_structure))
        f |= MOFC_CLASS_STRUCTURE;
    c->pub.flags = f;

    if (sup && (sup->pub.flags & MOFC_CLASS_TERMINAL)) {
        struct diag_rec *r = diag_error(m, &ac->super_loc, "terminal-superclass",
                                        "class '%s' derives from Terminal class '%s'",
                                        c->pub.name, sup->pub.name);
        diag_note(m, r, &sup->ast->loc, "'%s' declared here", sup->pub.name);
    }
    if ((f & MOFC_CLASS_ABSTRACT) && (f & MOFC_CLASS_TERMINAL))
        diag_error(m, &ac->loc, "abstract-terminal", "class '%s' is both Abstract and Terminal",
                   c->pub.name);
    if (sup && written_true(ac->quals, s->n_association) && !sup->is_association) {
        struct diag_rec *r;
        if (s->wmi)
            r = diag_warning(m, MOFC_W_ASSOCIATION, &ac->loc, "association-superclass",
                             "association '%s' derives from '%s', which is not an association",
                             c->pub.name, sup->pub.name);
        else
            r = diag_error(m, &ac->loc, "association-superclass",
                           "association '%s' derives from '%s', which is not an association",
                           c->pub.name, sup->pub.name);
        diag_note(m, r, &sup->ast->loc, "'%s' declared here", sup->pub.name);
    }
    if (sup && written_true(ac->quals, s->n_indication) && !sup->is_indication)
        diag_warning(m, MOFC_W_ASSOCIATION, &ac->loc, "indication-superclass",
                     "indication '%s' derives from '%s', which is not an indication",
                     c->pub.name, sup->pub.name);

    if (c->is_association) {
        size_t nrefs = 0, nweak = 0;
        const struct mofc_property *weak2 = NULL;
        for (size_t i = 0; i < c->pub.nproperties; i++) {
            const struct mofc_property *p = c->pub.properties[i];
            if (p->t.type != MOFC_TYPE_REFERENCE)
                continue;
            nrefs++;
            if (p->owner == &c->pub && sema_qual_true(&p->qualifiers, s->n_aggregate) &&
                !(f & MOFC_CLASS_AGGREGATION) && !sema_qual_get(q, s->n_aggregation))
                diag_warning(m, MOFC_W_ASSOCIATION, &SPROP(p)->loc, "aggregate-without-aggregation",
                             "reference '%s.%s' is Aggregate but '%s' is not an Aggregation",
                             c->pub.name, p->name, c->pub.name);
            if (sema_qual_true(&p->qualifiers, s->n_weak)) {
                nweak++;
                if (nweak == 2)
                    weak2 = p;
            }
        }
        if (!sup && nrefs < 2 && !c->poisoned && !c->incomplete) {
            if (s->wmi)
                diag_warning(m, MOFC_W_ASSOCIATION, &ac->loc, "association-references",
                             "association '%s' has %zu reference%s; it needs at least two",
                             c->pub.name, nrefs, nrefs == 1 ? "" : "s");
            else
                diag_error(m, &ac->loc, "association-references",
                           "association '%s' has %zu reference%s; it needs at least two",
                           c->pub.name, nrefs, nrefs == 1 ? "" : "s");
        }
        if (weak2 && weak2->owner == &c->pub) {
            if (s->wmi)
                diag_warning(m, MOFC_W_ASSOCIATION, &SPROP(weak2)->loc, "weak-twice",
                             "association '%s' has more than one Weak reference", c->pub.name);
            else
                diag_error(m, &SPROP(weak2)->loc, "weak-twice",
                           "association '%s' has more than one Weak reference", c->pub.name);
        }
    }
    if (s->wmi && c->pub.origin == MOFC_ORIGIN_USER) {
        bool dyn = sema_qual_true(q, s->n_dynamic);
        bool prov = sema_qual_get(q, s->n_provider) != NULL;
        /* Dynamic without Provider is normal: event-tracing classes
         * (EventTrace) are Dynamic with an implicit provider. */
        if (prov && !dyn)
            diag_warning(m, MOFC_W_QUALIFIER, &ac->loc, "provider-without-dynamic",
                         "class '%s' names a Provider but is not Dynamic", c->pub.name);
    }
}

static void flatten(struct sema *s, struct sclass *c)
{
    struct mofc *m = s->m;
    struct ast_class *ac = c->ast;
    struct sclass *sup = c->super && c->super->flattened ? c->super : NULL;
    const char *what = sema_what(s, "class", c->pub.name, NULL);

    c->incomplete = sup && sup->incomplete;
    c->is_association = written_true(ac->quals, s->n_association) ||
                        (sup && sup->is_association);
    c->is_indication = written_true(ac->quals, s->n_indication) || (sup && sup->is_indication);
    enum element_kind kind = c->is_association ? EK_ASSOCIATION
                             : c->is_indication ? EK_INDICATION
                                                : EK_CLASS;
    c->pub.superclass = sup ? &sup->pub : NULL;
    c->pub.depth = sup ? sup->pub.depth + 1 : 0;
    c->pub.qualifiers = sema_qualifiers(s, ac->quals, kind, ac->ns,
                                        sup ? &sup->pub.qualifiers : NULL,
                                        sup ? &sup->ast->loc : NULL, what);

    struct feature_lists fl;
    memset(&fl, 0, sizeof fl);
    if (sup) {
        for (size_t i = 0; i < sup->pub.nproperties; i++)
            VEC_PUSH(fl.props, sup->pub.properties[i]);
        for (size_t i = 0; i < sup->pub.nmethods; i++)
            VEC_PUSH(fl.methods, sup->pub.methods[i]);
    }

    /* Duplicates among the class's own features are reported once, here. */
    for (struct ast_feature *f = ac->features; f; f = f->next) {
        if (f->kind == AF_ERROR) {
            c->incomplete = true;
            continue;
        }
        struct ast_feature *prev = ptrmap_get(&s->local_features, c, f->name->key);
        if (prev) {
            if (prev->kind == f->kind) {
                struct diag_rec *r = diag_error(
                    m, &f->loc, "duplicate-feature", "class '%s' already has a %s named '%s'",
                    c->pub.name, f->kind == AF_METHOD ? "method" : "property", f->name->text);
                diag_note(m, r, &prev->loc, "first declared here");
                continue;
            }
            diag_warning(m, MOFC_W_NAMING, &f->loc, "property-method-clash",
                         "class '%s' has a property and a method named '%s'", c->pub.name,
                         f->name->text);
        }
        ptrmap_put(&s->local_features, c, f->name->key, f);
        if (f->kind == AF_PROPERTY)
            do_property(s, c, sup, f, &fl);
        else
            do_method(s, c, sup, f, &fl);
    }

    c->pub.nproperties = fl.props.len;
    c->pub.properties = VEC_FREEZE(s->a, fl.props);
    c->pub.nmethods = fl.methods.len;
    c->pub.methods = VEC_FREEZE(s->a, fl.methods);
    VEC_FREE(fl.props);
    VEC_FREE(fl.methods);

    size_t nkeys = 0;
    for (size_t i = 0; i < c->pub.nproperties; i++)
        nkeys += (c->pub.properties[i]->flags & MOFC_PROP_KEY) != 0;
    const struct mofc_property **keys = ARENA_ARRAY(s->a, const struct mofc_property *,
                                                    nkeys + 1);
    nkeys = 0;
    for (size_t i = 0; i < c->pub.nproperties; i++)
        if (c->pub.properties[i]->flags & MOFC_PROP_KEY)
            keys[nkeys++] = c->pub.properties[i];
    c->pub.keys = keys;
    c->pub.nkeys = nkeys;

    class_rules(s, c, sup);
    c->flattened = true;
}

void sema_inherit(struct sema *s)
{
    for (size_t i = 0; i < s->order.len && !s->m->stop; i++) {
        struct sclass *c = s->order.items[i];
        if (c->poisoned && c->state != RS_DONE)
            continue;
        flatten(s, c);
    }
}
