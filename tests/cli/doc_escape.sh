#!/bin/bash
# mofc doc: hostile MOF strings stay text in HTML and in Markdown; bad
# input is an error with its place and no page is written; output is the
# same run to run; --template-dir replaces a template, and a template
# naming an unknown value is an error.
. "$MOFC_TESTLIB/common.sh"

cat >hostile.mof <<'MOF'
[Description("<script>alert('x')</script> & | `tick` ``` # *b* [l](u)\n1. item\n- dash")]
class Test_Hostile {
    [Key, Description("# not a heading | pipe <b>bold</b> &amp;"),
     ValueMap {"1", "2"}, Values {"a|b", "<i>c</i>"}]
    uint32 Id;
};
MOF
run_mofc doc --format=html hostile.mof -o html
expect_status 0
h=html/test-hostile.html
grep -qF '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; |' "$h" || fail "html: script not escaped"
grep -q '<script' "$h" && fail "html: raw <script> on the page"
grep -qF '<td>&lt;i&gt;c&lt;/i&gt;</td>' "$h" || fail "html: Values not escaped"
grep -qF '&amp;amp;' "$h" || fail "html: & not escaped"

run_mofc doc hostile.mof -o md
expect_status 0
m=md/test-hostile.md
grep -qF '\<script\>alert(' "$m" || fail "md: < not escaped"
grep -qF '\& \| \`tick\` \`\`\` \# \*b\* \[l\](u)' "$m" || fail "md: markup not escaped"
grep -qxF '1\. item' "$m" || fail "md: ordered list marker not escaped"
grep -qxF '\- dash' "$m" || fail "md: bullet not escaped"
grep -qF '| 1 | a\|b |' "$m" || fail "md: pipe in a table cell not escaped"
grep -qxF '\# not a heading \| pipe \<b\>bold\</b\> \&amp;' "$m" || fail "md: property text"

# Byte-identical run to run, and nothing absolute in the pages.
run_mofc doc "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o a
run_mofc doc "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o b
diff -r a b >/dev/null || fail "two runs differ"
grep -rqF "$MOFC_ROOT" a && fail "an absolute path on a page"

# Bad input: located error, no directory written.
printf 'class Test_Bad : Test_Nowhere {\n};\n' >bad.mof
run_mofc doc --color=never bad.mof -o badout
expect_status 1
expect_stderr_contains "bad.mof:1:18: error:"
[[ -e badout ]] && fail "pages written for bad input"

# -o is required; --format checked.
run_mofc doc hostile.mof
expect_status 2
run_mofc doc --format=pdf hostile.mof -o x
expect_status 2
expect_stderr_contains "--format takes md or html"

# --template-dir: a replacement template is used; unknown names are errors.
mkdir tpl
printf '{{title}} has {{#properties}}{{name}} {{/properties}}\n' >tpl/class.md.tpl
run_mofc doc --template-dir tpl hostile.mof -o custom
expect_status 0
[[ $(cat custom/test-hostile.md) == 'Test\_Hostile class has Id ' ]] ||
    fail "custom template: $(cat custom/test-hostile.md)"
printf '{{nosuchname}}\n' >tpl/class.md.tpl
run_mofc doc --template-dir tpl hostile.mof -o broken
expect_status 1
expect_stderr_contains "class.md.tpl:1:"
[[ -e broken/index.md ]] && fail "pages written with a broken template"
exit 0
