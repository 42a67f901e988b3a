/*
 * qualifier.c - checking qualifier uses and computing effective lists.
 *
 * A use is checked against its declaration (found per namespace, then in
 * the shipped set): scope, type, array-ness, flavors.  The effective list
 * of an element is what is written there plus what propagates from the
 * element it inherits from (ToSubclass and not restated).  In the WMI
 * dialect an undeclared qualifier is typed from its value, as mofcomp
 * does, and the WMI declarations mofc ships are advice rather than law.
 */
#include <stdlib.h>
#include <string.h>

#include "sema/sema.h"

static const char *const kind_names[] = {
    [EK_CLASS] = "class", [EK_ASSOCIATION] = "association", [EK_INDICATION] = "indication",
    [EK_PROPERTY] = "property", [EK_REFERENCE] = "reference", [EK_METHOD] = "method",
    [EK_PARAMETER] = "parameter", [EK_INSTANCE] = "instance",
};

static unsigned scope_bit(enum element_kind k)
{
    switch (k) {
    case EK_CLASS: return MOFC_SCOPE_CLASS;
    case EK_ASSOCIATION: return MOFC_SCOPE_ASSOCIATION;
    case EK_INDICATION: return MOFC_SCOPE_INDICATION;
    case EK_PROPERTY: return MOFC_SCOPE_PROPERTY;
    case EK_REFERENCE: return MOFC_SCOPE_REFERENCE;
    case EK_METHOD: return MOFC_SCOPE_METHOD;
    case EK_PARAMETER: return MOFC_SCOPE_PARAMETER;
    default: return MOFC_SCOPE_ANY;
    }
}

static const char *scope_text(struct sema *s, unsigned scopes)
{
    if ((scopes & MOFC_SCOPE_ANY) == MOFC_SCOPE_ANY)
        return "any";
    char buf[128] = "";
    for (unsigned i = 0; i < 7; i++) {
        if (scopes & mofc_scope_names[i].bit) {
            if (buf[0])
                strcat(buf, ", ");
            strcat(buf, mofc_scope_names[i].mof);
        }
    }
    return arena_strdup(s->a, buf[0] ? buf : "none");
}

bool sema_qual_true(const struct mofc_qualifier_list *l, const struct name *key)
{
    const struct mofc_qualifier *q = sema_qual_get(l, key);
    return q && !q->value.is_null && q->value.type == MOFC_TYPE_BOOLEAN && !q->value.is_array &&
           q->value.v.boolean;
}

const struct mofc_qualifier *sema_qual_get(const struct mofc_qualifier_list *l,
                                           const struct name *key)
{
    /* Hot: called for every flag of every element.  Every declaration is
     * a struct squaldecl (public part first) keyed by its interned name,
     * so this is a pointer comparison per qualifier. */
    for (size_t i = 0; i < l->count; i++)
        if (((const struct squaldecl *)(const void *)l->items[i].decl)->key == key)
            return &l->items[i];
    return NULL;
}

/* The type a WMI qualifier gets from its literal. */
static enum mofc_type infer_type(const struct ast_value *v, bool *is_array)
{
    *is_array = false;
    if (!v)
        return MOFC_TYPE_BOOLEAN;
    if (v->kind == AV_ARRAY) {
        *is_array = true;
        for (const struct ast_value *e = v->u.array.head; e; e = e->next) {
            bool dummy;
            if (e->kind != AV_NULL)
                return infer_type(e, &dummy);
        }
        return MOFC_TYPE_STRING;
    }
    switch (v->kind) {
    case AV_BOOL: return MOFC_TYPE_BOOLEAN;
    case AV_INT:
        if (v->u.integer.neg)
            return v->u.integer.mag <= 2147483648u ? MOFC_TYPE_SINT32 : MOFC_TYPE_SINT64;
        return v->u.integer.mag <= 2147483647u ? MOFC_TYPE_SINT32
               : v->u.integer.mag <= 9223372036854775807u ? MOFC_TYPE_SINT64
                                                         : MOFC_TYPE_UINT64;
    case AV_REAL: return MOFC_TYPE_REAL64;
    case AV_CHAR: return MOFC_TYPE_CHAR16;
    default: return MOFC_TYPE_STRING;
    }
}

