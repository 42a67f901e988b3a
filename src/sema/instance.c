/*
 * instance.c - instance declarations: class, property values, aliases,
 * keys, and the object path each instance gets from its keys.
 *
 * Aliases may be used before the instance that defines them (as WMI
 * allows); every alias is declared in the declare phase, so resolution
 * here sees them all.  Paths are built on demand, following aliases in
 * key references, with a cycle check.
 */
#include <stdlib.h>
#include <string.h>

#include "sema/sema.h"
#include "util/strbuf.h"

struct sema_instance_ctx {
    struct sema *s;
    struct ptrmap paths;      /* (ns, exact path name) -> sinstance, for I9 */
};

static void check_instance(struct sema_instance_ctx *x, struct sinstance *in);

static struct sinstance *find_alias(struct sema *s, const struct ast_value *v,
                                    const struct name *ns)
{
    struct sinstance *t = ptrmap_get(&s->aliases, ns->key, v->u.alias->key);
    if (!t) {
        const char *hint = NULL;
        size_t n = s->instance_list.len;
        const char **names = xmalloc((n + 1) * sizeof *names);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (s->instance_list.items[i]->pub.alias)
                names[k++] = s->instance_list.items[i]->pub.alias;
        hint = sema_suggest(v->u.alias->text, names, k);
        free(names);
        if (hint)
            diag_error(s->m, &v->loc, "unknown-alias",
                       "alias '$%s' is not defined; did you mean '$%s'?", v->u.alias->text, hint);
        else
            diag_error(s->m, &v->loc, "unknown-alias", "alias '$%s' is not defined",
                       v->u.alias->text);
    }
    return t;
}

/* Is the AST value (or an element of it) an alias or an embedded instance? */
static bool needs_instances(const struct ast_value *v)
{
    if (v->kind == AV_ALIAS || v->kind == AV_INSTANCE)
        return true;
    if (v->kind == AV_ARRAY)
        for (const struct ast_value *e = v->u.array.head; e; e = e->next)
            if (e->kind == AV_ALIAS || e->kind == AV_INSTANCE)
                return true;
    return false;
}

/* One scalar element that may be an alias or an embedded instance. */
static bool convert_element(struct sema_instance_ctx *x, struct sinstance *owner,
                            const struct mofc_property *p, const struct ast_value *v,
                            const char *what, struct mofc_value *out)
{
    struct sema *s = x->s;
    memset(out, 0, sizeof *out);
    bool embedded = p->t.type == MOFC_TYPE_OBJECT ||
                    (p->flags & (MOFC_PROP_EMBEDDED_INSTANCE | MOFC_PROP_EMBEDDED_OBJECT));
    if (v->kind == AV_ALIAS) {
        struct sinstance *t = find_alias(s, v, owner->ast->ns);
        if (!t)
            return false;
        t->referenced = true;
        if (t->ast->loc.file == owner->ast->loc.file && t->ast->loc.off > owner->ast->loc.off &&
            !s->wmi)
            diag_warning(s->m, MOFC_W_ALIAS, &v->loc, "forward-alias",
                         "alias '$%s' is used before the instance that defines it",
                         v->u.alias->text);
        if (p->t.type == MOFC_TYPE_REFERENCE) {
            out->type = MOFC_TYPE_REFERENCE;
            out->v.ref.instance = &t->pub;
            if (t->cls && p->t.ref_class && !mofc_class_is_a(&t->cls->pub, p->t.ref_class)) {
                struct diag_rec *r = diag_error(
                    s->m, &v->loc, "alias-class",
                    "'$%s' is an instance of '%s', but %s refers to '%s'", v->u.alias->text,
                    t->cls->pub.name, what, p->t.ref_class->name);
                diag_note(s->m, r, &t->ast->loc, "'$%s' is defined here", v->u.alias->text);
                return false;
            }
            return true;
        }
        if (embedded) {
            out->type = MOFC_TYPE_OBJECT;
            out->v.object = &t->pub;
            if (t->cls && p->t.embedded_class &&
                !mofc_class_is_a(&t->cls->pub, p->t.embedded_class)) {
                struct diag_rec *r = diag_error(
                    s->m, &v->loc, "alias-class",
                    "'$%s' is an instance of '%s', but %s embeds '%s'", v->u.alias->text,
                    t->cls->pub.name, what, p->t.embedded_class->name);
                diag_note(s->m, r, &t->ast->loc, "'$%s' is defined here", v->u.alias->text);
                return false;
            }
            return true;
        }
        diag_error(s->m, &v->loc, "alias-type",
                   "an alias cannot be the value of %s, which is %s", what,
                   mofc_type_name(p->t.type));
        return false;
    }
    if (v->kind == AV_INSTANCE) {
        if (!embedded) {
            diag_error(s->m, &v->loc, "embedded-instance-type",
                       "an embedded instance cannot be the value of %s, which is %s", what,
                       mofc_type_name(p->t.type));
            return false;
        }
        struct sinstance *e = ARENA_NEW(s->a, struct sinstance);
        e->ast = v->u.instance;
        e->pub.embedded = true;
        e->pub.namespace_name = owner->pub.namespace_name;
        check_instance(x, e);
        out->type = MOFC_TYPE_OBJECT;
        out->v.object = &e->pub;
        if (e->cls && p->t.embedded_class && !mofc_class_is_a(&e->cls->pub, p->t.embedded_class))
            diag_error(s->m, &v->loc, "embedded-instance-class",
                       "embedded instance of '%s' where %s expects '%s'", e->cls->pub.name, what,
                       p->t.embedded_class->name);
        return true;
    }
    if (embedded && v->kind == AV_STRING) {
        out->type = MOFC_TYPE_STRING;
        out->v.string = v->u.string;
        return true;
    }
    return sema_convert_value(s, v, p->t.type, false, what, out);
}

