/*
 * bmf.c - the binary MOF back end (`mofc bmf`): what `mofcomp -B` writes,
 * the form a driver embeds in its resources and firmware in its ACPI WMI
 * buffers.  doc/bmf-format.md describes the layout.
 *
 * Each class is written as its MOF shows it (the members it declares, the
 * qualifiers written on them) plus what mofcomp adds: a CIMTYPE qualifier
 * on every property and parameter, MAX(n) for a fixed array size, ID(n)
 * on parameters, and the method parameters as __PARAMETERS objects.  The
 * qualifier flavors go to the BMOFQUALFLAVOR11 trailer.  The image is then
 * DS-compressed behind the FOMB header.  Same model, same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "mofc/bmf.h"


struct flavor_entry {
    uint32_t off, flags;
};

struct w {
    uint8_t *d;
    size_t len, cap;
    bool oom;
    struct flavor_entry *fl;
    size_t nfl, capfl;
    struct cg_report *r;
    const struct mofc_location *where; /* element being written, for errors */
};

static void reserve(struct w *w, size_t n)
{
    if (w->oom || w->cap - w->len >= n)
        return;
    size_t cap = w->cap ? w->cap : 4096;
    while (cap - w->len < n)
        cap *= 2;
    uint8_t *d = realloc(w->d, cap);
    if (!d) {
        w->oom = true;
        return;
    }
    w->d = d;
    w->cap = cap;
}

static void put(struct w *w, const void *p, size_t n)
{
    reserve(w, n);
    if (w->oom)
        return;
    memcpy(w->d + w->len, p, n);
    w->len += n;
}

static void u16(struct w *w, uint32_t v)
{
    uint8_t b[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    put(w, b, 2);
}

static void u32(struct w *w, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(w, b, 4);
}

static void u64(struct w *w, uint64_t v)
{
    u32(w, (uint32_t)v);
    u32(w, (uint32_t)(v >> 32));
}

static void patch(struct w *w, size_t at, uint32_t v)
{
    if (w->oom)
        return;
    w->d[at] = (uint8_t)v;
    w->d[at + 1] = (uint8_t)(v >> 8);
    w->d[at + 2] = (uint8_t)(v >> 16);
    w->d[at + 3] = (uint8_t)(v >> 24);
}

static void pad4(struct w *w)
{
    static const uint8_t zero[4];
    put(w, zero, (4 - (w->len & 3)) & 3);
}

/* A length-prefixed record: its length is patched when it ends. */
static size_t begin(struct w *w)
{
    size_t at = w->len;
    u32(w, 0);
    return at;
}

static void end(struct w *w, size_t at)
{
    patch(w, at, (uint32_t)(w->len - at));
}

/* UTF-8 to NUL-terminated UTF-16LE (not padded).  At most two units per
 * input byte, reserved once. */
static void utf16(struct w *w, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    reserve(w, 2 * n + 2);
    if (w->oom)
        return;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80 && p[i]) {
            w->d[w->len++] = p[i++];
            w->d[w->len++] = 0;
            continue;
        }
        uint32_t c = p[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k > n - i)
            k = n - i;
        if (k > 1)
            c &= 0x7Fu >> k;
        for (size_t j = 1; j < k; j++)
            c = (c << 6) | (p[i + j] & 0x3F);
        i += k;
        if (c == 0) {
            cg_error(w->r, w->where, "a string holding NUL cannot be written in binary MOF");
            break;
        }
        if (c >= 0x10000) {
            c -= 0x10000;
            u16(w, 0xD800 + (c >> 10));
            u16(w, 0xDC00 + (c & 0x3FF));
        } else {
            u16(w, c);
        }
    }
    u16(w, 0);
}

static void name(struct w *w, const char *s)
{
    utf16(w, s, strlen(s));
    pad4(w);
}

