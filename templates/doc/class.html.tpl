{{! A class reference page: static HTML, every text escaped. }}
{{>head.html.tpl}}
<h1>{{title}}</h1>
{{#paras}}
<p>{{text}}</p>
{{/paras}}
{{#neutral}}
<p class="neutral">{{l_neutral}}</p>
{{/neutral}}
{{#abstract}}
<p>{{l_abstract}}</p>
{{/abstract}}
{{#locale}}
<p class="note">{{l_locale_note}}</p>
{{/locale}}
{{#super}}
<p>{{l_superclass}}{{l_colon}} {{#super_href}}<a href="{{super_href}}"><b>{{super}}</b></a>{{/super_href}}{{^super_href}}<b>{{super}}</b>{{/super_href}}</p>
{{/super}}
{{#has_subclasses}}
<p>{{l_subclasses}}{{l_colon}} {{#subclasses}}<a href="{{href}}"><b>{{name}}</b></a>{{^-last}}, {{/-last}}{{/subclasses}}</p>
{{/has_subclasses}}
<p>{{l_syntax_note}}</p>
<h2 id="syntax">{{l_syntax}}</h2>
<pre class="syntax"><code>{{syntax}}</code></pre>
<h2 id="members">{{l_members}}</h2>
<p>{{l_members_pre}} <b>{{name}}</b> {{l_members_post}}</p>
<ul>
{{#has_properties}}
<li><a href="#properties">{{l_properties}}</a></li>
{{/has_properties}}
{{#has_methods}}
<li><a href="#methods">{{l_methods}}</a></li>
{{/has_methods}}
</ul>
{{#has_properties}}
<h3 id="properties">{{l_properties}}</h3>
<p>{{l_members_pre}} <b>{{name}}</b> {{l_props_post}}</p>
<dl class="members">
{{#properties}}
<dt id="{{anchor}}"><b>{{name}}</b></dt>
<dd>
<dl class="facts">
<dt>{{l_data_type}}</dt><dd>{{#type_href}}<a href="{{type_href}}"><b>{{type}}</b></a>{{/type_href}}{{^type_href}}<b>{{type}}</b>{{/type_href}}</dd>
{{#access}}
<dt>{{l_access_type}}</dt><dd>{{access}}</dd>
{{/access}}
{{#has_quals}}
<dt>{{l_qualifiers}}</dt><dd>{{#quals}}<a href="{{quals_href}}#{{anchor}}"><b>{{name}}</b></a>{{#qvalue}} ({{qvalue}}){{/qvalue}}{{^-last}}, {{/-last}}{{/quals}}</dd>
{{/has_quals}}
</dl>
{{#has_paras}}
{{#paras}}
<p>{{text}}</p>
{{/paras}}
{{/has_paras}}
{{#neutral}}
<p class="neutral">{{l_neutral}}</p>
{{/neutral}}
{{#has_values}}
<div class="wide"><table>
<thead><tr><th>{{l_value}}</th><th>{{l_vname}}</th>{{#has_vdesc}}<th>{{l_description}}</th>{{/has_vdesc}}</tr></thead>
<tbody>
{{#values}}
<tr><td>{{value}}</td><td>{{vname}}</td>{{#has_vdesc}}<td>{{vdesc}}</td>{{/has_vdesc}}</tr>
{{/values}}
</tbody>
</table></div>
{{/has_values}}
{{#has_bits}}
<div class="wide"><table>
<thead><tr><th>{{l_bit}}</th><th>{{l_vname}}</th></tr></thead>
<tbody>
{{#bits}}
<tr><td>{{value}}</td><td>{{vname}}</td></tr>
{{/bits}}
</tbody>
</table></div>
{{/has_bits}}
{{#has_mc}}
<p>{{l_model_corr}}{{l_colon}} {{#mc}}{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}{{^-last}}, {{/-last}}{{/mc}}</p>
{{/has_mc}}
{{#inherited}}
<p class="inherited">{{l_inherited}} {{#from_href}}<a href="{{from_href}}"><b>{{from}}</b></a>{{/from_href}}{{^from_href}}<b>{{from}}</b>{{/from_href}}.</p>
{{/inherited}}
</dd>
{{/properties}}
</dl>
{{/has_properties}}
{{#has_methods}}
<h3 id="methods">{{l_methods}}</h3>
<p>{{l_members_pre}} <b>{{name}}</b> {{l_methods_post}}</p>
<dl class="members">
{{#methods}}
<dt id="{{anchor}}"><b>{{name}}</b></dt>
<dd>
<dl class="facts">
<dt>{{l_return_type}}</dt><dd>{{#type_href}}<a href="{{type_href}}"><b>{{type}}</b></a>{{/type_href}}{{^type_href}}<b>{{type}}</b>{{/type_href}}</dd>
{{#has_quals}}
<dt>{{l_qualifiers}}</dt><dd>{{#quals}}<a href="{{quals_href}}#{{anchor}}"><b>{{name}}</b></a>{{#qvalue}} ({{qvalue}}){{/qvalue}}{{^-last}}, {{/-last}}{{/quals}}</dd>
{{/has_quals}}
</dl>
{{#has_paras}}
{{#paras}}
<p>{{text}}</p>
{{/paras}}
{{/has_paras}}
{{#neutral}}
<p class="neutral">{{l_neutral}}</p>
{{/neutral}}
{{#has_params}}
<div class="wide"><table>
<thead><tr><th>{{l_name}}</th><th>{{l_type}}</th><th>{{l_direction}}</th><th>{{l_description}}</th></tr></thead>
<tbody>
{{#params}}
<tr><td>{{name}}</td><td>{{#type_href}}<a href="{{type_href}}">{{type}}</a>{{/type_href}}{{^type_href}}{{type}}{{/type_href}}</td><td>{{dir}}</td><td>{{#has_paras}}{{#paras}}<p>{{text}}</p>{{/paras}}{{/has_paras}}{{#has_values}}<ul>{{#values}}<li>{{value}} = {{vname}}</li>{{/values}}</ul>{{/has_values}}</td></tr>
{{/params}}
</tbody>
</table></div>
{{/has_params}}
{{#has_values}}
<div class="wide"><table>
<caption>{{l_return_values}}</caption>
<thead><tr><th>{{l_value}}</th><th>{{l_vname}}</th>{{#has_vdesc}}<th>{{l_description}}</th>{{/has_vdesc}}</tr></thead>
<tbody>
{{#values}}
<tr><td>{{value}}</td><td>{{vname}}</td>{{#has_vdesc}}<td>{{vdesc}}</td>{{/has_vdesc}}</tr>
{{/values}}
</tbody>
</table></div>
{{/has_values}}
{{#inherited}}
<p class="inherited">{{l_method_inherited}} {{#from_href}}<a href="{{from_href}}"><b>{{from}}</b></a>{{/from_href}}{{^from_href}}<b>{{from}}</b>{{/from_href}}.</p>
{{/inherited}}
</dd>
{{/methods}}
</dl>
{{/has_methods}}
<h2 id="requirements">{{l_requirements}}</h2>
<div class="wide"><table>
<thead><tr><th>{{l_requirement}}</th><th>{{l_value}}</th></tr></thead>
<tbody>
{{#reqs}}
<tr><td>{{rkey}}</td><td>{{rval}}</td></tr>
{{/reqs}}
</tbody>
</table></div>
{{#has_see_also}}
<h2 id="see-also">{{l_see_also}}</h2>
<ul>
{{#see_also}}
<li><a href="{{href}}"><b>{{name}}</b></a></li>
{{/see_also}}
</ul>
{{/has_see_also}}
{{>foot.html.tpl}}
