#!/bin/bash
# PowerShell DSC for Linux: the LCM's base schema, the resource schemas, and
# compiled configuration documents (instances with aliases, embedded
# instances, UTF-16LE files, raw line breaks in strings), in the WMI
# dialect as the LCM reads them.  Each document is checked with every
# schema; the warnings are listed with why they are right.
. "$MOFC_TESTLIB/common.sh"
need_corpus
dir=$MOFC_CORPUS/microsoft+PowerShell-DSC-for-Linux
schemas=("$dir/LCM/dsc/mof/OMI_BaseResourceUE.mof"
         "$dir/LCM/dsc/mof/MSFT_FileDirectoryConfiguration.schema.mof")
while IFS= read -r f; do schemas+=("$f"); done < <(
    find "$dir/Providers" -name 'MSFT_*.schema.mof' ! -path '*nxNop*' | sort)

base_warnings() {
    cat <<'TXT'
# Six meta-configuration classes of the LCM have no key: their instances
# are singletons by convention, but the class does not say Singleton, so
# nothing in the schema identifies one.
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/mof/OMI_BaseResourceUE.mof:44:7: warning: concrete class 'OMI_ConfigurationDocument' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/mof/OMI_BaseResourceUE.mof:73:7: warning: concrete class 'OMI_MetaConfigurationResource' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/mof/OMI_BaseResourceUE.mof:89:7: warning: concrete class 'OMI_ConfigurationDownloadManager' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/mof/OMI_BaseResourceUE.mof:122:7: warning: concrete class 'OMI_ReportManager' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/mof/OMI_BaseResourceUE.mof:150:7: warning: concrete class 'OMI_ResourceModuleManager' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/mof/OMI_BaseResourceUE.mof:192:7: warning: concrete class 'MSFT_PartialConfiguration' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
# Links has ValueMap {"follow", "ignore"} but Values {"follow", "manage",
# "ignore"}: the value "manage" has no name, or the names are shifted.
microsoft+PowerShell-DSC-for-Linux/Providers/nxFileInventory/MSFT_nxFileInventoryResource.schema.mof:7:86: warning: property 'MSFT_nxFileInventoryResource.Links' has 2 ValueMap entries but 3 Values entries [-Wvaluemap]
TXT
}

check_doc() { # document, extra expected lines on stdin
    base_warnings >expected
    cat >>expected
    run_mofc check --color=never --dialect=wmi "${schemas[@]}" "$dir/$1"
    expect_status 0
    expect_diagnostics expected
}

check_doc Providers/Scripts/3.x/Scripts/Tests/test_mofs/nxMySqlGrant_add.mof </dev/null
check_doc Providers/Scripts/3.x/Scripts/Tests/test_mofs/nxOMSGenerateInventoryMof_test.mof </dev/null
check_doc Providers/Extras/Configuration_MOFs/nxFile_1.mof </dev/null
check_doc LCM/Base_Inventory.mof </dev/null
check_doc Providers/Scripts/3.x/Scripts/Tests/test_mofs/nxOMSAgentNPMConfig.mof <<'TXT'
# The plugin instance sets the key Name but not the second key WorkspaceID.
microsoft+PowerShell-DSC-for-Linux/Providers/Scripts/3.x/Scripts/Tests/test_mofs/nxOMSAgentNPMConfig.mof:14:13: warning: instance of 'MSFT_nxOMSPluginResource' has no value for key 'WorkspaceID' [-Winstance]
TXT
check_doc Providers/Extras/Configuration_MOFs/nxScript_1.mof <<'TXT'
# The scripts are written with raw line breaks inside the quotes, which
# the LCM accepts and DMTF MOF does not.
microsoft+PowerShell-DSC-for-Linux/Providers/Extras/Configuration_MOFs/nxScript_1.mof:3:14: warning: raw line break inside a string literal; write \n instead [-Wsyntax]
microsoft+PowerShell-DSC-for-Linux/Providers/Extras/Configuration_MOFs/nxScript_1.mof:5:14: warning: raw line break inside a string literal; write \n instead [-Wsyntax]
microsoft+PowerShell-DSC-for-Linux/Providers/Extras/Configuration_MOFs/nxScript_1.mof:9:15: warning: raw line break inside a string literal; write \n instead [-Wsyntax]
TXT
check_doc LCM/dsc/tests/Engine/ModuleLoader/testModuleLoader.mof <<'TXT'
# Ensure's ValueMap is {"Present", "Absent"}; "File" is not one of them.
# (checksum = "sha-1" against "SHA-1" differs only in case and passes.)
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/tests/Engine/ModuleLoader/testModuleLoader.mof:7:14: warning: value "File" of property 'MSFT_FileDirectoryConfiguration.Ensure' is not in its ValueMap [-Wvaluemap]
microsoft+PowerShell-DSC-for-Linux/LCM/dsc/tests/Engine/ModuleLoader/testModuleLoader.mof:18:14: warning: value "File" of property 'MSFT_FileDirectoryConfiguration.Ensure' is not in its ValueMap [-Wvaluemap]
TXT

# nxNop's schema includes MSFT_Qualifiers.mof and OMI_BaseResource.mof from
# the LCM engine's folder, which is not part of this corpus: both includes
# are reported, located, with the way to fix them.
run_mofc check --color=never --dialect=wmi "$dir/LCM/dsc/mof/OMI_BaseResourceUE.mof" \
    "$dir/Providers/nxNop/MSFT_nxNopResource.schema.mof" "$dir/Tests/Configurations/nxNopTest1.mof"
expect_status 1
expect_stderr_contains "MSFT_nxNopResource.schema.mof:1:18: error: cannot find included file 'MSFT_Qualifiers.mof'"
expect_stderr_contains "MSFT_nxNopResource.schema.mof:2:18: error: cannot find included file 'OMI_BaseResource.mof'"
[[ $(grep -c ': error: ' "$ERR") -eq 2 ]] || fail "expected exactly the two include errors"
exit 0