static bool convert_prop_value(struct sema_instance_ctx *x, struct sinstance *owner,
                               const struct mofc_property *p, const struct ast_value *v,
                               const char *what, struct mofc_value *out)
{
    struct sema *s = x->s;
    if (!needs_instances(v))
        return sema_convert_value(s, v, p->t.type, p->t.is_array, what, out);
    memset(out, 0, sizeof *out);
    out->type = p->t.type;
    out->is_array = p->t.is_array;
    if (v->kind != AV_ARRAY) {
        if (p->t.is_array) {
            if (!s->wmi) {
                diag_error(s->m, &v->loc, "scalar-for-array",
                           "%s is an array; write the value as { ... }", what);
                return false;
            }
            diag_warning(s->m, MOFC_W_SYNTAX, &v->loc, "scalar-for-array",
                         "%s is an array; the single value becomes a one-element array", what);
            struct mofc_value *el = ARENA_NEW(s->a, struct mofc_value);
            if (!convert_element(x, owner, p, v, what, el))
                return false;
            out->count = 1;
            out->elements = el;
            return true;
        }
        bool ok = convert_element(x, owner, p, v, what, out);
        out->is_array = false;
        return ok;
    }
    if (!p->t.is_array) {
        diag_error(s->m, &v->loc, "array-for-scalar", "%s is not an array", what);
        return false;
    }
    struct mofc_value *els = ARENA_ARRAY(s->a, struct mofc_value, v->u.array.count + 1);
    size_t i = 0;
    bool ok = true;
    for (const struct ast_value *e = v->u.array.head; e; e = e->next) {
        if (e->kind == AV_NULL) {
            els[i].type = p->t.type;
            els[i++].is_null = true;
            continue;
        }
        ok &= convert_element(x, owner, p, e, what, &els[i++]);
    }
    out->count = i;
    out->elements = els;
    return ok;
}

