/*
 * declare.c - the first sema phase: symbol tables across all files.
 *
 * Qualifier declarations, classes and aliases are entered per namespace,
 * keyed by interned (case-folded) names.  Shipped declarations (built-in
 * qualifiers, packs) live in a global namespace that every namespace falls
 * back to, so a user schema may redeclare them compatibly.  Nothing is
 * resolved here: a class's superclass may be declared in a later file.
 */
#include <stdlib.h>
#include <string.h>

#include "cpp.h"
#include "embedded.h"
#include "sema/sema.h"

static const struct name *key(struct sema *s, const char *text)
{
    return intern_cstr(&s->m->names, text)->key;
}

static void init_names(struct sema *s)
{
    s->n_key = key(s, "Key");
    s->n_override = key(s, "Override");
    s->n_association = key(s, "Association");
    s->n_indication = key(s, "Indication");
    s->n_abstract = key(s, "Abstract");
    s->n_terminal = key(s, "Terminal");
    s->n_valuemap = key(s, "ValueMap");
    s->n_values = key(s, "Values");
    s->n_bitmap = key(s, "BitMap");
    s->n_bitvalues = key(s, "BitValues");
    s->n_embeddedinstance = key(s, "EmbeddedInstance");
    s->n_embeddedobject = key(s, "EmbeddedObject");
    s->n_in = key(s, "In");
    s->n_out = key(s, "Out");
    s->n_read = key(s, "Read");
    s->n_write = key(s, "Write");
    s->n_required = key(s, "Required");
    s->n_maxlen = key(s, "MaxLen");
    s->n_minlen = key(s, "MinLen");
    s->n_maxvalue = key(s, "MaxValue");
    s->n_minvalue = key(s, "MinValue");
    s->n_deprecated = key(s, "Deprecated");
    s->n_experimental = key(s, "Experimental");
    s->n_static = key(s, "Static");
    s->n_aggregation = key(s, "Aggregation");
    s->n_aggregate = key(s, "Aggregate");
    s->n_exception = key(s, "Exception");
    s->n_singleton = key(s, "Singleton");
    s->n_structure = key(s, "Structure");
    s->n_weak = key(s, "Weak");
    s->n_min = key(s, "Min");
    s->n_max = key(s, "Max");
    s->n_propagated = key(s, "Propagated");
    s->n_modelcorrespondence = key(s, "ModelCorrespondence");
    s->n_arraytype = key(s, "ArrayType");
    s->n_dynamic = key(s, "Dynamic");
    s->n_provider = key(s, "Provider");
    s->n_description = key(s, "Description");
}

struct mofc_location sema_location(struct sema *s, const struct loc *l)
{
    struct mofc_location r = {0};
    if (!l || l->file >= s->m->files.len)
        return r;
    struct loc at = *l;
    cpp_map_loc(s->m, &at, NULL);
    struct source_file *f = s->m->files.items[at.file];
    r.file = f->path;
    r.source = source_public(f);
    r.offset = at.off;
    return r;
}

/* Namespace key for a declaration: shipped ones are global. */
static const struct name *decl_ns(struct sema *s, const struct name *ns, enum mofc_origin o)
{
    return o == MOFC_ORIGIN_USER ? ns->key : s->global_ns;
}

struct sclass *sema_find_class(struct sema *s, const struct name *ns, const struct name *name)
{
    struct sclass *c = ptrmap_get(&s->classes, ns->key, name->key);
    return c ? c : ptrmap_get(&s->classes, s->global_ns, name->key);
}

struct squaldecl *sema_find_qualdecl(struct sema *s, const struct name *ns,
                                     const struct name *name)
{
    struct squaldecl *q = ptrmap_get(&s->qualdecls, ns->key, name->key);
    return q ? q : ptrmap_get(&s->qualdecls, s->global_ns, name->key);
}

const char *sema_suggest_class(struct sema *s, const struct name *ns, const char *name)
{
    size_t n = s->class_list.len;
    const char **cands = xmalloc((n + 1) * sizeof *cands);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        struct sclass *c = s->class_list.items[i];
        if (c->ns == ns->key || c->ns == s->global_ns)
            cands[k++] = c->pub.name;
    }
    const char *r = sema_suggest(name, cands, k);
    free(cands);
    return r;
}

