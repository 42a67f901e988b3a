/*
 * xml_reader.c - the second front end: CIM-XML declaration documents
 * (DSP0201) read with libxml2 into the same AST the MOF parser builds, so
 * MOF and XML inputs mix on one command line and go through one sema.
 *
 * What CIM-XML says explicitly that MOF leaves implicit is dropped on the
 * way in: elements and qualifiers marked PROPAGATED="true" are what
 * inheritance gives anyway, and CLASSORIGIN is recomputed.  Values are
 * turned back into literals of the declared type, so sema checks them as
 * it checks MOF.  Problems are reported at the line libxml2 gives.
 */
#include "xml_reader.h"

#include <stdlib.h>
#include <string.h>


#include "context.h"
#include "diag/diag.h"
#include "util/strbuf.h"
#include "xmllib/xmllib.h"

struct xr {
    const struct xmllib *lib;
    struct mofc *m;
    struct source_file *f;
    enum mofc_origin origin;
    const struct name *ns;
};

#define A (&x->m->arena)

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* An attribute, read off the parsed tree (no DTD defaults: none is loaded). */
static const char *get(const xmlNode *n, const char *attr)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, attr) == 0)
            return a->children && a->children->content ? (const char *)a->children->content
                                                        : NULL;
    return NULL;
}

static bool get_true(const xmlNode *n, const char *attr)
{
    const char *v = get(n, attr);
    return v && strcmp(v, "true") == 0;
}

static bool get_false(const xmlNode *n, const char *attr)
{
    const char *v = get(n, attr);
    return v && strcmp(v, "false") == 0;
}

/* The span of a node: the start of its line (libxml2 knows no columns). */
static struct loc at(struct xr *x, const xmlNode *n)
{
    struct loc l = {x->f->index, source_line_offset(x->f, (uint32_t)x->lib->GetLineNo(n)), 1};
    return l;
}

static const struct name *name_of(struct xr *x, const xmlNode *n, const char *attr)
{
    const char *v = get(n, attr);
    if (!v) {
        struct loc l = at(x, n);
        diag_error(x->m, &l, "xml-structure", "<%s> has no %s attribute", (const char *)n->name,
                   attr);
        return NULL;
    }
    return intern(&x->m->names, v, strlen(v));
}

static enum mofc_type type_of(const char *t)
{
    static const char *const names[] = {
        "", "boolean", "uint8", "sint8", "uint16", "sint16", "uint32", "sint32",
        "uint64", "sint64", "real32", "real64", "char16", "string", "datetime",
    };
    for (int i = 1; t && i < (int)(sizeof names / sizeof *names); i++)
        if (strcmp(t, names[i]) == 0)
            return (enum mofc_type)i;
    return MOFC_TYPE_NONE;
}

static char *text_of(struct xr *x, const xmlNode *n, size_t *len)
{
    xmlChar *c = x->lib->NodeGetContent(n);
    size_t l = c ? strlen((const char *)c) : 0;
    char *s = arena_strndup(A, c ? (const char *)c : "", l);
    x->lib->Free(c);
    *len = l;
    return s;
}

/* One VALUE's text as a literal of type t. */
static struct ast_value *literal(struct xr *x, const xmlNode *n, enum mofc_type t)
{
    struct ast_value *v = ARENA_NEW(A, struct ast_value);
    v->loc = at(x, n);
    size_t len;
    char *s = text_of(x, n, &len);
    if (t == MOFC_TYPE_BOOLEAN) {
        v->kind = AV_BOOL;
        if (strcmp(s, "TRUE") == 0 || strcmp(s, "true") == 0) {
            v->u.boolean = true;
        } else if (strcmp(s, "FALSE") != 0 && strcmp(s, "false") != 0) {
            diag_error(x->m, &v->loc, "xml-value", "'%s' is not a boolean (TRUE or FALSE)", s);
        }
    } else if (mofc_type_is_integer(t)) {
        v->kind = AV_INT;
        const char *p = s;
        v->u.integer.neg = *p == '-';
        if (*p == '-' || *p == '+')
            p++;
        if (!*p)
            diag_error(x->m, &v->loc, "xml-value", "'%s' is not an integer", s);
        for (; *p; p++) {
            if (*p < '0' || *p > '9') {
                diag_error(x->m, &v->loc, "xml-value", "'%s' is not an integer", s);
                break;
            }
            uint64_t d = (uint64_t)(*p - '0');
            if (v->u.integer.mag > (UINT64_MAX - d) / 10)
                v->u.integer.overflow = true;
            v->u.integer.mag = v->u.integer.mag * 10 + d;
        }
    } else if (t == MOFC_TYPE_REAL32 || t == MOFC_TYPE_REAL64) {
        v->kind = AV_REAL;
        char *end;
        v->u.real = strtod(s, &end);
        if (end == s || *end)
            diag_error(x->m, &v->loc, "xml-value", "'%s' is not a real number", s);
    } else if (t == MOFC_TYPE_CHAR16) {
        v->kind = AV_CHAR;
        const unsigned char *p = (const unsigned char *)s;
        uint32_t cp = p[0];
        size_t used = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
        cp = used == 1 ? cp : cp & (0x7Fu >> used);
        for (size_t i = 1; i < used && i < len; i++)
            cp = (cp << 6) | (p[i] & 0x3F);
        if (len == 0 || used != len)
            diag_error(x->m, &v->loc, "xml-value", "a char16 value is one character, not '%s'",
                       s);
        v->u.ch = cp;
    } else {
        v->kind = AV_STRING;
        v->u.string.text = s;
        v->u.string.len = len;
    }
    return v;
}

