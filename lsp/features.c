/*
 * features.c - what the editor asks about a place: hover, definition and
 * declaration, references, symbols, completion and quick fixes.
 *
 * Every request starts from the session's occurrences (where names are
 * written, with the class of each member) and the resolved model of the
 * last compile; nothing here parses MOF.  Completion reads the open
 * document's text before the cursor to know what kind of name fits there.
 */
#include "lsp.h"
#include "util/strbuf.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- what a name refers to ---- */

struct target {
    enum mofc_occurrence_kind kind;
    const char *name;
    const struct mofc_class *cls;           /* the class, or the member's class */
    const struct mofc_property *prop;
    const struct mofc_method *meth;
    const struct mofc_parameter *param;
    const struct mofc_qualifier_decl *qd;
    const struct mofc_qualifier *q;         /* a qualifier use: its value there */
    const char *on;                         /* ... and what it is on */
};

static const struct mofc_occurrence *occurrence_at(struct lsp_server *s, const char *path,
                                                   unsigned line, unsigned column)
{
    const struct mofc_occurrence *occ;
    size_t n = mofc_session_occurrences(s->session, path, &occ);
    const struct mofc_occurrence *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (occ[i].line != line || column < occ[i].column || column > occ[i].end_column)
            continue;
        /* The cursor right after a name still means that name, unless the
         * next one starts there. */
        if (!best || column < occ[i].end_column)
            best = &occ[i];
    }
    return best;
}

/* The value of a qualifier where it is written, from the element's
 * effective qualifiers. */
static void qualifier_use(const struct mofc_model *m, const struct mofc_occurrence *o,
                          struct target *t)
{
    const struct mofc_class *c = mofc_model_find_class(m, o->scope);
    if (!c)
        return;
    const struct mofc_qualifier_list *l = &c->qualifiers;
    t->on = c->name;
    if (o->member && o->method) {
        const struct mofc_method *me = mofc_class_find_method(c, o->method);
        l = NULL;
        for (size_t i = 0; me && i < me->nparams; i++)
            if (!mofc_name_cmp(me->params[i].name, o->member))
                l = &me->params[i].qualifiers;
        t->on = o->member;
    } else if (o->member) {
        const struct mofc_property *p = mofc_class_find_property(c, o->member);
        const struct mofc_method *me = p ? NULL : mofc_class_find_method(c, o->member);
        l = p ? &p->qualifiers : me ? &me->qualifiers : NULL;
        t->on = o->member;
    }
    t->q = l ? mofc_qualifiers_find(l, o->name) : NULL;
}

static bool resolve(struct lsp_server *s, const struct mofc_occurrence *o, struct target *t)
{
    memset(t, 0, sizeof *t);
    t->kind = o->kind;
    t->name = o->name;
    const struct mofc_model *m = mofc_session_model(s->session);
    if (!m)
        return o->kind == MOFC_OCC_INCLUDE || o->kind == MOFC_OCC_ALIAS;
    switch (o->kind) {
    case MOFC_OCC_CLASS:
        t->cls = mofc_model_find_class(m, o->name);
        return t->cls != NULL;
    case MOFC_OCC_PROPERTY:
        t->cls = o->scope ? mofc_model_find_class(m, o->scope) : NULL;
        t->prop = t->cls ? mofc_class_find_property(t->cls, o->name) : NULL;
        return t->prop != NULL;
    case MOFC_OCC_METHOD:
    case MOFC_OCC_PARAMETER:
        t->cls = o->scope ? mofc_model_find_class(m, o->scope) : NULL;
        t->meth = t->cls ? mofc_class_find_method(t->cls, o->kind == MOFC_OCC_METHOD
                                                               ? o->name
                                                               : o->method)
                         : NULL;
        if (t->meth && o->kind == MOFC_OCC_PARAMETER) {
            for (size_t i = 0; i < t->meth->nparams; i++)
                if (mofc_name_cmp(t->meth->params[i].name, o->name) == 0)
                    t->param = &t->meth->params[i];
            return t->param != NULL;
        }
        return t->meth != NULL;
    case MOFC_OCC_QUALIFIER:
        t->qd = mofc_model_find_qualifier_decl(m, o->name);
        if (t->qd && !o->is_decl && o->scope)
            qualifier_use(m, o, t);
        return t->qd != NULL;
    case MOFC_OCC_ALIAS:
    case MOFC_OCC_INCLUDE:
        return true;
    }
    return false;
}

/* Two targets name the same thing (a property of any class that inherits
 * it without a new definition counts as the one that introduced it). */
static bool same_target(const struct target *a, const struct target *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case MOFC_OCC_CLASS:
        return a->cls == b->cls;
    case MOFC_OCC_PROPERTY:
        return a->prop->origin == b->prop->origin && !mofc_name_cmp(a->name, b->name);
    case MOFC_OCC_METHOD:
        return a->meth->origin == b->meth->origin && !mofc_name_cmp(a->name, b->name);
    case MOFC_OCC_PARAMETER:
        return a->param == b->param;
    case MOFC_OCC_QUALIFIER:
        return a->qd == b->qd;
    case MOFC_OCC_ALIAS:
    case MOFC_OCC_INCLUDE:
        return !mofc_name_cmp(a->name, b->name);
    }
    return false;
}