static void check_instance(struct sema_instance_ctx *x, struct sinstance *in)
{
    struct sema *s = x->s;
    struct mofc *m = s->m;
    struct ast_instance *ai = in->ast;
    struct sclass *c = sema_find_class(s, ai->ns, ai->class_name);
    if (!c) {
        const char *hint = sema_suggest_class(s, ai->ns, ai->class_name->text);
        struct diag_rec *r;
        if (hint)
            r = diag_error(m, &ai->loc, "unknown-class",
                           "instance of undeclared class '%s'; did you mean '%s'?",
                           ai->class_name->text, hint);
        else
            r = diag_error(m, &ai->loc, "unknown-class", "instance of undeclared class '%s'",
                           ai->class_name->text);
        const char *pack = sema_pack_providing(ai->class_name->text);
        if (pack)
            diag_note(m, r, NULL, "'%s' is in mofc's '%s' base schema: add --with %s",
                      ai->class_name->text, pack, pack);
        return;
    }
    if (!c->flattened)
        return;  /* its class is broken and already reported */
    in->cls = c;
    in->pub.cls = &c->pub;
    if (c->pub.flags & MOFC_CLASS_ABSTRACT) {
        struct diag_rec *r = diag_error(m, &ai->loc, "abstract-instance",
                                        "class '%s' is Abstract and cannot have instances",
                                        c->pub.name);
        diag_note(m, r, &c->ast->loc, "'%s' declared here", c->pub.name);
    }
    const char *iwhat = sema_what(s, "instance of", c->pub.name, NULL);
    in->pub.qualifiers = sema_qualifiers(s, ai->quals, EK_INSTANCE, ai->ns, NULL, NULL, iwhat);

    size_t n = 0;
    for (struct ast_prop_value *pv = ai->values; pv; pv = pv->next)
        n++;
    struct mofc_property_value *vals = ARENA_ARRAY(s->a, struct mofc_property_value, n + 1);
    const struct ast_prop_value **seen = xmalloc((n + 1) * sizeof *seen);
    size_t k = 0;
    for (struct ast_prop_value *pv = ai->values; pv; pv = pv->next) {
        const struct mofc_property *p = NULL;
        for (size_t i = 0; i < c->pub.nproperties; i++) {
            if (fold_cmp(c->pub.properties[i]->name, pv->name->text) == 0) {
                p = c->pub.properties[i];
                break;
            }
        }
        if (!p && c->incomplete)
            continue;  /* it may be the line the syntax error swallowed */
        if (!p) {
            const char **names = xmalloc((c->pub.nproperties + 1) * sizeof *names);
            for (size_t i = 0; i < c->pub.nproperties; i++)
                names[i] = c->pub.properties[i]->name;
            const char *hint = sema_suggest(pv->name->text, names, c->pub.nproperties);
            free(names);
            if (hint)
                diag_error(m, &pv->loc, "unknown-property",
                           "class '%s' has no property '%s'; did you mean '%s'?", c->pub.name,
                           pv->name->text, hint);
            else
                diag_error(m, &pv->loc, "unknown-property", "class '%s' has no property '%s'",
                           c->pub.name, pv->name->text);
            continue;
        }
        if (strcmp(p->name, pv->name->text) != 0)
            diag_warning(m, MOFC_W_CASE, &pv->loc, "name-case",
                         "'%s' is declared as '%s'", pv->name->text, p->name);
        bool dup = false;
        for (size_t i = 0; i < k; i++) {
            if (vals[i].property == p) {
                struct diag_rec *r = diag_error(m, &pv->loc, "duplicate-value",
                                                "property '%s' is given twice", p->name);
                diag_note(m, r, &seen[i]->loc, "first value is here");
                dup = true;
            }
        }
        if (dup)
            continue;
        const char *what = sema_what(s, "property", c->pub.name, p->name);
        struct mofc_property_value *out = &vals[k];
        out->property = p;
        out->loc = sema_location(s, &pv->loc);
        out->qualifiers = sema_qualifiers(s, pv->quals, EK_INSTANCE, ai->ns, NULL, NULL, what);
        if (convert_prop_value(x, in, p, pv->value, what, &out->value))
            sema_check_value_limits(s, p, &out->value, &pv->value->loc, what, false);
        else
            out->value.type = MOFC_TYPE_NONE;  /* given, but reported as wrong */
        seen[k++] = pv;
    }
    free(seen);
    in->pub.values = vals;
    in->pub.nvalues = k;
    in->pub.loc = sema_location(s, &ai->loc);
}

static const struct mofc_value *value_of(const struct mofc_instance *in,
                                         const struct mofc_property *p)
{
    for (size_t i = 0; i < in->nvalues; i++)
        if (in->values[i].property == p)
            return &in->values[i].value;
    return NULL;
}

static void put_quoted(struct strbuf *sb, const char *s, size_t n)
{
    sb_putc(sb, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\')
            sb_putc(sb, '\\');
        sb_putc(sb, s[i]);
    }
    sb_putc(sb, '"');
}

static int cmp_keys(const void *a, const void *b)
{
    const struct mofc_property *x = *(const struct mofc_property *const *)a;
    const struct mofc_property *y = *(const struct mofc_property *const *)b;
    return mofc_name_cmp(x->name, y->name);
}

static const char *build_path(struct sema *s, struct sinstance *in);

static void put_key_value(struct sema *s, struct strbuf *sb, const struct mofc_value *v)
{
    if (!v || v->is_null) {
        sb_puts(sb, "NULL");
        return;
    }
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        sb_puts(sb, v->v.boolean ? "TRUE" : "FALSE");
        break;
    case MOFC_TYPE_STRING:
        put_quoted(sb, v->v.string.text, v->v.string.len);
        break;
    case MOFC_TYPE_DATETIME:
        put_quoted(sb, v->v.datetime->text, strlen(v->v.datetime->text));
        break;
    case MOFC_TYPE_CHAR16:
        sb_printf(sb, "%u", (unsigned)v->v.char16);
        break;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        sb_printf(sb, "%.17g", v->v.real);
        break;
    case MOFC_TYPE_REFERENCE: {
        const char *p;
        if (v->v.ref.instance) {
            p = build_path(s, (struct sinstance *)(void *)v->v.ref.instance);
            put_quoted(sb, p, strlen(p));
        } else {
            put_quoted(sb, v->v.ref.path.text, v->v.ref.path.len);
        }
        break;
    }
    default:
        if (mofc_type_is_signed(v->type))
            sb_printf(sb, "%lld", (long long)v->v.s);
        else
            sb_printf(sb, "%llu", (unsigned long long)v->v.u);
    }
}

