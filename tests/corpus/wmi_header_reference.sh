#!/bin/bash
# mofc wmi-header against the header Microsoft's wmimofck -h -m made from
# the same MOF (Windows Server 2003 DDK, wmicore.mof -> wmidata.h): every
# GUID, struct member list and #define of the reference compared by meaning
# (tests/lib/wmihdr_facts.py); at least 99 % must be equal.
. "$MOFC_TESTLIB/common.sh"
need_corpus
command -v python3 >/dev/null || skip "needs python3"
ddk=$MOFC_CORPUS/9176324+Shark/WinDDK/3790.1830/inc/ddk
mof=$ddk/w2k/wmicore.mof
ref=$ddk/wdm/w2k/wmidata.h
[[ -f $mof && -f $ref ]] || skip "no wmicore.mof / wmidata.h in the corpus"

# The include guard is named after the output file, as wmimofck's.
run_mofc wmi-header -m --dialect=wmi --with wmi -Wno-key -Wno-valuemap -Wno-syntax "$mof" \
    -o wmidata.h
expect_status 0
expect_stderr_empty
python3 "$MOFC_TESTLIB/wmihdr_facts.py" "$ref" wmidata.h 99 >facts.log ||
    { cat facts.log >&2; fail "$(tail -n 1 facts.log)"; }
echo "$(tail -n 1 facts.log)"

# The comparator sees a difference: one member type changed in the reference.
sed 's/^    ULONG Size;/    LONG Size;/' "$ref" >changed.h
python3 "$MOFC_TESTLIB/wmihdr_facts.py" changed.h wmidata.h 100 >changed.log &&
    fail "the comparator missed a changed member type"
grep -q '^differs: struct MSWmi_MofData$' changed.log || fail "changed struct not named: $(head -3 changed.log)"

# Byte-identical run to run.
mkdir -p again
run_mofc wmi-header -m --dialect=wmi --with wmi -Wno-key -Wno-valuemap -Wno-syntax "$mof" \
    -o again/wmidata.h
expect_status 0
expect_same wmidata.h again/wmidata.h
exit 0
