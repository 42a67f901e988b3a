/*
 * sema.h - semantic analysis: from the AST of every file to the frozen
 * model.  Phases, one file each, run in this order by sema_run():
 *
 *   declare.c   tables of qualifier declarations, classes and instances
 *               across all files (so file order never matters)
 *   resolve.c   superclasses, cycles, the superclass-first order
 *   inherit.c   per class: qualifiers, features, overrides, flattening,
 *               keys, class rules; it calls qualifier.c (uses against
 *               declarations), value.c (literals to typed values) and
 *               valuemap.c (ValueMap/Values tables)
 *   instance.c  instances, aliases, object paths
 *   lint.c      advice beyond the spec (ModelCorrespondence, Deprecated...)
 *   freeze.c    final orderings and the mofc_model
 *
 * The model structs are built in place (non-const here) and handed out
 * read-only.  `struct sclass` wraps a class with what only sema needs.
 */
#ifndef MOFC_SEMA_H
#define MOFC_SEMA_H

#include "ast.h"
#include "context.h"
#include "diag/diag.h"
#include "mofc/model.h"
#include "util/ptrmap.h"
#include "util/vec.h"

/* What a qualifier is attached to (for Scope checks and messages). */
enum element_kind {
    EK_CLASS,
    EK_ASSOCIATION,
    EK_INDICATION,
    EK_PROPERTY,
    EK_REFERENCE,
    EK_METHOD,
    EK_PARAMETER,
    EK_INSTANCE,         /* instance and instance property values: no scope check */
};

enum resolve_state { RS_NEW = 0, RS_VISITING, RS_DONE };

struct sclass {
    struct mofc_class pub;
    struct ast_class *ast;
    struct sclass *super;
    const struct name *key;          /* canonical name */
    const struct name *ns;           /* canonical namespace key */
    enum resolve_state state;
    bool flattened;
    bool poisoned;                   /* broken superclass chain: skip checks */
    bool incomplete;                 /* a body line was skipped by a syntax error */
    bool is_association, is_indication;
    struct sinstance *first_instance;/* for "referenced by path" checks */
};

/* Features wrap their public struct (first member, so a pointer to the
 * public part converts back) with the span sema reports at. */
struct sproperty {
    struct mofc_property pub;
    struct loc loc;
    struct ast_feature *ast;
};

struct smethod {
    struct mofc_method pub;
    struct loc loc;
    struct ast_feature *ast;
};

#define SPROP(p) ((struct sproperty *)(void *)(p))
#define SMETHOD(p) ((struct smethod *)(void *)(p))

struct sinstance {
    struct mofc_instance pub;
    struct ast_instance *ast;
    struct sclass *cls;
    int path_state;                  /* 0 new, 1 building, 2 done (cycle check) */
    bool referenced;
};

/* Qualifier declaration with its source (NULL ast for inferred WMI ones). */
struct squaldecl {
    struct mofc_qualifier_decl pub;
    struct ast_qualifier_decl *ast;
    const struct name *key;
    bool inferred;                   /* WMI: typed from its first use */
    bool wmi_builtin;                /* from qualifiers/wmi.mof */
};

struct sema {
    struct mofc *m;
    struct arena *a;
    bool wmi;                        /* dialect */
    const struct name *global_ns;    /* key for builtins and packs */

    struct ptrmap qualdecls;         /* (ns, name) -> squaldecl */
    struct ptrmap classes;           /* (ns, name) -> sclass */
    struct ptrmap aliases;           /* (ns, alias) -> sinstance */
    struct ptrmap flavor_defaults;   /* (global, name) -> unsigned* (WMI) */
    struct ptrmap portable_warned;   /* (ns, name) -> decl: -Wportable said it once */
    /* Features a class declares itself: (class, name key) -> index+1 in
     * its flattened properties / methods, and -> its AST (duplicates).
     * A subclass keeps the index of what it inherits, so a lookup walks
     * up the superclass chain to the first class that declares the name. */
    struct ptrmap prop_slots, method_slots, local_features;
    VEC(struct squaldecl *) qualdecl_list;
    VEC(struct sclass *) class_list; /* declaration order */
    VEC(struct sclass *) order;      /* superclass-first */
    VEC(struct sinstance *) instance_list;
    VEC(struct mofc_pragma *) pragma_list;

    /* Frequently used names (canonical keys). */
    const struct name *n_key, *n_override, *n_association, *n_indication, *n_abstract,
        *n_terminal, *n_valuemap, *n_values, *n_bitmap, *n_bitvalues, *n_embeddedinstance,
        *n_embeddedobject, *n_in, *n_out, *n_read, *n_write, *n_required, *n_maxlen,
        *n_minlen, *n_maxvalue, *n_minvalue, *n_deprecated, *n_experimental, *n_static,
        *n_aggregation, *n_aggregate, *n_exception, *n_singleton, *n_structure, *n_weak,
        *n_min, *n_max, *n_propagated, *n_modelcorrespondence, *n_arraytype, *n_dynamic,
        *n_provider, *n_description;
};

