/*
 * model.h - the resolved, read-only semantic model of a compilation.
 *
 * This is the only view back ends get: every name is resolved, every
 * inherited feature is flattened, every qualifier carries its effective
 * flavors and a typed value, and ValueMap/Values are parsed into entries.
 * Everything lives in the compilation's arena and stays valid until
 * mofc_destroy().  Nothing here is ever modified after mofc_compile().
 *
 * Sharing: a property, method or parameter object is owned by the class
 * whose source declares it (its `owner`).  A subclass that inherits a
 * feature without restating it points at the very same object, so
 * "is this propagated in class C?" is `feature->owner != C` (see
 * mofc_property_propagated()).
 */
#ifndef MOFC_MODEL_H
#define MOFC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* CIM types.  MOFC_TYPE_REFERENCE is `C REF r`; MOFC_TYPE_OBJECT is the WMI
 * embedded object typed by a class name or `object`. */
enum mofc_type {
    MOFC_TYPE_NONE = 0,
    MOFC_TYPE_BOOLEAN,
    MOFC_TYPE_UINT8,
    MOFC_TYPE_SINT8,
    MOFC_TYPE_UINT16,
    MOFC_TYPE_SINT16,
    MOFC_TYPE_UINT32,
    MOFC_TYPE_SINT32,
    MOFC_TYPE_UINT64,
    MOFC_TYPE_SINT64,
    MOFC_TYPE_REAL32,
    MOFC_TYPE_REAL64,
    MOFC_TYPE_CHAR16,
    MOFC_TYPE_STRING,
    MOFC_TYPE_DATETIME,
    MOFC_TYPE_REFERENCE,
    MOFC_TYPE_OBJECT,
};

/* Lower-case MOF spelling of a type ("uint32", "ref", "object"). */
const char *mofc_type_name(enum mofc_type t);
bool mofc_type_is_integer(enum mofc_type t);
bool mofc_type_is_signed(enum mofc_type t);

/* A place in the input.  Line and column are worked out only when asked
 * (mofc_location_position), so a run that renders no position builds no
 * line tables.  Locations made outside a loaded source (templates) carry
 * their line and column directly. */
struct mofc_source;                       /* a loaded input file (opaque) */
struct mofc_location {
    const char *file;                     /* path as given; NULL: no location */
    const struct mofc_source *source;     /* text `offset` is in; NULL: fixed_* below */
    uint32_t offset;                      /* byte offset into the decoded UTF-8 text */
    uint32_t fixed_line, fixed_column;    /* only when source is NULL */
};

/* 1-based line and column (columns count characters, not bytes); 0 and 0
 * for no location.  Line 0 with a file is a place in a binary MOF: the
 * column is then a byte offset (in the file for the container and its
 * compressed data, in the decompressed data for the objects).  Safe to
 * call from several threads at once. */
struct mofc_position {
    uint32_t line;
    uint32_t column;
};
struct mofc_position mofc_location_position(const struct mofc_location *loc);

/* A UTF-8 string that may hold NUL (from "\x0"); always NUL-terminated. */
struct mofc_string {
    const char *text;
    size_t len;
};

/* Parsed datetime: a timestamp or an interval, fields -1 where the MOF
 * text has asterisks.  `text` keeps the 25 characters as written. */
struct mofc_datetime {
    const char *text;
    bool is_interval;
    int32_t year, month, day;      /* interval: day counts days */
    int32_t hour, minute, second;
    int32_t microsecond;
    int32_t utc_offset;            /* minutes; timestamps only, INT32_MIN if *** */
};

struct mofc_class;
struct mofc_instance;

/* A typed value.  For arrays, `elements` holds `count` scalar values. */
struct mofc_value {
    enum mofc_type type;
    bool is_array;
    bool is_null;
    size_t count;
    const struct mofc_value *elements;
    union {
        bool boolean;
        uint64_t u;             /* uint8 .. uint64 */
        int64_t s;              /* sint8 .. sint64 */
        double real;            /* real32 (rounded to float), real64 */
        uint16_t char16;
        struct mofc_string string;
        const struct mofc_datetime *datetime;  /* its `text` is the literal */
        /* REFERENCE: object path text; `instance` set when it came from
         * an alias. OBJECT: the embedded instance. */
        struct {
            struct mofc_string path;
            const struct mofc_instance *instance;
        } ref;
        const struct mofc_instance *object;
    } v;
};