static struct squaldecl *inferred_decl(struct sema *s, const struct ast_qualifier *q,
                                       enum mofc_type t, bool is_array)
{
    struct squaldecl *d = ARENA_NEW(s->a, struct squaldecl);
    d->key = q->name->key;
    d->inferred = true;
    d->pub.name = q->name->text;
    d->pub.type = t;
    d->pub.is_array = is_array;
    d->pub.scopes = MOFC_SCOPE_ANY;
    d->pub.flavors = MOFC_FLAVOR_ENABLEOVERRIDE | MOFC_FLAVOR_TOSUBCLASS;
    d->pub.origin = MOFC_ORIGIN_USER;
    d->pub.default_value.type = t;
    d->pub.default_value.is_array = is_array;
    d->pub.default_value.is_null = true;
    return d;
}

/* Does the literal fit the declared type at all (before range checks)? */
static bool literal_matches(const struct ast_value *v, enum mofc_type t)
{
    if (!v || v->kind == AV_NULL)
        return true;
    if (v->kind == AV_ARRAY) {
        for (const struct ast_value *e = v->u.array.head; e; e = e->next)
            if (!literal_matches(e, t))
                return false;
        return true;
    }
    switch (v->kind) {
    case AV_BOOL: return t == MOFC_TYPE_BOOLEAN;
    case AV_INT: return mofc_type_is_integer(t) || t == MOFC_TYPE_REAL32 ||
                        t == MOFC_TYPE_REAL64;
    case AV_REAL: return t == MOFC_TYPE_REAL32 || t == MOFC_TYPE_REAL64;
    case AV_CHAR: return t == MOFC_TYPE_CHAR16;
    case AV_STRING: return t == MOFC_TYPE_STRING || t == MOFC_TYPE_DATETIME;
    default: return false;
    }
}

static unsigned apply_written_flavors(unsigned eff, unsigned written)
{
    if (written & MOFC_FLAVOR_ENABLEOVERRIDE)
        eff = (eff | MOFC_FLAVOR_ENABLEOVERRIDE) & ~(unsigned)MOFC_FLAVOR_DISABLEOVERRIDE;
    if (written & MOFC_FLAVOR_DISABLEOVERRIDE)
        eff = (eff | MOFC_FLAVOR_DISABLEOVERRIDE) & ~(unsigned)MOFC_FLAVOR_ENABLEOVERRIDE;
    if (written & MOFC_FLAVOR_TOSUBCLASS)
        eff = (eff | MOFC_FLAVOR_TOSUBCLASS) & ~(unsigned)MOFC_FLAVOR_RESTRICTED;
    if (written & MOFC_FLAVOR_RESTRICTED)
        eff = (eff | MOFC_FLAVOR_RESTRICTED) & ~(unsigned)MOFC_FLAVOR_TOSUBCLASS;
    eff |= written & (MOFC_FLAVOR_TRANSLATABLE | MOFC_FLAVOR_TOINSTANCE | MOFC_FLAVOR_AMENDED |
                      MOFC_FLAVOR_NOTTOINSTANCE);
    return eff;
}

/* The common, error-free cases (strings, booleans, string lists) without
 * going through the general converter, which needs a message context.
 * Qualifiers are the bulk of a schema, so this is the hot path. */
static bool fast_convert(struct sema *s, const struct ast_value *v, enum mofc_type t,
                         bool is_array, struct mofc_value *out)
{
    memset(out, 0, sizeof *out);
    out->type = t;
    out->is_array = is_array;
    if (!is_array) {
        if (v->kind == AV_STRING && t == MOFC_TYPE_STRING) {
            out->v.string = v->u.string;
            return true;
        }
        if (v->kind == AV_BOOL && t == MOFC_TYPE_BOOLEAN) {
            out->v.boolean = v->u.boolean;
            return true;
        }
        return false;
    }
    if (v->kind != AV_ARRAY || t != MOFC_TYPE_STRING)
        return false;
    for (const struct ast_value *e = v->u.array.head; e; e = e->next)
        if (e->kind != AV_STRING)
            return false;
    struct mofc_value *els = ARENA_ARRAY(s->a, struct mofc_value, v->u.array.count + 1);
    size_t i = 0;
    for (const struct ast_value *e = v->u.array.head; e; e = e->next, i++) {
        els[i].type = t;
        els[i].v.string = e->u.string;
    }
    out->count = i;
    out->elements = els;
    return true;
}

