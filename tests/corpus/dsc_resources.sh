#!/bin/bash
# Every PowerShell DSC resource schema (PSDscResources, ComputerManagementDsc)
# checks clean in the DMTF dialect with the shipped DSC base schema.
. "$MOFC_TESTLIB/common.sh"
need_corpus
n=0
while IFS= read -r f; do
    run_mofc check --color=never --with dsc "$f"
    expect_status 0
    expect_stderr_empty
    n=$((n + 1))
done < <(find "$MOFC_CORPUS/PowerShell+PSDscResources" \
              "$MOFC_CORPUS/dsccommunity+ComputerManagementDsc" -name '*.schema.mof' | sort)
[[ $n -eq 30 ]] || fail "expected 30 schemas, checked $n"

# Without the pack, the missing base class is named with the fix.
f=$(find "$MOFC_CORPUS/PowerShell+PSDscResources" -name 'MSFT_ScriptResource.schema.mof')
run_mofc check --color=never "$f"
expect_status 1
expect_stderr_contains "superclass 'OMI_BaseResource' of class 'MSFT_ScriptResource' is not declared"
expect_stderr_contains "note: 'OMI_BaseResource' is in mofc's 'dsc' base schema: add --with dsc"
exit 0
