#!/bin/bash
# The iSCSI driver sample's MOFs through --cpp: def.mof #defines
# GENERATE_HEADER and a multi-line MODULE_HEADER and #includes common.mof,
# which #includes the WDK headers iscsidsc.h and iscsierr.h (not in the
# corpus; tests/corpus/iscsi-include/ holds stand-ins).  Every diagnostic
# names the original file and line, with its include chain.
. "$MOFC_TESTLIB/common.sh"
need_corpus
command -v cpp >/dev/null || skip "needs cpp (the C preprocessor)"
src=$MOFC_CORPUS/microsoft+Windows-driver-samples/storage/iscsi/src
standin=$MOFC_ROOT/tests/corpus/iscsi-include
wmi=(--color=never --dialect=wmi --with wmi)

# Without the WDK headers: cpp's error, at the #include in common.mof.
run_mofc check "${wmi[@]}" --cpp "$src/def.mof"
expect_status 1
cat >expected <<'TXT'
microsoft+Windows-driver-samples/storage/iscsi/src/common.mof:17:10: error: cannot find included file 'iscsidsc.h'
TXT
expect_diagnostics expected
expect_stderr_contains "In file included from $src/def.mof:33:1:"
expect_stderr_contains '   17 | #include "iscsidsc.h"'

# With the stand-ins: clean but for three classes used only as embedded
# objects, reported in common.mof (where they are) under def.mof.
run_mofc check "${wmi[@]}" --cpp -I "$standin" -MD -MF deps.d -MT stamp "$src/def.mof"
expect_status 0
cat >expected <<'TXT'
microsoft+Windows-driver-samples/storage/iscsi/src/common.mof:342:7: warning: concrete class 'ISCSI_TargetPortalGroup' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+Windows-driver-samples/storage/iscsi/src/common.mof:363:7: warning: concrete class 'ISCSI_LoginOptions' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
microsoft+Windows-driver-samples/storage/iscsi/src/common.mof:444:7: warning: concrete class 'ISCSI_TargetMapping' has no key properties, so its instances have no identity (mark it Abstract, or give it a Key) [-Wkey]
TXT
expect_diagnostics expected
[[ $(grep -c "^In file included from $src/def.mof:33:1:" "$ERR") == 3 ]] ||
    fail "include chain missing: $(cat "$ERR")"
printf 'stamp: \\\n  %s \\\n  %s \\\n  %s \\\n  %s\n' "$src/def.mof" "$src/common.mof" \
    "$standin/iscsidsc.h" "$standin/iscsierr.h" >deps.expected
head -n 5 deps.d >deps.head
expect_same deps.expected deps.head

# The macros reached the model: MODULE_HEADER's lines joined into one
# cpp_quote string, GENERATE_HEADER (TRUE) as WmiGenerateHeader.
run_mofc mof "${wmi[@]}" --cpp -I "$standin" --class ISCSI_IP_Address "$src/def.mof"
expect_status 0
expect_stdout_contains '[WmiGenerateHeader, WMI, DisplayName("IP Address") : Amended'
expect_stdout_contains 'cpp_quote("\n//****'
expect_stdout_contains '//  iscsidef.h\n'
expect_stdout_contains '// (security flag definitions)\n'

# common.mof alone needs what def.mof defines: given with -D.
run_mofc check "${wmi[@]}" --cpp -I "$standin" -DGENERATE_HEADER=FALSE -DMODULE_HEADER='"// x\n"' \
    -Wno-key "$src/common.mof"
expect_status 0
expect_stderr_empty

# iscsiprf.mof is UTF-16LE with CRLF and no directives: the same
# diagnostics, at the same lines and columns, with and without --cpp.
run_mofc check "${wmi[@]}" "$src/iscsiprf.mof"
expect_status 0
cp "$ERR" plain.stderr
run_mofc check "${wmi[@]}" --cpp "$src/iscsiprf.mof"
expect_status 0
[[ -s plain.stderr ]] || fail "iscsiprf.mof gave no diagnostics to compare"
expect_same plain.stderr "$ERR"
exit 0
