#!/bin/bash
# mofc xml: hostile strings come out escaped and well-formed; a character
# XML 1.0 cannot carry is a located error and no file is written.
. "$MOFC_TESTLIB/common.sh"
command -v xmllint >/dev/null || skip "needs xmllint (libxml2-utils)"

cat >hostile.mof <<'MOF'
class Test_A {
    [Key] string Name;
    [Description("<script>alert('x')</script> & ]]> \"q\"")]
    string Tricky = "a ]]> b < c & d \" e \x00e9 \x263A";
    char16 Letter = '<';
};
instance of Test_A { Name = "x<y>&\"z\""; };
MOF
run_mofc xml -o hostile.xml hostile.mof
expect_status 0
xmllint --noout hostile.xml || fail "hostile.xml is not well-formed"
grep -qF '<VALUE>a ]]&gt; b &lt; c &amp; d &quot; e é ☺</VALUE>' hostile.xml ||
    fail "string not escaped as expected: $(grep Tricky -A1 hostile.xml)"
grep -qF '<VALUE>x&lt;y&gt;&amp;&quot;z&quot;</VALUE>' hostile.xml || fail "instance value"
grep -qF '<VALUE>&lt;</VALUE>' hostile.xml || fail "char16 value"

printf 'class Test_A {\n    [Key] string Name;\n    string Bell = "ring \\x07";\n};\n' >bell.mof
printf 'old' >bell.xml
run_mofc xml --color=never -o bell.xml bell.mof
expect_status 1
expect_stderr_contains "bell.mof:3:12: error: string \"ring "
[[ $(cat bell.xml) == old ]] || fail "a failed run replaced the output file"

# Standard output when there is no -o.
run_mofc xml hostile.mof
expect_status 0
expect_stdout_contains '<CIM CIMVERSION="2.0" DTDVERSION="2.0">'
exit 0