static uint32_t vt_of(enum mofc_type t)
{
    switch (t) {
    case MOFC_TYPE_BOOLEAN:
        return MOFC_VT_BOOL;
    case MOFC_TYPE_UINT8:
        return MOFC_VT_UI1;
    case MOFC_TYPE_SINT8:
        return MOFC_VT_I1;
    case MOFC_TYPE_UINT16:
        return MOFC_VT_UI2;
    case MOFC_TYPE_SINT16:
        return MOFC_VT_I2;
    case MOFC_TYPE_UINT32:
        return MOFC_VT_UI4;
    case MOFC_TYPE_SINT32:
        return MOFC_VT_I4;
    case MOFC_TYPE_UINT64:
        return MOFC_VT_UI8;
    case MOFC_TYPE_SINT64:
        return MOFC_VT_I8;
    case MOFC_TYPE_REAL32:
        return MOFC_VT_R4;
    case MOFC_TYPE_REAL64:
        return MOFC_VT_R8;
    case MOFC_TYPE_CHAR16:
        return MOFC_VT_CHAR16;
    case MOFC_TYPE_DATETIME:
        return MOFC_VT_DATETIME;
    case MOFC_TYPE_REFERENCE:
        return MOFC_VT_REFERENCE;
    case MOFC_TYPE_OBJECT:
        return MOFC_VT_OBJECT;
    default:
        return MOFC_VT_BSTR;
    }
}

static void object_instance(struct w *w, const struct mofc_instance *in, bool top);

static void scalar(struct w *w, uint32_t vt, const struct mofc_value *v)
{
    switch (vt) {
    case MOFC_VT_BOOL:
        u16(w, v->v.boolean ? 0xFFFF : 0);
        break;
    case MOFC_VT_I1:
    case MOFC_VT_UI1: {
        uint8_t b = (uint8_t)v->v.u;
        put(w, &b, 1);
        break;
    }
    case MOFC_VT_I2:
    case MOFC_VT_UI2:
        u16(w, (uint32_t)v->v.u);
        break;
    case MOFC_VT_CHAR16:
        u16(w, v->v.char16);
        break;
    case MOFC_VT_I4:
    case MOFC_VT_UI4:
        u32(w, (uint32_t)v->v.u);
        break;
    case MOFC_VT_I8:
    case MOFC_VT_UI8:
        u64(w, v->v.u);
        break;
    case MOFC_VT_R4: {
        float f = (float)v->v.real;
        uint32_t b;
        memcpy(&b, &f, sizeof b);
        u32(w, b);
        break;
    }
    case MOFC_VT_R8: {
        uint64_t b;
        memcpy(&b, &v->v.real, sizeof b);
        u64(w, b);
        break;
    }
    case MOFC_VT_DATETIME:
        utf16(w, v->v.datetime->text, strlen(v->v.datetime->text));
        break;
    case MOFC_VT_REFERENCE:
        utf16(w, v->v.ref.path.text ? v->v.ref.path.text : "",
              v->v.ref.path.text ? v->v.ref.path.len : 0);
        break;
    case MOFC_VT_OBJECT:
        object_instance(w, v->v.object, false);
        break;
    default:
        utf16(w, v->v.string.text, v->v.string.len);
    }
}

/* A value of type vt (MOFC_VT_ARRAY set for arrays), padded to 4 bytes. */
static void value(struct w *w, uint32_t vt, const struct mofc_value *v)
{
    uint32_t elem = vt & ~(uint32_t)MOFC_VT_ARRAY;
    if (!(vt & MOFC_VT_ARRAY)) {
        scalar(w, elem, v);
        pad4(w);
        return;
    }
    size_t total = begin(w);
    u32(w, 1);
    u32(w, (uint32_t)v->count);
    size_t row = begin(w);
    for (size_t i = 0; i < v->count; i++) {
        if (v->elements[i].is_null) {
            cg_error(w->r, w->where, "an array element NULL cannot be written in binary MOF");
            continue;
        }
        scalar(w, elem, &v->elements[i]);
    }
    pad4(w);
    end(w, row);
    end(w, total);
}

/* The value type of a qualifier: integers as mofcomp writes them (MOFC_VT_I4
 * when the value fits). */
