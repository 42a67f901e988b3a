{{! The qualifier declarations the model knows. }}
{{>head.html.tpl}}
<h1>{{title}}</h1>
<div class="wide"><table>
<thead><tr><th>{{l_name}}</th><th>{{l_type}}</th><th>{{l_scope}}</th><th>{{l_flavors}}</th><th>{{l_default}}</th></tr></thead>
<tbody>
{{#decls}}
<tr id="{{anchor}}"><td>{{name}}</td><td>{{type}}</td><td>{{scopes}}</td><td>{{flavors}}</td><td>{{dflt}}</td></tr>
{{/decls}}
</tbody>
</table></div>
{{>foot.html.tpl}}
