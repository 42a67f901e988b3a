{{{banner}}}
/*
 * The types every generated class shares, and the generic operations on
 * them.  Header only: nothing to link, nothing of mofc needed at run time.
 * Several generated sets may be used in one program; this header is the
 * same for all of them.
 *
 * NULL values: a string, datetime, reference, embedded object or array is
 * NULL when its pointer is NULL (an empty array has non-NULL `items` and
 * `count` 0); any other property has a `has_<Name>` flag beside it.
 */
#ifndef CIM_RUNTIME_H
#define CIM_RUNTIME_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifndef __cplusplus
#include <stdbool.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* CIM types, as declared in the MOF. */
typedef enum cim_type {
    CIM_VOID = 0,           /* a method without a return value */
    CIM_BOOLEAN,
    CIM_UINT8,
    CIM_SINT8,
    CIM_UINT16,
    CIM_SINT16,
    CIM_UINT32,
    CIM_SINT32,
    CIM_UINT64,
    CIM_SINT64,
    CIM_REAL32,
    CIM_REAL64,
    CIM_CHAR16,
    CIM_STRING,
    CIM_DATETIME,
    CIM_REFERENCE,
    CIM_OBJECT
} cim_type;

/* A datetime value, parsed.  Timestamps: year..microsecond and the UTC
 * offset in minutes; intervals: `day` counts days and year and month are
 * 0.  A field is -1 where the text has asterisks.  `text` keeps the 25
 * characters; it is NULL when the value is NULL. */
typedef struct cim_datetime {
    const char *text;
    bool is_interval;
    int32_t year, month, day;
    int32_t hour, minute, second;
    int32_t microsecond;
    int32_t utc_offset;
} cim_datetime;

/* A reference: the object path of the instance referred to, e.g.
 * `Win32_LogonSession.LogonId="999"`. */
typedef struct cim_ref {
    const char *path;
} cim_ref;

struct cim_class;

/* Every generated struct starts with its class descriptor, so any of them
 * can be handled as a cim_object (embedded objects, generic code). */
typedef struct cim_object {
    const struct cim_class *descriptor_;
} cim_object;

/* Arrays: the elements and their number. */
#define CIM_ARRAY_(name, element) \
    typedef struct name {         \
        element *items;           \
        size_t count;             \
    } name
CIM_ARRAY_(cim_boolean_array, const bool);
CIM_ARRAY_(cim_uint8_array, const uint8_t);
CIM_ARRAY_(cim_sint8_array, const int8_t);
CIM_ARRAY_(cim_uint16_array, const uint16_t);
CIM_ARRAY_(cim_sint16_array, const int16_t);
CIM_ARRAY_(cim_uint32_array, const uint32_t);
CIM_ARRAY_(cim_sint32_array, const int32_t);
CIM_ARRAY_(cim_uint64_array, const uint64_t);
CIM_ARRAY_(cim_sint64_array, const int64_t);
CIM_ARRAY_(cim_real32_array, const float);
CIM_ARRAY_(cim_real64_array, const double);
CIM_ARRAY_(cim_char16_array, const uint16_t);
CIM_ARRAY_(cim_string_array, const char *const);
CIM_ARRAY_(cim_datetime_array, const cim_datetime);
CIM_ARRAY_(cim_ref_array, const cim_ref);
CIM_ARRAY_(cim_object_array, const cim_object *const);
#undef CIM_ARRAY_

/* One scalar of a qualifier value: integers in `u` (unsigned types,
 * boolean, char16) or `i` (signed types), reals in `r`, text in `s`
 * (strings, datetimes, references). */
typedef struct cim_scalar {
    uint64_t u;
    int64_t i;
    double r;
    const char *s;
} cim_scalar;

/* A qualifier with its effective value; a NULL value has count 0 and
 * values NULL. */
typedef struct cim_qualifier {
    const char *name;
    cim_type type;
    bool is_array;
    size_t count;
    const cim_scalar *values;
} cim_qualifier;