static struct ast_value *reference_value(struct xr *x, const xmlNode *n);

/* VALUE, VALUE.ARRAY, VALUE.REFERENCE or VALUE.REFARRAY among the children
 * of n, or NULL when there is none (a NULL value). */
static struct ast_value *value_in(struct xr *x, const xmlNode *n, enum mofc_type t)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "VALUE"))
            return literal(x, c, t);
        if (is(c, "VALUE.REFERENCE"))
            return reference_value(x, c);
        if (is(c, "VALUE.ARRAY") || is(c, "VALUE.REFARRAY")) {
            struct ast_value *arr = ARENA_NEW(A, struct ast_value);
            arr->kind = AV_ARRAY;
            arr->loc = at(x, c);
            struct ast_value **tail = &arr->u.array.head;
            for (const xmlNode *e = c->children; e; e = e->next) {
                struct ast_value *ev = NULL;
                if (is(e, "VALUE")) {
                    ev = literal(x, e, t);
                } else if (is(e, "VALUE.REFERENCE")) {
                    ev = reference_value(x, e);
                } else if (is(e, "VALUE.NULL")) {
                    ev = ARENA_NEW(A, struct ast_value);
                    ev->kind = AV_NULL;
                    ev->loc = at(x, e);
                }
                if (ev) {
                    *tail = ev;
                    tail = &ev->next;
                    arr->u.array.count++;
                }
            }
            return arr;
        }
    }
    return NULL;
}

/* INSTANCENAME back to the object path text MOF would write. */
static void path_of(struct xr *x, const xmlNode *in, struct strbuf *sb)
{
    const char *cls = get(in, "CLASSNAME");
    sb_puts(sb, cls ? cls : "");
    char sep = '.';
    for (const xmlNode *kb = in->children; kb; kb = kb->next) {
        if (!is(kb, "KEYBINDING"))
            continue;
        const char *kn = get(kb, "NAME");
        sb_putc(sb, sep);
        sep = ',';
        sb_puts(sb, kn ? kn : "");
        sb_putc(sb, '=');
        for (const xmlNode *kv = kb->children; kv; kv = kv->next) {
            if (is(kv, "KEYVALUE")) {
                size_t len;
                char *s = text_of(x, kv, &len);
                const char *vt = get(kv, "VALUETYPE");
                if (!vt || strcmp(vt, "string") == 0) {
                    sb_putc(sb, '"');
                    for (size_t i = 0; i < len; i++) {
                        if (s[i] == '"' || s[i] == '\\')
                            sb_putc(sb, '\\');
                        sb_putc(sb, s[i]);
                    }
                    sb_putc(sb, '"');
                } else {
                    sb_puts(sb, s);
                }
            } else if (is(kv, "VALUE.REFERENCE")) {
                struct strbuf inner = STRBUF_INIT;
                for (const xmlNode *r = kv->children; r; r = r->next)
                    if (is(r, "INSTANCENAME"))
                        path_of(x, r, &inner);
                sb_putc(sb, '"');
                for (size_t i = 0; i < inner.len; i++) {
                    if (inner.data[i] == '"' || inner.data[i] == '\\')
                        sb_putc(sb, '\\');
                    sb_putc(sb, inner.data[i]);
                }
                sb_putc(sb, '"');
                sb_free(&inner);
            }
        }
    }
}

