{{! A class reference page: Markdown (CommonMark with GFM tables). }}
# {{title}}

{{#paras}}
{{text}}

{{/paras}}
{{#neutral}}
*{{l_neutral}}*

{{/neutral}}
{{#abstract}}
{{l_abstract}}

{{/abstract}}
{{#locale}}
> {{l_locale_note}}

{{/locale}}
{{#super}}
{{l_superclass}}{{l_colon}} {{#super_href}}[**{{super}}**]({{{super_href}}}){{/super_href}}{{^super_href}}**{{super}}**{{/super_href}}

{{/super}}
{{#has_subclasses}}
{{l_subclasses}}{{l_colon}} {{#subclasses}}[**{{name}}**]({{{href}}}){{^-last}}, {{/-last}}{{/subclasses}}

{{/has_subclasses}}
{{l_syntax_note}}

## {{l_syntax}}

{{{fence}}} mof
{{{syntax}}}
{{{fence}}}

## {{l_members}}

{{l_members_pre}} **{{name}}** {{l_members_post}}

{{#has_properties}}
- [{{l_properties}}](#properties)
{{/has_properties}}
{{#has_methods}}
- [{{l_methods}}](#methods)
{{/has_methods}}
{{#has_properties}}

### {{l_properties}}

{{l_members_pre}} **{{name}}** {{l_props_post}}
{{#properties}}

#### {{name}}

- {{l_data_type}}{{l_colon}} {{#type_href}}[**{{type}}**]({{{type_href}}}){{/type_href}}{{^type_href}}**{{type}}**{{/type_href}}
{{#access}}
- {{l_access_type}}{{l_colon}} {{access}}
{{/access}}
{{#has_quals}}
- {{l_qualifiers}}{{l_colon}} {{#quals}}[**{{name}}**]({{{quals_href}}}#{{{anchor}}}){{#qvalue}} ({{qvalue}}){{/qvalue}}{{^-last}}, {{/-last}}{{/quals}}
{{/has_quals}}
{{#has_paras}}
{{#paras}}

{{text}}
{{/paras}}
{{/has_paras}}
{{#neutral}}

*{{l_neutral}}*
{{/neutral}}
{{#has_values}}

| {{l_value}} | {{l_vname}} |{{#has_vdesc}} {{l_description}} |{{/has_vdesc}}
|---|---|{{#has_vdesc}}---|{{/has_vdesc}}
{{#values}}
| {{value}} | {{vname}} |{{#has_vdesc}} {{vdesc}} |{{/has_vdesc}}
{{/values}}
{{/has_values}}
{{#has_bits}}

| {{l_bit}} | {{l_vname}} |
|---|---|
{{#bits}}
| {{value}} | {{vname}} |
{{/bits}}
{{/has_bits}}
{{#has_mc}}

{{l_model_corr}}{{l_colon}} {{#mc}}{{#href}}[{{text}}]({{{href}}}){{/href}}{{^href}}{{text}}{{/href}}{{^-last}}, {{/-last}}{{/mc}}
{{/has_mc}}
{{#inherited}}

{{l_inherited}} {{#from_href}}[**{{from}}**]({{{from_href}}}){{/from_href}}{{^from_href}}**{{from}}**{{/from_href}}.
{{/inherited}}
{{/properties}}
{{/has_properties}}
{{#has_methods}}

### {{l_methods}}

{{l_members_pre}} **{{name}}** {{l_methods_post}}
{{#methods}}

#### {{name}}

- {{l_return_type}}{{l_colon}} {{#type_href}}[**{{type}}**]({{{type_href}}}){{/type_href}}{{^type_href}}**{{type}}**{{/type_href}}
{{#has_quals}}
- {{l_qualifiers}}{{l_colon}} {{#quals}}[**{{name}}**]({{{quals_href}}}#{{{anchor}}}){{#qvalue}} ({{qvalue}}){{/qvalue}}{{^-last}}, {{/-last}}{{/quals}}
{{/has_quals}}
{{#has_paras}}
{{#paras}}

{{text}}
{{/paras}}
{{/has_paras}}
{{#neutral}}

*{{l_neutral}}*
{{/neutral}}
{{#has_params}}

{{l_parameters}}{{l_colon}}

| {{l_name}} | {{l_type}} | {{l_direction}} | {{l_description}} |
|---|---|---|---|
{{#params}}
| {{name}} | {{type}} | {{dir}} | {{#has_paras}}{{#paras}}{{text}} {{/paras}}{{/has_paras}}{{#has_values}}{{#values}}{{value}} = {{vname}}; {{/values}}{{/has_values}} |
{{/params}}
{{/has_params}}
{{#has_values}}

{{l_return_values}}{{l_colon}}

| {{l_value}} | {{l_vname}} |{{#has_vdesc}} {{l_description}} |{{/has_vdesc}}
|---|---|{{#has_vdesc}}---|{{/has_vdesc}}
{{#values}}
| {{value}} | {{vname}} |{{#has_vdesc}} {{vdesc}} |{{/has_vdesc}}
{{/values}}
{{/has_values}}
{{#inherited}}

{{l_method_inherited}} {{#from_href}}[**{{from}}**]({{{from_href}}}){{/from_href}}{{^from_href}}**{{from}}**{{/from_href}}.
{{/inherited}}
{{/methods}}
{{/has_methods}}

## {{l_requirements}}

| {{l_requirement}} | {{l_value}} |
|---|---|
{{#reqs}}
| {{rkey}} | {{rval}} |
{{/reqs}}
{{#has_see_also}}

## {{l_see_also}}

{{#see_also}}
- [**{{name}}**]({{{href}}})
{{/see_also}}
{{/has_see_also}}

[{{l_index}}]({{{index_href}}}) · [{{l_qual_title}}]({{{quals_href}}})
