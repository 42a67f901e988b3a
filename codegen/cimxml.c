/*
 * cimxml.c - the CIM-XML back end (DSP0201 declarations, DSP0203 DTD).
 *
 * Streams the model through libxml2's xmlTextWriter into memory: one
 * DECLGROUP per namespace holding the qualifier declarations in use, then
 * the classes (superclass first, as the model orders them), then the
 * instances.  Two views of a class: as declared (its own members and the
 * qualifiers written on them) or flattened (every member, with CLASSORIGIN
 * and PROPAGATED).  Values use the forms DSP0201 gives: TRUE/FALSE,
 * decimal integers, reals with enough digits to read back to the same
 * bits, strings escaped by libxml2.  A string holding a character XML 1.0
 * cannot carry is reported, never written.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "backends.h"
#include "xmllib/xmllib.h"

struct xw {
    const struct xmllib *lib;
    xmlTextWriterPtr w;
    const struct mofc_model *m;
    const struct cg_xml_options *o;
    struct cg_report *r;
    const struct mofc_location *where;   /* element being written, for reports */
    const char *lang;                    /* xml:lang of translatable qualifiers, or NULL */
    bool failed;                         /* libxml2 said no */
};

#define BAD(x) ((x) < 0)

static void start(struct xw *x, const char *name)
{
    x->failed |= BAD(x->lib->TextWriterStartElement(x->w, (const xmlChar *)name));
}

static void end(struct xw *x)
{
    x->failed |= BAD(x->lib->TextWriterEndElement(x->w));
}

static void attr(struct xw *x, const char *name, const char *value)
{
    x->failed |= BAD(x->lib->TextWriterWriteAttribute(x->w, (const xmlChar *)name,
                                                 (const xmlChar *)value));
}

static void text(struct xw *x, const char *s)
{
    x->failed |= BAD(x->lib->TextWriterWriteString(x->w, (const xmlChar *)s));
}

static void report(struct xw *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void report(struct xw *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cg_verror(x->r, x->where, fmt, ap);
    va_end(ap);
}

/* ---- values ---- */

/* True if every character of s can appear in an XML 1.0 document. */
static bool xml_chars_ok(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return false;
        /* U+FFFE and U+FFFF: EF BF BE / EF BF BF. */
        if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
            return false;
    }
    return true;
}

static const char *cim_type(enum mofc_type t)
{
    return t == MOFC_TYPE_OBJECT ? "string" : mofc_type_name(t);
}

static void write_instance(struct xw *x, const struct mofc_instance *in);

/* The text of a scalar value; `buf` holds short forms. */
static void value_text(struct xw *x, const struct mofc_value *v, char *buf, size_t cap)
{
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        text(x, v->v.boolean ? "TRUE" : "FALSE");
        return;
    case MOFC_TYPE_REAL32:
        snprintf(buf, cap, "%.9g", v->v.real);
        break;
    case MOFC_TYPE_REAL64:
        snprintf(buf, cap, "%.17g", v->v.real);
        break;
    case MOFC_TYPE_CHAR16: {
        unsigned c = v->v.char16;
        if (c < 0x80) {
            buf[0] = (char)c;
            buf[1] = '\0';
        } else if (c < 0x800) {
            buf[0] = (char)(0xC0 | (c >> 6));
            buf[1] = (char)(0x80 | (c & 0x3F));
            buf[2] = '\0';
        } else {
            buf[0] = (char)(0xE0 | (c >> 12));
            buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[2] = (char)(0x80 | (c & 0x3F));
            buf[3] = '\0';
        }
        if (!xml_chars_ok(buf, strlen(buf)) || (c >= 0xD800 && c <= 0xDFFF) || c == 0) {
            report(x, "char16 value U+%04X cannot be written in XML 1.0", c);
            return;
        }
        break;
    }
    case MOFC_TYPE_STRING:
        if (!xml_chars_ok(v->v.string.text, v->v.string.len)) {
            report(x, "string \"%.40s\" holds a character XML 1.0 cannot carry (a control "
                      "character or NUL)", v->v.string.text);
            return;
        }
        text(x, v->v.string.text);
        return;
    case MOFC_TYPE_DATETIME:
        text(x, v->v.datetime->text);
        return;
    case MOFC_TYPE_OBJECT: {
        if (!v->v.object)
            return;
        /* An embedded instance travels as the text of its own INSTANCE. */
        xmlBufferPtr b = x->lib->BufferCreate();
        if (b)
            x->lib->BufferSetAllocationScheme(b, XML_BUFFER_ALLOC_DOUBLEIT);
        xmlTextWriterPtr sub = b ? x->lib->NewTextWriterMemory(b, 0) : NULL;
        if (!sub) {
            x->failed = true;
            x->lib->BufferFree(b);
            return;
        }
        struct xw inner = *x;
        inner.w = sub;
        write_instance(&inner, v->v.object);
        x->lib->FreeTextWriter(sub);
        x->failed |= inner.failed;
        text(x, (const char *)x->lib->BufferContent(b));
        x->lib->BufferFree(b);
        return;
    }
    default:
        if (mofc_type_is_signed(v->type))
            snprintf(buf, cap, "%lld", (long long)v->v.s);
        else
            snprintf(buf, cap, "%llu", (unsigned long long)v->v.u);
        break;
    }
    text(x, buf);
}

