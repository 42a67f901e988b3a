{{! The index: classes by schema prefix, then the inheritance tree. }}
# {{title}}

{{count}} {{l_nclasses}} · [{{l_qual_title}}]({{{quals_href}}})

## {{l_by_prefix}}
{{#groups}}

### {{prefix}}

{{#classes}}
- [**{{name}}**]({{{href}}}){{#summary}}: {{summary}}{{/summary}}
{{/classes}}
{{/groups}}

## {{l_tree}}

{{#tree}}
{{{indent}}}- [{{name}}]({{{href}}})
{{/tree}}
