#!/bin/bash
# Every WMI driver MOF of the corpus that checks goes to binary MOF and
# back to the same model: the canonical MOF, the flattened CIM-XML and the
# driver header (wmi-header -m) of the blob equal those of the MOF, byte
# for byte.
. "$MOFC_TESTLIB/common.sh"
need_corpus
dir=$MOFC_CORPUS/microsoft+Windows-driver-samples
flags=(--dialect=wmi --with wmi -Wno-key -Wno-valuemap)

roundtrip() { # file
    local f=$1
    run_mofc bmf "${flags[@]}" "$f" -o x.bmf
    expect_status 0
    run_mofc mof "${flags[@]}" "$f" -o a.mof
    expect_status 0
    run_mofc mof "${flags[@]}" x.bmf -o b.mof
    expect_status 0
    expect_same a.mof b.mof
    run_mofc xml --flatten "${flags[@]}" "$f" -o a.xml
    run_mofc xml --flatten "${flags[@]}" x.bmf -o b.xml
    expect_status 0
    expect_same a.xml b.xml
    mkdir -p a b
    run_mofc wmi-header -m "${flags[@]}" "$f" -o a/wmi.h
    expect_status 0
    run_mofc wmi-header -m "${flags[@]}" x.bmf -o b/wmi.h
    expect_status 0
    expect_same a/wmi.h b/wmi.h
}

n=0
for f in wmi/wmisamp/wmisamp.mof wmi/wmiacpi/acpimof.mof general/pcidrv/kmdf/PCIDRV.mof \
         general/toaster/toastDrv/kmdf/func/featured/toaster.mof hid/firefly/driver/firefly.mof \
         storage/msdsm/src/dsmtrace.mof \
         network/ndis/extension/samples/forward/MSForwardExtPolicy.mof \
         storage/iscsi/src/iscsiprf.mof; do
    roundtrip "$dir/$f"
    n=$((n + 1))
done
[[ $n == 8 ]] || fail "only $n files went round"

# The DDK's wmicore.mof (107 KB, the WMI classes of Windows itself; raw
# line breaks in strings, hence -Wno-syntax).
core=$MOFC_CORPUS/9176324+Shark/WinDDK/3790.1830/inc/ddk/w2k/wmicore.mof
flags+=(-Wno-syntax)
roundtrip "$core"
exit 0
