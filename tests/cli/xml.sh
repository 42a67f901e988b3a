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

# An overriding property is the subclass's own definition: no PROPAGATED,
# and CLASSORIGIN stays the class that introduced it.
run_mofc xml --flatten -o flat.xml "$MOFC_ROOT/tests/golden/clean-schema/input.mof"
expect_status 0
grep -qF '<PROPERTY NAME="Kind" TYPE="uint16" CLASSORIGIN="Test_Element">' flat.xml ||
    fail "overriding property: $(grep 'NAME="Kind"' flat.xml)"
grep -qF '<PROPERTY NAME="Name" TYPE="string" CLASSORIGIN="Test_Element" PROPAGATED="true">' \
    flat.xml || fail "inherited property not marked PROPAGATED"
# #pragma locale gives translatable texts their language.
grep -qF 'TRANSLATABLE="true" xml:lang="en-US"' flat.xml || fail "no xml:lang for en_US"

# --class: the class and what it needs (superclass, reference targets).
run_mofc xml --class Test_DiskLink -o link.xml "$MOFC_ROOT/tests/golden/clean-schema/input.mof"
expect_status 0
classes=$(grep -o '<CLASS NAME="[A-Za-z_]*"' link.xml | tr '\n' ' ')
[[ $classes == '<CLASS NAME="Test_Element" <CLASS NAME="Test_Disk" <CLASS NAME="Test_DiskLink" ' ]] ||
    fail "closure of Test_DiskLink: $classes"
run_mofc xml --color=never --class Test_Dsk "$MOFC_ROOT/tests/golden/clean-schema/input.mof"
expect_status 1
expect_stderr_contains "--class Test_Dsk: no such class; did you mean 'Test_Disk'?"

# UTF-16LE input comes out as UTF-8 XML.
printf 'class Test_U {\n    [Key, Description("caf\xc3\xa9 \xe2\x80\x94 <ok>")] string Name;\n};\n' |
    iconv -f UTF-8 -t UTF-16 >utf16.mof
run_mofc xml -o utf16.xml utf16.mof
expect_status 0
grep -qF '<VALUE>café — &lt;ok&gt;</VALUE>' utf16.xml || fail "UTF-16 text: $(grep VALUE utf16.xml)"

# Every document written here is valid CIM-XML.
if [[ -n ${MOFC_CORPUS:-} ]]; then
    for f in hostile.xml flat.xml link.xml utf16.xml; do
        xmllint --noout --dtdvalid "$MOFC_CORPUS/dmtf-dtd/DSP0203_2.4.0.dtd" "$f" ||
            fail "$f is not valid against DSP0203 2.4.0"
    done
fi

# --no-qualifiers: no QUALIFIER and no QUALIFIER.DECLARATION at all.
run_mofc xml --no-qualifiers -o bare.xml "$MOFC_ROOT/tests/golden/clean-schema/input.mof"
expect_status 0
grep -q 'QUALIFIER' bare.xml && fail "qualifiers written with --no-qualifiers"
grep -qF '<PROPERTY NAME="Kind" TYPE="uint16">' bare.xml || fail "properties missing"
if [[ -n ${MOFC_CORPUS:-} ]]; then
    xmllint --noout --dtdvalid "$MOFC_CORPUS/dmtf-dtd/DSP0203_2.4.0.dtd" bare.xml ||
        fail "bare.xml is not valid against DSP0203 2.4.0"
fi

# -o to a device writes through it; it must not be replaced by a file.
run_mofc xml -o /dev/null hostile.mof
expect_status 0
[[ -c /dev/null ]] || fail "/dev/null is no longer a character device"
run_mofc mof -o /dev/stdout hostile.mof
expect_status 0
expect_stdout_contains "class Test_A"
# A symbolic link is written through and stays a link.
printf 'old' >sym-target.xml
ln -s sym-target.xml sym-link.xml
run_mofc xml -o sym-link.xml hostile.mof
expect_status 0
[[ -L sym-link.xml ]] || fail "sym-link.xml was replaced by a file"
grep -q "<CIM " sym-target.xml || fail "the target of the link was not written"
# No temporary file is left beside an output.
ls ./*.tmp.* >/dev/null 2>&1 && fail "temporary files left: $(ls ./*.tmp.*)"

# Standard output when there is no -o.
run_mofc xml hostile.mof
expect_status 0
expect_stdout_contains '<CIM CIMVERSION="2.0" DTDVERSION="2.0">'
exit 0