static uint32_t qualifier_vt(const struct mofc_qualifier *q)
{
    enum mofc_type t = q->decl->type;
    uint32_t vt;
    if (mofc_type_is_integer(t)) {
        bool fits = true;
        const struct mofc_value *v = &q->value;
        size_t n = v->is_array ? v->count : 1;
        for (size_t i = 0; i < n && !v->is_null; i++) {
            const struct mofc_value *e = v->is_array ? &v->elements[i] : v;
            if (e->is_null)
                continue;
            if (mofc_type_is_signed(t) ? (e->v.s < INT32_MIN || e->v.s > INT32_MAX)
                                       : e->v.u > INT32_MAX)
                fits = false;
        }
        vt = fits ? MOFC_VT_I4 : mofc_type_is_signed(t) ? MOFC_VT_I8 : MOFC_VT_UI8;
    } else if (t == MOFC_TYPE_REAL32 || t == MOFC_TYPE_REAL64) {
        vt = MOFC_VT_R8;
    } else if (t == MOFC_TYPE_BOOLEAN || t == MOFC_TYPE_CHAR16) {
        vt = vt_of(t);
    } else {
        vt = MOFC_VT_BSTR;
    }
    bool array = q->value.is_null ? q->decl->is_array : q->value.is_array;
    return vt | (array ? MOFC_VT_ARRAY : 0);
}

/* Every qualifier written on an element gets an entry, even one with no
 * flavor bit: the MAX, ID and CIMTYPE qualifiers this writer adds get
 * none, which is how a reader tells them from the user's. */
static void flavor(struct w *w, size_t at, unsigned f)
{
    uint32_t bits =
        (f & MOFC_FLAVOR_TOINSTANCE ? 0x01u : 0) | (f & MOFC_FLAVOR_TOSUBCLASS ? 0x02u : 0) |
        (f & MOFC_FLAVOR_DISABLEOVERRIDE ? 0x10u : 0) | (f & MOFC_FLAVOR_AMENDED ? 0x80u : 0);
    if (w->nfl == w->capfl) {
        size_t cap = w->capfl ? w->capfl * 2 : 256;
        struct flavor_entry *fl = realloc(w->fl, cap * sizeof *fl);
        if (!fl) {
            w->oom = true;
            return;
        }
        w->fl = fl;
        w->capfl = cap;
    }
    w->fl[w->nfl].off = (uint32_t)at;
    w->fl[w->nfl].flags = bits;
    w->nfl++;
}

/* Qualifier record: length, type, name offset, value offset; name, value. */
static void qualifier_record(struct w *w, const char *qname, uint32_t vt,
                             const struct mofc_value *v, bool user, unsigned flavors)
{
    size_t at = begin(w);
    u32(w, vt);
    u32(w, 0);
    size_t voff = w->len;
    u32(w, MOFC_BMF_NONE);
    size_t info = w->len;
    name(w, qname);
    if (v && !v->is_null) {
        patch(w, voff, (uint32_t)(w->len - info));
        value(w, vt, v);
    }
    end(w, at);
    if (user)
        flavor(w, at, flavors);
}

/* What mofcomp adds to a property's or parameter's qualifiers. */
struct extra {
    const char *cimtype;
    bool has_max, has_id;
    uint32_t max, id;
};

static void qualifier_list(struct w *w, const struct mofc_qualifier_list *l, const struct extra *x)
{
    size_t at = begin(w);
    size_t count_at = w->len;
    u32(w, 0);
    uint32_t n = 0;
    for (size_t i = 0; i < l->count; i++) {
        const struct mofc_qualifier *q = &l->items[i];
        if (q->propagated)
            continue;
        qualifier_record(w, q->name, qualifier_vt(q), &q->value, true, q->flavors);
        n++;
    }
    if (x && x->cimtype) {
        struct mofc_value s = {.type = MOFC_TYPE_STRING};
        s.v.string.text = x->cimtype;
        s.v.string.len = strlen(x->cimtype);
        qualifier_record(w, "CIMTYPE", MOFC_VT_BSTR, &s, false, 0);
        n++;
    }
    if (x && x->has_max) {
        struct mofc_value s = {.type = MOFC_TYPE_SINT32};
        s.v.u = x->max;
        qualifier_record(w, "MAX", MOFC_VT_I4, &s, false, 0);
        n++;
    }
    if (x && x->has_id) {
        struct mofc_value s = {.type = MOFC_TYPE_SINT32};
        s.v.u = x->id;
        qualifier_record(w, "ID", MOFC_VT_I4, &s, false, 0);
        n++;
    }
    patch(w, count_at, n);
    end(w, at);
}

