#!/bin/bash
# -MD -MF writes a Make depfile naming every file read, and nothing of mofc's own.
. "$MOFC_TESTLIB/common.sh"

mkdir -p sub
printf '#pragma include ("sub/a.mof")\n' >root.mof
printf '#pragma include ("b.mof")\nclass Test_A { [Key] string Name; };\n' >sub/a.mof
printf 'class Test_B { [Key] string Name; };\n' >sub/b.mof
run_mofc check -MD -MF deps.d -MT stamp root.mof
expect_status 0
[[ -f deps.d ]] || fail "no depfile written"
grep -q '^stamp:' deps.d || fail "target missing: $(cat deps.d)"
for f in root.mof sub/a.mof sub/b.mof; do
    grep -qF "$f" deps.d || fail "$f missing from depfile: $(cat deps.d)"
done
grep -q '<mofc>' deps.d && fail "built-in schema files leaked into the depfile"
# Phony targets for each dependency, so deleting a file does not break make.
grep -q '^sub/b.mof:' deps.d || fail "no phony target: $(cat deps.d)"
# Make can read it.
printf 'include deps.d\nstamp:\n\ttouch stamp\n' >Makefile
make -s -f Makefile >/dev/null || fail "make rejects the depfile"
exit 0