static bool real_file(const char *path)
{
    return path && path[0] == '/';
}

static json_object *model_location(const struct mofc_location *l, const char *name)
{
    if (!real_file(l->file))
        return NULL;
    struct mofc_position at = mofc_location_position(l);
    return lsp_location(l->file, at.line, at.column, at.column + (unsigned)strlen(name));
}

/* ---- hover ---- */

static void put_value(struct strbuf *t, const struct mofc_value *v)
{
    if (v->is_null) {
        sb_puts(t, "null");
        return;
    }
    if (v->is_array) {
        sb_puts(t, "{");
        for (size_t i = 0; i < v->count && i < 8; i++) {
            if (i)
                sb_puts(t, ", ");
            put_value(t, &v->elements[i]);
        }
        if (v->count > 8)
            sb_printf(t, ", ... (%zu values)", v->count);
        sb_puts(t, "}");
        return;
    }
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        sb_puts(t, v->v.boolean ? "true" : "false");
        break;
    case MOFC_TYPE_UINT8:
    case MOFC_TYPE_UINT16:
    case MOFC_TYPE_UINT32:
    case MOFC_TYPE_UINT64:
        sb_printf(t, "%" PRIu64, v->v.u);
        break;
    case MOFC_TYPE_SINT8:
    case MOFC_TYPE_SINT16:
    case MOFC_TYPE_SINT32:
    case MOFC_TYPE_SINT64:
        sb_printf(t, "%" PRId64, v->v.s);
        break;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        sb_printf(t, "%g", v->v.real);
        break;
    case MOFC_TYPE_CHAR16:
        sb_printf(t, "'\\x%X'", v->v.char16);
        break;
    case MOFC_TYPE_STRING: {
        size_t n = v->v.string.len;
        sb_printf(t, "\"%.*s%s\"", (int)(n > 60 ? 60 : n), v->v.string.text, n > 60 ? "..." : "");
        break;
    }
    case MOFC_TYPE_DATETIME:
        sb_printf(t, "\"%s\"", v->v.datetime ? v->v.datetime->text : "");
        break;
    case MOFC_TYPE_REFERENCE:
        sb_printf(t, "\"%.*s\"", (int)v->v.ref.path.len, v->v.ref.path.text);
        break;
    default:
        sb_puts(t, "...");
    }
}

static bool shown_apart(const char *name)
{
    static const char *const apart[] = {"Description", "ValueMap", "Values", "BitMap",
                                        "BitValues"};
    for (size_t i = 0; i < sizeof apart / sizeof *apart; i++)
        if (!mofc_name_cmp(name, apart[i]))
            return true;
    return false;
}

/* `[Key, MaxLen(256)] ` with the qualifiers shown elsewhere left out. */
static void put_qualifiers(struct strbuf *t, const struct mofc_qualifier_list *l)
{
    bool any = false;
    for (size_t i = 0; i < l->count; i++) {
        const struct mofc_qualifier *q = &l->items[i];
        if (shown_apart(q->name))
            continue;
        sb_puts(t, any ? ", " : "[");
        any = true;
        sb_puts(t, q->name);
        if (q->value.type == MOFC_TYPE_BOOLEAN && !q->value.is_array && !q->value.is_null &&
            q->value.v.boolean)
            continue;
        sb_puts(t, "(");
        put_value(t, &q->value);
        sb_puts(t, ")");
    }
    if (any)
        sb_puts(t, "]\n");
}

static void put_type(struct strbuf *t, const struct mofc_typeinfo *ti)
{
    if (ti->type == MOFC_TYPE_REFERENCE)
        sb_printf(t, "%s REF", ti->ref_class ? ti->ref_class->name : "object");
    else if (ti->type == MOFC_TYPE_OBJECT)
        sb_puts(t, ti->embedded_name ? ti->embedded_name : "object");
    else if (ti->type == MOFC_TYPE_NONE)
        sb_puts(t, "void");
    else
        sb_puts(t, mofc_type_name(ti->type));
}

static void put_description(struct strbuf *t, const struct mofc_qualifier_list *l)
{
    const struct mofc_qualifier *d = mofc_qualifiers_find(l, "Description");
    if (d && !d->value.is_null && d->value.type == MOFC_TYPE_STRING && !d->value.is_array) {
        sb_puts(t, "\n");
        sb_putn(t, d->value.v.string.text, d->value.v.string.len);
        sb_puts(t, "\n");
    }
}

static void put_map(struct strbuf *t, const struct mofc_valuemap *vm, const char *a, const char *b)
{
    if (!vm || !vm->count)
        return;
    sb_printf(t, "\n| %s | %s |\n|---|---|\n", a, b);
    for (size_t i = 0; i < vm->count && i < 200; i++) {
        const struct mofc_valuemap_entry *e = &vm->entries[i];
        char idx[32];
        snprintf(idx, sizeof idx, "%zu", i);
        sb_printf(t, "| %s | ", e->raw ? e->raw : idx);
        for (const char *p = e->name ? e->name : ""; *p; p++) {
            if (*p == '|')
                sb_puts(t, "\\|");
            else if (*p != '\n')
                sb_putn(t, p, 1);
        }
        sb_puts(t, " |\n");
    }
    if (vm->count > 200)
        sb_printf(t, "\n(%zu more values)\n", vm->count - 200);
}