/* CIMTYPE text: "uint32", "string", "ref:Class", "object:Class". */
static const char *cimtype(const struct mofc_typeinfo *t, char *buf, size_t n)
{
    if (t->type == MOFC_TYPE_REFERENCE) {
        if (t->ref_class)
            snprintf(buf, n, "ref:%s", t->ref_class->name);
        else
            snprintf(buf, n, "ref");
    } else if (t->type == MOFC_TYPE_OBJECT) {
        const char *cn = t->embedded_class ? t->embedded_class->name : t->embedded_name;
        if (cn)
            snprintf(buf, n, "object:%s", cn);
        else
            snprintf(buf, n, "object");
    } else {
        snprintf(buf, n, "%s", mofc_type_name(t->type));
    }
    return buf;
}

static bool has_qualifier(const struct mofc_qualifier_list *l, const char *qname)
{
    for (size_t i = 0; i < l->count; i++)
        if (!l->items[i].propagated && mofc_name_cmp(l->items[i].name, qname) == 0)
            return true;
    return false;
}

/* Property record: length, type, name offset, value offset, qualifier
 * list offset; then name, value, qualifier list (NULL: a system property,
 * no qualifier list). */
static void property_record(struct w *w, const char *pname, uint32_t vt, const struct mofc_value *v,
                            const struct mofc_qualifier_list *quals, const struct extra *x)
{
    size_t at = begin(w);
    u32(w, vt);
    u32(w, 0);
    size_t voff = w->len;
    u32(w, MOFC_BMF_NONE);
    size_t qoff = w->len;
    u32(w, MOFC_BMF_NONE);
    size_t info = w->len;
    name(w, pname);
    if (v && !v->is_null) {
        patch(w, voff, (uint32_t)(w->len - info));
        value(w, vt, v);
    }
    if (quals) {
        patch(w, qoff, (uint32_t)(w->len - info));
        qualifier_list(w, quals, x);
    }
    end(w, at);
}

static void system_property(struct w *w, const char *pname, const char *text)
{
    struct mofc_value s = {.type = MOFC_TYPE_STRING};
    s.v.string.text = text;
    s.v.string.len = strlen(text);
    property_record(w, pname, MOFC_VT_BSTR, &s, NULL, NULL);
}

/* A typed element (property, parameter, return value) with its extras. */
static void element(struct w *w, const char *ename, const struct mofc_typeinfo *t,
                    const struct mofc_value *dflt, const struct mofc_qualifier_list *quals,
                    bool has_id, uint32_t id)
{
    char buf[512];
    struct extra x = {0};
    if (!has_qualifier(quals, "CIMTYPE"))
        x.cimtype = cimtype(t, buf, sizeof buf);
    if (t->is_array && t->array_size && !has_qualifier(quals, "MAX")) {
        x.has_max = true;
        x.max = t->array_size;
    }
    x.has_id = has_id && !has_qualifier(quals, "ID");
    x.id = id;
    property_record(w, ename, vt_of(t->type) | (t->is_array ? MOFC_VT_ARRAY : 0), dflt, quals, &x);
}

/* Object header: length, qualifier list, property list and method list
 * offsets (relative to the end of the header), type (0 class, 1 instance). */
struct obj {
    size_t at, qoff, poff, moff, info;
};

static void object_begin(struct w *w, struct obj *o, uint32_t type)
{
    o->at = begin(w);
    o->qoff = w->len;
    u32(w, MOFC_BMF_NONE);
    o->poff = w->len;
    u32(w, MOFC_BMF_NONE);
    o->moff = w->len;
    u32(w, MOFC_BMF_NONE);
    u32(w, type);
    o->info = w->len;
}

