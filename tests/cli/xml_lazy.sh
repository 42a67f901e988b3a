#!/bin/bash
# libxml2 is loaded only by the runs that read or write XML: the binary
# does not link it, `check` never loads it, `xml` and XML input do, and a
# libxml2 that cannot be used is a clear error, not a crash.
. "$MOFC_TESTLIB/common.sh"
command -v readelf >/dev/null || skip "needs readelf (binutils)"

if readelf -d "$MOFC" | grep -q 'NEEDED.*libxml2'; then
    fail "mofc links libxml2 (it should dlopen it on demand)"
fi

cat >a.mof <<'MOF'
class Test_A {
    [Key] string Name;
};
MOF

# LD_DEBUG=files makes the dynamic loader name every library it opens.
loaded() { # ARGS...: true if running mofc ARGS opened libxml2
    LD_DEBUG=files "$MOFC" "$@" >/dev/null 2>ld.log </dev/null || true
    grep -q 'file=libxml2\.so' ld.log
}
loaded --version && fail "mofc --version loaded libxml2"
loaded check a.mof && fail "mofc check loaded libxml2"
loaded c -o c a.mof && fail "mofc c loaded libxml2"
loaded xml -o a.xml a.mof || fail "mofc xml did not load libxml2 (or LD_DEBUG is unavailable)"
[[ -s a.xml ]] || fail "mofc xml wrote nothing"
loaded check a.xml || fail "reading CIM-XML did not load libxml2"

# A libxml2 without the functions mofc needs: found first through
# LD_LIBRARY_PATH, it is an error of the machine, not of the input: exit
# status 2, a message that says what is missing, no output, no crash.
command -v cc >/dev/null || skip "needs cc for the stand-in libxml2"
mkdir fake
echo 'int mofc_test_not_libxml2;' >fake/x.c
cc -shared -fPIC -Wl,-soname,libxml2.so.2 -o fake/libxml2.so.2 fake/x.c || fail "cc failed"
LD_LIBRARY_PATH=$PWD/fake run_mofc check a.xml
expect_status 2
expect_stderr_contains "a.xml:1:1: error: reading CIM-XML needs libxml2: libxml2.so.2 has no symbol"
LD_LIBRARY_PATH=$PWD/fake run_mofc xml -o b.xml a.mof
expect_status 2
expect_stderr_contains "error: CIM-XML output needs libxml2: libxml2.so.2 has no symbol"
grep -q "out of memory" "$ERR" && fail "the missing library was also reported as out of memory"
[[ ! -e b.xml ]] || fail "a failed xml run left b.xml behind"
# check does not need it at all.
LD_LIBRARY_PATH=$PWD/fake run_mofc check a.mof
expect_status 0
exit 0
