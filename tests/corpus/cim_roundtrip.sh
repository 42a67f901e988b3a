#!/bin/bash
# The full CIM schema through canonical MOF and back, and through CIM-XML
# and back, gives the same model.
. "$MOFC_TESTLIB/common.sh"
need_corpus
cim=$MOFC_CORPUS/microsoft+omi/Unix/share/omischema/CIM_Schema.mof
run_mofc mof -o cim.mof "$cim"
expect_status 0
run_mofc mof -o again.mof cim.mof
expect_status 0
expect_same cim.mof again.mof
for flag in "" --flatten; do
    run_mofc xml $flag -o a.xml "$cim"
    expect_status 0
    run_mofc xml $flag -o b.xml cim.mof
    expect_status 0
    expect_same a.xml b.xml
    # MOF -> XML -> read back -> MOF -> XML
    run_mofc mof -o back.mof a.xml
    expect_status 0
    run_mofc xml $flag -o c.xml back.mof
    expect_status 0
    expect_same a.xml c.xml
done
exit 0