/* Scope bits of a qualifier declaration. */
enum mofc_scope {
    MOFC_SCOPE_CLASS = 1u << 0,
    MOFC_SCOPE_ASSOCIATION = 1u << 1,
    MOFC_SCOPE_INDICATION = 1u << 2,
    MOFC_SCOPE_PROPERTY = 1u << 3,
    MOFC_SCOPE_REFERENCE = 1u << 4,
    MOFC_SCOPE_METHOD = 1u << 5,
    MOFC_SCOPE_PARAMETER = 1u << 6,
    MOFC_SCOPE_ANY = 0x7f,
};

/* The seven scopes in DSP0004 order, with their MOF keyword and CIM-XML
 * SCOPE attribute, for every printer and reader. */
struct mofc_scope_name {
    unsigned bit;
    const char *mof;
    const char *xml;
};
extern const struct mofc_scope_name mofc_scope_names[7];

/* Flavor bits.  A declaration or use names some; the effective set is
 * always normalised so exactly one of ENABLEOVERRIDE/DISABLEOVERRIDE and
 * one of TOSUBCLASS/RESTRICTED is set. */
enum mofc_flavor {
    MOFC_FLAVOR_ENABLEOVERRIDE = 1u << 0,
    MOFC_FLAVOR_DISABLEOVERRIDE = 1u << 1,
    MOFC_FLAVOR_TOSUBCLASS = 1u << 2,
    MOFC_FLAVOR_RESTRICTED = 1u << 3,
    MOFC_FLAVOR_TRANSLATABLE = 1u << 4,
    MOFC_FLAVOR_TOINSTANCE = 1u << 5,
    MOFC_FLAVOR_AMENDED = 1u << 6,        /* WMI */
    MOFC_FLAVOR_NOTTOINSTANCE = 1u << 7,  /* WMI */
};

/* Where a declaration came from. */
enum mofc_origin {
    MOFC_ORIGIN_USER = 0,     /* the files on the command line and their includes */
    MOFC_ORIGIN_BUILTIN,      /* the qualifier declarations mofc ships */
    MOFC_ORIGIN_PACK,         /* a base-schema pack (--with) */
};

struct mofc_qualifier_decl {
    const char *name;
    enum mofc_type type;
    bool is_array;
    uint32_t array_size;                /* 0: variable */
    struct mofc_value default_value;    /* is_null when none */
    unsigned scopes;                    /* enum mofc_scope bits */
    unsigned flavors;                   /* effective, normalised */
    enum mofc_origin origin;
    struct mofc_location loc;
};

/* A qualifier as it applies to an element. */
struct mofc_qualifier {
    const char *name;                   /* spelling of the declaration */
    const struct mofc_qualifier_decl *decl;
    struct mofc_value value;
    unsigned flavors;                   /* effective, normalised */
    bool propagated;                    /* copied from the overridden element */
    /* The locale of the amendment that gave this value (see
     * mofc_options.locale), as the amendment's namespace names it
     * ("ms_40c"); NULL for a value of the language-neutral MOF. */
    const char *locale;
    /* With a locale: the language-neutral qualifier this one replaced,
     * NULL if the neutral MOF had none.  Names that must not depend on
     * the locale (C identifiers from Values) come from it. */
    const struct mofc_qualifier *neutral;
};

struct mofc_qualifier_list {
    size_t count;
    const struct mofc_qualifier *items; /* source order, propagated ones after */
};

/* ValueMap/Values (or BitMap/BitValues) pairs, parsed. */
enum mofc_valuemap_kind {
    MOFC_VM_VALUE,        /* "N"      */
    MOFC_VM_RANGE,        /* "A..B"   */
    MOFC_VM_RANGE_LOW,    /* "..B": bounds resolved from the previous entry */
    MOFC_VM_RANGE_HIGH,   /* "A..": bounds resolved from the next entry */
    MOFC_VM_UNCLAIMED,    /* "..": every value no other entry claims; when a map has
                           * several, each claims the gap between its neighbours */
    MOFC_VM_STRING,       /* entry of a string-typed map */
};

struct mofc_valuemap_entry {
    enum mofc_valuemap_kind kind;
    const char *raw;          /* ValueMap text as written ("0x8000.."); NULL if no ValueMap */
    const char *name;         /* the paired Values text, NULL if missing */
    /* Integer maps: the inclusive range this entry claims.  For a signed
     * element type read them as int64_t (lo_s/hi_s). */
    union { uint64_t u; int64_t s; } lo, hi;
};

