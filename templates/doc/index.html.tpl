{{! The index: classes by schema prefix, A-Z, then the inheritance tree.
    The filter box is shown by the script at the end: without JavaScript
    the page is the same lists, without a box that would do nothing. }}
{{>head.html.tpl}}
<h1>{{title}}</h1>
<p>{{count}} {{l_nclasses}}</p>
<p><input type="search" id="filter" placeholder="{{l_filter}}" aria-label="{{l_filter}}" autocomplete="off" hidden></p>
<ul>
<li><a href="#by-schema">{{l_by_prefix}}</a></li>
<li><a href="#az">{{l_az}}</a></li>
<li><a href="#tree">{{l_tree}}</a></li>
</ul>
<h2 id="by-schema">{{l_by_prefix}}</h2>
{{#groups}}
<section class="group">
<h3>{{prefix}}</h3>
<ul>
{{#classes}}
<li data-name="{{name}}"><a href="{{href}}"><b>{{name}}</b></a>{{#summary}}: {{summary}}{{/summary}}</li>
{{/classes}}
</ul>
</section>
{{/groups}}
<h2 id="az">{{l_az}}</h2>
<ul class="az-letters">
{{#letters}}
<li><a href="#{{anchor}}">{{letter}}</a></li>
{{/letters}}
</ul>
{{#letters}}
<section class="group">
<h3 id="{{anchor}}">{{letter}}</h3>
<ul>
{{#classes}}
<li data-name="{{name}}"><a href="{{href}}">{{name}}</a></li>
{{/classes}}
</ul>
</section>
{{/letters}}
<h2 id="tree">{{l_tree}}</h2>
<ul class="tree">
{{#tree}}
<li class="depth" data-name="{{name}}" style="margin-left: {{depth}}em"><a href="{{href}}">{{name}}</a></li>
{{/tree}}
</ul>
<script>
(function () {
  var box = document.getElementById("filter");
  if (!box || !document.querySelectorAll || !box.addEventListener) return;
  var items = document.querySelectorAll("li[data-name]");
  var groups = document.querySelectorAll("section.group");
  function apply() {
    var q = box.value.replace(/^\s+|\s+$/g, "").toLowerCase();
    for (var i = 0; i < items.length; i++)
      items[i].hidden = q !== "" && items[i].getAttribute("data-name").toLowerCase().indexOf(q) < 0;
    for (var k = 0; k < groups.length; k++)
      groups[k].hidden = !groups[k].querySelector("li[data-name]:not([hidden])");
  }
  box.hidden = false;
  box.addEventListener("input", apply);
  apply();
})();
</script>
{{>foot.html.tpl}}
