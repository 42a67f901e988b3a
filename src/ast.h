/*
 * ast.h - the syntax tree the parser builds, one per input file set.
 *
 * The AST is what was written, nothing more: names are interned but not
 * resolved, values are literals, types name classes by name.  All nodes
 * live in the compilation arena.  Lists are singly linked through `next`
 * (the first member of every listable node) so the parser can append in
 * O(1) without knowing lengths; sema turns them into arrays for the model.
 */
#ifndef MOFC_AST_H
#define MOFC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "mofc/model.h"
#include "util/arena.h"
#include "util/intern.h"

/* A span in one source file: byte offsets into its UTF-8 text. */
struct loc {
    uint32_t file;   /* index into the context's file table */
    uint32_t off;
    uint32_t len;
};

/* Integer literal: magnitude and sign, so uint64 max and sint64 min fit. */
struct ast_int {
    uint64_t mag;
    bool neg;
    bool overflow;   /* the literal does not fit in 64 bits */
};

enum ast_value_kind {
    AV_NULL,
    AV_BOOL,
    AV_INT,
    AV_REAL,
    AV_STRING,
    AV_CHAR,
    AV_ALIAS,
    AV_ARRAY,
    AV_INSTANCE,     /* WMI: `instance of C {...}` as a value */
};

struct ast_instance;

struct ast_value {
    struct ast_value *next;        /* sibling in an array */
    enum ast_value_kind kind;
    struct loc loc;
    union {
        bool boolean;
        struct ast_int integer;
        double real;
        struct mofc_string string;
        uint32_t ch;               /* code point of a char16 literal */
        const struct name *alias;  /* without '$' */
        struct {
            struct ast_value *head;
            uint32_t count;
        } array;
        struct ast_instance *instance;
    } u;
};

struct ast_qualifier {
    struct ast_qualifier *next;
    const struct name *name;
    struct loc loc;                /* the name */
    struct ast_value *value;       /* NULL if written without a value */
    bool braces;                   /* value written as {...} */
    unsigned flavors;              /* written after ':' (enum mofc_flavor) */
    unsigned not_tosubclass;       /* WMI NotToSubclass written */
    struct loc flavor_loc;
    const char *locale;            /* merged from a locale amendment ("ms_40c"), or NULL */
    const struct ast_qualifier *neutral; /* merged: the neutral qualifier it replaced */
};

/* A type as written: an intrinsic type, `object`, `C REF`, or a class
 * name (WMI embedded object). */
struct ast_type {
    enum mofc_type type;           /* MOFC_TYPE_NONE: void */
    const struct name *class_name; /* REF target or embedded class; NULL for `object` */
    struct loc loc;
};

struct ast_array_spec {
    bool is_array;
    bool has_size;
    uint64_t size;
    struct loc loc;
};

struct ast_param {
    struct ast_param *next;
    struct ast_qualifier *quals;
    struct ast_type type;
    const struct name *name;
    struct loc loc;                /* the name */
    struct ast_array_spec array;
    struct ast_value *default_value;
};

enum ast_feature_kind { AF_PROPERTY, AF_METHOD, AF_ERROR /* a line the parser skipped */ };

struct ast_feature {
    struct ast_feature *next;
    enum ast_feature_kind kind;
    struct ast_qualifier *quals;
    struct ast_type type;          /* property type or method return type */
    bool return_array;             /* `string[] M()` */
    const struct name *name;
    struct loc loc;                /* the name */
    struct ast_array_spec array;   /* properties */
    struct ast_value *default_value;
    struct ast_param *params;      /* methods */
};

struct ast_class {
    struct ast_class *next;
    struct ast_qualifier *quals;
    const struct name *name;
    struct loc loc;                /* the name */
    struct loc decl_loc;           /* the `class` keyword */
    const struct name *super;      /* NULL: root class */
    struct loc super_loc;
    const struct name *alias;
    struct ast_feature *features;
    const struct name *ns;         /* namespace in force */
    const char *locale;            /* #pragma locale in force, NULL if none */
    enum mofc_origin origin;
    struct loc end_loc;            /* the closing brace */
};

struct ast_prop_value {
    struct ast_prop_value *next;
    struct ast_qualifier *quals;
    const struct name *name;
    struct loc loc;
    struct ast_value *value;
};

struct ast_instance {
    struct ast_instance *next;
    struct ast_qualifier *quals;
    const struct name *class_name;
    struct loc loc;                /* the class name */
    const struct name *alias;
    struct loc alias_loc;
    struct ast_prop_value *values;
    const struct name *ns;
    bool embedded;
    enum mofc_origin origin;
};

struct ast_qualifier_decl {
    struct ast_qualifier_decl *next;
    const struct name *name;
    struct loc loc;
    struct ast_type type;
    struct ast_array_spec array;
    struct ast_value *default_value;
    unsigned scopes;               /* 0: no Scope clause */
    struct loc scope_loc;
    unsigned flavors;
    unsigned not_tosubclass;
    bool has_flavor_clause;
    const struct name *ns;
    enum mofc_origin origin;
};

/* WMI `Qualifier X : flavor...;` - default flavors for later uses in the file. */
struct ast_flavor_default {
    struct ast_flavor_default *next;
    const struct name *name;
    struct loc loc;
    unsigned flavors;
};

struct ast_pragma {
    struct ast_pragma *next;
    const struct name *name;
    struct loc loc;
    struct ast_value *args;        /* strings and bare names (as AV_STRING) */
    uint32_t nargs;
    const struct name *ns;
    enum mofc_origin origin;
};

/* Everything the parser produced, in source order per kind. */
struct ast_unit {
    struct ast_qualifier_decl *qualifier_decls, **qualifier_decls_tail;
    struct ast_class *classes, **classes_tail;
    struct ast_instance *instances, **instances_tail;
    struct ast_pragma *pragmas, **pragmas_tail;
    struct ast_flavor_default *flavor_defaults, **flavor_defaults_tail;
};

void ast_unit_init(struct ast_unit *u);

#define AST_APPEND(unit, field, node) do { \
        *(unit)->field##_tail = (node); \
        (unit)->field##_tail = &(node)->next; \
    } while (0)

#endif
