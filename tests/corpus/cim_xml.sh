#!/bin/bash
# The full CIM schema as CIM-XML, as declared and flattened, is valid
# against the DSP0203 2.4.0 DTD.
. "$MOFC_TESTLIB/common.sh"
need_corpus
command -v xmllint >/dev/null || skip "needs xmllint (libxml2-utils)"
cim=$MOFC_CORPUS/microsoft+omi/Unix/share/omischema/CIM_Schema.mof
dtd=$MOFC_CORPUS/dmtf-dtd/DSP0203_2.4.0.dtd
for flag in "" --flatten; do
    run_mofc xml $flag -o cim.xml "$cim"
    expect_status 0
    xmllint --noout --dtdvalid "$dtd" cim.xml || fail "CIM-XML ($flag) is not DTD-valid"
    [[ $(grep -c '<CLASS ' cim.xml) -eq 1418 ]] || fail "expected 1418 classes ($flag)"
done
exit 0