static void mark(struct w *w, const struct obj *o, size_t field)
{
    patch(w, field, (uint32_t)(w->len - o->info));
}

/* A list: length, count, records. */
static size_t list_begin(struct w *w, size_t *count_at)
{
    size_t at = begin(w);
    *count_at = w->len;
    u32(w, 0);
    return at;
}

static void object_instance(struct w *w, const struct mofc_instance *in, bool top)
{
    const struct mofc_location *saved = w->where;
    w->where = &in->loc;
    struct obj o;
    object_begin(w, &o, 1);
    mark(w, &o, o.qoff);
    qualifier_list(w, &in->qualifiers, NULL);
    mark(w, &o, o.poff);
    size_t count_at, list = list_begin(w, &count_at);
    uint32_t n = 1;
    system_property(w, "__CLASS", in->cls->name);
    if (top) {
        system_property(w, "__NAMESPACE", in->namespace_name);
        n++;
    }
    for (size_t i = 0; i < in->nvalues; i++) {
        const struct mofc_property_value *pv = &in->values[i];
        const struct mofc_typeinfo *t = &pv->property->t;
        uint32_t vt =
            vt_of(pv->value.is_null ? t->type : pv->value.type) | (t->is_array ? MOFC_VT_ARRAY : 0);
        property_record(w, pv->property->name, vt, &pv->value, &pv->qualifiers, NULL);
        n++;
    }
    patch(w, count_at, n);
    end(w, list);
    end(w, o.at);
    w->where = saved;
}

/* One __PARAMETERS object: the in or the out parameters of a method. */
static void parameters_object(struct w *w, const struct mofc_method *mt, bool out)
{
    struct obj o;
    object_begin(w, &o, 1);
    mark(w, &o, o.poff);
    size_t count_at, list = list_begin(w, &count_at);
    system_property(w, "__CLASS", "__PARAMETERS");
    uint32_t n = 1;
    for (size_t k = 0; k < mt->nparams; k++) {
        const struct mofc_parameter *p = &mt->params[k];
        bool is_in = (p->flags & MOFC_PROP_IN) || !(p->flags & MOFC_PROP_OUT);
        bool is_out = (p->flags & MOFC_PROP_OUT) != 0;
        if (out ? !is_out : !is_in)
            continue;
        w->where = &p->loc;
        element(w, p->name, &p->t, &p->default_value, &p->qualifiers, true, (uint32_t)k);
        n++;
    }
    if (out && mt->ret.type != MOFC_TYPE_NONE) {
        static const struct mofc_qualifier_list none = {0, NULL};
        static const struct mofc_value no_value = {.is_null = true};
        element(w, "ReturnValue", &mt->ret, &no_value, &none, false, 0);
        n++;
    }
    patch(w, count_at, n);
    end(w, list);
    mark(w, &o, o.moff);
    u32(w, 8);
    u32(w, 0);
    end(w, o.at);
}

static void method_record(struct w *w, const struct mofc_method *mt)
{
    bool any_in = false, any_out = mt->ret.type != MOFC_TYPE_NONE;
    for (size_t k = 0; k < mt->nparams; k++) {
        unsigned f = mt->params[k].flags;
        any_in |= (f & MOFC_PROP_IN) || !(f & MOFC_PROP_OUT);
        any_out |= (f & MOFC_PROP_OUT) != 0;
    }
    size_t at = begin(w);
    u32(w, any_in || any_out ? MOFC_VT_ARRAY | MOFC_VT_OBJECT : 0);
    u32(w, 0);
    size_t voff = w->len;
    u32(w, MOFC_BMF_NONE);
    size_t qoff = w->len;
    u32(w, MOFC_BMF_NONE);
    size_t info = w->len;
    name(w, mt->name);
    if (any_in || any_out) {
        patch(w, voff, (uint32_t)(w->len - info));
        size_t total = begin(w);
        u32(w, 1);
        u32(w, (uint32_t)any_in + (uint32_t)any_out);
        size_t row = begin(w);
        if (any_in)
            parameters_object(w, mt, false);
        if (any_out)
            parameters_object(w, mt, true);
        end(w, row);
        end(w, total);
    }
    w->where = &mt->loc;
    patch(w, qoff, (uint32_t)(w->len - info));
    qualifier_list(w, &mt->qualifiers, NULL);
    end(w, at);
}