/* Class.key="value",... with keys in name order; follows aliases. */
static const char *build_path(struct sema *s, struct sinstance *in)
{
    if (in->pub.path)
        return in->pub.path;
    if (!in->cls)
        return "";
    if (in->path_state == 1) {
        diag_error(s->m, &in->ast->loc, "alias-cycle",
                   "the keys of this instance refer back to it through aliases");
        return "";
    }
    in->path_state = 1;
    struct strbuf sb = STRBUF_INIT;
    sb_puts(&sb, in->cls->pub.name);
    size_t nk = in->cls->pub.nkeys;
    const struct mofc_property **keys = xmalloc((nk + 1) * sizeof *keys);
    memcpy(keys, in->cls->pub.keys, nk * sizeof *keys);
    qsort(keys, nk, sizeof *keys, cmp_keys);
    for (size_t i = 0; i < nk; i++) {
        sb_putc(&sb, i ? ',' : '.');
        sb_puts(&sb, keys[i]->name);
        sb_putc(&sb, '=');
        const struct mofc_value *v = value_of(&in->pub, keys[i]);
        put_key_value(s, &sb, v ? v : &keys[i]->default_value);
    }
    free(keys);
    in->pub.path = arena_strndup(s->a, sb.data, sb.len);
    sb_free(&sb);
    in->path_state = 2;
    return in->pub.path;
}

/* Fills reference paths of alias values, recursively in arrays. */
static void fill_ref_paths(struct sema *s, struct mofc_value *v)
{
    if (v->is_array) {
        for (size_t i = 0; i < v->count; i++)
            fill_ref_paths(s, (struct mofc_value *)&v->elements[i]);
        return;
    }
    if (v->type == MOFC_TYPE_REFERENCE && v->v.ref.instance && !v->v.ref.path.text) {
        const char *p = build_path(s, (struct sinstance *)(void *)v->v.ref.instance);
        v->v.ref.path.text = p;
        v->v.ref.path.len = strlen(p);
    }
}

/* Reports keys without values; true if every key has one. */
static bool check_keys(struct sema *s, struct sinstance *in)
{
    const struct mofc_class *c = &in->cls->pub;
    bool all = true;
    if (c->flags & MOFC_CLASS_SINGLETON)
        return true;
    for (size_t i = 0; i < c->nkeys; i++) {
        const struct mofc_property *k = c->keys[i];
        const struct mofc_value *v = value_of(&in->pub, k);
        if (v && v->type == MOFC_TYPE_NONE) {
            all = false;  /* its value was wrong, and that is reported */
            continue;
        }
        if (v && v->is_null) {
            diag_error(s->m, &in->ast->loc, "null-key",
                       "key '%s' of an instance of '%s' is NULL", k->name, c->name);
            all = false;
            continue;
        }
        if (v || !k->default_value.is_null)
            continue;
        all = false;
        if (in->cls->incomplete)
            continue;
        if (in->referenced)
            diag_error(s->m, &in->ast->loc, "missing-key",
                       "instance of '%s' has no value for key '%s', but its path is needed "
                       "(it is referenced by alias)", c->name, k->name);
        else
            diag_warning(s->m, MOFC_W_INSTANCE, &in->ast->loc, "missing-key",
                         "instance of '%s' has no value for key '%s'", c->name, k->name);
    }
    return all;
}

void sema_instances(struct sema *s)
{
    struct sema_instance_ctx x = {s, {0}};
    ptrmap_init(&x.paths);
    for (size_t i = 0; i < s->instance_list.len && !s->m->stop; i++)
        check_instance(&x, s->instance_list.items[i]);
    for (size_t i = 0; i < s->instance_list.len && !s->m->stop; i++) {
        struct sinstance *in = s->instance_list.items[i];
        if (!in->cls)
            continue;
        bool keyed = check_keys(s, in);
        for (size_t k = 0; k < in->pub.nvalues; k++)
            fill_ref_paths(s, (struct mofc_value *)&in->pub.values[k].value);
        const char *path = build_path(s, in);
        if (in->cls->pub.nkeys == 0 || !keyed)
            continue;
        const struct name *pk = intern_cstr(&s->m->names, path);
        struct sinstance *prev = ptrmap_put(&x.paths, in->ast->ns->key, pk, in);
        if (prev) {
            struct diag_rec *r = diag_warning(s->m, MOFC_W_INSTANCE, &in->ast->loc,
                                              "duplicate-instance",
                                              "an instance with path %s is already declared; "
                                              "this one updates it", path);
            diag_note(s->m, r, &prev->ast->loc, "first declared here");
        }
    }
    ptrmap_free(&x.paths);
}