/* -Wportable: a qualifier used in the user's input whose declaration is
 * not in the input (mofc's built-in one, or none at all in the WMI
 * dialect).  mofc accepts it; pywbem and OpenPegasus cimmof reject a
 * qualifier the input does not declare.  Said once per qualifier and
 * namespace, at its first use. */
static void check_portable(struct sema *s, const struct ast_qualifier *aq, const struct name *ns,
                           const struct squaldecl *d)
{
    if (d->pub.origin == MOFC_ORIGIN_USER && !d->inferred)
        return;
    if (!diag_enabled(s->m, MOFC_W_PORTABLE) || aq->loc.file >= s->m->files.len ||
        s->m->files.items[aq->loc.file]->origin != MOFC_ORIGIN_USER)
        return;
    if (ptrmap_get(&s->portable_warned, ns->key, d->key))
        return;
    ptrmap_put(&s->portable_warned, ns->key, d->key, (void *)d);
    if (d->inferred) {
        diag_warning(s->m, MOFC_W_PORTABLE, &aq->loc, "qualifier-undeclared-portable",
                     "qualifier '%s' is not declared; mofc types it from its value, other MOF "
                     "compilers reject it: declare it in the input",
                     aq->name->text);
        return;
    }
    struct diag_rec *r = diag_warning(
        s->m, MOFC_W_PORTABLE, &aq->loc, "qualifier-builtin-portable",
        "qualifier '%s' is not declared in the input; mofc has it built in, other MOF "
        "compilers reject it: declare it (or compile a qualifiers.mof first)",
        aq->name->text);
    if (d->ast)
        diag_note(s->m, r, &d->ast->loc, "the declaration mofc used is its built-in '%s'",
                  d->pub.name);
}