/* One ValueMap/Values (or BitMap/BitValues) pair.  Integer maps: the
 * inclusive range lo..hi it claims (a single value has lo == hi; signed
 * types store the two's complement bits).  String maps: `wire` is the
 * ValueMap string and lo == hi is the entry's index. */
typedef struct cim_enum_entry {
    const char *name;       /* the Values text; the ValueMap text if none */
    const char *wire;       /* the ValueMap text as written */
    uint64_t lo, hi;
} cim_enum_entry;

typedef enum cim_enum_kind {
    CIM_ENUM_INTEGER,       /* ValueMap of an integer property */
    CIM_ENUM_STRING,        /* ValueMap of a string property */
    CIM_ENUM_BITS           /* BitMap: lo is the bit number */
} cim_enum_kind;

typedef struct cim_enum {
    const char *name;               /* "Class.Property" */
    cim_type type;                  /* element type of the property */
    cim_enum_kind kind;
    size_t count;
    const cim_enum_entry *entries;  /* ValueMap order */
    size_t nby_value;
    const uint32_t *by_value;       /* entry indexes by lo (integers) or wire (strings);
                                     * `rest` is not among them */
    const uint32_t *by_name;        /* all entry indexes by ASCII-folded name */
    const cim_enum_entry *rest;     /* a lone "..": every value no other entry claims */
} cim_enum;

/* Property, parameter and method flags. */
enum {
    CIM_FLAG_KEY = 1u << 0,
    CIM_FLAG_READ = 1u << 1,
    CIM_FLAG_WRITE = 1u << 2,
    CIM_FLAG_REQUIRED = 1u << 3,
    CIM_FLAG_STATIC = 1u << 4,
    CIM_FLAG_DEPRECATED = 1u << 5,
    CIM_FLAG_EXPERIMENTAL = 1u << 6,
    CIM_FLAG_EMBEDDED_OBJECT = 1u << 7,
    CIM_FLAG_EMBEDDED_INSTANCE = 1u << 8,
    CIM_FLAG_IN = 1u << 9,
    CIM_FLAG_OUT = 1u << 10,
    CIM_FLAG_ARRAY = 1u << 11
};

/* Class flags. */
enum {
    CIM_CLASS_ASSOCIATION = 1u << 0,
    CIM_CLASS_INDICATION = 1u << 1,
    CIM_CLASS_ABSTRACT = 1u << 2,
    CIM_CLASS_TERMINAL = 1u << 3,
    CIM_CLASS_AGGREGATION = 1u << 4,
    CIM_CLASS_EXCEPTION = 1u << 5,
    CIM_CLASS_DEPRECATED = 1u << 6,
    CIM_CLASS_EXPERIMENTAL = 1u << 7,
    CIM_CLASS_PARAMETERS = 1u << 8   /* a method's _In or _Out struct */
};

#define CIM_NO_PRESENCE ((size_t)-1)

typedef struct cim_property {
    const char *name;
    cim_type type;                  /* as declared: an embedded instance is a CIM_STRING
                                     * with CIM_FLAG_EMBEDDED_INSTANCE */
    unsigned flags;                 /* CIM_FLAG_* */
    size_t offset;                  /* of the member in every struct that has it */
    size_t presence;                /* of its has_ flag, or CIM_NO_PRESENCE */
    const char *class_origin;       /* the class that declares it */
    const char *ref_class;          /* REF target or embedded class name, or NULL */
    uint32_t array_size;            /* fixed array size; 0: variable */
    uint32_t max_len, min_len;      /* MaxLen (0: none), MinLen, in characters */
    bool has_max_value, has_min_value;
    int64_t max_value, min_value;
    const char *units;              /* PUnit or Units, or NULL */
    const cim_enum *values;         /* ValueMap/Values, or NULL */
    const cim_enum *bits;           /* BitMap/BitValues, or NULL */
    size_t nqualifiers;
    const cim_qualifier *qualifiers;
    const struct cim_class *target; /* the generated class of an embedded instance or a
                                     * REF target, or NULL */
} cim_property;

