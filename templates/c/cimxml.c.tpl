{{{banner}}}
/*
 * cim_to_cimxml(): an instance as the INSTANCE element of DSP0201, the
 * shape `mofc xml` gives the instances of a MOF file.  Plain string
 * output, driven by the descriptors; needs only the C library.
 *
 * Every property of the class is written, in descriptor order; a NULL one
 * has no VALUE.  Text is escaped for XML 1.0; a string XML 1.0 cannot
 * carry (control characters, invalid UTF-8), a non-finite real, or an
 * array of references (CIM-XML has no element for one) is an error.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cim_runtime.h"

typedef struct cim_xml_ {
    char *data;
    size_t len, cap;
    bool failed;
    cim_error *err;
    char path[256];
    size_t plen;
} cim_xml_;

static void cim_xml_fail_(cim_xml_ *x, const char *message)
{
    if (x->failed)
        return;
    x->failed = true;
    if (x->err) {
        memcpy(x->err->path, x->path, x->plen + 1);
        snprintf(x->err->message, sizeof x->err->message, "%s", message);
    }
}

static void cim_xml_put_(cim_xml_ *x, const char *s, size_t n)
{
    if (x->failed)
        return;
    if (x->len + n + 1 > x->cap) {
        size_t cap = x->cap ? x->cap : 512;
        while (x->len + n + 1 > cap)
            cap *= 2;
        char *d = (char *)realloc(x->data, cap);
        if (!d) {
            cim_xml_fail_(x, "out of memory");
            return;
        }
        x->data = d;
        x->cap = cap;
    }
    memcpy(x->data + x->len, s, n);
    x->len += n;
    x->data[x->len] = '\0';
}

static void cim_xml_puts_(cim_xml_ *x, const char *s)
{
    cim_xml_put_(x, s, strlen(s));
}

/* Path segments for error reports: ".Name" (or "Name" first) and "[3]". */
static size_t cim_xml_push_(cim_xml_ *x, const char *name, size_t index)
{
    size_t at = x->plen;
    int n;
    if (name)
        n = snprintf(x->path + at, sizeof x->path - at, "%s%s", at ? "." : "", name);
    else
        n = snprintf(x->path + at, sizeof x->path - at, "[%lu]", (unsigned long)index);
    if (n > 0)
        x->plen = at + (size_t)n < sizeof x->path ? at + (size_t)n : sizeof x->path - 1;
    return at;
}

static void cim_xml_pop_(cim_xml_ *x, size_t at)
{
    x->plen = at;
    x->path[at] = '\0';
}

/* The length of the UTF-8 sequence at s (1-4) if it is a character XML
 * 1.0 may hold, else 0. */
static size_t cim_xml_char_(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (!n || c > 0xF4)
        return 0;
    unsigned long cp = c & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE ||
        cp == 0xFFFF)
        return 0;
    return n;
}

/* Text or attribute content, escaped. */
static void cim_xml_text_(cim_xml_ *x, const char *s, bool attribute)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = cim_xml_char_(p);
        if (!n) {
            cim_xml_fail_(x, "a character XML 1.0 cannot carry (a control character or "
                             "invalid UTF-8)");
            return;
        }
        const char *esc = NULL;
        switch (*p) {
        case '&': esc = "&amp;"; break;
        case '<': esc = "&lt;"; break;
        case '>': esc = "&gt;"; break;
        case '\r': esc = "&#13;"; break;
        case '"': esc = attribute ? "&quot;" : NULL; break;
        case '\t': esc = attribute ? "&#9;" : NULL; break;
        case '\n': esc = attribute ? "&#10;" : NULL; break;
        default: break;
        }
        if (esc)
            cim_xml_puts_(x, esc);
        else
            cim_xml_put_(x, (const char *)p, n);
        p += n;
    }
}