/* Converts one written qualifier; false if it must be dropped. */
static bool convert_one(struct sema *s, const struct ast_qualifier *aq, enum element_kind kind,
                        const struct name *ns, const char *what, struct mofc_qualifier *out)
{
    struct mofc *m = s->m;
    struct squaldecl *d = sema_find_qualdecl(s, ns, aq->name);
    const struct ast_value *v = aq->value;

    if (d && s->wmi && d->wmi_builtin && !literal_matches(v, d->pub.type)) {
        /* WMI documents some qualifiers with several types (Locale). */
        bool arr;
        enum mofc_type t = infer_type(v, &arr);
        d = inferred_decl(s, aq, t, arr);
    }
    if (!d) {
        if (!s->wmi) {
            size_t n = s->qualdecl_list.len;
            const char **names = xmalloc((n + 1) * sizeof *names);
            for (size_t i = 0; i < n; i++)
                names[i] = s->qualdecl_list.items[i]->pub.name;
            const char *hint = sema_suggest(aq->name->text, names, n);
            free(names);
            if (hint)
                diag_error(m, &aq->loc, "unknown-qualifier",
                           "qualifier '%s' is not declared; did you mean '%s'?",
                           aq->name->text, hint);
            else
                diag_error(m, &aq->loc, "unknown-qualifier",
                           "qualifier '%s' is not declared (declare it, or use "
                           "--dialect=wmi to type it from its value)", aq->name->text);
            return false;
        }
        bool arr;
        enum mofc_type t = infer_type(v, &arr);
        d = inferred_decl(s, aq, t, arr);
    }

    check_portable(s, aq, ns, d);
    out->name = d->pub.name;
    out->decl = &d->pub;
    out->propagated = false;
    out->locale = aq->locale;
    out->neutral = NULL;

    /* Scope.  The WMI dialect has none to check (mofcomp ignores them). */
    if (kind != EK_INSTANCE && !d->inferred && !s->wmi) {
        unsigned bit = scope_bit(kind);
        bool ok = (d->pub.scopes & bit) != 0;
        /* Associations and indications are classes too. */
        if (!ok && (kind == EK_ASSOCIATION || kind == EK_INDICATION) &&
            (d->pub.scopes & MOFC_SCOPE_CLASS))
            ok = true;
        if (!ok) {
            struct diag_rec *r = diag_error(
                m, &aq->loc, "qualifier-scope",
                "qualifier '%s' cannot be used on a %s (its scope is %s)", aq->name->text,
                kind_names[kind], scope_text(s, d->pub.scopes));
            if (d->pub.origin == MOFC_ORIGIN_USER)
                diag_note(m, r, &d->ast->scope_loc, "declared here");
        }
    }

    /* Value. */
    if (!v) {
        if (d->pub.type == MOFC_TYPE_BOOLEAN && !d->pub.is_array) {
            out->value.type = MOFC_TYPE_BOOLEAN;
            out->value.v.boolean = true;
        } else if (s->wmi && d->key == s->n_deprecated) {
            /* WMI documents Deprecated as boolean; read [Deprecated] as a
             * deprecation without named replacements. */
            out->value = d->pub.default_value;
        } else {
            diag_warning(m, MOFC_W_QUALIFIER, &aq->loc, "qualifier-no-value",
                         "qualifier '%s' is %s%s but has no value; its declared default "
                         "applies", aq->name->text, mofc_type_name(d->pub.type),
                         d->pub.is_array ? "[]" : "");
            out->value = d->pub.default_value;
        }
    } else {
        bool is_array = d->pub.is_array;
        if (is_array && v->kind != AV_ARRAY && !aq->braces) {
            /* X("a") for an array qualifier: one element. */
            if (!s->wmi)
                diag_warning(m, MOFC_W_QUALIFIER, &aq->loc, "qualifier-array-parens",
                             "qualifier '%s' is an array; write %s {...}", aq->name->text,
                             aq->name->text);
        } else if (!is_array && v->kind == AV_ARRAY) {
            diag_error(m, &v->loc, "qualifier-not-array",
                       "qualifier '%s' takes a single %s value, not a list", aq->name->text,
                       mofc_type_name(d->pub.type));
            return false;
        }
        struct mofc_value val;
        if (fast_convert(s, v, d->pub.type, is_array, &val)) {
            out->value = val;
            goto flavors;
        }
        char *w = arena_printf(s->a, "value of qualifier '%s' on %s", aq->name->text, what);
        if (is_array && v->kind != AV_ARRAY) {
            /* Wrap the scalar as a one-element array quietly (warned above). */
            struct mofc_value *el = ARENA_NEW(s->a, struct mofc_value);
            if (!sema_convert_value(s, v, d->pub.type, false, w, el))
                return false;
            memset(&val, 0, sizeof val);
            val.type = d->pub.type;
            val.is_array = true;
            val.is_null = el->is_null;
            val.count = el->is_null ? 0 : 1;
            val.elements = el->is_null ? NULL : el;
        } else if (!sema_convert_value(s, v, d->pub.type, is_array, w, &val)) {
            return false;
        }
        out->value = val;
    }

flavors:;
    unsigned written = aq->flavors;
    sema_check_flavor_conflict(s, written, &aq->flavor_loc);
    unsigned eff = d->pub.flavors;
    unsigned *fdef = ptrmap_get(&s->flavor_defaults, s->global_ns, d->key);
    if (fdef)
        eff = apply_written_flavors(eff, *fdef);
    if (!s->wmi && !d->inferred) {
        if ((written & MOFC_FLAVOR_ENABLEOVERRIDE) &&
            (d->pub.flavors & MOFC_FLAVOR_DISABLEOVERRIDE))
            diag_warning(m, MOFC_W_QUALIFIER, &aq->flavor_loc, "flavor-loosened",
                         "EnableOverride loosens qualifier '%s', declared DisableOverride",
                         aq->name->text);
        if ((written & MOFC_FLAVOR_TOSUBCLASS) && (d->pub.flavors & MOFC_FLAVOR_RESTRICTED))
            diag_warning(m, MOFC_W_QUALIFIER, &aq->flavor_loc, "flavor-loosened",
                         "ToSubclass loosens qualifier '%s', declared Restricted",
                         aq->name->text);
    }
    out->flavors = apply_written_flavors(eff, written);
    if (aq->neutral) {
        struct mofc_qualifier *nq = ARENA_NEW(s->a, struct mofc_qualifier);
        if (convert_one(s, aq->neutral, kind, ns, what, nq))
            out->neutral = nq;
    }
    return true;
}