static void hover_class(struct strbuf *t, const struct mofc_class *c)
{
    sb_puts(t, "```mof\n");
    put_qualifiers(t, &c->qualifiers);
    sb_printf(t, "class %s", c->name);
    if (c->superclass)
        sb_printf(t, " : %s", c->superclass->name);
    sb_puts(t, "\n```\n");
    sb_printf(t, "%zu properties, %zu methods", c->nproperties, c->nmethods);
    if (c->superclass) {
        sb_puts(t, "; derives from ");
        for (const struct mofc_class *p = c->superclass; p; p = p->superclass)
            sb_printf(t, "`%s`%s", p->name, p->superclass ? " < " : "");
    }
    sb_puts(t, "\n");
    put_description(t, &c->qualifiers);
}

static void hover_property(struct strbuf *t, const struct target *g)
{
    const struct mofc_property *p = g->prop;
    sb_puts(t, "```mof\n");
    put_qualifiers(t, &p->qualifiers);
    put_type(t, &p->t);
    sb_printf(t, " %s%s", p->name, p->t.is_array ? "[]" : "");
    if (!p->default_value.is_null) {
        sb_puts(t, " = ");
        put_value(t, &p->default_value);
    }
    sb_puts(t, "\n```\n");
    sb_printf(t, "Property of `%s`", g->cls->name);
    if (p->owner != g->cls)
        sb_printf(t, ", inherited from `%s`", p->owner->name);
    else if (p->overridden)
        sb_printf(t, ", overrides `%s.%s`", p->overridden->owner->name, p->name);
    if (p->origin && p->origin != p->owner)
        sb_printf(t, " (introduced by `%s`)", p->origin->name);
    sb_puts(t, "\n");
    put_description(t, &p->qualifiers);
    put_map(t, p->valuemap, "ValueMap", "Values");
    put_map(t, p->bitmap, "BitMap", "BitValues");
}

static void hover_method(struct strbuf *t, const struct target *g)
{
    const struct mofc_method *m = g->meth;
    sb_puts(t, "```mof\n");
    put_qualifiers(t, &m->qualifiers);
    put_type(t, &m->ret);
    sb_printf(t, " %s(", m->name);
    for (size_t i = 0; i < m->nparams; i++) {
        if (i)
            sb_puts(t, ", ");
        const struct mofc_parameter *p = &m->params[i];
        bool in = p->flags & MOFC_PROP_IN, out = p->flags & MOFC_PROP_OUT;
        if (in || out)
            sb_printf(t, "[%s%s%s] ", in ? "In" : "", in && out ? ", " : "", out ? "Out" : "");
        put_type(t, &p->t);
        sb_printf(t, " %s%s", p->name, p->t.is_array ? "[]" : "");
    }
    sb_puts(t, ")\n```\n");
    sb_printf(t, "Method of `%s`", g->cls->name);
    if (m->owner != g->cls)
        sb_printf(t, ", inherited from `%s`", m->owner->name);
    else if (m->overridden)
        sb_printf(t, ", overrides `%s.%s`", m->overridden->owner->name, m->name);
    sb_puts(t, "\n");
    put_description(t, &m->qualifiers);
    put_map(t, m->valuemap, "ValueMap", "Values");
}

static void hover_parameter(struct strbuf *t, const struct target *g)
{
    const struct mofc_parameter *p = g->param;
    sb_puts(t, "```mof\n");
    put_qualifiers(t, &p->qualifiers);
    put_type(t, &p->t);
    sb_printf(t, " %s%s\n```\nParameter of `%s.%s`\n", p->name, p->t.is_array ? "[]" : "",
         g->cls->name, g->meth->name);
    put_description(t, &p->qualifiers);
    put_map(t, p->valuemap, "ValueMap", "Values");
}

static void hover_qualifier(struct strbuf *t, const struct mofc_qualifier_decl *d)
{
    sb_printf(t, "```mof\nQualifier %s : %s%s", d->name, mofc_type_name(d->type),
         d->is_array ? "[]" : "");
    if (!d->default_value.is_null) {
        sb_puts(t, " = ");
        put_value(t, &d->default_value);
    }
    sb_puts(t, ",\n    Scope(");
    if (d->scopes == MOFC_SCOPE_ANY) {
        sb_puts(t, "any");
    } else {
        bool first = true;
        for (size_t i = 0; i < 7; i++) {
            if (!(d->scopes & mofc_scope_names[i].bit))
                continue;
            sb_printf(t, "%s%s", first ? "" : ", ", mofc_scope_names[i].mof);
            first = false;
        }
    }
    sb_puts(t, ")");
    static const struct {
        unsigned bit;
        const char *name;
    } flavors[] = {{MOFC_FLAVOR_ENABLEOVERRIDE, "EnableOverride"},
                   {MOFC_FLAVOR_DISABLEOVERRIDE, "DisableOverride"},
                   {MOFC_FLAVOR_TOSUBCLASS, "ToSubclass"},
                   {MOFC_FLAVOR_RESTRICTED, "Restricted"},
                   {MOFC_FLAVOR_TRANSLATABLE, "Translatable"}};
    sb_puts(t, ",\n    Flavor(");
    bool first = true;
    for (size_t i = 0; i < sizeof flavors / sizeof *flavors; i++) {
        if (!(d->flavors & flavors[i].bit))
            continue;
        sb_printf(t, "%s%s", first ? "" : ", ", flavors[i].name);
        first = false;
    }
    sb_puts(t, ");\n```\n");
    if (d->origin == MOFC_ORIGIN_BUILTIN)
        sb_puts(t, "Built into mofc (the standard qualifier declarations)\n");
    else if (d->origin == MOFC_ORIGIN_PACK)
        sb_puts(t, "From a base-schema pack (--with)\n");
}