/* Finds "class <name>" at a word boundary in an embedded pack, case-insensitively. */
const char *sema_pack_providing(const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < mofc_embedded_count; i++) {
        const struct embedded_file *e = &mofc_embedded_files[i];
        if (strncmp(e->name, "packs/", 6) != 0)
            continue;
        for (const char *p = e->data; (p = strchr(p, ' ')) != NULL; p++) {
            if (fold_ncmp(p + 1, nl, name, nl) != 0)
                continue;
            const char *q = p;
            while (q > e->data && q[-1] == ' ')
                q--;
            if (q - e->data < 5 || fold_ncmp(q - 5, 5, "class", 5) != 0)
                continue;
            char after = p[1 + nl];
            if (after == ' ' || after == ':' || after == '\n' || after == '\r' || after == '{') {
                /* packs/<name>.mof: answer with the pack's registered name. */
                const char *base = e->name + 6;
                size_t bl = strcspn(base, ".");
                for (const char *const *pk = mofc_pack_names(); *pk; pk++)
                    if (strlen(*pk) == bl && strncmp(*pk, base, bl) == 0)
                        return *pk;
            }
        }
    }
    return NULL;
}

/* ---- qualifier declarations ---- */

static unsigned normalise_flavors(unsigned f)
{
    if (!(f & MOFC_FLAVOR_DISABLEOVERRIDE))
        f |= MOFC_FLAVOR_ENABLEOVERRIDE;
    else
        f &= ~(unsigned)MOFC_FLAVOR_ENABLEOVERRIDE;
    if (!(f & MOFC_FLAVOR_RESTRICTED))
        f |= MOFC_FLAVOR_TOSUBCLASS;
    else
        f &= ~(unsigned)MOFC_FLAVOR_TOSUBCLASS;
    return f;
}

/* Reports Enable+Disable or ToSubclass+Restricted written together. */
bool sema_check_flavor_conflict(struct sema *s, unsigned written, const struct loc *at)
{
    bool ok = true;
    if ((written & MOFC_FLAVOR_ENABLEOVERRIDE) && (written & MOFC_FLAVOR_DISABLEOVERRIDE)) {
        diag_error(s->m, at, "flavor-conflict",
                   "flavors EnableOverride and DisableOverride contradict each other");
        ok = false;
    }
    if ((written & MOFC_FLAVOR_TOSUBCLASS) && (written & MOFC_FLAVOR_RESTRICTED)) {
        diag_error(s->m, at, "flavor-conflict",
                   "flavors ToSubclass and Restricted contradict each other");
        ok = false;
    }
    if (!s->wmi && (written & (MOFC_FLAVOR_AMENDED | MOFC_FLAVOR_NOTTOINSTANCE))) {
        diag_error(s->m, at, "wmi-flavor",
                   "flavor %s is a WMI extension; compile with --dialect=wmi",
                   (written & MOFC_FLAVOR_AMENDED) ? "Amended" : "NotToInstance");
        ok = false;
    }
    return ok;
}

static bool same_value(const struct mofc_value *a, const struct mofc_value *b);

