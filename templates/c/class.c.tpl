{{{banner}}}
#include "{{class}}.h"
{{#targets}}
#include "{{name}}.h"
{{/targets}}
{{#long_strings}}

static const char {{name}}[] = {{{bytes}}};
{{/long_strings}}
{{#enums}}

/* {{{title}}} */
static const cim_enum_entry {{name}}_entries[] = {
{{{entries}}}};
static const uint32_t {{name}}_by_value[] = {{{by_value}}};
static const uint32_t {{name}}_by_name[] = {{{by_name}}};
const cim_enum {{table}} = {
    {{{cim_name}}}, {{cim_type}}, {{kind}}, {{count}}, {{name}}_entries,
    {{nby_value}}, {{name}}_by_value, {{name}}_by_name, {{{rest}}}
};
{{#is_string}}

const char *{{name}}_to_string({{name}} value)
{
    return (size_t)value < {{table}}.count ? {{table}}.entries[value].wire : NULL;
}

bool {{name}}_from_string(const char *string, {{name}} *value)
{
    const cim_enum_entry *e = cim_enum_find_wire(&{{table}}, string);
    if (!e)
        return false;
    *value = ({{name}})e->lo;
    return true;
}

const char *{{name}}_to_name({{name}} value)
{
    return (size_t)value < {{table}}.count ? {{table}}.entries[value].name : NULL;
}
{{/is_string}}
{{#is_integer}}

const char *{{name}}_to_name({{c_type}} value)
{
    const cim_enum_entry *e = cim_enum_find_value(&{{table}}, {{widen}}value);
    return e ? e->name : NULL;
}
{{/is_integer}}
{{^is_bits}}

bool {{name}}_from_name(const char *name, {{c_type}} *value)
{
    const cim_enum_entry *e = cim_enum_find_name(&{{table}}, name);
    if (!e || e->lo != e->hi)
        return false;
    *value = ({{c_type}})e->lo;
    return true;
}
{{/is_bits}}
{{#is_bits}}

size_t {{name}}_decode({{c_type}} flags, const char **names, size_t max)
{
    return cim_enum_decode_bits(&{{table}}, (uint64_t)flags, names, max);
}
{{/is_bits}}
{{/enums}}
{{#defaults}}

const {{{element}}} {{name}}[{{count}}] = {{{values}}};
{{/defaults}}
{{#scalars}}

static const cim_scalar {{class}}_scalars_[] = {
{{{scalars}}}};
{{/scalars}}
{{#qualifier_lists}}

static const cim_qualifier {{name}}[] = {
{{{items}}}};
{{/qualifier_lists}}
{{#properties}}

const cim_property {{name}} = {
    {{{cim_name}}}, {{cim_type}}, {{flags}},
    offsetof({{class}}, {{member}}), {{{presence}}},
    {{{origin}}}, {{{ref_class}}}, {{array_size}},
    {{max_len}}, {{min_len}},
    {{has_max_value}}, {{has_min_value}}, {{{max_value}}}, {{{min_value}}},
    {{{units}}}, {{values}}, {{bits}},
    {{nqualifiers}}, {{qualifiers}}, {{target}}
};
{{/properties}}
{{#methods}}
{{#parameters_any}}

static const cim_parameter {{name}}_parameters_[] = {
{{#parameters}}
    {{{entry}}},
{{/parameters}}
};
{{/parameters_any}}

const cim_method {{name}} = {
    {{{cim_name}}}, {{return_type}}, {{flags}}, {{{origin}}}, {{values}},
    {{nparameters}}, {{parameters_ref}},
    {{nqualifiers}}, {{qualifiers}},
    {{in_ref}}, {{out_ref}}
};
{{/methods}}
{{#param_structs}}
{{#pprops}}

static const cim_property {{name}} = {
    {{{cim_name}}}, {{cim_type}}, {{flags}},
    offsetof({{struct_name}}, {{member}}), {{{presence}}},
    {{{origin}}}, {{{ref_class}}}, {{array_size}},
    {{max_len}}, {{min_len}},
    false, false, INT64_C(0), INT64_C(0),
    {{{units}}}, {{values}}, {{bits}},
    {{nqualifiers}}, {{qualifiers}}, {{target}}
};
{{/pprops}}
{{#pprops_any}}

static const cim_property *const {{struct_name}}_properties_[] = {
{{#pprops}}
    &{{name}},
{{/pprops}}
};
static const uint32_t {{struct_name}}_by_name_[] = {{{pby_name}}};
{{/pprops_any}}

static void {{struct_name}}_init_any_(void *instance)
{
    {{struct_name}}_init(({{struct_name}} *)instance);
}

const cim_class {{struct_name}}_class = {
    {{{struct_title}}}, NULL, {{{namespace}}}, CIM_CLASS_PARAMETERS,
    sizeof({{struct_name}}), {{struct_name}}_init_any_,
    {{pnproperties}}, {{pproperties_ref}}, {{pby_name_ref}},
    0, NULL,
    0, NULL
};

void {{struct_name}}_init({{struct_name}} *self)
{
    static const {{struct_name}} init = {
        &{{struct_name}}_class,
{{#pmembers}}
{{#has}}
        {{has_init}},
{{/has}}
        {{{init}}},
{{/pmembers}}
    };
    *self = init;
}
{{/param_structs}}
{{#all_properties_any}}

static const cim_property *const {{class}}_properties_[] = {
{{#all_properties}}
    &{{name}},
{{/all_properties}}
};
static const uint32_t {{class}}_by_name_[] = {{{by_name}}};
{{/all_properties_any}}
{{#all_methods_any}}

static const cim_method *const {{class}}_methods_[] = {
{{#all_methods}}
    &{{name}},
{{/all_methods}}
};
{{/all_methods_any}}

static void {{class}}_init_any_(void *instance)
{
    {{class}}_init(({{class}} *)instance);
}

const cim_class {{class}}_class = {
    {{{cim_name}}}, {{superclass_ref}}, {{{namespace}}}, {{class_flags}},
    sizeof({{class}}), {{class}}_init_any_,
    {{nproperties}}, {{properties_ref}}, {{by_name_ref}},
    {{nmethods}}, {{methods_ref}},
    {{nqualifiers}}, {{qualifiers}}
};

void {{class}}_init({{class}} *self)
{
    static const {{class}} init = {{class}}_INIT;
    *self = init;
}

bool {{class}}_validate(const {{class}} *self, cim_violation *why)
{
    return cim_validate(&{{class}}_class, self, why);
}
