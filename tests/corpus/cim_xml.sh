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
    # CIM_ProtocolEndpoint restates EnabledState without an initializer: as
    # declared it shows no VALUE, flattened the inherited 5.
    state=$(sed -n '/<CLASS NAME="CIM_ProtocolEndpoint"/,/<\/CLASS>/p' cim.xml |
        sed -n '/<PROPERTY NAME="EnabledState"/,/<\/PROPERTY>/p' | grep -o '^      <VALUE>[^<]*' || true)
    if [[ -z $flag ]]; then
        [[ -z $state ]] || fail "declared EnabledState override shows a VALUE: $state"
    else
        [[ $state == *'<VALUE>5' ]] || fail "flattened EnabledState lacks the inherited 5: $state"
    fi
done
exit 0