typedef struct cim_parameter {
    const char *name;
    cim_type type;
    unsigned flags;                 /* CIM_FLAG_IN, _OUT, _ARRAY, ... */
    const char *ref_class;
    uint32_t array_size;
    const cim_enum *values;
    const cim_enum *bits;
    size_t nqualifiers;
    const cim_qualifier *qualifiers;
} cim_parameter;

typedef struct cim_method {
    const char *name;
    cim_type return_type;           /* CIM_VOID: none */
    unsigned flags;
    const char *class_origin;
    const cim_enum *values;         /* of the return value */
    size_t nparameters;
    const cim_parameter *parameters;
    size_t nqualifiers;
    const cim_qualifier *qualifiers;
    const struct cim_class *in;     /* <Class>_<Method>_In: the IN parameters */
    const struct cim_class *out;    /* <Class>_<Method>_Out: the OUT ones, ReturnValue */
} cim_method;

typedef struct cim_class {
    const char *name;
    const struct cim_class *superclass;
    const char *namespace_name;
    unsigned flags;                 /* CIM_CLASS_* */
    size_t size;                    /* sizeof the generated struct */
    void (*init)(void *instance);   /* sets the descriptor and the MOF defaults */
    size_t nproperties;             /* inherited ones first, root-first */
    const cim_property *const *properties;
    const uint32_t *by_name;        /* property indexes by ASCII-folded name */
    size_t nmethods;
    const cim_method *const *methods;
    size_t nqualifiers;
    const cim_qualifier *qualifiers;
} cim_class;

/* Why an instance is not valid: the property, the element (arrays) and the
 * rule it breaks. */
typedef enum cim_rule {
    CIM_RULE_NONE = 0,
    CIM_RULE_NULL_KEY,      /* Key property is NULL */
    CIM_RULE_REQUIRED,      /* Required property is NULL */
    CIM_RULE_MAX_LEN,       /* longer than MaxLen */
    CIM_RULE_MIN_LEN,       /* shorter than MinLen */
    CIM_RULE_MAX_VALUE,     /* above MaxValue */
    CIM_RULE_MIN_VALUE,     /* below MinValue */
    CIM_RULE_VALUE_MAP,     /* not a value of the ValueMap */
    CIM_RULE_ARRAY_SIZE     /* more elements than the fixed array size */
} cim_rule;

typedef struct cim_violation {
    const cim_property *property;
    size_t index;           /* array element, or (size_t)-1 */
    cim_rule rule;
    const char *reason;     /* e.g. "longer than MaxLen" */
} cim_violation;

/* Why a serializer failed: where (a property path such as `Roles[2]` or
 * `Settings.Name`; empty for the whole text) and what. */
typedef struct cim_error {
    char path[256];
    char message[192];
} cim_error;

/* ---- serializers (README "Serializers") ----
 * CIM-XML: cim_cimxml.c, nothing else needed.  JSON: cim_json.c and
 * json-c (-ljson-c).  Only a program that calls them needs them.  Texts
 * are malloc'd and NUL-terminated (free() them); NULL on failure, with
 * *err (may be NULL) filled. */

/* The INSTANCE element (DSP0201) of `instance`, a struct of class `c`. */
char *cim_to_cimxml(const cim_class *c, const void *instance, cim_error *err);

enum {
    CIM_JSON_PRETTY = 1u << 0       /* indented, one property a line */
};

/* One JSON object: "@class" and then every property, NULL as null. */
char *cim_to_json(const cim_class *c, const void *instance, unsigned flags, cim_error *err);

/* Fills `instance` (a struct of class `c`) from a JSON object as
 * cim_to_json writes it: absent properties keep their MOF default, null
 * is NULL.  Strings and arrays are malloc'd: cim_release() frees them.
 * On failure `instance` is left alone and nothing is leaked. */
