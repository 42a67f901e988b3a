{{! The qualifier declarations the model knows. }}
# {{title}}

[{{l_index}}]({{{index_href}}})

| {{l_name}} | {{l_type}} | {{l_scope}} | {{l_flavors}} | {{l_default}} |
|---|---|---|---|---|
{{#decls}}
| <a id="{{{anchor}}}"></a>{{name}} | {{type}} | {{scopes}} | {{flavors}} | {{dflt}} |
{{/decls}}