static void write_scalar(struct xw *x, const struct mofc_value *v)
{
    char buf[64];
    start(x, "VALUE");
    value_text(x, v, buf, sizeof buf);
    end(x);
}

static void write_instancename(struct xw *x, const struct mofc_instance *in);

/* <KEYVALUE VALUETYPE=... TYPE=...>, left open for the text. */
static void start_keyvalue(struct xw *x, enum mofc_type t)
{
    start(x, "KEYVALUE");
    attr(x, "VALUETYPE", t == MOFC_TYPE_BOOLEAN ? "boolean"
                         : mofc_type_is_integer(t) || t == MOFC_TYPE_REAL32 ||
                                 t == MOFC_TYPE_REAL64
                             ? "numeric"
                             : "string");
    attr(x, "TYPE", cim_type(t));
}

/* Object paths written as strings: Class.key=value,... (a namespace
 * prefix "ns:" is dropped).  Keys are typed from the class when known. */
static bool write_path_string(struct xw *x, const char *path)
{
    const char *colon = NULL;
    for (const char *p = path; *p && *p != '.' && *p != '"'; p++)
        if (*p == ':')
            colon = p;
    const char *cls = colon ? colon + 1 : path;
    const char *dot = strchr(cls, '.');
    size_t cl = dot ? (size_t)(dot - cls) : strlen(cls);
    char cname[256];
    if (cl == 0 || cl >= sizeof cname)
        return false;
    memcpy(cname, cls, cl);
    cname[cl] = '\0';
    const struct mofc_class *c = mofc_model_find_class(x->m, cname);
    start(x, "INSTANCENAME");
    attr(x, "CLASSNAME", cname);
    const char *p = dot ? dot + 1 : cls + cl;
    char *val = malloc(strlen(p) + 1);
    if (!val)
        return false;
    while (*p) {
        const char *eq = strchr(p, '=');
        if (!eq || eq == p || (size_t)(eq - p) >= sizeof cname) {
            free(val);
            return false;
        }
        memcpy(cname, p, (size_t)(eq - p));
        cname[eq - p] = '\0';
        p = eq + 1;
        size_t n = 0;
        bool quoted = *p == '"';
        if (quoted) {
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && p[1])
                    p++;
                val[n++] = *p;
            }
            if (*p != '"') {
                free(val);
                return false;
            }
            p++;
        } else {
            while (*p && *p != ',')
                val[n++] = *p++;
        }
        val[n] = '\0';
        const struct mofc_property *kp = c ? mofc_class_find_property(c, cname) : NULL;
        enum mofc_type kt = kp ? kp->t.type : (quoted ? MOFC_TYPE_STRING : MOFC_TYPE_SINT64);
        start(x, "KEYBINDING");
        attr(x, "NAME", kp ? kp->name : cname);
        start_keyvalue(x, kt == MOFC_TYPE_REFERENCE ? MOFC_TYPE_STRING : kt);
        text(x, val);
        end(x);
        end(x);
        if (*p == ',')
            p++;
        else if (*p) {
            free(val);
            return false;
        }
    }
    free(val);
    end(x);
    return true;
}