bool cim_from_json(const cim_class *c, void *instance, const char *json, cim_error *err);

/* Frees what cim_from_json() allocated in `instance` and sets it to
 * `c->init` again. */
void cim_release(const cim_class *c, void *instance);

/* ---- generic operations ---- */

static inline int cim_fold_cmp_(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || !ca)
            return ca - cb;
    }
}

static inline bool cim_enum_less_(const cim_enum *e, uint64_t a, uint64_t b)
{
    switch (e->type) {
    case CIM_SINT8:
    case CIM_SINT16:
    case CIM_SINT32:
    case CIM_SINT64:
        return (int64_t)a < (int64_t)b;
    default:
        return a < b;
    }
}

/* The entry whose range holds `value` (integer and bit maps), or NULL. */
static inline const cim_enum_entry *cim_enum_find_value(const cim_enum *e, uint64_t value)
{
    size_t lo = 0, hi = e->nby_value;
    while (lo < hi) {       /* first entry whose lo is above value */
        size_t mid = lo + (hi - lo) / 2;
        if (cim_enum_less_(e, value, e->entries[e->by_value[mid]].lo))
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo > 0) {
        const cim_enum_entry *x = &e->entries[e->by_value[lo - 1]];
        if (!cim_enum_less_(e, x->hi, value))
            return x;
    }
    return e->rest;
}

