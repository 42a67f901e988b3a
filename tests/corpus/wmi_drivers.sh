#!/bin/bash
# The WMI driver MOFs (one UTF-16LE) check in the WMI dialect with the
# shipped WMI base schema.  Two of them are C-preprocessor input.
. "$MOFC_TESTLIB/common.sh"
need_corpus
dir=$MOFC_CORPUS/microsoft+Windows-driver-samples

for f in wmi/wmisamp/wmisamp.mof wmi/wmiacpi/acpimof.mof general/pcidrv/kmdf/PCIDRV.mof \
         general/toaster/toastDrv/kmdf/func/featured/toaster.mof hid/firefly/driver/firefly.mof \
         storage/msdsm/src/dsmtrace.mof \
         network/ndis/extension/samples/forward/MSForwardExtPolicy.mof; do
    run_mofc check --color=never --dialect=wmi --with wmi "$dir/$f"
    expect_status 0
    expect_stderr_empty
done

# UTF-16LE with BOM and CRLF.
run_mofc check --color=never --dialect=wmi --with wmi "$dir/storage/iscsi/src/iscsiprf.mof"
expect_status 0
cat >expected <<'TXT'
# These three classes are used as embedded objects by the classes of
# common.mof, which this file does not include; checked alone, they are
# concrete classes without keys, which WMI could not enumerate.
microsoft+Windows-driver-samples/storage/iscsi/src/iscsiprf.mof:35:7: warning: concrete class 'ISCSI_TargetPortalGroup' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+Windows-driver-samples/storage/iscsi/src/iscsiprf.mof:42:7: warning: concrete class 'ISCSI_LoginOptions' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
# Its BitMap entries are masks written in hex ("0x00000004"), as the
# cpp_quote beside them shows; BitMap holds bit positions.
microsoft+Windows-driver-samples/storage/iscsi/src/iscsiprf.mof:44:709: warning: property 'ISCSI_LoginOptions.InformationSpecified': BitMap entries are written in hex, like masks; BitMap holds bit positions, so "0x00000002" is bit 2 (mask 0x4), not the mask 0x2 [-Wvaluemap]
microsoft+Windows-driver-samples/storage/iscsi/src/iscsiprf.mof:50:702: warning: property 'ISCSI_LoginOptions.LoginFlags': BitMap entries are written in hex, like masks; BitMap holds bit positions, so "0x00000002" is bit 2 (mask 0x4), not the mask 0x2 [-Wvaluemap]
microsoft+Windows-driver-samples/storage/iscsi/src/iscsiprf.mof:63:7: warning: concrete class 'ISCSI_TargetMapping' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
TXT
expect_diagnostics expected

# common.mof and def.mof use #define and #include of C headers: they are
# input for the C preprocessor, which mofc says precisely instead of
# failing on the first macro it meets.
for f in common.mof def.mof; do
    run_mofc check --color=never --dialect=wmi --with wmi "$dir/storage/iscsi/src/$f"
    expect_status 1
    first=$(grep -m1 -E ': (error|warning): ' "$ERR")
    [[ $first == *"error: C preprocessor directive '#define' in MOF"* ]] ||
        fail "$f: first diagnostic is: $first"
done
exit 0