static void write_reference(struct xw *x, const struct mofc_value *v)
{
    start(x, "VALUE.REFERENCE");
    if (v->v.ref.instance) {
        write_instancename(x, v->v.ref.instance);
    } else if (!write_path_string(x, v->v.ref.path.text ? v->v.ref.path.text : "")) {
        report(x, "reference value \"%s\" is not an object path CIM-XML can express",
               v->v.ref.path.text ? v->v.ref.path.text : "");
    }
    end(x);
}

/* VALUE.ARRAY or VALUE.REFARRAY: each element by `one`, NULLs as VALUE.NULL. */
static void write_array(struct xw *x, const char *element, const struct mofc_value *v,
                        void (*one)(struct xw *, const struct mofc_value *))
{
    start(x, element);
    for (size_t i = 0; i < v->count; i++) {
        if (v->elements[i].is_null) {
            start(x, "VALUE.NULL");
            end(x);
        } else {
            one(x, &v->elements[i]);
        }
    }
    end(x);
}

static void write_value(struct xw *x, const struct mofc_value *v)
{
    if (v->is_null)
        return;
    bool ref = v->type == MOFC_TYPE_REFERENCE;
    if (v->is_array)
        write_array(x, ref ? "VALUE.REFARRAY" : "VALUE.ARRAY", v,
                    ref ? write_reference : write_scalar);
    else if (ref)
        write_reference(x, v);
    else
        write_scalar(x, v);
}

/* Key bindings of an instance given by alias. */
static void write_instancename(struct xw *x, const struct mofc_instance *in)
{
    start(x, "INSTANCENAME");
    attr(x, "CLASSNAME", in->cls->name);
    for (size_t k = 0; k < in->cls->nkeys; k++) {
        const struct mofc_property *kp = in->cls->keys[k];
        const struct mofc_value *v = &kp->default_value;
        for (size_t i = 0; i < in->nvalues; i++)
            if (in->values[i].property == kp)
                v = &in->values[i].value;
        start(x, "KEYBINDING");
        attr(x, "NAME", kp->name);
        if (kp->t.type == MOFC_TYPE_REFERENCE && !v->is_null) {
            write_reference(x, v);
        } else {
            start_keyvalue(x, kp->t.type);
            if (!v->is_null) {
                char buf[64];
                value_text(x, v, buf, sizeof buf);
            }
            end(x);
        }
        end(x);
    }
    end(x);
}

/* ---- qualifiers ---- */

static void flavor_attrs(struct xw *x, unsigned f)
{
    if (f & MOFC_FLAVOR_DISABLEOVERRIDE)
        attr(x, "OVERRIDABLE", "false");
    if (f & MOFC_FLAVOR_RESTRICTED)
        attr(x, "TOSUBCLASS", "false");
    if (f & MOFC_FLAVOR_TOINSTANCE)
        attr(x, "TOINSTANCE", "true");
    if (f & MOFC_FLAVOR_TRANSLATABLE)
        attr(x, "TRANSLATABLE", "true");
}

/* `inherited`: the element reached this class without being restated, so
 * all its qualifiers are propagated here. */
static void write_qualifiers(struct xw *x, const struct mofc_qualifier_list *l, bool inherited)
{
    if (x->o->no_qualifiers)
        return;
    for (size_t i = 0; i < l->count; i++) {
        const struct mofc_qualifier *q = &l->items[i];
        bool propagated = q->propagated || inherited;
        if (propagated && !x->o->flatten)
            continue;
        /* A restricted qualifier stays with the definition that states it
         * and does not reach subclasses that inherit the element. */
        if (inherited && (q->flavors & MOFC_FLAVOR_RESTRICTED))
            continue;
        start(x, "QUALIFIER");
        attr(x, "NAME", q->name);
        attr(x, "TYPE", cim_type(q->decl->type));
        if (propagated)
            attr(x, "PROPAGATED", "true");
        flavor_attrs(x, q->flavors);
        if (x->lang && (q->flavors & MOFC_FLAVOR_TRANSLATABLE) && !q->value.is_null)
            attr(x, "xml:lang", x->lang);
        write_value(x, &q->value);
        end(x);
    }
}