static void object_class(struct w *w, const struct mofc_class *c)
{
    w->where = &c->loc;
    struct obj o;
    object_begin(w, &o, 0);
    mark(w, &o, o.qoff);
    qualifier_list(w, &c->qualifiers, NULL);
    mark(w, &o, o.poff);
    size_t count_at, list = list_begin(w, &count_at);
    uint32_t n = 2;
    system_property(w, "__CLASS", c->name);
    system_property(w, "__NAMESPACE", c->namespace_name);
    if (c->superclass) {
        system_property(w, "__SUPERCLASS", c->superclass->name);
        n++;
    }
    for (size_t i = 0; i < c->nproperties; i++) {
        const struct mofc_property *p = c->properties[i];
        if (p->owner != c)
            continue;
        w->where = &p->loc;
        element(w, p->name, &p->t, &p->default_value, &p->qualifiers, false, 0);
        n++;
    }
    patch(w, count_at, n);
    end(w, list);
    mark(w, &o, o.moff);
    list = list_begin(w, &count_at);
    n = 0;
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *mt = c->methods[i];
        if (mt->owner != c)
            continue;
        w->where = &mt->loc;
        method_record(w, mt);
        n++;
    }
    patch(w, count_at, n);
    end(w, list);
    end(w, o.at);
}

char *cg_bmf(const struct mofc_model *m, const bool *selected, struct cg_report *r, size_t *len)
{
    struct w w = {0};
    w.r = r;
    put(&w, MOFC_BMF_MAGIC, 4);
    u32(&w, 0);
    u32(&w, 1);
    u32(&w, 1);
    u32(&w, 0);
    uint32_t nobj = 0;
    for (size_t i = 0; i < m->nclasses; i++) {
        const struct mofc_class *c = m->classes[i];
        if (c->origin != MOFC_ORIGIN_USER || (selected && !selected[c->index]))
            continue;
        object_class(&w, c);
        nobj++;
    }
    for (size_t i = 0; i < m->ninstances; i++) {
        const struct mofc_instance *in = m->instances[i];
        if (selected && !selected[in->cls->index])
            continue;
        object_instance(&w, in, true);
        nobj++;
    }
    patch(&w, 4, (uint32_t)w.len);
    patch(&w, 16, nobj);
    put(&w, "BMOFQUALFLAVOR11", 16);
    u32(&w, (uint32_t)w.nfl);
    for (size_t i = 0; i < w.nfl; i++) {
        u32(&w, w.fl[i].off);
        u32(&w, w.fl[i].flags);
    }
    free(w.fl);
    if (w.oom) {
        free(w.d);
        return NULL;
    }
    if (w.len > MOFC_BMF_MAX_IMAGE) {
        /* mofc's reader refuses larger images: write none it cannot read. */
        cg_error(r, NULL,
                 "the binary MOF would decompress to %zu bytes, more than the %u "
                 "mofc reads back; split the input with --class",
                 w.len, MOFC_BMF_MAX_IMAGE);
        free(w.d);
        w.d = NULL;
        w.len = 0;
    }
    size_t clen = 0;
    uint8_t *cdata = cg_ds_compress(w.d, w.len, &clen);
    uint8_t *out = cdata ? malloc(16 + clen + 1) : NULL;
    if (!out) {
        free(w.d);
        free(cdata);
        return NULL;
    }
    memcpy(out, MOFC_BMF_MAGIC, 4);
    const uint32_t head[3] = {1, (uint32_t)clen, (uint32_t)w.len};
    for (int k = 0; k < 3; k++)
        for (int j = 0; j < 4; j++)
            out[4 + 4 * k + j] = (uint8_t)(head[k] >> (8 * j));
    memcpy(out + 16, cdata, clen);
    out[16 + clen] = 0;
    free(cdata);
    free(w.d);
    *len = 16 + clen;
    return (char *)out;
}