/* ---- phases ---- */
void sema_run(struct mofc *m);
void sema_declare(struct sema *s);
void sema_resolve(struct sema *s);
void sema_inherit(struct sema *s);
void sema_instances(struct sema *s);
void sema_lint(struct sema *s);
const struct mofc_model *sema_freeze(struct sema *s);

/* ---- lookups (declare.c) ---- */
struct sclass *sema_find_class(struct sema *s, const struct name *ns, const struct name *name);
struct squaldecl *sema_find_qualdecl(struct sema *s, const struct name *ns,
                                     const struct name *name);
/* "did you mean" candidate among class names, or NULL. */
const char *sema_suggest_class(struct sema *s, const struct name *ns, const char *name);
/* "Did you mean": mofc_suggest() in mofc.h. */
#define sema_suggest mofc_suggest
/* Reports contradictory flavors written together (Q7) and WMI-only ones
 * in the DMTF dialect; false if it reported. */
bool sema_check_flavor_conflict(struct sema *s, unsigned written, const struct loc *at);
bool sema_same_value(const struct mofc_value *a, const struct mofc_value *b);
/* Which shipped pack declares `name` ("wmi", "dsc"), or NULL. */
const char *sema_pack_providing(const char *name);

/* ---- qualifiers (qualifier.c) ---- */

/* Checks and converts a written qualifier list for an element of `kind`.
 * `inherited` (may be NULL) is the effective list of the overridden or
 * super element: ToSubclass qualifiers not restated are appended as
 * propagated, and DisableOverride ones restated with another value are
 * reported.  `what` names the element in messages ("property 'X.Y'"). */
struct mofc_qualifier_list sema_qualifiers(struct sema *s, struct ast_qualifier *written,
                                           enum element_kind kind, const struct name *ns,
                                           const struct mofc_qualifier_list *inherited,
                                           const struct loc *inherited_at, const char *what);

/* Boolean value of a qualifier in an effective list (false if absent or null). */
bool sema_qual_true(const struct mofc_qualifier_list *l, const struct name *key);
const struct mofc_qualifier *sema_qual_get(const struct mofc_qualifier_list *l,
                                           const struct name *key);

/* ---- values (value.c) ---- */

/* Converts a literal to `type` (array if is_array).  Reports mismatches
 * at the literal with `what` naming the target ("default value of
 * property 'X.Y'").  Aliases and embedded instances only get their type
 * here: the instance phase walks the AST again to resolve them.  Returns
 * false if an error was reported; `out` then holds a null value. */
bool sema_convert_value(struct sema *s, const struct ast_value *v, enum mofc_type type,
                        bool is_array, const char *what, struct mofc_value *out);

/* Parses a 25-character datetime; false if malformed (no report). */
bool sema_parse_datetime(const char *text, size_t len, struct mofc_datetime *out,
                         const char **why);

/* Integer range of a type, as sign+magnitude bounds. */
bool sema_int_fits(enum mofc_type t, uint64_t mag, bool neg);

/* Parses a MOF integer literal held in a string (ValueMap entries):
 * decimal, 0x hex, leading-0 octal, b-suffixed binary, optional sign.
 * Returns false if `text` is not exactly one integer. */
bool sema_parse_int_text(const char *text, size_t len, uint64_t *mag, bool *neg);

/* Compact printable form of a literal for messages ("65536", "\"abc\""). */
const char *sema_value_text(struct sema *s, const struct ast_value *v);

/* Warnings for a default (`is_default`) or instance value outside the
 * property's MaxLen/MinLen/MaxValue/MinValue/ValueMap (inherit.c). */
void sema_check_value_limits(struct sema *s, const struct mofc_property *p,
                             const struct mofc_value *v, const struct loc *at, const char *what,
                             bool is_default);

/* ---- value maps (valuemap.c) ---- */

/* Builds the ValueMap/Values (or BitMap/BitValues when `bits`) table for an
 * element from its effective qualifiers; NULL if it has neither.  Checks
 * Q14 (counts, parse errors, duplicates, overlaps, more than one ".."). */
const struct mofc_valuemap *sema_valuemap(struct sema *s, const struct mofc_qualifier_list *q,
                                          enum mofc_type type, bool bits, const struct loc *at,
                                          const char *what);

/* ---- locations ---- */

/* Model locations (line/column) are filled once, at freeze time, from
 * these byte spans; sema reports with the spans. */
struct mofc_location sema_location(struct sema *s, const struct loc *l);

/* Helpers for messages: "property 'Class.Member'" (member may be NULL). */
const char *sema_what(struct sema *s, const char *kind, const char *cls, const char *member);

#endif