static const struct mofc_occurrence *lookup(struct lsp_server *s, json_object *params,
                                            char **path)
{
    const char *uri;
    unsigned line, column;
    *path = NULL;
    if (!lsp_text_position(s, params, &uri, &line, &column))
        return NULL;
    *path = lsp_uri_to_path(uri);
    return *path ? occurrence_at(s, *path, line, column) : NULL;
}

json_object *lsp_hover(struct lsp_server *s, json_object *params)
{
    char *path;
    const struct mofc_occurrence *o = lookup(s, params, &path);
    struct target g;
    if (!o || !resolve(s, o, &g)) {
        free(path);
        return NULL;
    }
    struct strbuf t = {0};
    switch (g.kind) {
    case MOFC_OCC_CLASS:
        hover_class(&t, g.cls);
        break;
    case MOFC_OCC_PROPERTY:
        hover_property(&t, &g);
        break;
    case MOFC_OCC_METHOD:
        hover_method(&t, &g);
        break;
    case MOFC_OCC_PARAMETER:
        hover_parameter(&t, &g);
        break;
    case MOFC_OCC_QUALIFIER:
        if (g.q) {
            sb_printf(&t, "`%s", g.q->name);
            if (!(g.q->value.type == MOFC_TYPE_BOOLEAN && !g.q->value.is_array &&
                  !g.q->value.is_null && g.q->value.v.boolean)) {
                sb_puts(&t, "(");
                put_value(&t, &g.q->value);
                sb_puts(&t, ")");
            }
            sb_printf(&t, "` on `%s`\n\n", g.on);
        }
        hover_qualifier(&t, g.qd);
        break;
    case MOFC_OCC_ALIAS:
        sb_printf(&t, "Instance alias `$%s`\n", g.name);
        break;
    case MOFC_OCC_INCLUDE:
        sb_printf(&t, "Includes `%s`\n", g.name);
        break;
    }
    json_object *r = json_object_new_object();
    json_object *c = json_object_new_object();
    json_object_object_add(c, "kind", json_object_new_string("markdown"));
    json_object_object_add(c, "value", json_object_new_string(t.data ? t.data : ""));
    json_object_object_add(r, "contents", c);
    json_object_object_add(r, "range",
                           lsp_range(o->line, lsp_utf16_column(path, o->line, o->column), o->line,
                                     lsp_utf16_column(path, o->line, o->end_column)));
    sb_free(&t);
    free(path);
    return r;
}

/* ---- definition, references ---- */

/* The declaration occurrence of an alias, in any file of the compile. */
static json_object *alias_declaration(struct lsp_server *s, const char *name)
{
    size_t nf = mofc_session_file_count(s->session);
    for (size_t f = 0; f < nf; f++) {
        const char *path = mofc_session_file(s->session, f);
        const struct mofc_occurrence *occ;
        size_t n = mofc_session_occurrences(s->session, path, &occ);
        for (size_t i = 0; i < n; i++)
            if (occ[i].kind == MOFC_OCC_ALIAS && occ[i].is_decl && !mofc_name_cmp(occ[i].name, name))
                return lsp_location(path, occ[i].line, occ[i].column, occ[i].end_column);
    }
    return NULL;
}

json_object *lsp_definition(struct lsp_server *s, json_object *params, bool declaration)
{
    char *path;
    const struct mofc_occurrence *o = lookup(s, params, &path);
    free(path);
    struct target g;
    if (!o || !resolve(s, o, &g))
        return NULL;
    switch (g.kind) {
    case MOFC_OCC_CLASS:
        return model_location(&g.cls->loc, g.cls->name);
    case MOFC_OCC_PROPERTY: {
        /* On a declaration, "definition" goes to what it overrides. */
        const struct mofc_property *p = g.prop;
        if (o->is_decl && !declaration && p->overridden)
            p = p->overridden;
        return model_location(&p->loc, p->name);
    }
    case MOFC_OCC_METHOD: {
        const struct mofc_method *m = g.meth;
        if (o->is_decl && !declaration && m->overridden)
            m = m->overridden;
        return model_location(&m->loc, m->name);
    }
    case MOFC_OCC_PARAMETER:
        return model_location(&g.param->loc, g.param->name);
    case MOFC_OCC_QUALIFIER:
        return model_location(&g.qd->loc, g.qd->name);
    case MOFC_OCC_ALIAS:
        return alias_declaration(s, g.name);
    case MOFC_OCC_INCLUDE:
        return lsp_location(g.name, 1, 1, 1);
    }
    return NULL;
}

