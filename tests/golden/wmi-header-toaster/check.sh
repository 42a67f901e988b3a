#!/bin/bash
# The header of the toaster sample's MOF (the featured KMDF driver includes
# it as ToasterMof.h), with -m as its build makes it: byte-identical to the
# reviewed golden file.  Skipped without the corpus, which holds the MOF.
. "$MOFC_TESTLIB/common.sh"
need_corpus
mof=$MOFC_CORPUS/microsoft+Windows-driver-samples/general/toaster/toastDrv/kmdf/func/featured/toaster.mof
run_mofc wmi-header -m --dialect=wmi --with wmi "$mof" -o ToasterMof.h
expect_status 0
expect_stderr_empty
if [[ ${MOFC_UPDATE_GOLDEN:-} == 1 ]]; then
    cp ToasterMof.h "$MOFC_ROOT/tests/golden/wmi-header-toaster/expected.ToasterMof.h"
fi
expect_same expected.ToasterMof.h ToasterMof.h
exit 0