static struct ast_value *reference_value(struct xr *x, const xmlNode *n)
{
    struct ast_value *v = ARENA_NEW(A, struct ast_value);
    v->kind = AV_STRING;
    v->loc = at(x, n);
    struct strbuf sb = STRBUF_INIT;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "INSTANCENAME")) {
            path_of(x, c, &sb);
        } else if (is(c, "CLASSNAME")) {
            const char *cn = get(c, "NAME");
            sb_puts(&sb, cn ? cn : "");
        } else if (c->type == XML_ELEMENT_NODE) {
            diag_error(x->m, &v->loc, "xml-unsupported",
                       "references given as <%s> are not read; use INSTANCENAME",
                       (const char *)c->name);
        }
    }
    v->u.string.text = arena_strndup(A, sb.data ? sb.data : "", sb.len);
    v->u.string.len = sb.len;
    sb_free(&sb);
    return v;
}

static unsigned flavors_of(const xmlNode *n)
{
    unsigned f = 0;
    if (get_false(n, "OVERRIDABLE"))
        f |= MOFC_FLAVOR_DISABLEOVERRIDE;
    if (get_false(n, "TOSUBCLASS"))
        f |= MOFC_FLAVOR_RESTRICTED;
    if (get_true(n, "TOINSTANCE"))
        f |= MOFC_FLAVOR_TOINSTANCE;
    if (get_true(n, "TRANSLATABLE"))
        f |= MOFC_FLAVOR_TRANSLATABLE;
    return f;
}

/* The QUALIFIER children written on an element (propagated ones are not). */
static struct ast_qualifier *qualifiers_of(struct xr *x, const xmlNode *n)
{
    struct ast_qualifier *head = NULL, **tail = &head;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is(c, "QUALIFIER") || get_true(c, "PROPAGATED"))
            continue;
        const struct name *nm = name_of(x, c, "NAME");
        if (!nm)
            continue;
        struct ast_qualifier *q = ARENA_NEW(A, struct ast_qualifier);
        q->name = nm;
        q->loc = at(x, c);
        q->value = value_in(x, c, type_of(get(c, "TYPE")));
        if (!q->value) {
            /* A NULL value: MOF writes it as Name(NULL). */
            q->value = ARENA_NEW(A, struct ast_value);
            q->value->kind = AV_NULL;
            q->value->loc = q->loc;
        }
        q->braces = q->value->kind == AV_ARRAY;
        q->flavors = flavors_of(c);
        q->flavor_loc = q->loc;
        *tail = q;
        tail = &q->next;
    }
    return head;
}

static void array_spec(struct xr *x, const xmlNode *n, bool is_array, struct ast_array_spec *a)
{
    memset(a, 0, sizeof *a);
    a->is_array = is_array;
    a->loc = at(x, n);
    const char *s = get(n, "ARRAYSIZE");
    if (is_array && s) {
        a->has_size = true;
        a->size = strtoull(s, NULL, 10);
    }
}

/* The type of a PROPERTY or PARAMETER, with WMI's class-typed form taken
 * from the EmbeddedInstance qualifier the writer adds for it. */
static struct ast_type type_node(struct xr *x, const xmlNode *n, bool reference)
{
    struct ast_type t = {MOFC_TYPE_NONE, NULL, at(x, n)};
    if (reference) {
        t.type = MOFC_TYPE_REFERENCE;
        const char *rc = get(n, "REFERENCECLASS");
        t.class_name = rc ? intern(&x->m->names, rc, strlen(rc)) : NULL;
        return t;
    }
    const char *ty = get(n, "TYPE");
    t.type = type_of(ty);
    if (ty && t.type == MOFC_TYPE_NONE) {
        diag_error(x->m, &t.loc, "xml-structure", "unknown TYPE \"%s\"", ty);
        t.type = MOFC_TYPE_STRING;
    }
    return t;
}

