#!/bin/bash
# CIM-XML of the bundled Win32_LogonSession chain, as declared and
# flattened: byte-identical to the reviewed golden files, the same on a
# second run, and valid against the DSP0203 2.4.0 DTD (when the corpus,
# which holds the DTD, is beside the repository).
. "$MOFC_TESTLIB/common.sh"
schema=$MOFC_ROOT/schemas/win32/CIMWin32.mof
for mode in declared flattened; do
    flag=; [[ $mode == flattened ]] && flag=--flatten
    run_mofc xml $flag -o "$mode.xml" "$schema"
    expect_status 0
    expect_stderr_empty
    if [[ ${MOFC_UPDATE_GOLDEN:-} == 1 ]]; then
        cp "$mode.xml" "$MOFC_ROOT/tests/golden/xml-win32/expected.$mode.xml"
    fi
    expect_same "expected.$mode.xml" "$mode.xml"
    run_mofc xml $flag -o "again.xml" "$schema"
    cmp -s "$mode.xml" again.xml || fail "$mode: second run differs"
    if [[ -n ${MOFC_CORPUS:-} ]]; then
        xmllint --noout --dtdvalid "$MOFC_CORPUS/dmtf-dtd/DSP0203_2.4.0.dtd" "$mode.xml" ||
            fail "$mode.xml is not valid against DSP0203 2.4.0"
    fi
done
exit 0
