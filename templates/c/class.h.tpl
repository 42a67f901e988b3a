{{{banner}}}
#ifndef {{guard}}
#define {{guard}}

#include "cim_runtime.h"
{{#superclass}}
#include "{{superclass}}.h"
{{/superclass}}

#ifdef __cplusplus
extern "C" {
#endif
{{#forward}}
struct {{name}};
{{/forward}}
{{#enums}}

{{#doc}}
{{{doc}}}
{{/doc}}
{{#as_enum}}
typedef enum {{name}} {
{{#constants}}
{{#doc}}
{{{doc}}}
{{/doc}}
    {{constant}} = {{value}}{{^-last}},{{/-last}}
{{/constants}}
} {{name}};
{{/as_enum}}
{{#as_macros}}
{{#constants}}
{{#doc}}
{{{doc}}}
{{/doc}}
#define {{constant}} {{{value}}}
{{/constants}}
{{/as_macros}}
extern const cim_enum {{table}};
{{#is_string}}
/* The ValueMap string of `value`, or NULL; and back (exact match). */
const char *{{name}}_to_string({{name}} value);
bool {{name}}_from_string(const char *string, {{name}} *value);
{{/is_string}}
{{#is_bits}}
/* Names of the bits set in `flags`, lowest first: up to `max` into
 * names[]; returns how many are named in all. */
size_t {{name}}_decode({{c_type}} flags, const char **names, size_t max);
{{/is_bits}}
{{^is_bits}}
/* The Values name of `value` (a value inside a range gives the range's
 * name), or NULL; and back, ignoring ASCII case (a range's name is no
 * single value: false). */
const char *{{name}}_to_name({{c_type}} value);
bool {{name}}_from_name(const char *name, {{c_type}} *value);
{{/is_bits}}
{{/enums}}

{{#doc}}
{{{doc}}}
{{/doc}}
typedef struct {{class}} {
    const struct cim_class *descriptor_;
{{#members}}
{{#heading}}

    /* {{heading}} */
{{/heading}}
{{#doc}}
{{{doc}}}
{{/doc}}
{{#has}}
    bool {{has}};
{{/has}}
    {{{decl}}};
{{/members}}
} {{class}};

/* The descriptor: properties root-first, methods, qualifiers. */
extern const cim_class {{class}}_class;
{{#properties}}
{{#-first}}

/* Descriptors of the properties {{class}} declares. */
{{/-first}}
extern const cim_property {{name}};
{{/properties}}
{{#methods}}
{{#-first}}

/* Descriptors of the methods {{class}} declares. */
{{/-first}}
extern const cim_method {{name}};
{{/methods}}
{{#defaults}}
{{#-first}}

/* MOF defaults of array properties, for {{class}}_INIT. */
{{/-first}}
extern const {{{element}}} {{name}}[{{count}}];
{{/defaults}}

/* A static initializer and an init function: the descriptor set, MOF
 * defaults applied, every other property NULL. */
#define {{class}}_INIT \
    { \
        &{{class}}_class, \
{{#members}}
{{#has}}
        {{has_init}}, \
{{/has}}
        {{{init}}}, \
{{/members}}
    }
void {{class}}_init({{class}} *self);

/* Checks Key and Required properties are set, MaxLen/MinLen,
 * MaxValue/MinValue and ValueMap membership.  Returns true if `self`
 * passes; else false, with the first problem in *why (may be NULL). */
bool {{class}}_validate(const {{class}} *self, cim_violation *why);

/* Serializers (cim_runtime.h): CIM-XML needs cim_cimxml.c; JSON needs
 * cim_json.c and json-c.  Texts are malloc'd (free() them); NULL or false
 * on failure, with the property path and the reason in *err. */
static inline char *{{class}}_to_cimxml(
    const {{class}} *self, cim_error *err)
{
    return cim_to_cimxml(&{{class}}_class, self, err);
}
static inline char *{{class}}_to_json(
    const {{class}} *self, unsigned flags, cim_error *err)
{
    return cim_to_json(&{{class}}_class, self, flags, err);
}
static inline bool {{class}}_from_json(
    {{class}} *self, const char *json, cim_error *err)
{
    return cim_from_json(&{{class}}_class, self, json, err);
}
/* Frees what _from_json() allocated; `self` is as _init() leaves it. */
static inline void {{class}}_release({{class}} *self)
{
    cim_release(&{{class}}_class, self);
}
{{#param_structs}}

{{{struct_doc}}}
typedef struct {{struct_name}} {
    const struct cim_class *descriptor_;
{{#pmembers}}
{{#has}}
    bool {{has}};
{{/has}}
    {{{decl}}};
{{/pmembers}}
} {{struct_name}};
extern const cim_class {{struct_name}}_class;
void {{struct_name}}_init({{struct_name}} *self);
static inline char *{{struct_name}}_to_json(
    const {{struct_name}} *self, unsigned flags, cim_error *err)
{
    return cim_to_json(&{{struct_name}}_class, self, flags, err);
}
static inline bool {{struct_name}}_from_json(
    {{struct_name}} *self, const char *json, cim_error *err)
{
    return cim_from_json(&{{struct_name}}_class, self, json, err);
}
static inline void {{struct_name}}_release({{struct_name}} *self)
{
    cim_release(&{{struct_name}}_class, self);
}
{{/param_structs}}

#ifdef __cplusplus
}
#endif
#endif /* {{guard}} */
