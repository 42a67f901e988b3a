{{{banner}}}
/*
 * cim_to_json(), cim_from_json(), cim_release(): instances as JSON
 * objects, driven by the descriptors, through json-c (link -ljson-c).
 *
 * The shape: "@class" (a name no CIM property can have) and then every
 * property by name, in descriptor order.  NULL is null; booleans; integers
 * exact to 64 bits (uint64 and sint64 included); reals with the digits
 * that read back to the same bits; char16 a one-character string;
 * string, datetime (its 25 characters) and reference (the object path)
 * strings; embedded instances nested objects with their own "@class";
 * arrays JSON arrays.
 */
#include <float.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "cim_runtime.h"

typedef struct cim_json_ {
    cim_error *err;
    bool failed;
    char path[256];
    size_t plen;
} cim_json_;

static bool cim_json_fail_(cim_json_ *j, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static bool cim_json_fail_(cim_json_ *j, const char *fmt, ...)
{
    if (j->failed)
        return false;
    j->failed = true;
    if (j->err) {
        memcpy(j->err->path, j->path, j->plen + 1);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(j->err->message, sizeof j->err->message, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* Path segments for error reports: "Name", ".Name" below it, "[3]". */
static size_t cim_json_push_(cim_json_ *j, const char *name, size_t index)
{
    size_t at = j->plen;
    int n;
    if (name)
        n = snprintf(j->path + at, sizeof j->path - at, "%s%s", at ? "." : "", name);
    else
        n = snprintf(j->path + at, sizeof j->path - at, "[%lu]", (unsigned long)index);
    if (n > 0)
        j->plen = at + (size_t)n < sizeof j->path ? at + (size_t)n : sizeof j->path - 1;
    return at;
}

static void cim_json_pop_(cim_json_ *j, size_t at)
{
    j->plen = at;
    j->path[at] = '\0';
}

/* The length of the UTF-8 sequence of one Unicode scalar value at s
 * (n bytes left), or 0. */
static size_t cim_json_utf8_(const unsigned char *s, size_t n, unsigned long *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (!len || c > 0xF4 || len > n)
        return 0;
    unsigned long v = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3F);
    }
    static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

static bool cim_json_utf8_ok_(const char *s, size_t n)
{
    unsigned long cp;
    for (size_t i = 0, k; i < n; i += k)
        if (!(k = cim_json_utf8_((const unsigned char *)s + i, n - i, &cp)))
            return false;
    return true;
}

static bool cim_json_is_object_(const cim_property *p)
{
    return (p->flags & (CIM_FLAG_EMBEDDED_OBJECT | CIM_FLAG_EMBEDDED_INSTANCE)) ||
           p->type == CIM_OBJECT;
}

static bool cim_json_is_signed_(cim_type t)
{
    return t == CIM_SINT8 || t == CIM_SINT16 || t == CIM_SINT32 || t == CIM_SINT64;
}

/* Elements whose C form is a pointer first (NULL allowed in arrays). */
static bool cim_json_pointer_like_(const cim_property *p)
{
    return cim_json_is_object_(p) || p->type == CIM_STRING || p->type == CIM_DATETIME ||
           p->type == CIM_REFERENCE;
}

static const char *cim_json_type_name_(cim_type t)
{
    static const char *const names[] = {
        "void", "boolean", "uint8", "sint8", "uint16", "sint16", "uint32", "sint32", "uint64",
        "sint64", "real32", "real64", "char16", "string", "datetime", "reference", "object"};
    return (size_t)t < sizeof names / sizeof *names ? names[t] : "?";
}

typedef struct cim_json_array_ {
    const char *items;
    size_t count;
} cim_json_array_;

/* ---- writing ---- */

static json_object *cim_json_write_instance_(cim_json_ *j, const cim_class *c,
                                            const void *instance);

/* One element at `at`; NULL is JSON null (or a failure: j->failed). */
static json_object *cim_json_write_element_(cim_json_ *j, const cim_property *p, const char *at)
{
    if (cim_json_is_object_(p)) {
        const cim_object *o;
        memcpy(&o, at, sizeof o);
        if (!o)
            return NULL;
        if (!o->descriptor_) {
            cim_json_fail_(j, "embedded object without a descriptor");
            return NULL;
        }
        return cim_json_write_instance_(j, o->descriptor_, o);
    }
    switch (p->type) {
    case CIM_BOOLEAN: {
        bool b;
        memcpy(&b, at, sizeof b);
        return json_object_new_boolean(b);
    }
    case CIM_UINT64:
        return json_object_new_uint64(cim_load_integer_(p->type, at));
    case CIM_REAL32:
    case CIM_REAL64: {
        double d;
        char text[40];
        if (p->type == CIM_REAL32) {
            float f;
            memcpy(&f, at, sizeof f);
            d = f;
        } else {
            memcpy(&d, at, sizeof d);
        }
        if (d != d || d - d != 0) {
            cim_json_fail_(j, "a real that is not finite (JSON has no form for it)");
            return NULL;
        }
        snprintf(text, sizeof text, p->type == CIM_REAL32 ? "%.9g" : "%.17g", d);
        return json_object_new_double_s(d, text);
    }
    case CIM_CHAR16: {
        uint16_t c;
        char u[4];
        memcpy(&c, at, sizeof c);
        if (c >= 0xD800 && c <= 0xDFFF) {
            cim_json_fail_(j, "char16 U+%04X is a surrogate, no character", (unsigned)c);
            return NULL;
        }
        size_t n;
        if (c < 0x80) {
            u[0] = (char)c;
            n = 1;
        } else if (c < 0x800) {
            u[0] = (char)(0xC0 | (c >> 6));
            u[1] = (char)(0x80 | (c & 0x3F));
            n = 2;
        } else {
            u[0] = (char)(0xE0 | (c >> 12));
            u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[2] = (char)(0x80 | (c & 0x3F));
            n = 3;
        }
        return json_object_new_string_len(u, (int)n);
    }
    case CIM_STRING:
    case CIM_DATETIME:
    case CIM_REFERENCE: {
        const char *s;      /* the text pointer is the first member of all three */
        memcpy(&s, at, sizeof s);
        if (!s)
            return NULL;
        size_t n = strlen(s);
        if (!cim_json_utf8_ok_(s, n)) {
            cim_json_fail_(j, "a string that is not valid UTF-8");
            return NULL;
        }
        return json_object_new_string_len(s, (int)n);
    }
    default: {
        uint64_t v = cim_load_integer_(p->type, at);
        return json_object_new_int64(cim_json_is_signed_(p->type) ? (int64_t)v
                                                                  : (int64_t)(uint32_t)v);
    }
    }
}

static json_object *cim_json_write_property_(cim_json_ *j, const cim_property *p,
                                            const void *instance)
{
    if (cim_property_is_null(p, instance))
        return NULL;
    const char *at = (const char *)instance + p->offset;
    if (!(p->flags & CIM_FLAG_ARRAY))
        return cim_json_write_element_(j, p, at);
    cim_json_array_ a;
    memcpy(&a, at, sizeof a);
    size_t size = cim_element_size_(p);
    json_object *array = json_object_new_array_ext((int)a.count);
    if (!array) {
        cim_json_fail_(j, "out of memory");
        return NULL;
    }
    for (size_t k = 0; k < a.count && !j->failed; k++) {
        size_t mark = cim_json_push_(j, NULL, k);
        json_object *e = cim_json_write_element_(j, p, a.items + k * size);
        if (!j->failed && json_object_array_add(array, e) != 0) {
            json_object_put(e);
            cim_json_fail_(j, "out of memory");
        }
        cim_json_pop_(j, mark);
    }
    if (j->failed) {
        json_object_put(array);
        return NULL;
    }
    return array;
}

static json_object *cim_json_write_instance_(cim_json_ *j, const cim_class *c,
                                            const void *instance)
{
    json_object *o = json_object_new_object();
    json_object *name = json_object_new_string(c->name);
    if (!o || !name ||
        json_object_object_add_ex(o, "@class", name,
                                  JSON_C_OBJECT_ADD_KEY_IS_NEW | JSON_C_OBJECT_ADD_CONSTANT_KEY)) {
        json_object_put(o);
        json_object_put(name);
        cim_json_fail_(j, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < c->nproperties && !j->failed; i++) {
        const cim_property *p = c->properties[i];
        size_t mark = cim_json_push_(j, p->name, 0);
        json_object *v = cim_json_write_property_(j, p, instance);
        if (!j->failed && json_object_object_add_ex(o, p->name, v,
                                                    JSON_C_OBJECT_ADD_KEY_IS_NEW |
                                                        JSON_C_OBJECT_ADD_CONSTANT_KEY)) {
            json_object_put(v);
            cim_json_fail_(j, "out of memory");
        }
        cim_json_pop_(j, mark);
    }
    if (j->failed) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

char *cim_to_json(const cim_class *c, const void *instance, unsigned flags, cim_error *err)
{
    cim_json_ j;
    memset(&j, 0, sizeof j);
    j.err = err;
    if (err)
        memset(err, 0, sizeof *err);
    json_object *o = cim_json_write_instance_(&j, c, instance);
    if (!o)
        return NULL;
    const char *text = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_NOSLASHESCAPE |
               ((flags & CIM_JSON_PRETTY) ? JSON_C_TO_STRING_PRETTY : JSON_C_TO_STRING_PLAIN));
    char *copy = NULL;
    if (text) {
        size_t n = strlen(text) + 1;
        copy = (char *)malloc(n);
        if (copy)
            memcpy(copy, text, n);
    }
    json_object_put(o);
    if (!copy)
        cim_json_fail_(&j, "out of memory");
    return copy;
}

/* ---- releasing ---- */

static void cim_json_free_element_(const cim_property *p, const char *at)
{
    void *ptr;
    memcpy(&ptr, at, sizeof ptr);
    if (ptr && cim_json_is_object_(p)) {
        const cim_object *o = (const cim_object *)ptr;
        if (o->descriptor_)
            cim_release(o->descriptor_, ptr);
    }
    free(ptr);
}

void cim_release(const cim_class *c, void *instance)
{
    /* What init gives (MOF defaults point at static data) is not ours. */
    void *defaults = calloc(1, c->size);
    if (!defaults)
        return;
    c->init(defaults);
    for (size_t i = 0; i < c->nproperties; i++) {
        const cim_property *p = c->properties[i];
        char *at = (char *)instance + p->offset;
        const char *def = (const char *)defaults + p->offset;
        if (p->flags & CIM_FLAG_ARRAY) {
            cim_json_array_ a, d;
            memcpy(&a, at, sizeof a);
            memcpy(&d, def, sizeof d);
            if (!a.items || a.items == d.items)
                continue;
            if (cim_json_pointer_like_(p)) {
                size_t size = cim_element_size_(p);
                for (size_t k = 0; k < a.count; k++)
                    cim_json_free_element_(p, a.items + k * size);
            }
            free((void *)a.items);
        } else if (cim_json_pointer_like_(p)) {
            const void *ptr, *d;
            memcpy(&ptr, at, sizeof ptr);
            memcpy(&d, def, sizeof d);
            if (ptr != d)
                cim_json_free_element_(p, at);
        }
    }
    free(defaults);
    c->init(instance);
}

/* ---- reading ---- */

static bool cim_json_read_instance_(cim_json_ *j, const cim_class *c, json_object *o,
                                    void *instance);

static const char *cim_json_kind_(json_object *v)
{
    switch (json_object_get_type(v)) {
    case json_type_null: return "null";
    case json_type_boolean: return "a boolean";
    case json_type_double: return "a number with a fraction or exponent";
    case json_type_int: return "an integer";
    case json_type_object: return "an object";
    case json_type_array: return "an array";
    default: return "a string";
    }
}

static bool cim_json_expected_(cim_json_ *j, const char *what, json_object *v)
{
    return cim_json_fail_(j, "expected %s, found %s", what, cim_json_kind_(v));
}

static char *cim_json_copy_(const char *s, size_t n)
{
    char *t = (char *)malloc(n + 1);
    if (t) {
        memcpy(t, s, n);
        t[n] = '\0';
    }
    return t;
}

/* A JSON string as a C string: UTF-8 without NUL; malloc'd. */
static char *cim_json_string_(cim_json_ *j, json_object *v)
{
    if (!json_object_is_type(v, json_type_string)) {
        cim_json_expected_(j, "a string", v);
        return NULL;
    }
    const char *s = json_object_get_string(v);
    size_t n = (size_t)json_object_get_string_len(v);
    if (strlen(s) != n) {
        cim_json_fail_(j, "a string holding NUL, which a C string cannot");
        return NULL;
    }
    if (!cim_json_utf8_ok_(s, n)) {
        cim_json_fail_(j, "a string that is not valid UTF-8");
        return NULL;
    }
    char *t = cim_json_copy_(s, n);
    if (!t)
        cim_json_fail_(j, "out of memory");
    return t;
}

static bool cim_json_read_integer_(cim_json_ *j, const cim_property *p, json_object *v, char *at)
{
    static const struct {
        uint64_t max;
        int64_t min;
    } range[] = {
        {0, 0},                                 /* CIM_VOID, CIM_BOOLEAN: unused */
        {0, 0},
        {UINT8_MAX, 0},
        {INT8_MAX, INT8_MIN},
        {UINT16_MAX, 0},
        {INT16_MAX, INT16_MIN},
        {UINT32_MAX, 0},
        {INT32_MAX, INT32_MIN},
        {UINT64_MAX, 0},
        {INT64_MAX, INT64_MIN},
    };
    if (!json_object_is_type(v, json_type_int))
        return cim_json_expected_(j, "an integer", v);
    /* json-c keeps non-negative values as uint64 and negative ones as
     * int64 (values beyond both were refused before parsing). */
    int64_t s = json_object_get_int64(v);
    uint64_t u = s < 0 ? (uint64_t)s : json_object_get_uint64(v);
    bool in_range = s < 0 ? s >= range[p->type].min : u <= range[p->type].max;
    if (!in_range) {
        if (s < 0)
            return cim_json_fail_(j, "%lld is out of the range of %s", (long long)s,
                                  cim_json_type_name_(p->type));
        return cim_json_fail_(j, "%llu is out of the range of %s", (unsigned long long)u,
                              cim_json_type_name_(p->type));
    }
    switch (p->type) {
    case CIM_UINT8: { uint8_t x = (uint8_t)u; memcpy(at, &x, 1); break; }
    case CIM_SINT8: { int8_t x = (int8_t)s; memcpy(at, &x, 1); break; }
    case CIM_UINT16: { uint16_t x = (uint16_t)u; memcpy(at, &x, 2); break; }
    case CIM_SINT16: { int16_t x = (int16_t)s; memcpy(at, &x, 2); break; }
    case CIM_UINT32: { uint32_t x = (uint32_t)u; memcpy(at, &x, 4); break; }
    case CIM_SINT32: { int32_t x = (int32_t)s; memcpy(at, &x, 4); break; }
    case CIM_UINT64: memcpy(at, &u, 8); break;
    default: memcpy(at, &s, 8); break;
    }
    return true;
}

/* One element into `at`; a pointer-like element may be null. */
static bool cim_json_read_element_(cim_json_ *j, const cim_property *p, json_object *v, char *at)
{
    if (!v && cim_json_pointer_like_(p)) {
        if (p->type == CIM_DATETIME && !cim_json_is_object_(p))
            memset(at, 0, sizeof(cim_datetime));
        else
            memset(at, 0, sizeof(void *));
        return true;
    }
    if (cim_json_is_object_(p)) {
        const cim_class *t = p->target;
        if (!json_object_is_type(v, json_type_object))
            return cim_json_expected_(j, "an object (an embedded instance)", v);
        if (!t)
            return cim_json_fail_(j, "an embedded object of %s, a class without C binding "
                                     "here: it cannot be read",
                                  p->ref_class ? p->ref_class : "any class");
        void *o = calloc(1, t->size);
        if (!o)
            return cim_json_fail_(j, "out of memory");
        t->init(o);
        if (!cim_json_read_instance_(j, t, v, o)) {
            cim_release(t, o);
            free(o);
            return false;
        }
        memcpy(at, &o, sizeof o);
        return true;
    }
    switch (p->type) {
    case CIM_BOOLEAN: {
        if (!json_object_is_type(v, json_type_boolean))
            return cim_json_expected_(j, "a boolean", v);
        bool b = json_object_get_boolean(v) != 0;
        memcpy(at, &b, sizeof b);
        return true;
    }
    case CIM_REAL32:
    case CIM_REAL64: {
        if (!json_object_is_type(v, json_type_double) && !json_object_is_type(v, json_type_int))
            return cim_json_expected_(j, "a number", v);
        double d = json_object_get_double(v);
        if (p->type == CIM_REAL64) {
            memcpy(at, &d, sizeof d);
            return true;
        }
        if (d > FLT_MAX || d < -FLT_MAX)
            return cim_json_fail_(j, "%g is out of the range of real32", d);
        float f = (float)d;
        memcpy(at, &f, sizeof f);
        return true;
    }
    case CIM_CHAR16: {
        if (!json_object_is_type(v, json_type_string))
            return cim_json_expected_(j, "a string of one character", v);
        const unsigned char *s = (const unsigned char *)json_object_get_string(v);
        size_t n = (size_t)json_object_get_string_len(v);
        unsigned long cp = 0;
        size_t k = n ? cim_json_utf8_(s, n, &cp) : 0;
        if (!k || k != n || cp > 0xFFFF)
            return cim_json_fail_(j, "expected one character of the Basic Multilingual Plane");
        uint16_t c = (uint16_t)cp;
        memcpy(at, &c, sizeof c);
        return true;
    }
    case CIM_STRING:
    case CIM_REFERENCE: {
        char *s = cim_json_string_(j, v);
        if (!s)
            return false;
        memcpy(at, &s, sizeof s);
        return true;
    }
    case CIM_DATETIME: {
        char *s = cim_json_string_(j, v);
        if (!s)
            return false;
        cim_datetime d;
        if (!cim_datetime_parse(s, &d)) {
            free(s);
            return cim_json_fail_(j, "not a CIM datetime (yyyymmddhhmmss.mmmmmmsutc or "
                                     "ddddddddhhmmss.mmmmmm:000)");
        }
        memcpy(at, &d, sizeof d);
        return true;
    }
    default:
        return cim_json_read_integer_(j, p, v, at);
    }
}

static bool cim_json_read_property_(cim_json_ *j, const cim_property *p, json_object *v,
                                    void *instance)
{
    char *at = (char *)instance + p->offset;
    if (!v) {       /* null */
        if (p->presence != CIM_NO_PRESENCE) {
            bool no = false;
            memcpy((char *)instance + p->presence, &no, sizeof no);
        } else if (p->flags & CIM_FLAG_ARRAY) {
            cim_json_array_ a = {NULL, 0};
            memcpy(at, &a, sizeof a);
        } else {
            return cim_json_read_element_(j, p, NULL, at);
        }
        return true;
    }
    if (!(p->flags & CIM_FLAG_ARRAY)) {
        if (!cim_json_read_element_(j, p, v, at))
            return false;
        if (p->presence != CIM_NO_PRESENCE) {
            bool yes = true;
            memcpy((char *)instance + p->presence, &yes, sizeof yes);
        }
        return true;
    }
    if (!json_object_is_type(v, json_type_array))
        return cim_json_expected_(j, "an array", v);
    size_t n = json_object_array_length(v), size = cim_element_size_(p);
    /* Stored at once, counted as elements arrive: a failure midway
     * leaves a valid array for cim_release(). */
    cim_json_array_ a;
    a.items = (const char *)calloc(n ? n : 1, size);
    a.count = 0;
    if (!a.items)
        return cim_json_fail_(j, "out of memory");
    memcpy(at, &a, sizeof a);
    for (size_t k = 0; k < n; k++) {
        size_t mark = cim_json_push_(j, NULL, k);
        json_object *e = json_object_array_get_idx(v, k);
        if (!e && !cim_json_pointer_like_(p))
            return cim_json_fail_(j, "null inside an array of %s", cim_json_type_name_(p->type));
        if (!cim_json_read_element_(j, p, e, (char *)a.items + k * size))
            return false;
        cim_json_pop_(j, mark);
        a.count = k + 1;
        memcpy(at, &a, sizeof a);
    }
    return true;
}

/* The index of the property named `name` (ASCII case ignored), or -1. */
static long cim_json_find_(const cim_class *c, const char *name)
{
    size_t lo = 0, hi = c->nproperties;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = cim_fold_cmp_(name, c->properties[c->by_name[mid]]->name);
        if (cmp == 0)
            return (long)c->by_name[mid];
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

static bool cim_json_read_instance_(cim_json_ *j, const cim_class *c, json_object *o,
                                    void *instance)
{
    if (!json_object_is_type(o, json_type_object))
        return cim_json_expected_(j, "an object", o);
    bool *seen = (bool *)calloc(c->nproperties + 1, sizeof *seen);
    if (!seen)
        return cim_json_fail_(j, "out of memory");
    struct json_object_iterator it = json_object_iter_begin(o), end = json_object_iter_end(o);
    for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
        const char *key = json_object_iter_peek_name(&it);
        json_object *v = json_object_iter_peek_value(&it);
        size_t mark = cim_json_push_(j, key, 0);
        if (strcmp(key, "@class") == 0) {
            if (!json_object_is_type(v, json_type_string))
                cim_json_expected_(j, "a class name", v);
            else if (cim_fold_cmp_(json_object_get_string(v), c->name) != 0)
                cim_json_fail_(j, "an instance of %s where one of %s belongs",
                               json_object_get_string(v), c->name);
        } else {
            long k = cim_json_find_(c, key);
            if (k < 0)
                cim_json_fail_(j, "%s has no property of this name", c->name);
            else if (seen[k])
                cim_json_fail_(j, "given twice (names ignore ASCII case)");
            else {
                seen[k] = true;
                cim_json_read_property_(j, c->properties[k], v, instance);
            }
        }
        if (j->failed)
            break;
        cim_json_pop_(j, mark);
    }
    free(seen);
    return !j->failed;
}

/* json-c saturates integers beyond 64 bits; such literals are refused
 * here, before parsing, with their offset. */
static bool cim_json_check_integers_(cim_json_ *j, const char *s)
{
    const char *p = s;
    while (*p) {
        if (*p == '"') {
            for (p++; *p && *p != '"'; p++)
                if (*p == '\\' && p[1])
                    p++;
            if (*p)
                p++;
            continue;
        }
        if (*p != '-' && !(*p >= '0' && *p <= '9')) {
            p++;
            continue;
        }
        const char *start = p;
        bool negative = *p == '-';
        if (negative)
            p++;
        while (*p == '0' && p[1] >= '0' && p[1] <= '9')
            p++;
        const char *digits = p;
        while (*p >= '0' && *p <= '9')
            p++;
        size_t n = (size_t)(p - digits);
        if (*p == '.' || *p == 'e' || *p == 'E') {
            while (*p && strchr("0123456789.eE+-", *p))
                p++;
            continue;
        }
        const char *limit = negative ? "9223372036854775808" : "18446744073709551615";
        size_t ln = strlen(limit);
        if (n > ln || (n == ln && memcmp(digits, limit, n) > 0))
            return cim_json_fail_(j, "the integer at byte %lu is outside the 64-bit range",
                                  (unsigned long)(start - s));
    }
    return true;
}

bool cim_from_json(const cim_class *c, void *instance, const char *json, cim_error *err)
{
    cim_json_ j;
    memset(&j, 0, sizeof j);
    j.err = err;
    if (err)
        memset(err, 0, sizeof *err);
    size_t len = strlen(json);
    if (len > 0x7FFFFFFF)
        return cim_json_fail_(&j, "a text of more than 2 GB");
    if (!cim_json_check_integers_(&j, json))
        return false;
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return cim_json_fail_(&j, "out of memory");
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *o = json_tokener_parse_ex(tok, json, (int)len);
    enum json_tokener_error e = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    if (e == json_tokener_continue) {
        json_object_put(o);
        return cim_json_fail_(&j, "the JSON text ends early");
    }
    if (e != json_tokener_success) {
        json_object_put(o);
        return cim_json_fail_(&j, "JSON syntax: %s, at byte %lu", json_tokener_error_desc(e),
                              (unsigned long)end);
    }
    for (size_t k = end; k < len; k++)
        if (!strchr(" \t\r\n", json[k])) {
            json_object_put(o);
            return cim_json_fail_(&j, "text after the JSON value, at byte %lu",
                                  (unsigned long)k);
        }
    void *tmp = calloc(1, c->size);
    if (!tmp) {
        json_object_put(o);
        return cim_json_fail_(&j, "out of memory");
    }
    c->init(tmp);
    bool ok = cim_json_read_instance_(&j, c, o, tmp);
    if (ok)
        memcpy(instance, tmp, c->size);
    else
        cim_release(c, tmp);
    free(tmp);
    json_object_put(o);
    return ok;
}