static struct ast_param *params_of(struct xr *x, const xmlNode *m)
{
    struct ast_param *head = NULL, **tail = &head;
    for (const xmlNode *c = m->children; c; c = c->next) {
        bool ref = is(c, "PARAMETER.REFERENCE") || is(c, "PARAMETER.REFARRAY");
        bool arr = is(c, "PARAMETER.ARRAY") || is(c, "PARAMETER.REFARRAY");
        if (!ref && !arr && !is(c, "PARAMETER"))
            continue;
        struct ast_param *p = ARENA_NEW(A, struct ast_param);
        p->name = name_of(x, c, "NAME");
        if (!p->name)
            continue;
        p->loc = at(x, c);
        p->quals = qualifiers_of(x, c);
        p->type = type_node(x, c, ref);
        array_spec(x, c, arr, &p->array);
        *tail = p;
        tail = &p->next;
    }
    return head;
}

/* The locale a class's texts are in: the first xml:lang below it, back in
 * the form #pragma locale uses ("en-US" -> "en_US"). */
static const char *locale_of(struct xr *x, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *l = x->lib->GetNsProp(c, (const xmlChar *)"lang", XML_XML_NAMESPACE);
        if (l) {
            char *s = arena_strdup(A, (const char *)l);
            x->lib->Free(l);
            for (char *p = s; *p; p++)
                if (*p == '-')
                    *p = '_';
            return s;
        }
        const char *inner = locale_of(x, c);
        if (inner)
            return inner;
    }
    return NULL;
}

static void read_class(struct xr *x, const xmlNode *cn)
{
    struct ast_class *c = ARENA_NEW(A, struct ast_class);
    c->name = name_of(x, cn, "NAME");
    if (!c->name)
        return;
    c->loc = c->decl_loc = c->end_loc = at(x, cn);
    const char *sup = get(cn, "SUPERCLASS");
    if (sup) {
        c->super = intern(&x->m->names, sup, strlen(sup));
        c->super_loc = c->loc;
    }
    c->quals = qualifiers_of(x, cn);
    c->locale = locale_of(x, cn);
    c->ns = x->ns;
    c->origin = x->origin;
    struct ast_feature **tail = &c->features;
    for (const xmlNode *e = cn->children; e; e = e->next) {
        bool ref = is(e, "PROPERTY.REFERENCE");
        bool arr = is(e, "PROPERTY.ARRAY");
        bool prop = ref || arr || is(e, "PROPERTY");
        if ((!prop && !is(e, "METHOD")) || get_true(e, "PROPAGATED"))
            continue;
        struct ast_feature *f = ARENA_NEW(A, struct ast_feature);
        f->name = name_of(x, e, "NAME");
        if (!f->name)
            continue;
        f->loc = at(x, e);
        f->quals = qualifiers_of(x, e);
        if (prop) {
            f->kind = AF_PROPERTY;
            f->type = type_node(x, e, ref);
            array_spec(x, e, arr, &f->array);
            f->default_value = value_in(x, e, f->type.type);
        } else {
            f->kind = AF_METHOD;
            f->type = type_node(x, e, false);
            f->params = params_of(x, e);
        }
        *tail = f;
        tail = &f->next;
    }
    AST_APPEND(&x->m->unit, classes, c);
}

static void read_instance(struct xr *x, const xmlNode *in)
{
    struct ast_instance *i = ARENA_NEW(A, struct ast_instance);
    i->class_name = name_of(x, in, "CLASSNAME");
    if (!i->class_name)
        return;
    i->loc = i->alias_loc = at(x, in);
    i->quals = qualifiers_of(x, in);
    i->ns = x->ns;
    i->origin = x->origin;
    struct ast_prop_value **tail = &i->values;
    for (const xmlNode *p = in->children; p; p = p->next) {
        if (!is(p, "PROPERTY") && !is(p, "PROPERTY.ARRAY") && !is(p, "PROPERTY.REFERENCE"))
            continue;
        struct ast_prop_value *pv = ARENA_NEW(A, struct ast_prop_value);
        pv->name = name_of(x, p, "NAME");
        if (!pv->name)
            continue;
        pv->loc = at(x, p);
        pv->quals = qualifiers_of(x, p);
        pv->value = value_in(x, p, is(p, "PROPERTY.REFERENCE") ? MOFC_TYPE_REFERENCE
                                                                : type_of(get(p, "TYPE")));
        if (!pv->value) {
            pv->value = ARENA_NEW(A, struct ast_value);
            pv->value->kind = AV_NULL;
            pv->value->loc = pv->loc;
        }
        *tail = pv;
        tail = &pv->next;
    }
    AST_APPEND(&x->m->unit, instances, i);
}