struct mofc_qualifier_list sema_qualifiers(struct sema *s, struct ast_qualifier *written,
                                           enum element_kind kind, const struct name *ns,
                                           const struct mofc_qualifier_list *inherited,
                                           const struct loc *inherited_at, const char *what)
{
    struct mofc_qualifier_list r = {0, NULL};
    size_t nw = 0;
    for (struct ast_qualifier *q = written; q; q = q->next)
        nw++;
    size_t ni = inherited ? inherited->count : 0;
    if (nw + ni == 0)
        return r;
    struct mofc_qualifier *items = ARENA_ARRAY(s->a, struct mofc_qualifier, nw + ni);
    const struct ast_qualifier **src = xmalloc((nw + 1) * sizeof *src);
    size_t n = 0;

    for (struct ast_qualifier *q = written; q; q = q->next) {
        bool dup = false;
        for (size_t i = 0; i < n; i++) {
            if (src[i]->name->key == q->name->key) {
                struct diag_rec *d = diag_error(s->m, &q->loc, "duplicate-qualifier",
                                                "qualifier '%s' appears twice on %s",
                                                q->name->text, what);
                diag_note(s->m, d, &src[i]->loc, "first use is here");
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        if (!convert_one(s, q, kind, ns, what, &items[n]))
            continue;
        src[n] = q;
        n++;
    }

    for (size_t k = 0; k < ni; k++) {
        const struct mofc_qualifier *iq = &inherited->items[k];
        if (!(iq->flavors & MOFC_FLAVOR_TOSUBCLASS))
            continue;
        const struct name *ik = ((const struct squaldecl *)(const void *)iq->decl)->key;
        size_t j;
        for (j = 0; j < n; j++)
            if (((const struct squaldecl *)(const void *)items[j].decl)->key == ik)
                break;
        if (j < n) {
            if ((iq->flavors & MOFC_FLAVOR_DISABLEOVERRIDE) &&
                !sema_same_value(&items[j].value, &iq->value)) {
                struct diag_rec *d = diag_error(
                    s->m, &src[j]->loc, "qualifier-override-disabled",
                    "qualifier '%s' cannot be changed on %s: it is DisableOverride and "
                    "inherited with another value", iq->name, what);
                diag_note(s->m, d, inherited_at, "inherited from here");
                /* Keep the inherited value, so nothing downstream cascades. */
                items[j] = *iq;
                items[j].propagated = true;
            }
            continue;
        }
        items[n] = *iq;
        items[n].propagated = true;
        n++;
    }

    /* Key, Dynamic and Singleton only mean something when true (Q13); a
     * false one that contradicts an inherited value was reported above. */
    for (size_t j = 0; j < n; j++) {
        const struct mofc_qualifier *q = &items[j];
        const struct name *k = ((const struct squaldecl *)(const void *)q->decl)->key;
        if (!q->propagated && (k == s->n_key || k == s->n_dynamic || k == s->n_singleton) &&
            q->value.type == MOFC_TYPE_BOOLEAN && !q->value.is_null && !q->value.v.boolean)
            diag_warning(s->m, MOFC_W_QUALIFIER, &src[j]->loc, "qualifier-false",
                         "%s(false) says nothing; leave the qualifier out", q->name);
    }
    free(src);
    r.count = n;
    r.items = items;
    return r;
}