static void declare_qualifier(struct sema *s, struct ast_qualifier_decl *d)
{
    struct mofc *m = s->m;
    const struct name *ns = decl_ns(s, d->ns, d->origin);
    struct squaldecl *q = ARENA_NEW(s->a, struct squaldecl);
    q->ast = d;
    q->key = d->name->key;
    q->pub.name = d->name->text;
    q->pub.type = d->type.type;
    q->pub.is_array = d->array.is_array;
    q->pub.array_size = d->array.has_size ? (uint32_t)d->array.size : 0;
    q->pub.scopes = d->scopes;
    q->pub.origin = d->origin;
    q->pub.default_value.type = d->type.type;
    q->pub.default_value.is_array = d->array.is_array;
    q->pub.default_value.is_null = true;
    q->wmi_builtin = d->origin == MOFC_ORIGIN_BUILTIN &&
                     strstr(m->files.items[d->loc.file]->path, "qualifiers/wmi") != NULL;
    if (d->default_value) {
        char *what = arena_printf(s->a, "default value of qualifier '%s'", d->name->text);
        sema_convert_value(s, d->default_value, d->type.type, d->array.is_array, what,
                           &q->pub.default_value);
    }
    if (d->scopes == 0 && d->origin == MOFC_ORIGIN_USER) {
        if (s->wmi)
            q->pub.scopes = MOFC_SCOPE_ANY;
        else
            diag_error(m, &d->loc, "qualifier-no-scope",
                       "declaration of qualifier '%s' has no Scope(...) clause", d->name->text);
    }
    sema_check_flavor_conflict(s, d->flavors, &d->loc);
    q->pub.flavors = normalise_flavors(d->flavors);

    struct squaldecl *prev = ptrmap_get(&s->qualdecls, ns, q->key);
    if (!prev && ns != s->global_ns)
        prev = ptrmap_get(&s->qualdecls, s->global_ns, q->key);
    if (prev) {
        bool shipped = prev->pub.origin != MOFC_ORIGIN_USER;
        bool type_differs = prev->pub.type != q->pub.type || prev->pub.is_array != q->pub.is_array;
        if (type_differs) {
            struct diag_rec *r = diag_error(
                m, &d->type.loc, "qualifier-redeclared",
                "qualifier '%s' redeclared as %s%s; it is declared as %s%s", d->name->text,
                mofc_type_name(q->pub.type), q->pub.is_array ? "[]" : "",
                mofc_type_name(prev->pub.type), prev->pub.is_array ? "[]" : "");
            if (shipped)
                diag_note(m, r, prev->ast ? &prev->ast->loc : NULL,
                          "standard declaration of '%s' shipped with mofc", prev->pub.name);
            else
                diag_note(m, r, &prev->ast->loc, "previous declaration is here");
            return;
        }
        if (!shipped) {
            bool same = prev->pub.scopes == q->pub.scopes && prev->pub.flavors == q->pub.flavors &&
                        same_value(&prev->pub.default_value, &q->pub.default_value);
            if (!same && ns == decl_ns(s, prev->ast->ns, prev->pub.origin)) {
                struct diag_rec *r = diag_error(m, &d->loc, "qualifier-redeclared",
                                                "qualifier '%s' redeclared differently",
                                                d->name->text);
                diag_note(m, r, &prev->ast->loc, "previous declaration is here");
                return;
            }
            if (same && ns == decl_ns(s, prev->ast->ns, prev->pub.origin))
                return; /* identical redeclaration: keep the first */
        }
        /* A compatible user declaration replaces the shipped one. */
    }
    ptrmap_put(&s->qualdecls, ns, q->key, q);
    VEC_PUSH(s->qualdecl_list, q);
}

static bool same_value(const struct mofc_value *a, const struct mofc_value *b)
{
    if (a->is_null || b->is_null)
        return a->is_null == b->is_null;
    if (a->type != b->type || a->is_array != b->is_array)
        return false;
    if (a->is_array) {
        if (a->count != b->count)
            return false;
        for (size_t i = 0; i < a->count; i++)
            if (!same_value(&a->elements[i], &b->elements[i]))
                return false;
        return true;
    }
    switch (a->type) {
    case MOFC_TYPE_BOOLEAN:
        return a->v.boolean == b->v.boolean;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        return a->v.real == b->v.real;
    case MOFC_TYPE_CHAR16:
        return a->v.char16 == b->v.char16;
    case MOFC_TYPE_DATETIME:
        return strcmp(a->v.datetime->text, b->v.datetime->text) == 0;
    case MOFC_TYPE_STRING:
        return a->v.string.len == b->v.string.len &&
               memcmp(a->v.string.text, b->v.string.text, a->v.string.len) == 0;
    case MOFC_TYPE_REFERENCE:
        return a->v.ref.path.len == b->v.ref.path.len &&
               memcmp(a->v.ref.path.text, b->v.ref.path.text, a->v.ref.path.len) == 0;
    case MOFC_TYPE_OBJECT:
        return a->v.object == b->v.object;
    default:
        return a->v.u == b->v.u;
    }
}

bool sema_same_value(const struct mofc_value *a, const struct mofc_value *b)
{
    return same_value(a, b);
}

/* ---- classes ---- */

static bool has_schema_prefix(const char *name)
{
    const char *us = strchr(name, '_');
    return us && us != name && us[1] != '\0';
}