struct mofc_valuemap {
    const struct mofc_qualifier *valuemap;  /* NULL: Values alone (index map) */
    const struct mofc_qualifier *values;    /* NULL: ValueMap alone */
    enum mofc_type type;                    /* element type the map is for */
    bool is_string;
    size_t count;
    const struct mofc_valuemap_entry *entries;  /* ValueMap order */
};

enum mofc_property_flags {
    MOFC_PROP_KEY = 1u << 0,
    MOFC_PROP_READ = 1u << 1,
    MOFC_PROP_WRITE = 1u << 2,
    MOFC_PROP_REQUIRED = 1u << 3,
    MOFC_PROP_STATIC = 1u << 4,
    MOFC_PROP_DEPRECATED = 1u << 5,
    MOFC_PROP_EXPERIMENTAL = 1u << 6,
    MOFC_PROP_EMBEDDED_OBJECT = 1u << 7,    /* EmbeddedObject qualifier */
    MOFC_PROP_EMBEDDED_INSTANCE = 1u << 8,  /* EmbeddedInstance qualifier */
    MOFC_PROP_IN = 1u << 9,                 /* parameters */
    MOFC_PROP_OUT = 1u << 10,               /* parameters */
};

/* Element type shared by properties, references, method returns and
 * parameters. */
struct mofc_typeinfo {
    enum mofc_type type;
    bool is_array;
    uint32_t array_size;                    /* fixed size [n]; 0 = variable */
    const struct mofc_class *ref_class;     /* REFERENCE target; NULL for `object ref` */
    const struct mofc_class *embedded_class;/* EmbeddedInstance / WMI class-typed */
    const char *embedded_name;              /* the name as written, even if unresolved */
};

struct mofc_property {
    const char *name;
    const struct mofc_class *owner;         /* class whose source declares this definition */
    const struct mofc_class *origin;        /* class that introduced the property (CLASSORIGIN) */
    const struct mofc_property *overridden; /* the inherited definition this one overrides */
    struct mofc_typeinfo t;
    struct mofc_qualifier_list qualifiers;  /* effective, incl. propagated from `overridden` */
    struct mofc_value default_value;        /* is_null when none (inherited if not restated) */
    bool default_declared;                  /* the owner's source writes the initializer;
                                               false when default_value is inherited */
    unsigned flags;                         /* enum mofc_property_flags, effective */
    uint32_t max_len, min_len;              /* 0 max_len: none */
    bool has_max_value, has_min_value;
    int64_t max_value, min_value;
    const struct mofc_valuemap *valuemap;   /* ValueMap/Values, NULL if none */
    const struct mofc_valuemap *bitmap;     /* BitMap/BitValues, NULL if none */
    const struct mofc_class *valuemap_owner;/* class whose qualifiers define the map */
    struct mofc_location loc;
};

struct mofc_parameter {
    const char *name;
    struct mofc_typeinfo t;
    struct mofc_qualifier_list qualifiers;
    struct mofc_value default_value;        /* WMI/v3 only */
    unsigned flags;                         /* IN/OUT/REQUIRED/EMBEDDED_* */
    uint32_t max_len, min_len;
    const struct mofc_valuemap *valuemap;
    const struct mofc_valuemap *bitmap;
    struct mofc_location loc;
};

struct mofc_method {
    const char *name;
    const struct mofc_class *owner;
    const struct mofc_class *origin;
    const struct mofc_method *overridden;
    struct mofc_typeinfo ret;               /* return type; MOFC_TYPE_NONE for void */
    struct mofc_qualifier_list qualifiers;
    size_t nparams;
    const struct mofc_parameter *params;
    unsigned flags;                         /* STATIC/DEPRECATED/EXPERIMENTAL */
    const struct mofc_valuemap *valuemap;   /* of the return value */
    const struct mofc_valuemap *bitmap;
    struct mofc_location loc;
};

enum mofc_class_flags {
    MOFC_CLASS_ASSOCIATION = 1u << 0,
    MOFC_CLASS_INDICATION = 1u << 1,
    MOFC_CLASS_ABSTRACT = 1u << 2,
    MOFC_CLASS_TERMINAL = 1u << 3,
    MOFC_CLASS_AGGREGATION = 1u << 4,
    MOFC_CLASS_EXCEPTION = 1u << 5,
    MOFC_CLASS_DEPRECATED = 1u << 6,
    MOFC_CLASS_EXPERIMENTAL = 1u << 7,
    MOFC_CLASS_SINGLETON = 1u << 8,
    MOFC_CLASS_STRUCTURE = 1u << 9,
};