static void write_qualifier_decl(struct xw *x, const struct mofc_qualifier_decl *d)
{
    x->where = &d->loc;
    start(x, "QUALIFIER.DECLARATION");
    attr(x, "NAME", d->name);
    attr(x, "TYPE", cim_type(d->type));
    if (d->is_array)
        attr(x, "ISARRAY", "true");
    if (d->array_size) {
        char n[16];
        snprintf(n, sizeof n, "%u", d->array_size);
        attr(x, "ARRAYSIZE", n);
    }
    flavor_attrs(x, d->flavors);
    start(x, "SCOPE");
    /* Attributes in the order the DTD lists them. */
    static const unsigned char dtd_order[7] = {0, 1, 4, 3, 5, 6, 2};
    for (size_t i = 0; i < 7; i++)
        if (d->scopes & mofc_scope_names[dtd_order[i]].bit)
            attr(x, mofc_scope_names[dtd_order[i]].xml, "true");
    end(x);
    write_value(x, &d->default_value);
    end(x);
}

/* ---- classes ---- */

static void origin_attrs(struct xw *x, const struct mofc_class *origin, bool propagated)
{
    if (!x->o->flatten)
        return;
    attr(x, "CLASSORIGIN", origin->name);
    if (propagated)
        attr(x, "PROPAGATED", "true");
}

/* EmbeddedObject attribute, from the qualifiers or the WMI object type. */
static void embedded_attr(struct xw *x, const struct mofc_typeinfo *t, unsigned flags)
{
    if (flags & MOFC_PROP_EMBEDDED_INSTANCE)
        attr(x, "EmbeddedObject", "instance");
    else if (flags & MOFC_PROP_EMBEDDED_OBJECT)
        attr(x, "EmbeddedObject", "object");
    else if (t->type == MOFC_TYPE_OBJECT)
        attr(x, "EmbeddedObject", t->embedded_name ? "instance" : "object");
}

/* WMI class-typed properties carry their class as an EmbeddedInstance
 * qualifier, the only place CIM-XML has for it. */
static void embedded_class_qualifier(struct xw *x, const struct mofc_typeinfo *t,
                                     const struct mofc_qualifier_list *l)
{
    if (x->o->no_qualifiers || t->type != MOFC_TYPE_OBJECT || !t->embedded_name ||
        mofc_qualifiers_find(l, "EmbeddedInstance"))
        return;
    start(x, "QUALIFIER");
    attr(x, "NAME", "EmbeddedInstance");
    attr(x, "TYPE", "string");
    start(x, "VALUE");
    text(x, t->embedded_name);
    end(x);
    end(x);
}

static void array_size_attr(struct xw *x, uint32_t n)
{
    if (n) {
        char s[16];
        snprintf(s, sizeof s, "%u", n);
        attr(x, "ARRAYSIZE", s);
    }
}

/* A class as declared shows the defaults its own source writes; an
 * override without an initializer shows none, as it inherits the value.
 * The flattened form shows the effective default of every member. */
static void write_default(struct xw *x, const struct mofc_property *p)
{
    if (x->o->flatten || p->default_declared)
        write_value(x, &p->default_value);
}

