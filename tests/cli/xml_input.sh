#!/bin/bash
# CIM-XML as input: read into the same model as MOF, mixed with MOF on one
# command line, with located diagnostics for bad XML; and the round trip
# MOF -> XML -> read back -> MOF -> XML is byte-identical.
. "$MOFC_TESTLIB/common.sh"

# Round trips on the bundled schema and a schema with instances and aliases.
for in in "$MOFC_ROOT/schemas/win32/CIMWin32.mof" "$MOFC_ROOT/tests/golden/clean-schema/input.mof"; do
    for flag in "" --flatten; do
        run_mofc xml $flag -o first.xml "$in"
        expect_status 0
        run_mofc mof -o back.mof first.xml
        expect_status 0
        run_mofc xml $flag -o second.xml back.mof
        expect_status 0
        expect_same first.xml second.xml
        run_mofc xml $flag -o direct.xml first.xml
        expect_status 0
        expect_same first.xml direct.xml
        if [[ -n ${MOFC_CORPUS:-} ]]; then
            xmllint --noout --dtdvalid "$MOFC_CORPUS/dmtf-dtd/DSP0203_2.4.0.dtd" first.xml ||
                fail "first.xml ($flag) is not valid against DSP0203 2.4.0"
        fi
    done
done

# A superclass from XML, a subclass from MOF.
run_mofc xml -o base.xml "$MOFC_ROOT/schemas/win32/CIMWin32.mof"
printf 'class Test_Mine : Win32_LogonSession {\n    string Extra;\n};\n' >mine.mof
run_mofc check -v mine.mof base.xml
expect_status 0
expect_stdout_contains "5 classes"

# Broken XML: located, exit 1.
printf '<?xml version="1.0"?>\n<CIM CIMVERSION="2.0" DTDVERSION="2.0">\n<DECLARATION>\n</CIM>\n' >bad.xml
run_mofc check --color=never bad.xml
expect_status 1
expect_stderr_contains "bad.xml:4:1: error: "

# Well-formed, but not CIM-XML.
printf '<?xml version="1.0"?>\n<html/>\n' >html.xml
run_mofc check --color=never html.xml
expect_status 1
expect_stderr_contains "not a CIM-XML document (the root element is <html>)"

# Values are checked as MOF's are.
cat >values.xml <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0"><DECLARATION><DECLGROUP>
<VALUE.OBJECT><CLASS NAME="Test_A">
<PROPERTY NAME="Name" TYPE="string"><QUALIFIER NAME="Key" TYPE="boolean"><VALUE>TRUE</VALUE></QUALIFIER></PROPERTY>
<PROPERTY NAME="Small" TYPE="uint8"><VALUE>300</VALUE></PROPERTY>
</CLASS></VALUE.OBJECT>
</DECLGROUP></DECLARATION></CIM>
XML
run_mofc check --color=never values.xml
expect_status 1
expect_stderr_contains "values.xml:5:1: error: value 300 is out of range for uint8"
exit 0