static void declare_class(struct sema *s, struct ast_class *ac)
{
    struct mofc *m = s->m;
    const struct name *ns = decl_ns(s, ac->ns, ac->origin);
    if (ac->origin == MOFC_ORIGIN_USER) {
        if (ac->name->text[0] == '_' && ac->name->text[1] == '_') {
            diag_error(m, &ac->loc, "system-class",
                       "class name '%s' starts with '__', which is reserved for WMI system "
                       "classes", ac->name->text);
        } else if (!s->wmi && !has_schema_prefix(ac->name->text)) {
            diag_warning(m, MOFC_W_NAMING, &ac->loc, "class-name-prefix",
                         "class name '%s' has no schema prefix (expected Schema_Name)",
                         ac->name->text);
        }
    }
    struct sclass *prev = ptrmap_get(&s->classes, ns, ac->name->key);
    if (prev) {
        struct diag_rec *r;
        if (s->wmi) {
            r = diag_warning(m, MOFC_W_REDEFINITION, &ac->loc, "class-redefined",
                             "class '%s' is declared again; the later declaration replaces "
                             "the earlier one", ac->name->text);
        } else {
            r = diag_error(m, &ac->loc, "class-redefined", "class '%s' is already declared",
                           ac->name->text);
        }
        diag_note(m, r, &prev->ast->loc, "previous declaration of '%s' is here",
                  prev->pub.name);
        if (!s->wmi)
            return;
        prev->poisoned = true;   /* replaced: keep it out of the model */
    }
    struct sclass *c = ARENA_NEW(s->a, struct sclass);
    c->ast = ac;
    c->key = ac->name->key;
    c->ns = ns;
    c->pub.name = ac->name->text;
    c->pub.namespace_name = ac->ns->text;
    c->pub.locale = ac->locale;
    c->pub.origin = ac->origin;
    ptrmap_put(&s->classes, ns, c->key, c);
    VEC_PUSH(s->class_list, c);
}

/* ---- pragmas ---- */

static const char *const known_pragmas[] = {
    "namespace", "locale", "instancelocale", "include", "classflags", "instanceflags",
    "deleteclass", "deleteinstance", "autorecover", "amendment", "nonlocal", "nonlocaltype",
    "source", "sourcetype", NULL,
};

static void declare_pragma(struct sema *s, struct ast_pragma *p)
{
    struct mofc *m = s->m;
    const char *n = p->name->text;
    bool known = false;
    for (size_t i = 0; known_pragmas[i]; i++)
        if (fold_cmp(n, known_pragmas[i]) == 0)
            known = true;
    if (!known) {
        const char *hint = sema_suggest(n, known_pragmas,
                                        sizeof known_pragmas / sizeof *known_pragmas - 1);
        if (hint)
            diag_warning(m, MOFC_W_PRAGMA, &p->loc, "unknown-pragma",
                         "unknown pragma '%s' ignored; did you mean '%s'?", n, hint);
        else
            diag_warning(m, MOFC_W_PRAGMA, &p->loc, "unknown-pragma",
                         "unknown pragma '%s' ignored", n);
        return;
    }
    bool wants_arg = fold_cmp(n, "autorecover") != 0;
    if (wants_arg && p->nargs == 0) {
        diag_error(m, &p->loc, "pragma-argument", "pragma '%s' needs an argument", n);
        return;
    }
    bool wmi_only = fold_cmp(n, "classflags") == 0 || fold_cmp(n, "instanceflags") == 0 ||
                    fold_cmp(n, "deleteclass") == 0 || fold_cmp(n, "deleteinstance") == 0 ||
                    fold_cmp(n, "autorecover") == 0 || fold_cmp(n, "amendment") == 0;
    bool obsolete = fold_cmp(n, "nonlocal") == 0 || fold_cmp(n, "nonlocaltype") == 0 ||
                    fold_cmp(n, "source") == 0 || fold_cmp(n, "sourcetype") == 0;
    if (obsolete) {
        diag_warning(m, MOFC_W_PRAGMA, &p->loc, "obsolete-pragma",
                     "pragma '%s' is obsolete (CIM 2.2) and is ignored", n);
        return;
    }
    if (wmi_only && !s->wmi && p->origin == MOFC_ORIGIN_USER) {
        diag_warning(m, MOFC_W_PRAGMA, &p->loc, "wmi-pragma",
                     "pragma '%s' is a WMI extension; recorded, but it has no meaning in "
                     "DMTF MOF", n);
    }
    struct mofc_pragma *mp = ARENA_NEW(s->a, struct mofc_pragma);
    char *lower = arena_strdup(s->a, n);
    for (char *c = lower; *c; c++)
        *c = (char)fold_ascii((unsigned char)*c);
    mp->name = lower;
    mp->nargs = p->nargs;
    const char **args = ARENA_ARRAY(s->a, const char *, p->nargs + 1);
    size_t i = 0;
    for (struct ast_value *v = p->args; v; v = v->next)
        args[i++] = v->u.string.text;
    mp->args = args;
    mp->namespace_name = p->ns->text;
    mp->loc = sema_location(s, &p->loc);
    VEC_PUSH(s->pragma_list, mp);
}