json_object *lsp_references(struct lsp_server *s, json_object *params)
{
    char *path;
    const struct mofc_occurrence *o = lookup(s, params, &path);
    free(path);
    struct target want;
    if (!o || !resolve(s, o, &want))
        return NULL;
    json_object *ctx;
    bool with_decl = true;
    if (json_object_object_get_ex(params, "context", &ctx)) {
        json_object *b;
        if (json_object_object_get_ex(ctx, "includeDeclaration", &b))
            with_decl = json_object_get_boolean(b);
    }
    json_object *out = json_object_new_array();
    size_t nf = mofc_session_file_count(s->session);
    for (size_t f = 0; f < nf; f++) {
        const char *file = mofc_session_file(s->session, f);
        const struct mofc_occurrence *occ;
        size_t n = mofc_session_occurrences(s->session, file, &occ);
        for (size_t i = 0; i < n; i++) {
            if (occ[i].kind != want.kind || (occ[i].is_decl && !with_decl) ||
                mofc_name_cmp(occ[i].name, o->name) != 0)
                continue;
            struct target g;
            if (resolve(s, &occ[i], &g) && same_target(&g, &want))
                json_object_array_add(out, lsp_location(file, occ[i].line, occ[i].column,
                                                        occ[i].end_column));
        }
    }
    return out;
}

/* ---- symbols ---- */

static int symbol_kind(const struct mofc_occurrence *o)
{
    switch (o->kind) {
    case MOFC_OCC_CLASS:
        return 5;
    case MOFC_OCC_PROPERTY:
        return 7;
    case MOFC_OCC_METHOD:
        return 6;
    case MOFC_OCC_QUALIFIER:
        return 26;
    case MOFC_OCC_ALIAS:
        return 19;
    default:
        return 0;
    }
}

static json_object *symbol(const char *path, const struct mofc_occurrence *o)
{
    json_object *sym = json_object_new_object();
    json_object_object_add(sym, "name", json_object_new_string(o->name));
    json_object_object_add(sym, "kind", json_object_new_int(symbol_kind(o)));
    json_object_object_add(sym, "location", lsp_location(path, o->line, o->column,
                                                         o->end_column));
    if (o->scope)
        json_object_object_add(sym, "containerName", json_object_new_string(o->scope));
    return sym;
}

json_object *lsp_document_symbols(struct lsp_server *s, json_object *params)
{
    json_object *td;
    const char *uri = json_object_object_get_ex(params, "textDocument", &td)
                          ? lsp_get_string(td, "uri")
                          : NULL;
    char *path = uri ? lsp_uri_to_path(uri) : NULL;
    if (!path)
        return NULL;
    json_object *out = json_object_new_array();
    const struct mofc_occurrence *occ;
    size_t n = mofc_session_occurrences(s->session, path, &occ);
    json_object *children = NULL, *cls_range = NULL;
    for (size_t i = 0; i < n; i++) {
        const struct mofc_occurrence *o = &occ[i];
        if (!o->is_decl || !symbol_kind(o))
            continue;
        if (!s->hierarchical_symbols) {
            json_object_array_add(out, symbol(path, o));
            continue;
        }
        /* A tree: each class holds the members declared after it. */
        unsigned c = lsp_utf16_column(path, o->line, o->column);
        unsigned e = lsp_utf16_column(path, o->line, o->end_column);
        json_object *sym = json_object_new_object();
        json_object_object_add(sym, "name", json_object_new_string(o->name));
        json_object_object_add(sym, "kind", json_object_new_int(symbol_kind(o)));
        json_object_object_add(sym, "range", lsp_range(o->line, c, o->line, e));
        json_object_object_add(sym, "selectionRange", lsp_range(o->line, c, o->line, e));
        bool member = (o->kind == MOFC_OCC_PROPERTY || o->kind == MOFC_OCC_METHOD) && children;
        if (member) {
            json_object_array_add(children, sym);
            /* The class's range reaches its last member. */
            json_object_object_add(cls_range, "end", lsp_position(o->line, e));
            continue;
        }
        json_object_array_add(out, sym);
        children = NULL;
        if (o->kind == MOFC_OCC_CLASS) {
            children = json_object_new_array();
            json_object_object_add(sym, "children", children);
            json_object_object_get_ex(sym, "range", &cls_range);
        }
    }
    free(path);
    return out;
}

static bool contains_folded(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return n == 0;
}

json_object *lsp_workspace_symbols(struct lsp_server *s, json_object *params)
{
    const char *query = lsp_get_string(params, "query");
    json_object *out = json_object_new_array();
    size_t nf = mofc_session_file_count(s->session);
    for (size_t f = 0; f < nf && json_object_array_length(out) < 1000; f++) {
        const char *path = mofc_session_file(s->session, f);
        const struct mofc_occurrence *occ;
        size_t n = mofc_session_occurrences(s->session, path, &occ);
        for (size_t i = 0; i < n && json_object_array_length(out) < 1000; i++) {
            const struct mofc_occurrence *o = &occ[i];
            if (!o->is_decl || (o->kind != MOFC_OCC_CLASS && o->kind != MOFC_OCC_QUALIFIER &&
                                o->kind != MOFC_OCC_ALIAS))
                continue;
            if (query && !contains_folded(o->name, query))
                continue;
            json_object_array_add(out, symbol(path, o));
        }
    }
    return out;
}

/* ---- completion ---- */

enum { CK_TEXT = 1, CK_METHOD = 2, CK_FIELD = 5, CK_CLASS = 7, CK_PROPERTY = 10, CK_VALUE = 12,
       CK_ENUM_MEMBER = 20, CK_KEYWORD = 14 };