/* The entry of a string map whose ValueMap string is `wire`, or NULL. */
static inline const cim_enum_entry *cim_enum_find_wire(const cim_enum *e, const char *wire)
{
    size_t lo = 0, hi = e->nby_value;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cim_enum_entry *x = &e->entries[e->by_value[mid]];
        int c = strcmp(wire, x->wire);
        if (c == 0)
            return x;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* The first entry (in ValueMap order) named `name`, ignoring ASCII case,
 * or NULL. */
static inline const cim_enum_entry *cim_enum_find_name(const cim_enum *e, const char *name)
{
    size_t lo = 0, hi = e->count;
    while (lo < hi) {       /* first entry not below name */
        size_t mid = lo + (hi - lo) / 2;
        if (cim_fold_cmp_(e->entries[e->by_name[mid]].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < e->count && cim_fold_cmp_(e->entries[e->by_name[lo]].name, name) == 0)
        return &e->entries[e->by_name[lo]];
    return NULL;
}

/* Names of the bits of `flags` that a bit map knows, lowest bit first:
 * up to `max` into names[]; returns how many bits are named in all. */
static inline size_t cim_enum_decode_bits(const cim_enum *e, uint64_t flags, const char **names,
                                          size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < e->nby_value; k++) {
        const cim_enum_entry *x = &e->entries[e->by_value[k]];
        for (uint64_t bit = x->lo; bit <= x->hi && bit < 64; bit++)
            if (flags & ((uint64_t)1 << bit)) {
                if (n < max)
                    names[n] = x->name;
                n++;
                break;
            }
    }
    return n;
}

/* The property named `name` (ASCII case ignored), or NULL. */
static inline const cim_property *cim_class_find_property(const cim_class *c, const char *name)
{
    size_t lo = 0, hi = c->nproperties;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cim_property *p = c->properties[c->by_name[mid]];
        int cmp = cim_fold_cmp_(name, p->name);
        if (cmp == 0)
            return p;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* True if property `p` of `instance` (a generated struct) is NULL. */
static inline bool cim_property_is_null(const cim_property *p, const void *instance)
{
    const char *base = (const char *)instance;
    if (p->presence != CIM_NO_PRESENCE) {
        bool has;
        memcpy(&has, base + p->presence, sizeof has);
        return !has;
    }
    const void *ptr;    /* strings, datetimes, references, objects, arrays: a pointer first */
    memcpy(&ptr, base + p->offset, sizeof ptr);
    return ptr == NULL;
}

static inline int cim_digits_(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] == '*')
            return -1;
        if (s[i] < '0' || s[i] > '9')
            return -2;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Parses the 25-character CIM datetime `text` into *dt (keeping the
 * pointer).  Returns false, leaving *dt alone, if the text is not one. */
static inline bool cim_datetime_parse(const char *text, cim_datetime *dt)
{
    cim_datetime d;
    if (!text || strlen(text) != 25 || text[14] != '.')
        return false;
    memset(&d, 0, sizeof d);
    d.text = text;
    d.is_interval = text[21] == ':';
    if (!d.is_interval && text[21] != '+' && text[21] != '-')
        return false;
    int f[7];
    static const int at[7] = {0, 4, 6, 8, 10, 12, 15}, len[7] = {4, 2, 2, 2, 2, 2, 6};
    for (int i = 0; i < 7; i++)
        if ((f[i] = cim_digits_(text + at[i], len[i])) == -2)
            return false;
    int utc = cim_digits_(text + 22, 3);
    if (utc == -2)
        return false;
    if (d.is_interval) {
        int days = cim_digits_(text, 8);
        if (days == -2 || utc != 0)
            return false;
        d.day = days;
    } else {
        d.year = f[0];
        d.month = f[1];
        d.day = f[2];
        d.utc_offset = utc < 0 ? 0 : (text[21] == '-' ? -utc : utc);
    }
    d.hour = f[3];
    d.minute = f[4];
    d.second = f[5];
    d.microsecond = f[6];
    *dt = d;
    return true;
}

/* Characters (not bytes) of a UTF-8 string. */
static inline size_t cim_utf8_length_(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static inline size_t cim_element_size_(const cim_property *p)
{
    if (p->flags & (CIM_FLAG_EMBEDDED_OBJECT | CIM_FLAG_EMBEDDED_INSTANCE))
        return sizeof(const void *);
    switch (p->type) {
    case CIM_BOOLEAN: return sizeof(bool);
    case CIM_UINT8: case CIM_SINT8: return 1;
    case CIM_UINT16: case CIM_SINT16: case CIM_CHAR16: return 2;
    case CIM_UINT32: case CIM_SINT32: return 4;
    case CIM_UINT64: case CIM_SINT64: return 8;
    case CIM_REAL32: return sizeof(float);
    case CIM_REAL64: return sizeof(double);
    case CIM_DATETIME: return sizeof(cim_datetime);
    case CIM_REFERENCE: return sizeof(cim_ref);
    default: return sizeof(const void *);
    }
}

/* An integer element as a two's-complement uint64_t. */
static inline uint64_t cim_load_integer_(cim_type t, const void *at)
{
    switch (t) {
    case CIM_UINT8: { uint8_t v; memcpy(&v, at, 1); return v; }
    case CIM_SINT8: { int8_t v; memcpy(&v, at, 1); return (uint64_t)(int64_t)v; }
    case CIM_UINT16: { uint16_t v; memcpy(&v, at, 2); return v; }
    case CIM_SINT16: { int16_t v; memcpy(&v, at, 2); return (uint64_t)(int64_t)v; }
    case CIM_UINT32: { uint32_t v; memcpy(&v, at, 4); return v; }
    case CIM_SINT32: { int32_t v; memcpy(&v, at, 4); return (uint64_t)(int64_t)v; }
    case CIM_UINT64: { uint64_t v; memcpy(&v, at, 8); return v; }
    case CIM_SINT64: { int64_t v; memcpy(&v, at, 8); return (uint64_t)v; }
    default: return 0;
    }
}

static inline bool cim_violated_(cim_violation *why, const cim_property *p, size_t index,
                                 cim_rule rule, const char *reason)
{
    if (why) {
        why->property = p;
        why->index = index;
        why->rule = rule;
        why->reason = reason;
    }
    return false;
}

static inline bool cim_validate_element_(const cim_property *p, const void *at, size_t index,
                                         cim_violation *why)
{
    if (p->flags & (CIM_FLAG_EMBEDDED_OBJECT | CIM_FLAG_EMBEDDED_INSTANCE))
        return true;
    if (p->type == CIM_STRING) {
        const char *s;
        memcpy(&s, at, sizeof s);
        if (!s)
            return true;
        size_t n = (p->max_len || p->min_len) ? cim_utf8_length_(s) : 0;
        if (p->max_len && n > p->max_len)
            return cim_violated_(why, p, index, CIM_RULE_MAX_LEN, "longer than MaxLen");
        if (p->min_len && n < p->min_len)
            return cim_violated_(why, p, index, CIM_RULE_MIN_LEN, "shorter than MinLen");
        if (p->values && p->values->kind == CIM_ENUM_STRING && !cim_enum_find_wire(p->values, s))
            return cim_violated_(why, p, index, CIM_RULE_VALUE_MAP, "not a value of its ValueMap");
        return true;
    }
    if (p->type < CIM_UINT8 || p->type > CIM_SINT64)
        return true;
    uint64_t v = cim_load_integer_(p->type, at);
    bool is_signed = p->type == CIM_SINT8 || p->type == CIM_SINT16 || p->type == CIM_SINT32 ||
                     p->type == CIM_SINT64;
    if (p->has_max_value && (is_signed ? (int64_t)v > p->max_value
                                       : (p->max_value < 0 || v > (uint64_t)p->max_value)))
        return cim_violated_(why, p, index, CIM_RULE_MAX_VALUE, "above MaxValue");
    if (p->has_min_value && (is_signed ? (int64_t)v < p->min_value
                                       : (p->min_value > 0 && v < (uint64_t)p->min_value)))
        return cim_violated_(why, p, index, CIM_RULE_MIN_VALUE, "below MinValue");
    if (p->values && p->values->kind == CIM_ENUM_INTEGER && !cim_enum_find_value(p->values, v))
        return cim_violated_(why, p, index, CIM_RULE_VALUE_MAP, "not a value of its ValueMap");
    return true;
}

/* Checks `instance` (a struct of class `c`) against the qualifiers of its
 * properties: Key and Required ones set, MaxLen/MinLen, MaxValue/MinValue,
 * ValueMap membership, fixed array sizes.  Returns true if it passes; else
 * false with the first problem, in property order, in *why (may be NULL). */
static inline bool cim_validate(const cim_class *c, const void *instance, cim_violation *why)
{
    const char *base = (const char *)instance;
    for (size_t i = 0; i < c->nproperties; i++) {
        const cim_property *p = c->properties[i];
        if (cim_property_is_null(p, instance)) {
            if (p->flags & CIM_FLAG_KEY)
                return cim_violated_(why, p, (size_t)-1, CIM_RULE_NULL_KEY, "key property is NULL");
            if (p->flags & CIM_FLAG_REQUIRED)
                return cim_violated_(why, p, (size_t)-1, CIM_RULE_REQUIRED,
                                     "required property is NULL");
            continue;
        }
        if (!(p->flags & CIM_FLAG_ARRAY)) {
            if (!cim_validate_element_(p, base + p->offset, (size_t)-1, why))
                return false;
            continue;
        }
        struct { const char *items; size_t count; } a;
        memcpy(&a, base + p->offset, sizeof a);
        if (p->array_size && a.count > p->array_size)
            return cim_violated_(why, p, (size_t)-1, CIM_RULE_ARRAY_SIZE,
                                 "more elements than its fixed size");
        size_t size = cim_element_size_(p);
        for (size_t k = 0; k < a.count; k++)
            if (!cim_validate_element_(p, a.items + k * size, k, why))
                return false;
    }
    return true;
}

#ifdef __cplusplus
}
#endif
#endif /* CIM_RUNTIME_H */