/* ---- instances ---- */

static void declare_instance(struct sema *s, struct ast_instance *ai)
{
    struct sinstance *in = ARENA_NEW(s->a, struct sinstance);
    in->ast = ai;
    in->pub.alias = ai->alias ? ai->alias->text : NULL;
    in->pub.namespace_name = ai->ns->text;
    in->pub.embedded = ai->embedded;
    if (ai->alias) {
        struct sinstance *prev = ptrmap_get(&s->aliases, ai->ns->key, ai->alias->key);
        if (prev) {
            struct diag_rec *r = diag_error(s->m, &ai->alias_loc, "alias-redefined",
                                            "alias '$%s' is already defined", ai->alias->text);
            diag_note(s->m, r, &prev->ast->alias_loc, "previous definition is here");
        } else {
            ptrmap_put(&s->aliases, ai->ns->key, ai->alias->key, in);
        }
    }
    VEC_PUSH(s->instance_list, in);
}

void sema_declare(struct sema *s)
{
    struct ast_unit *u = &s->m->unit;
    for (struct ast_qualifier_decl *d = u->qualifier_decls; d; d = d->next)
        declare_qualifier(s, d);
    for (struct ast_flavor_default *f = u->flavor_defaults; f; f = f->next) {
        if (!s->wmi) {
            diag_error(s->m, &f->loc, "wmi-flavor-default",
                       "'Qualifier %s : flavors;' (default flavors) is a WMI extension; "
                       "compile with --dialect=wmi", f->name->text);
            continue;
        }
        unsigned *fl = ARENA_NEW(s->a, unsigned);
        *fl = f->flavors;
        ptrmap_put(&s->flavor_defaults, s->global_ns, f->name->key, fl);
    }
    for (struct ast_class *c = u->classes; c; c = c->next)
        declare_class(s, c);
    for (struct ast_pragma *p = u->pragmas; p; p = p->next)
        declare_pragma(s, p);
    for (struct ast_instance *i = u->instances; i; i = i->next)
        declare_instance(s, i);
}

void sema_run(struct mofc *m)
{
    struct sema s;
    memset(&s, 0, sizeof s);
    s.m = m;
    s.a = m->sema_arena ? m->sema_arena : &m->arena;
    s.wmi = m->opts.dialect == MOFC_DIALECT_WMI;
    s.global_ns = intern_cstr(&m->names, "<global>")->key;
    init_names(&s);
    ptrmap_init(&s.qualdecls);
    ptrmap_init(&s.classes);
    ptrmap_init(&s.aliases);
    ptrmap_init(&s.flavor_defaults);
    ptrmap_init(&s.portable_warned);
    ptrmap_init(&s.prop_slots);
    ptrmap_init(&s.method_slots);
    ptrmap_init(&s.local_features);

    sema_declare(&s);
    if (!m->stop)
        sema_resolve(&s);
    if (!m->stop)
        sema_inherit(&s);
    if (!m->stop)
        sema_instances(&s);
    if (!m->stop)
        sema_lint(&s);
    if (!m->stop)
        m->model = sema_freeze(&s);

    ptrmap_free(&s.prop_slots);
    ptrmap_free(&s.method_slots);
    ptrmap_free(&s.local_features);
    ptrmap_free(&s.qualdecls);
    ptrmap_free(&s.classes);
    ptrmap_free(&s.aliases);
    ptrmap_free(&s.flavor_defaults);
    ptrmap_free(&s.portable_warned);
    VEC_FREE(s.qualdecl_list);
    VEC_FREE(s.class_list);
    VEC_FREE(s.order);
    VEC_FREE(s.instance_list);
    VEC_FREE(s.pragma_list);
}