static void item(json_object *out, const char *label, int kind, const char *detail,
                 const char *insert)
{
    json_object *it = json_object_new_object();
    json_object_object_add(it, "label", json_object_new_string(label));
    json_object_object_add(it, "kind", json_object_new_int(kind));
    if (detail)
        json_object_object_add(it, "detail", json_object_new_string(detail));
    if (insert)
        json_object_object_add(it, "insertText", json_object_new_string(insert));
    json_object_array_add(out, it);
}

/* What the text before the cursor says about the place. */
struct place {
    int depth;                /* braces open */
    bool in_brackets;         /* inside [ ] */
    bool in_parens;           /* inside ( ) in a class body: a parameter */
    bool after_pragma;        /* "#pragma " then a word */
    bool after_colon;         /* "class X :" */
    bool after_equals;        /* "Name =" in an instance */
    char prop[128];           /* the property before '=' */
    char instance_class[128]; /* "instance of C" in force */
};

static void word_before(const char *t, size_t end, char *out, size_t cap)
{
    size_t e = end;
    while (e > 0 && isspace((unsigned char)t[e - 1]))
        e--;
    size_t b = e;
    while (b > 0 && (isalnum((unsigned char)t[b - 1]) || t[b - 1] == '_'))
        b--;
    size_t n = e - b < cap - 1 ? e - b : cap - 1;
    memcpy(out, t + b, n);
    out[n] = '\0';
}

static void read_place(const char *t, size_t at, struct place *p)
{
    memset(p, 0, sizeof *p);
    int brackets = 0, parens = 0;
    bool in_str = false, line_comment = false, block = false;
    for (size_t i = 0; i < at; i++) {
        char c = t[i];
        if (line_comment) {
            line_comment = c != '\n';
            continue;
        }
        if (block) {
            if (c == '*' && i + 1 < at && t[i + 1] == '/')
                block = false, i++;
            continue;
        }
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (c == '"')
            in_str = true;
        else if (c == '/' && i + 1 < at && t[i + 1] == '/')
            line_comment = true;
        else if (c == '/' && i + 1 < at && t[i + 1] == '*')
            block = true, i++;
        else if (c == '{')
            p->depth++;
        else if (c == '}')
            p->depth = p->depth ? p->depth - 1 : 0, p->instance_class[0] = p->depth ? p->instance_class[0] : '\0';
        else if (c == '[')
            brackets++;
        else if (c == ']')
            brackets = brackets ? brackets - 1 : 0;
        else if (c == '(')
            parens++;
        else if (c == ')')
            parens = parens ? parens - 1 : 0;
        else if (c == ';')
            brackets = parens = 0;   /* what an unfinished edit left open ends here */
        else if (p->depth == 0 && (c == 'i' || c == 'I') && strncasecmp(t + i, "instance", 8) == 0 &&
                 (i == 0 || !isalnum((unsigned char)t[i - 1]))) {
            /* "instance of NAME" */
            size_t k = i + 8;
            while (k < at && isspace((unsigned char)t[k]))
                k++;
            if (k + 2 <= at && strncasecmp(t + k, "of", 2) == 0) {
                k += 2;
                while (k < at && isspace((unsigned char)t[k]))
                    k++;
                size_t b = k;
                while (k < at && (isalnum((unsigned char)t[k]) || t[k] == '_'))
                    k++;
                size_t n = k - b < sizeof p->instance_class - 1 ? k - b
                                                                : sizeof p->instance_class - 1;
                memcpy(p->instance_class, t + b, n);
                p->instance_class[n] = '\0';
            }
        }
    }
    p->in_brackets = brackets > 0 && !in_str;
    p->in_parens = parens > 0 && p->depth > 0 && !p->in_brackets;
    /* The current line up to the cursor. */
    size_t ls = at;
    while (ls > 0 && t[ls - 1] != '\n')
        ls--;
    size_t k = ls;
    while (k < at && isspace((unsigned char)t[k]))
        k++;
    p->after_pragma = at - k >= 7 && strncasecmp(t + k, "#pragma", 7) == 0;
    /* Skip the word being typed. */
    size_t w = at;
    while (w > ls && (isalnum((unsigned char)t[w - 1]) || t[w - 1] == '_'))
        w--;
    size_t q = w;
    while (q > ls && isspace((unsigned char)t[q - 1]))
        q--;
    if (q > ls && t[q - 1] == ':' && !p->in_brackets)
        p->after_colon = true;
    if (q > ls && t[q - 1] == '=' && p->depth > 0 && p->instance_class[0]) {
        p->after_equals = true;
        word_before(t, q - 1, p->prop, sizeof p->prop);
    }
}

static unsigned scope_for(const struct place *p)
{
    if (p->depth == 0)
        return MOFC_SCOPE_CLASS | MOFC_SCOPE_ASSOCIATION | MOFC_SCOPE_INDICATION;
    if (p->in_parens)
        return MOFC_SCOPE_PARAMETER;
    return MOFC_SCOPE_PROPERTY | MOFC_SCOPE_REFERENCE | MOFC_SCOPE_METHOD;
}