static void write_property(struct xw *x, const struct mofc_property *p, const struct mofc_class *c)
{
    bool inherited = mofc_property_propagated(p, c);
    x->where = &p->loc;
    if (p->t.type == MOFC_TYPE_REFERENCE) {
        if (p->t.is_array) {
            report(x, "reference property '%s' is an array, which CIM-XML 2.x cannot express",
                   p->name);
            return;
        }
        start(x, "PROPERTY.REFERENCE");
        attr(x, "NAME", p->name);
        if (p->t.ref_class)
            attr(x, "REFERENCECLASS", p->t.ref_class->name);
        origin_attrs(x, p->origin, inherited);
        write_qualifiers(x, &p->qualifiers, inherited);
        write_default(x, p);
        end(x);
        return;
    }
    start(x, p->t.is_array ? "PROPERTY.ARRAY" : "PROPERTY");
    attr(x, "NAME", p->name);
    attr(x, "TYPE", cim_type(p->t.type));
    if (p->t.is_array)
        array_size_attr(x, p->t.array_size);
    origin_attrs(x, p->origin, inherited);
    embedded_attr(x, &p->t, p->flags);
    write_qualifiers(x, &p->qualifiers, inherited);
    embedded_class_qualifier(x, &p->t, &p->qualifiers);
    write_default(x, p);
    end(x);
}