static void cim_xml_attr_(cim_xml_ *x, const char *name, const char *value)
{
    cim_xml_puts_(x, " ");
    cim_xml_puts_(x, name);
    cim_xml_puts_(x, "=\"");
    cim_xml_text_(x, value, true);
    cim_xml_puts_(x, "\"");
}

static const char *cim_xml_type_name_(cim_type t)
{
    static const char *const names[] = {
        "", "boolean", "uint8", "sint8", "uint16", "sint16", "uint32", "sint32", "uint64",
        "sint64", "real32", "real64", "char16", "string", "datetime", "reference", "string"};
    return (size_t)t < sizeof names / sizeof *names ? names[t] : "string";
}

static void cim_xml_instance_(cim_xml_ *x, const cim_class *c, const void *instance);

/* A character as UTF-8; false for one XML cannot carry. */
static bool cim_xml_char16_(uint16_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        out[1] = '\0';
    } else if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        out[2] = '\0';
    } else {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        out[3] = '\0';
    }
    return c != 0 && cim_xml_char_((const unsigned char *)out) == strlen(out);
}

static void cim_xml_decimal_(char *buf, uint64_t v, bool negative)
{
    char digits[24];
    size_t n = sizeof digits;
    digits[--n] = '\0';
    do {
        digits[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        digits[--n] = '-';
    memcpy(buf, digits + n, sizeof digits - n);
}

/* The text of one element of property `p` at `at`, escaped. */
static void cim_xml_value_text_(cim_xml_ *x, const cim_property *p, const char *at)
{
    char buf[40];
    if (p->flags & (CIM_FLAG_EMBEDDED_OBJECT | CIM_FLAG_EMBEDDED_INSTANCE) ||
        p->type == CIM_OBJECT) {
        const cim_object *o;
        memcpy(&o, at, sizeof o);
        if (!o->descriptor_) {
            cim_xml_fail_(x, "embedded object without a descriptor");
            return;
        }
        /* An embedded instance travels as the text of its own INSTANCE. */
        cim_xml_ inner;
        memset(&inner, 0, sizeof inner);
        inner.err = x->err;
        memcpy(inner.path, x->path, x->plen + 1);
        inner.plen = x->plen;
        cim_xml_instance_(&inner, o->descriptor_, o);
        if (inner.failed)
            x->failed = true;
        else
            cim_xml_text_(x, inner.data ? inner.data : "", false);
        free(inner.data);
        return;
    }
    switch (p->type) {
    case CIM_BOOLEAN: {
        bool b;
        memcpy(&b, at, sizeof b);
        cim_xml_puts_(x, b ? "TRUE" : "FALSE");
        return;
    }
    case CIM_REAL32:
    case CIM_REAL64: {
        double d;
        if (p->type == CIM_REAL32) {
            float f;
            memcpy(&f, at, sizeof f);
            d = f;
        } else {
            memcpy(&d, at, sizeof d);
        }
        if (d != d || d - d != 0) {
            cim_xml_fail_(x, "a real that is not finite");
            return;
        }
        snprintf(buf, sizeof buf, p->type == CIM_REAL32 ? "%.9g" : "%.17g", d);
        cim_xml_puts_(x, buf);
        return;
    }
    case CIM_CHAR16: {
        uint16_t c;
        memcpy(&c, at, sizeof c);
        if (!cim_xml_char16_(c, buf)) {
            cim_xml_fail_(x, "a char16 XML 1.0 cannot carry");
            return;
        }
        cim_xml_text_(x, buf, false);
        return;
    }
    case CIM_STRING: {
        const char *s;
        memcpy(&s, at, sizeof s);
        cim_xml_text_(x, s, false);
        return;
    }
    case CIM_DATETIME: {
        cim_datetime d;
        memcpy(&d, at, sizeof d);
        cim_xml_text_(x, d.text, false);
        return;
    }
    default: {
        uint64_t v = cim_load_integer_(p->type, at);
        bool negative = (p->type == CIM_SINT8 || p->type == CIM_SINT16 ||
                         p->type == CIM_SINT32 || p->type == CIM_SINT64) &&
                        (int64_t)v < 0;
        cim_xml_decimal_(buf, negative ? (uint64_t)0 - v : v, negative);
        cim_xml_puts_(x, buf);
    }
    }
}

/* An object path (`Class.Key="v",...`; a namespace prefix dropped) as an
 * INSTANCENAME, keys typed from the REF target's descriptor when it has
 * them. */
static bool cim_xml_path_(cim_xml_ *x, const cim_property *p, const char *path)
{
    const char *colon = NULL, *s;
    for (s = path; *s && *s != '.' && *s != '"'; s++)
        if (*s == ':')
            colon = s;
    const char *cls = colon ? colon + 1 : path;
    const char *dot = strchr(cls, '.');
    size_t cl = dot ? (size_t)(dot - cls) : strlen(cls);
    if (!cl)
        return false;
    size_t total = strlen(path) + 1;
    char *name = (char *)malloc(total), *value = (char *)malloc(total);
    bool ok = name && value;
    if (ok) {
        memcpy(name, cls, cl);
        name[cl] = '\0';
        cim_xml_puts_(x, "<INSTANCENAME");
        cim_xml_attr_(x, "CLASSNAME", name);
        cim_xml_puts_(x, ">");
    }
    for (s = dot ? dot + 1 : cls + cl; ok && *s;) {
        const char *eq = strchr(s, '=');
        if (!eq || eq == s) {
            ok = false;
            break;
        }
        memcpy(name, s, (size_t)(eq - s));
        name[eq - s] = '\0';
        s = eq + 1;
        size_t n = 0;
        bool quoted = *s == '"';
        if (quoted) {
            for (s++; *s && *s != '"'; s++) {
                if (*s == '\\' && s[1])
                    s++;
                value[n++] = *s;
            }
            if (*s != '"') {
                ok = false;
                break;
            }
            s++;
        } else {
            while (*s && *s != ',')
                value[n++] = *s++;
        }
        value[n] = '\0';
        const cim_property *key = p->target ? cim_class_find_property(p->target, name) : NULL;
        cim_type t = key ? key->type : quoted ? CIM_STRING : CIM_SINT64;
        if (t == CIM_REFERENCE || t == CIM_OBJECT)
            t = CIM_STRING;
        cim_xml_puts_(x, "<KEYBINDING");
        cim_xml_attr_(x, "NAME", key ? key->name : name);
        cim_xml_puts_(x, "><KEYVALUE");
        cim_xml_attr_(x, "VALUETYPE", t == CIM_BOOLEAN                        ? "boolean"
                                      : (t >= CIM_UINT8 && t <= CIM_REAL64) ? "numeric"
                                                                            : "string");
        cim_xml_attr_(x, "TYPE", cim_xml_type_name_(t));
        cim_xml_puts_(x, ">");
        cim_xml_text_(x, value, false);
        cim_xml_puts_(x, "</KEYVALUE></KEYBINDING>");
        if (*s == ',')
            s++;
        else if (*s)
            ok = false;
    }
    if (ok)
        cim_xml_puts_(x, "</INSTANCENAME>");
    free(name);
    free(value);
    return ok;
}

static void cim_xml_property_(cim_xml_ *x, const cim_property *p, const void *instance)
{
    const char *at = (const char *)instance + p->offset;
    bool null = cim_property_is_null(p, instance);
    bool array = (p->flags & CIM_FLAG_ARRAY) != 0;
    if (p->type == CIM_REFERENCE) {
        if (array) {
            if (!null)
                cim_xml_fail_(x, "an array of references, which CIM-XML cannot express");
            return;
        }
        cim_xml_puts_(x, "<PROPERTY.REFERENCE");
        cim_xml_attr_(x, "NAME", p->name);
        if (p->ref_class)
            cim_xml_attr_(x, "REFERENCECLASS", p->ref_class);
        cim_xml_puts_(x, ">");
        if (!null) {
            cim_ref r;
            memcpy(&r, at, sizeof r);
            cim_xml_puts_(x, "<VALUE.REFERENCE>");
            if (!cim_xml_path_(x, p, r.path))
                cim_xml_fail_(x, "a reference that is not an object path CIM-XML can express");
            cim_xml_puts_(x, "</VALUE.REFERENCE>");
        }
        cim_xml_puts_(x, "</PROPERTY.REFERENCE>");
        return;
    }
    const char *element = array ? "PROPERTY.ARRAY" : "PROPERTY";
    cim_xml_puts_(x, "<");
    cim_xml_puts_(x, element);
    cim_xml_attr_(x, "NAME", p->name);
    cim_xml_attr_(x, "TYPE", cim_xml_type_name_(p->type));
    if (p->flags & CIM_FLAG_EMBEDDED_INSTANCE)
        cim_xml_attr_(x, "EmbeddedObject", "instance");
    else if (p->flags & CIM_FLAG_EMBEDDED_OBJECT)
        cim_xml_attr_(x, "EmbeddedObject", "object");
    else if (p->type == CIM_OBJECT)
        cim_xml_attr_(x, "EmbeddedObject", p->ref_class ? "instance" : "object");
    cim_xml_puts_(x, ">");
    if (!null && !array) {
        cim_xml_puts_(x, "<VALUE>");
        cim_xml_value_text_(x, p, at);
        cim_xml_puts_(x, "</VALUE>");
    } else if (!null) {
        struct {
            const char *items;
            size_t count;
        } a;
        memcpy(&a, at, sizeof a);
        size_t size = cim_element_size_(p);
        cim_xml_puts_(x, "<VALUE.ARRAY>");
        for (size_t k = 0; k < a.count && !x->failed; k++) {
            const char *e = a.items + k * size;
            size_t mark = cim_xml_push_(x, NULL, k);
            const void *ptr = NULL;  /* strings, datetimes, objects: NULL elements */
            if (p->type == CIM_STRING || p->type == CIM_DATETIME || p->type == CIM_OBJECT ||
                (p->flags & (CIM_FLAG_EMBEDDED_OBJECT | CIM_FLAG_EMBEDDED_INSTANCE)))
                memcpy(&ptr, e, sizeof ptr);
            else
                ptr = e;
            if (!ptr) {
                cim_xml_puts_(x, "<VALUE.NULL/>");
            } else {
                cim_xml_puts_(x, "<VALUE>");
                cim_xml_value_text_(x, p, e);
                cim_xml_puts_(x, "</VALUE>");
            }
            cim_xml_pop_(x, mark);
        }
        cim_xml_puts_(x, "</VALUE.ARRAY>");
    }
    cim_xml_puts_(x, "</");
    cim_xml_puts_(x, element);
    cim_xml_puts_(x, ">");
}

static void cim_xml_instance_(cim_xml_ *x, const cim_class *c, const void *instance)
{
    cim_xml_puts_(x, "<INSTANCE");
    cim_xml_attr_(x, "CLASSNAME", c->name);
    cim_xml_puts_(x, ">");
    for (size_t i = 0; i < c->nproperties && !x->failed; i++) {
        size_t mark = cim_xml_push_(x, c->properties[i]->name, 0);
        cim_xml_property_(x, c->properties[i], instance);
        cim_xml_pop_(x, mark);
    }
    cim_xml_puts_(x, "</INSTANCE>");
}

char *cim_to_cimxml(const cim_class *c, const void *instance, cim_error *err)
{
    cim_xml_ x;
    memset(&x, 0, sizeof x);
    x.err = err;
    if (err)
        memset(err, 0, sizeof *err);
    cim_xml_instance_(&x, c, instance);
    if (x.failed) {
        free(x.data);
        return NULL;
    }
    return x.data;
}