json_object *lsp_completion(struct lsp_server *s, json_object *params)
{
    const char *uri;
    unsigned line, column;
    if (!lsp_text_position(s, params, &uri, &line, &column))
        return NULL;
    struct lsp_doc *d = lsp_find_doc(s, uri);
    if (!d)
        return NULL;
    /* Byte offset of the cursor: line, then `column` characters. */
    size_t at = 0;
    for (unsigned l = 1; l < line && at < d->len; at++)
        if (d->text[at] == '\n')
            l++;
    for (unsigned c = 1; c < column && at < d->len && d->text[at] != '\n'; c++) {
        at++;
        while (at < d->len && ((unsigned char)d->text[at] & 0xC0) == 0x80)
            at++;
    }
    struct place p;
    read_place(d->text, at, &p);
    const struct mofc_model *m = mofc_session_model(s->session);
    json_object *out = json_object_new_array();
    if (p.after_pragma) {
        static const char *const pragmas[] = {"include", "namespace", "locale",
                                              "instancelocale", "classflags", "deleteclass",
                                              "deleteinstance", "autorecover", "source",
                                              "nonlocal", "nonlocaltype", "comment"};
        for (size_t i = 0; i < sizeof pragmas / sizeof *pragmas; i++)
            item(out, pragmas[i], CK_KEYWORD, "pragma", NULL);
        return out;
    }
    if (!m)
        return out;
    if (p.in_brackets) {
        unsigned want = scope_for(&p);
        for (size_t i = 0; i < m->nqualifier_decls; i++) {
            const struct mofc_qualifier_decl *q = m->qualifier_decls[i];
            if (!(q->scopes & want))
                continue;
            char detail[128];
            snprintf(detail, sizeof detail, "%s%s qualifier", mofc_type_name(q->type),
                     q->is_array ? "[]" : "");
            item(out, q->name, CK_PROPERTY, detail, NULL);
        }
        return out;
    }
    if (p.after_equals) {
        const struct mofc_class *c = mofc_model_find_class(m, p.instance_class);
        const struct mofc_property *pr = c ? mofc_class_find_property(c, p.prop) : NULL;
        if (pr && pr->valuemap) {
            for (size_t i = 0; i < pr->valuemap->count; i++) {
                const struct mofc_valuemap_entry *e = &pr->valuemap->entries[i];
                if (e->kind != MOFC_VM_VALUE && e->kind != MOFC_VM_STRING)
                    continue;
                char label[256], ins[256];
                const char *raw = e->raw;
                char idx[32];
                if (!raw) {
                    snprintf(idx, sizeof idx, "%zu", i);
                    raw = idx;
                }
                snprintf(label, sizeof label, "%s", raw);
                if (pr->valuemap->is_string)
                    snprintf(ins, sizeof ins, "\"%s\"", raw);
                else
                    snprintf(ins, sizeof ins, "%s", raw);
                item(out, label, CK_ENUM_MEMBER, e->name, ins);
            }
        }
        return out;
    }
    if (p.instance_class[0] && p.depth > 0) {
        const struct mofc_class *c = mofc_model_find_class(m, p.instance_class);
        for (size_t i = 0; c && i < c->nproperties; i++) {
            char detail[128];
            snprintf(detail, sizeof detail, "%s (%s)", mofc_type_name(c->properties[i]->t.type),
                     c->properties[i]->origin ? c->properties[i]->origin->name : c->name);
            item(out, c->properties[i]->name, CK_FIELD, detail, NULL);
        }
        return out;
    }
    for (size_t i = 0; i < m->nclasses; i++)
        item(out, m->classes[i]->name, CK_CLASS,
             m->classes[i]->superclass ? m->classes[i]->superclass->name : "class", NULL);
    if (p.after_colon)
        return out;
    static const char *const types[] = {"boolean", "uint8",  "sint8",  "uint16", "sint16",
                                        "uint32",  "sint32", "uint64", "sint64", "real32",
                                        "real64",  "char16", "string", "datetime"};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        item(out, types[i], CK_KEYWORD, "type", NULL);
    static const char *const top[] = {"class", "instance of", "qualifier", "association",
                                      "indication", "REF"};
    for (size_t i = 0; i < sizeof top / sizeof *top; i++)
        item(out, top[i], CK_KEYWORD, "keyword", NULL);
    return out;
}

/* ---- quick fixes ---- */

static json_object *edit_action(const char *title, const char *uri, json_object *diag,
                                json_object *range, const char *new_text)
{
    json_object *a = json_object_new_object();
    json_object_object_add(a, "title", json_object_new_string(title));
    json_object_object_add(a, "kind", json_object_new_string("quickfix"));
    json_object *ds = json_object_new_array();
    json_object_array_add(ds, json_object_get(diag));
    json_object_object_add(a, "diagnostics", ds);
    json_object_object_add(a, "isPreferred", json_object_new_boolean(1));
    json_object *te = json_object_new_object();
    json_object_object_add(te, "range", range);
    json_object_object_add(te, "newText", json_object_new_string(new_text));
    json_object *edits = json_object_new_array();
    json_object_array_add(edits, te);
    json_object *changes = json_object_new_object();
    json_object_object_add(changes, uri, edits);
    json_object *we = json_object_new_object();
    json_object_object_add(we, "changes", changes);
    json_object_object_add(a, "edit", we);
    return a;
}