struct mofc_class {
    const char *name;
    const char *namespace_name;             /* from #pragma namespace, or the default */
    const char *locale;                     /* from #pragma locale, NULL if none */
    const struct mofc_class *superclass;
    unsigned depth;                         /* 0 for a root class */
    unsigned flags;                         /* enum mofc_class_flags */
    enum mofc_origin origin;
    struct mofc_qualifier_list qualifiers;  /* effective: local + propagated */

    /* Flattened features: inherited first in superclass order (an override
     * keeps the inherited slot), then new local ones in source order. */
    size_t nproperties;
    const struct mofc_property *const *properties;
    size_t nmethods;
    const struct mofc_method *const *methods;
    size_t nkeys;                           /* key properties, in property order */
    const struct mofc_property *const *keys;

    size_t nsubclasses;                     /* direct subclasses, by name */
    const struct mofc_class *const *subclasses;
    struct mofc_location loc;
    uint32_t index;                         /* position in mofc_model.classes */
};

/* One property value of an instance. */
struct mofc_property_value {
    const struct mofc_property *property;   /* in the instance's class */
    struct mofc_qualifier_list qualifiers;  /* written on the value, if any */
    struct mofc_value value;
    struct mofc_location loc;
};

struct mofc_instance {
    const struct mofc_class *cls;
    const char *alias;                      /* without '$', NULL if none */
    const char *namespace_name;
    struct mofc_qualifier_list qualifiers;
    size_t nvalues;                         /* source order */
    const struct mofc_property_value *values;
    const char *path;                       /* Class.key="v",... (keys sorted by name) */
    bool embedded;                          /* a value inside another instance */
    struct mofc_location loc;
};

/* WMI repository actions recorded from pragmas (classflags, deleteclass...). */
struct mofc_pragma {
    const char *name;                       /* lower-case pragma name */
    size_t nargs;
    const char *const *args;
    const char *namespace_name;
    struct mofc_location loc;
};

struct mofc_model {
    size_t nqualifier_decls;                /* sorted by folded name */
    const struct mofc_qualifier_decl *const *qualifier_decls;
    size_t nclasses;                        /* topological order, ties by name */
    const struct mofc_class *const *classes;
    size_t ninstances;                      /* top-level instances, source order */
    const struct mofc_instance *const *instances;
    size_t npragmas;
    const struct mofc_pragma *const *pragmas;
    size_t nfiles;                          /* every file read, in reading order */
    const char *const *files;
};

/* Case-insensitive lookups (binary search on folded names). */
const struct mofc_class *mofc_model_find_class(const struct mofc_model *m, const char *name);
const struct mofc_qualifier_decl *mofc_model_find_qualifier_decl(const struct mofc_model *m,
                                                                 const char *name);
const struct mofc_property *mofc_class_find_property(const struct mofc_class *c,
                                                     const char *name);
const struct mofc_method *mofc_class_find_method(const struct mofc_class *c, const char *name);
const struct mofc_qualifier *mofc_qualifiers_find(const struct mofc_qualifier_list *l,
                                                  const char *name);

/* True if `p` reaches class `c` by inheritance without being restated. */
static inline bool mofc_property_propagated(const struct mofc_property *p,
                                            const struct mofc_class *c)
{
    return p->owner != c;
}
static inline bool mofc_method_propagated(const struct mofc_method *m,
                                          const struct mofc_class *c)
{
    return m->owner != c;
}
/* A qualifier of feature f seen from class c is propagated if f itself is,
 * or if it came down from the overridden definition. */
static inline bool mofc_qualifier_propagated_in(const struct mofc_qualifier *q,
                                                const struct mofc_class *owner,
                                                const struct mofc_class *c)
{
    return q->propagated || owner != c;
}

/* True if `c` is `base` or derives from it. */
bool mofc_class_is_a(const struct mofc_class *c, const struct mofc_class *base);

/* Value map lookups: the entry whose range holds the value, or NULL. */
const struct mofc_valuemap_entry *mofc_valuemap_lookup_int(const struct mofc_valuemap *vm,
                                                           uint64_t value);
const struct mofc_valuemap_entry *mofc_valuemap_lookup_string(const struct mofc_valuemap *vm,
                                                              const char *value);

/* ASCII case folding used for every CIM name comparison. */
int mofc_name_cmp(const char *a, const char *b);

#ifdef __cplusplus
}
#endif
#endif /* MOFC_MODEL_H */
