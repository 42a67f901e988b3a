#!/bin/bash
# mofc doc Markdown through a CommonMark implementation (cmark-gfm with
# the GFM table extension): tables come out as tables with the right
# rows, headings and lists as such, and hostile text stays text.
. "$MOFC_TESTLIB/common.sh"
command -v cmark-gfm >/dev/null || skip "needs cmark-gfm (apt-get install cmark-gfm)"

run_mofc doc "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o md
expect_status 0
for f in md/*.md; do
    cmark-gfm -e table "$f" >"${f%.md}.html" || fail "cmark-gfm failed on $f"
done
h=md/win32-logonsession.html
# Tables: LogonType (13 rows), Status (12), requirements (3).
[[ $(grep -c '<table>' "$h") == 3 ]] || fail "expected 3 tables, got $(grep -c '<table>' "$h")"
rows=$(awk '/<table>/ { n++ } /<tr>/ && n { c[n]++ } END { for (i = 1; i <= n; i++) printf "%d ", c[i] }' "$h")
[[ $rows == "14 13 4 " ]] || fail "table rows (with header): $rows"
grep -qF '<td>13</td>' "$h" || fail "LogonType 13 cell"
grep -qF '<td>Pred Fail</td>' "$h" || fail "Status cell"
grep -qF '<h4>LogonType</h4>' "$h" || fail "property heading"
grep -qF '<pre><code class="language-mof">' "$h" || fail "syntax block not a code block"
grep -qF '<a href="cim-managedsystemelement.md"><strong>CIM_ManagedSystemElement</strong></a>' "$h" ||
    fail "inherited-from link"
[[ $(grep -c '<table>' md/qualifiers.html) == 1 ]] || fail "qualifiers table"
grep -qF 'MaxLen</td>' md/qualifiers.html || fail "MaxLen row"
grep -c '<li>' md/index.html | grep -qx 8 || fail "index: 4 classes and 4 tree entries expected"

cat >hostile.mof <<'MOF'
[Description("<script>alert(1)</script> & | `x` *y* _z_ [a](b) <!-- c -->\n# h\n1. one")]
class Test_Hostile {
    [Key, ValueMap {"1", "2"}, Values {"a|b", "**c**"}] uint32 Id;
};
MOF
run_mofc doc hostile.mof -o hm
expect_status 0
cmark-gfm -e table hm/test-hostile.md >hm.html
grep -qF '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; | `x` *y* _z_ [a](b) &lt;!-- c --&gt;</p>' hm.html ||
    fail "hostile description not plain text: $(grep script hm.html)"
grep -qF '<p># h</p>' hm.html || fail "leading # became a heading"
grep -qF '<p>1. one</p>' hm.html || fail "1. became a list"
grep -qF '<td>a|b</td>' hm.html || fail "pipe split the cell"
grep -qF '<td>**c**</td>' hm.html || fail "emphasis in a value"
grep -q '<h1>' hm.html && [[ $(grep -c '<h1>' hm.html) == 1 ]] || fail "one h1 only"
exit 0