/* The text of line `line` (0-based) of an open document, and its length. */
static const char *doc_line(const struct lsp_doc *d, long line, size_t *len)
{
    size_t i = 0;
    for (long l = 0; l < line && i < d->len; i++)
        if (d->text[i] == '\n')
            l++;
    size_t e = i;
    while (e < d->len && d->text[e] != '\n')
        e++;
    *len = e - i;
    return d->text + i;
}

/* Moves a 0-based (line, UTF-16 column) back over the white space before
 * it, to just after the previous character. */
static void before_gap(const struct lsp_doc *d, unsigned *line, unsigned *col)
{
    size_t len;
    long l = (long)*line;
    const char *t = doc_line(d, l, &len);
    /* The byte offset of the column on its line (ASCII indentation is
     * what matters here; other characters count one unit each). */
    size_t k = 0;
    for (unsigned u = 0; u < *col && k < len; u++) {
        k++;
        while (k < len && ((unsigned char)t[k] & 0xC0) == 0x80)
            k++;
    }
    for (;;) {
        while (k > 0 && isspace((unsigned char)t[k - 1]))
            k--;
        if (k > 0 || l == 0)
            break;
        t = doc_line(d, --l, &len);
        k = len;
    }
    unsigned units = 0;
    for (size_t i = 0; i < k; i++)
        units += ((unsigned char)t[i] & 0xC0) != 0x80;
    *line = (unsigned)l;
    *col = units;
}

json_object *lsp_code_actions(struct lsp_server *s, json_object *params)
{
    json_object *td, *ctx, *diags;
    const char *uri = json_object_object_get_ex(params, "textDocument", &td)
                          ? lsp_get_string(td, "uri")
                          : NULL;
    json_object *out = json_object_new_array();
    if (!uri || !json_object_object_get_ex(params, "context", &ctx) ||
        !json_object_object_get_ex(ctx, "diagnostics", &diags) ||
        !json_object_is_type(diags, json_type_array))
        return out;
    struct lsp_doc *doc = lsp_find_doc(s, uri);
    for (size_t i = 0; i < json_object_array_length(diags); i++) {
        json_object *d = json_object_array_get_idx(diags, i);
        const char *msg = lsp_get_string(d, "message");
        json_object *range;
        if (!msg || !json_object_object_get_ex(d, "range", &range) ||
            !json_object_is_type(range, json_type_object))
            continue;
        json_object *data;
        const char *id = json_object_object_get_ex(d, "data", &data) ? lsp_get_string(data, "id")
                                                                    : NULL;
        const char *dym = strstr(msg, "did you mean '");
        if (dym) {
            dym += strlen("did you mean '");
            const char *e = strchr(dym, '\'');
            if (e && e > dym) {
                char name[256], title[300];
                size_t n = (size_t)(e - dym) < sizeof name - 1 ? (size_t)(e - dym) : sizeof name - 1;
                memcpy(name, dym, n);
                name[n] = '\0';
                snprintf(title, sizeof title, "Change to '%s'", name);
                json_object_array_add(out, edit_action(title, uri, d, json_object_get(range),
                                                       name));
            }
        }
        json_object *start = NULL;
        json_object_object_get_ex(range, "start", &start);
        long line = lsp_get_int(start, "line", -1), ch = lsp_get_int(start, "character", -1);
        if (line < 0 || ch < 0)
            continue;
        const char *exp = strstr(msg, ", expected ");
        if (id && strcmp(id, "missing-semicolon") == 0) {
            /* The parser already points right after the previous text. */
            json_object_array_add(out, edit_action("Insert ';'", uri, d,
                                                   lsp_range((unsigned)line + 1,
                                                             (unsigned)ch + 1,
                                                             (unsigned)line + 1,
                                                             (unsigned)ch + 1),
                                                   ";"));
        } else if (exp && strstr(exp, "';'")) {
            /* Right after the text before the unexpected token. */
            unsigned l = (unsigned)line, c = (unsigned)ch;
            if (doc)
                before_gap(doc, &l, &c);
            json_object_array_add(out, edit_action("Insert ';'", uri, d,
                                                   lsp_range(l + 1, c + 1, l + 1, c + 1), ";"));
        }
        if (id && strcmp(id, "missing-override") == 0 && doc) {
            size_t len;
            const char *t = doc_line(doc, line, &len);
            json_object *end = NULL;
            json_object_object_get_ex(range, "end", &end);
            long ech = lsp_get_int(end, "character", ch);
            if ((size_t)ech > len || ech <= ch)
                continue;
            char name[256];
            size_t n = (size_t)(ech - ch) < sizeof name - 1 ? (size_t)(ech - ch) : sizeof name - 1;
            memcpy(name, t + ch, n);
            name[n] = '\0';
            size_t k = 0;
            while (k < len && isspace((unsigned char)t[k]))
                k++;
            char ins[320];
            unsigned col;
            if (k < len && t[k] == '[') {
                snprintf(ins, sizeof ins, "Override(\"%s\"), ", name);
                col = (unsigned)k + 2;
            } else {
                snprintf(ins, sizeof ins, "[Override(\"%s\")] ", name);
                col = (unsigned)k + 1;
            }
            json_object_array_add(out, edit_action("Add Override", uri, d,
                                                   lsp_range((unsigned)line + 1, col,
                                                             (unsigned)line + 1, col),
                                                   ins));
        }
    }
    return out;
}
