{{! The index: classes by schema prefix, then the inheritance tree. }}
{{>head.html.tpl}}
<h1>{{title}}</h1>
<p>{{count}} {{l_nclasses}}</p>
<h2 id="by-schema">{{l_by_prefix}}</h2>
{{#groups}}
<h3>{{prefix}}</h3>
<ul>
{{#classes}}
<li><a href="{{href}}"><b>{{name}}</b></a>{{#summary}}: {{summary}}{{/summary}}</li>
{{/classes}}
</ul>
{{/groups}}
<h2 id="tree">{{l_tree}}</h2>
<ul class="tree">
{{#tree}}
<li class="depth" style="margin-left: {{depth}}em"><a href="{{href}}">{{name}}</a></li>
{{/tree}}
</ul>
{{>foot.html.tpl}}
