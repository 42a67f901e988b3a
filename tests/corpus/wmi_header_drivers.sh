#!/bin/bash
# The driver samples that include a header generated from their MOF
# (toaster featured: ToasterMof.h, firefly: fireflymof.h, wmisamp:
# WmiData.h): mofc wmi-header -m writes it; every name of it that the
# sources use must be defined (tests/lib/wmihdr_uses.py finds them from the
# MOF's class, HeaderName, GuidName and method names), and a file of those
# uses -- each macro as a constant, each GUID, each type, each member
# access with the type of its pointer -- must compile with gcc and clang
# against the header and a stand-in for the Windows types
# (tests/lib/wmihdr_windows.h).  The WDK itself is not here, so the
# drivers' own code around the uses is not compiled.
. "$MOFC_TESTLIB/common.sh"
need_corpus
command -v python3 >/dev/null || skip "needs python3"
command -v gcc >/dev/null || skip "needs gcc"
dir=$MOFC_CORPUS/microsoft+Windows-driver-samples

check_driver() { # MOF HEADER SOURCES...
    local mof=$dir/$1 header=$2
    shift 2
    local srcs=()
    for s in "$@"; do srcs+=("$dir/$s"); done
    mkdir -p "${header%.h}"
    run_mofc wmi-header -m --dialect=wmi --with wmi "$mof" -o "${header%.h}/$header"
    expect_status 0
    expect_stderr_empty
    python3 "$MOFC_TESTLIB/wmihdr_uses.py" "${header%.h}/$header" "${header%.h}/uses.c" "$mof" \
        "${srcs[@]}" >"${header%.h}/uses.log" ||
        { cat "${header%.h}/uses.log" >&2; fail "$header: names the sources use are missing"; }
    local cc
    for cc in gcc clang; do
        command -v $cc >/dev/null || continue
        $cc -std=c99 -Wall -Wextra -pedantic -Werror -fsyntax-only -I"$MOFC_TESTLIB" \
            -I"${header%.h}" "${header%.h}/uses.c" ||
            fail "$cc: the uses of $header by ${*} do not compile"
    done
    echo "$header: $(cat "${header%.h}/uses.log")"
}

check_driver general/toaster/toastDrv/kmdf/func/featured/toaster.mof ToasterMof.h \
    general/toaster/toastDrv/kmdf/func/featured/toaster.c \
    general/toaster/toastDrv/kmdf/func/featured/wmi.c
grep -q 'ToasterControl1_OUT_SIZE' ToasterMof/uses.c || fail "toaster: method struct sizes not among the uses"
grep -q 'sizeof(((ToasterControl1_IN \*)0)->InData)' ToasterMof/uses.c ||
    fail "toaster: InBuffer->InData not among the uses"
# wmi.c defines ToasterDeviceInformation_SIZE itself (the block ends in a
# string): the header must not, or the two definitions would clash.
grep -q 'define ToasterDeviceInformation_SIZE' ToasterMof/ToasterMof.h &&
    fail "ToasterMof.h defines ToasterDeviceInformation_SIZE, which wmi.c defines"

check_driver hid/firefly/driver/firefly.mof fireflymof.h \
    hid/firefly/driver/wmi.c hid/firefly/driver/wmi.h hid/firefly/driver/firefly.h
grep -q 'FireflyDeviceInformation \*)0)->TailLit' fireflymof/uses.c ||
    fail "firefly: pInfo->TailLit not among the uses"

check_driver wmi/wmisamp/wmisamp.mof WmiData.h \
    wmi/wmisamp/wmisamp.c wmi/wmisamp/WmiHandler.c wmi/wmisamp/wmisamp.h
grep -q 'GUID use_[0-9]* = WmiSampleClass1Guid;' WmiData/uses.c ||
    fail "wmisamp: the GUID initializer macro not among the uses"

# A header lacking a name the driver uses fails the check.
grep -v 'define ToasterControl2_IN_SIZE' ToasterMof/ToasterMof.h >ToasterMof/cut.h
python3 "$MOFC_TESTLIB/wmihdr_uses.py" ToasterMof/cut.h ToasterMof/cut.c \
    "$dir/general/toaster/toastDrv/kmdf/func/featured/toaster.mof" \
    "$dir/general/toaster/toastDrv/kmdf/func/featured/wmi.c" >cut.log &&
    fail "a missing ToasterControl2_IN_SIZE went unnoticed"
grep -q 'not defined by the header: wmi.c:[0-9]*: ToasterControl2_IN_SIZE' cut.log ||
    fail "missing name not reported: $(cat cut.log)"
# ... and so does a member of another name.
sed 's/ULONG InData;/ULONG Input;/' ToasterMof/ToasterMof.h >ToasterMof/ToasterMof.h.new
mv ToasterMof/ToasterMof.h.new ToasterMof/ToasterMof.h
gcc -std=c99 -fsyntax-only -I"$MOFC_TESTLIB" -IToasterMof ToasterMof/uses.c 2>/dev/null &&
    fail "a renamed member still compiled"
exit 0
