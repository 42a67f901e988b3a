#!/bin/bash
# The structs of mofc wmi-header against the WMI wire layout (the items in
# WmiDataId order at natural alignment, tests/lib/wmihdr_layout.py): the
# header compiles with gcc and clang (-std=c99 -Wall -Wextra -pedantic
# -Werror), 64-bit and, where the compiler can build it, -m32, and every
# sizeof, offsetof and _SIZE macro is the wire layout's.  Inputs: the data
# blocks of tests/cli/data/wmihdr.mof (with -m, with and without -u) and,
# with the corpus, the WMI MOFs of the DDK and the driver samples.
. "$MOFC_TESTLIB/common.sh"
command -v python3 >/dev/null || skip "needs python3"
command -v gcc >/dev/null || skip "needs gcc"

headers=()
gen() { # NAME ARGS...
    local name=$1
    shift
    mkdir -p "$name"
    run_mofc wmi-header --dialect=wmi --with wmi -Wno-key -Wno-valuemap -Wno-syntax "$@" \
        -o "$name/$name.h"
    expect_status 0
    headers+=("$name/$name.h")
}
gen own -m "$MOFC_ROOT/tests/cli/data/wmihdr.mof"
gen own_u -m -u "$MOFC_ROOT/tests/cli/data/wmihdr.mof"
grep -q 'WCHAR Name\[11\];' own_u/own_u.h || fail "-u: MaxLen(10) string not WCHAR Name[11]"
if [[ -n ${MOFC_CORPUS:-} && -d $MOFC_CORPUS ]]; then
    ddk=$MOFC_CORPUS/9176324+Shark/WinDDK/3790.1830/inc/ddk/w2k/wmicore.mof
    [[ -f $ddk ]] && gen wmicore -m "$ddk"
    s=$MOFC_CORPUS/microsoft+Windows-driver-samples
    for f in wmi/wmisamp/wmisamp.mof wmi/wmiacpi/acpimof.mof general/pcidrv/kmdf/PCIDRV.mof \
             general/toaster/toastDrv/kmdf/func/featured/toaster.mof \
             hid/firefly/driver/firefly.mof storage/iscsi/src/iscsiprf.mof; do
        [[ -f $s/$f ]] && gen "$(basename "$f" .mof)" -m -u "$s/$f"
    done
fi

# -m32 needs a 32-bit C library (gcc-multilib); without one that variant is left out.
printf '#include <stdio.h>\nint main(void) { return 0; }\n' >m32.c
runs=0
for cc in gcc clang; do
    command -v $cc >/dev/null || continue
    for bits in -m64 -m32; do
        if [[ $bits == -m32 ]] && ! $cc -m32 -o m32 m32.c 2>/dev/null; then
            echo "$cc: no -m32 (no 32-bit C library)"
            continue
        fi
        for h in "${headers[@]}"; do
            python3 "$MOFC_TESTLIB/wmihdr_layout.py" "$h" "$(dirname "$h")" $cc $bits \
                >layout.log || { cat layout.log >&2; fail "$h: $(tail -n 1 layout.log)"; }
            runs=$((runs + 1))
        done
    done
done
echo "${#headers[@]} headers, $runs compiler runs, layouts equal"

# The check sees a layout that is not the wire one.
python3 "$MOFC_TESTLIB/wmihdr_layout.py" own/own.h own gcc -fpack-struct >packed.log &&
    fail "packed structs passed the layout check"
grep -q "Test_Scalars.Big: compiler 1, wire layout 8" packed.log ||
    fail "packed layout not reported: $(head -3 packed.log)"
exit 0