static void write_parameter(struct xw *x, const struct mofc_parameter *p, bool inherited)
{
    x->where = &p->loc;
    if (p->t.type == MOFC_TYPE_REFERENCE) {
        start(x, p->t.is_array ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE");
        attr(x, "NAME", p->name);
        if (p->t.ref_class)
            attr(x, "REFERENCECLASS", p->t.ref_class->name);
        if (p->t.is_array)
            array_size_attr(x, p->t.array_size);
    } else {
        start(x, p->t.is_array ? "PARAMETER.ARRAY" : "PARAMETER");
        attr(x, "NAME", p->name);
        attr(x, "TYPE", cim_type(p->t.type));
        if (p->t.is_array)
            array_size_attr(x, p->t.array_size);
    }
    write_qualifiers(x, &p->qualifiers, inherited);
    embedded_class_qualifier(x, &p->t, &p->qualifiers);
    end(x);
}

static void write_method(struct xw *x, const struct mofc_method *mt, const struct mofc_class *c)
{
    bool inherited = mofc_method_propagated(mt, c);
    x->where = &mt->loc;
    start(x, "METHOD");
    attr(x, "NAME", mt->name);
    if (mt->ret.type != MOFC_TYPE_NONE)
        attr(x, "TYPE", cim_type(mt->ret.type));
    origin_attrs(x, mt->origin, inherited);
    embedded_attr(x, &mt->ret, mt->flags);
    write_qualifiers(x, &mt->qualifiers, inherited);
    for (size_t i = 0; i < mt->nparams; i++)
        write_parameter(x, &mt->params[i], inherited);
    end(x);
}

static void write_class(struct xw *x, const struct mofc_class *c)
{
    /* #pragma locale ("en_US") -> xml:lang="en-US" on the texts it governs. */
    char lang[32];
    x->lang = NULL;
    if (c->locale && strlen(c->locale) < sizeof lang) {
        for (size_t i = 0; (lang[i] = c->locale[i]) != '\0'; i++)
            if (lang[i] == '_')
                lang[i] = '-';
        x->lang = lang;
    }
    x->where = &c->loc;
    start(x, "VALUE.OBJECT");
    start(x, "CLASS");
    attr(x, "NAME", c->name);
    if (c->superclass)
        attr(x, "SUPERCLASS", c->superclass->name);
    write_qualifiers(x, &c->qualifiers, false);
    for (size_t i = 0; i < c->nproperties; i++)
        if (x->o->flatten || c->properties[i]->owner == c)
            write_property(x, c->properties[i], c);
    for (size_t i = 0; i < c->nmethods; i++)
        if (x->o->flatten || c->methods[i]->owner == c)
            write_method(x, c->methods[i], c);
    end(x);
    end(x);
    x->lang = NULL;
}

static void write_instance(struct xw *x, const struct mofc_instance *in)
{
    const struct mofc_location *saved = x->where;
    x->where = &in->loc;
    start(x, "INSTANCE");
    attr(x, "CLASSNAME", in->cls->name);
    write_qualifiers(x, &in->qualifiers, false);
    for (size_t i = 0; i < in->nvalues; i++) {
        const struct mofc_property_value *pv = &in->values[i];
        const struct mofc_property *p = pv->property;
        x->where = &pv->loc;
        if (p->t.type == MOFC_TYPE_REFERENCE && !p->t.is_array) {
            start(x, "PROPERTY.REFERENCE");
            attr(x, "NAME", p->name);
            if (p->t.ref_class)
                attr(x, "REFERENCECLASS", p->t.ref_class->name);
        } else {
            if (p->t.type == MOFC_TYPE_REFERENCE) {
                report(x, "reference property '%s' is an array, which CIM-XML 2.x cannot "
                          "express", p->name);
                continue;
            }
            start(x, p->t.is_array ? "PROPERTY.ARRAY" : "PROPERTY");
            attr(x, "NAME", p->name);
            attr(x, "TYPE", cim_type(p->t.type));
            embedded_attr(x, &p->t, p->flags);
        }
        write_qualifiers(x, &pv->qualifiers, false);
        write_value(x, &pv->value);
        end(x);
    }
    end(x);
    x->where = saved;
}

/* ---- document ---- */

struct sink {
    char *data;
    size_t len, cap;
    bool oom;
};

static int sink_write(void *ctx, const char *buf, int n)
{
    struct sink *s = ctx;
    if (n < 0 || s->oom)
        return -1;
    if (s->len + (size_t)n + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 1 << 20;
        while (s->len + (size_t)n + 1 > cap)
            cap *= 2;
        char *d = realloc(s->data, cap);
        if (!d) {
            s->oom = true;
            return -1;
        }
        s->data = d;
        s->cap = cap;
    }
    memcpy(s->data + s->len, buf, (size_t)n);
    s->len += (size_t)n;
    s->data[s->len] = '\0';
    return n;
}

/* Classes of the user's schema (not of a pack), and of the selection. */
static bool wanted(const bool *selected, const struct mofc_class *c)
{
    return c->origin == MOFC_ORIGIN_USER && (!selected || selected[c->index]);
}

static void write_namespace_path(struct xw *x, const char *ns)
{
    /* WMI form \\host\root\x: drop the host, split on either slash. */
    if ((ns[0] == '\\' && ns[1] == '\\') || (ns[0] == '/' && ns[1] == '/')) {
        ns += 2;
        while (*ns && *ns != '\\' && *ns != '/')
            ns++;
    }
    start(x, "LOCALNAMESPACEPATH");
    char seg[256];
    while (*ns) {
        while (*ns == '\\' || *ns == '/')
            ns++;
        size_t n = strcspn(ns, "\\/");
        if (!n)
            break;
        if (n >= sizeof seg)
            n = sizeof seg - 1;
        memcpy(seg, ns, n);
        seg[n] = '\0';
        start(x, "NAMESPACE");
        attr(x, "NAME", seg);
        end(x);
        ns += strcspn(ns, "\\/");
    }
    end(x);
}

/* Index of the declaration in force named `name`, or SIZE_MAX (WMI
 * qualifiers typed from their values have no declaration). */
static size_t decl_index(const struct mofc_model *m, const struct mofc_qualifier_decl *d)
{
    size_t lo = 0, hi = m->nqualifier_decls;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = mofc_name_cmp(m->qualifier_decls[mid]->name, d->name);
        if (r == 0)
            return m->qualifier_decls[mid] == d ? mid : SIZE_MAX;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

/* Marks each declaration the written classes and instances use. */
static void mark_used(const struct mofc_model *m, const struct mofc_qualifier_list *l,
                      bool *used)
{
    for (size_t i = 0; i < l->count; i++) {
        size_t k = decl_index(m, l->items[i].decl);
        if (k != SIZE_MAX)
            used[k] = true;
    }
}

static void write_group(struct xw *x, const char *ns)
{
    const struct mofc_model *m = x->m;
    start(x, "DECLGROUP");
    write_namespace_path(x, ns);
    if (!x->o->no_qualifiers) {
        bool *used = calloc(m->nqualifier_decls + 1, sizeof *used);
        if (!used) {
            x->failed = true;
            return;
        }
        for (size_t i = 0; i < m->nclasses; i++) {
            const struct mofc_class *c = m->classes[i];
            if (strcmp(c->namespace_name, ns) != 0 || !wanted(x->o->selected, c))
                continue;
            mark_used(m, &c->qualifiers, used);
            for (size_t k = 0; k < c->nproperties; k++)
                mark_used(m, &c->properties[k]->qualifiers, used);
            for (size_t k = 0; k < c->nmethods; k++) {
                mark_used(m, &c->methods[k]->qualifiers, used);
                for (size_t j = 0; j < c->methods[k]->nparams; j++)
                    mark_used(m, &c->methods[k]->params[j].qualifiers, used);
            }
        }
        for (size_t k = 0; k < m->nqualifier_decls; k++)
            if (used[k] || m->qualifier_decls[k]->origin == MOFC_ORIGIN_USER)
                write_qualifier_decl(x, m->qualifier_decls[k]);
        free(used);
    }
    for (size_t i = 0; i < m->nclasses; i++)
        if (strcmp(m->classes[i]->namespace_name, ns) == 0 && wanted(x->o->selected, m->classes[i]))
            write_class(x, m->classes[i]);
    for (size_t i = 0; i < m->ninstances; i++) {
        if (strcmp(m->instances[i]->namespace_name, ns) != 0 ||
            (x->o->selected && !x->o->selected[m->instances[i]->cls->index]))
            continue;
        start(x, "VALUE.OBJECT");
        write_instance(x, m->instances[i]);
        end(x);
    }
    end(x);
}

char *cg_cimxml(const struct mofc_model *m, const struct cg_xml_options *o,
                struct cg_report *r, size_t *len)
{
    /* libxml2's own memory buffer grows by exact sizes (quadratic on a
     * 35 MB document); this sink doubles. */
    const char *why = NULL;
    const struct xmllib *lib = xmllib_get(&why);
    if (!lib) {
        cg_error(r, NULL, "CIM-XML output needs libxml2: %s", why);
        return NULL;
    }
    struct sink out = {NULL, 0, 0, false};
    xmlOutputBufferPtr ob = lib->OutputBufferCreateIO(sink_write, NULL, &out, NULL);
    xmlTextWriterPtr w = ob ? lib->NewTextWriter(ob) : NULL;
    if (!w) {
        if (ob)
            lib->OutputBufferClose(ob);
        return NULL;
    }
    lib->TextWriterSetIndent(w, 1);
    lib->TextWriterSetIndentString(w, (const xmlChar *)" ");
    struct xw x = {lib, w, m, o, r, NULL, NULL, false};
    x.failed |= BAD(lib->TextWriterStartDocument(w, "1.0", "utf-8", NULL));
    start(&x, "CIM");
    attr(&x, "CIMVERSION", "2.0");
    attr(&x, "DTDVERSION", "2.0");
    start(&x, "DECLARATION");
    /* One group per namespace, in the order classes and instances name them. */
    const char **seen = calloc(m->nclasses + m->ninstances + 1, sizeof *seen);
    size_t nseen = 0;
    for (size_t i = 0; seen && i < m->nclasses + m->ninstances; i++) {
        const char *ns = i < m->nclasses ? m->classes[i]->namespace_name
                                         : m->instances[i - m->nclasses]->namespace_name;
        if (i < m->nclasses && !wanted(o->selected, m->classes[i]))
            continue;
        if (i >= m->nclasses && o->selected &&
            !o->selected[m->instances[i - m->nclasses]->cls->index])
            continue;
        bool dup = false;
        for (size_t k = 0; k < nseen && !dup; k++)
            dup = strcmp(seen[k], ns) == 0;
        if (!dup) {
            seen[nseen++] = ns;
            write_group(&x, ns);
        }
    }
    if (!nseen)
        write_group(&x, "root/cimv2");
    free(seen);
    end(&x);
    end(&x);
    x.failed |= BAD(lib->TextWriterEndDocument(w));
    lib->FreeTextWriter(w);   /* flushes and closes the output buffer */
    if (x.failed || out.oom || !out.data) {
        free(out.data);
        return NULL;
    }
    *len = out.len;
    return out.data;
}