static void read_qualifier_decl(struct xr *x, const xmlNode *n)
{
    struct ast_qualifier_decl *d = ARENA_NEW(A, struct ast_qualifier_decl);
    d->name = name_of(x, n, "NAME");
    if (!d->name)
        return;
    d->loc = d->scope_loc = at(x, n);
    d->type = type_node(x, n, false);
    array_spec(x, n, get_true(n, "ISARRAY"), &d->array);
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is(c, "SCOPE"))
            for (size_t i = 0; i < 7; i++)
                if (get_true(c, mofc_scope_names[i].xml))
                    d->scopes |= mofc_scope_names[i].bit;
    d->default_value = value_in(x, n, d->type.type);
    d->flavors = flavors_of(n);
    d->has_flavor_clause = true;
    d->ns = x->ns;
    d->origin = x->origin;
    AST_APPEND(&x->m->unit, qualifier_decls, d);
}

/* LOCALNAMESPACEPATH: NAMESPACE names joined with '/'. */
static void read_namespace(struct xr *x, const xmlNode *p)
{
    struct strbuf sb = STRBUF_INIT;
    for (const xmlNode *c = p->children; c; c = c->next) {
        if (!is(c, "NAMESPACE"))
            continue;
        const char *n = get(c, "NAME");
        if (sb.len)
            sb_putc(&sb, '/');
        sb_puts(&sb, n ? n : "");
    }
    if (sb.len)
        x->ns = intern(&x->m->names, sb.data, sb.len);
    sb_free(&sb);
}

static void on_xml_error(void *user, xmlErrorPtr e)
{
    struct xr *x = user;
    if (!e || e->level == XML_ERR_NONE || e->level == XML_ERR_WARNING)
        return;
    struct loc l = {x->f->index, source_line_offset(x->f, (uint32_t)(e->line > 0 ? e->line : 1)),
                    1};
    size_t n = e->message ? strlen(e->message) : 0;
    while (n && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
        n--;
    diag_error(x->m, &l, "xml-syntax", "%.*s", (int)n, e->message ? e->message : "bad XML");
}

bool xml_looks_like(const struct source_file *f)
{
    const char *p = f->text;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    return strncmp(p, "<?xml", 5) == 0 || strncmp(p, "<CIM", 4) == 0;
}

void xml_read(struct mofc *m, struct source_file *f, enum mofc_origin origin)
{
    const char *why = NULL;
    struct xr x = {xmllib_get(&why), m, f, origin, m->default_ns};
    if (!x.lib) {
        struct loc l = {f->index, 0, 1};
        diag_error(m, &l, "xml-unavailable", "reading CIM-XML needs libxml2: %s", why);
        m->io_failed = true;   /* the machine's problem, not the input's */
        return;
    }
    x.lib->SetStructuredErrorFunc(&x, on_xml_error);
    /* No network, no entity expansion, no DTD loading: the file is data. */
    xmlDocPtr doc = x.lib->ReadMemory(f->text, (int)f->len, f->path, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    x.lib->SetStructuredErrorFunc(NULL, NULL);
    if (!doc)
        return;
    const xmlNode *root = x.lib->DocGetRootElement(doc);
    if (!root || !is(root, "CIM")) {
        struct loc l = {f->index, 0, 1};
        diag_error(m, &l, "xml-structure", "not a CIM-XML document (the root element is <%s>)",
                   root ? (const char *)root->name : "nothing");
        x.lib->FreeDoc(doc);
        return;
    }
    for (const xmlNode *d = root->children; d; d = d->next) {
        if (!is(d, "DECLARATION"))
            continue;
        for (const xmlNode *g = d->children; g; g = g->next) {
            if (!is(g, "DECLGROUP"))
                continue;
            x.ns = m->default_ns;
            for (const xmlNode *e = g->children; e; e = e->next) {
                if (is(e, "LOCALNAMESPACEPATH"))
                    read_namespace(&x, e);
                else if (is(e, "QUALIFIER.DECLARATION"))
                    read_qualifier_decl(&x, e);
                else if (is(e, "VALUE.OBJECT")) {
                    for (const xmlNode *o = e->children; o; o = o->next) {
                        if (is(o, "CLASS"))
                            read_class(&x, o);
                        else if (is(o, "INSTANCE"))
                            read_instance(&x, o);
                    }
                }
            }
        }
    }
    x.lib->FreeDoc(doc);
}
