#!/bin/bash
# --stamp is touched on every successful run (even when no output changed)
# and never on a failed one; the depfile names the stamp, every output and
# every --template-dir template read, with make's escapes, and make and
# ninja both read it back.
. "$MOFC_TESTLIB/common.sh"
# File times advance by the kernel's clock tick (up to 10 ms): a file
# touched right after mofc ran could get the stamp's very time.
bump() { sleep 0.02; touch "$@"; }

mtime() { stat -c %Y.%y "$1"; }
older() { touch -d '2000-01-01 00:00:00' "$@"; }

mkdir -p 'in dir' tpl
printf '#pragma include ("sub#1 $x.mof")\nclass Test_A : Test_B { };\n' >'in dir/a.mof'
printf 'class Test_B { [Key] string Name; };\n' >'in dir/sub#1 $x.mof'
printf '{{! replaced }}{{banner}}\n#include "cim_runtime.h"\n' >tpl/all.h.tpl

run_mofc c -MD --stamp gen.stamp --template-dir tpl -o gen 'in dir/a.mof'
expect_status 0
[[ -f gen.stamp ]] || fail "no stamp"
[[ -f gen.stamp.d ]] || fail "no depfile beside the stamp (gen.stamp.d)"
d=$(cat gen.stamp.d)
# Target first, then the outputs, sorted; inputs and the template after ':'.
head -n 1 gen.stamp.d | grep -qx 'gen.stamp \\' || fail "target line: $(head -n 1 gen.stamp.d)"
for out in gen/Test_A.c gen/Test_A.h gen/Test_B.c gen/Test_B.h gen/cim_classes.h gen/cim_runtime.h; do
    grep -qx " $out \\\\\\|$out:\\| $out: \\\\" gen.stamp.d || fail "output $out missing: $d"
done
grep -qxF '  in\ dir/a.mof \' gen.stamp.d || fail "space not escaped: $d"
grep -qxF '  in\ dir/sub\#1\ $$x.mof \' gen.stamp.d || fail "# or \$ not escaped: $d"
grep -qxF '  tpl/all.h.tpl' gen.stamp.d || fail "template not listed: $d"
grep -q 'class.h.tpl' gen.stamp.d && fail "a built-in template listed: $d"
grep -qxF 'tpl/all.h.tpl:' gen.stamp.d || fail "no empty rule for the template: $d"

# A rerun with nothing changed writes no output but touches the stamp.
older gen.stamp gen/Test_A.c
before=$(mtime gen/Test_A.c)
run_mofc c -MD --stamp gen.stamp --template-dir tpl -o gen 'in dir/a.mof'
expect_status 0
[[ $(mtime gen/Test_A.c) == "$before" ]] || fail "an unchanged output was rewritten"
[[ gen.stamp -nt 'in dir/a.mof' ]] || fail "stamp not touched on an unchanged run"

# A failed run leaves the stamp alone.
older gen.stamp
before=$(mtime gen.stamp)
printf 'class Test_A : Test_Nope { };\n' >bad.mof
run_mofc c -MD --stamp gen.stamp -o gen bad.mof
expect_status 1
[[ $(mtime gen.stamp) == "$before" ]] || fail "stamp touched after a failed run"
run_mofc check --stamp new.stamp bad.mof
expect_status 1
[[ ! -e new.stamp ]] || fail "stamp created by a failed run"

# Without --stamp the default target (cim_classes.h) is brought up to date.
run_mofc c -MD -o gen2 'in dir/a.mof'
expect_status 0
older gen2/cim_classes.h gen2/Test_A.c
run_mofc c -MD -o gen2 'in dir/a.mof'
expect_status 0
[[ gen2/cim_classes.h -nt 'in dir/a.mof' ]] || fail "the depfile's target was not touched"
[[ gen2/Test_A.c -nt 'in dir/a.mof' ]] && fail "an output other than the target was touched"

# doc: the index is the default target; the pages are listed beside it.
run_mofc doc -MD -o pages 'in dir/a.mof'
expect_status 0
head -n 1 pages/index.md.d | grep -qx 'pages/index.md \\' || fail "doc target: $(head -n 1 pages/index.md.d)"
grep -q '^ pages/test-a.md \\$' pages/index.md.d || fail "doc page missing: $(cat pages/index.md.d)"

# xml and split: the named outputs.
run_mofc xml -MD -o 'out #1.xml' 'in dir/a.mof'
expect_status 0
grep -qxF 'out\ \#1.xml: \' 'out #1.xml.d' || fail "xml target: $(cat 'out #1.xml.d')"

# A path with a line break cannot be written: an error, not a broken file.
mkdir 'nl
dir'
printf 'class Test_N { [Key] string Name; };\n' >'nl
dir/n.mof'
run_mofc check -MD -MF nl.d 'nl
dir/n.mof'
expect_status 2
expect_stderr_contains "line break"

# make reads it back: the escaped names are the real files.
cat >Makefile <<'MK'
gen.stamp:
	touch gen.stamp
include gen.stamp.d
MK
older gen.stamp
make -s -f Makefile >/dev/null 2>make.err || fail "make rejects the depfile: $(cat make.err)"
[[ gen.stamp -nt 'in dir/a.mof' ]] || fail "make did not see the dependencies"
make -q -f Makefile || fail "make still thinks gen.stamp is out of date"
bump 'in dir/sub#1 $x.mof'
older gen.stamp
make -q -f Makefile && fail "make missed the escaped dependency"

# ninja too: its plain depfile reader wants every target declared as an
# output, and restat = 1 because unchanged outputs keep their mtime.
if command -v ninja >/dev/null; then
    run_mofc c -MD --stamp gen.stamp --template-dir tpl -o gen 'in dir/a.mof'
    outs=$(sed -n 's/^ \(gen\/[^ :]*\):\{0,1\} \\$/\1/p' gen.stamp.d | tr '\n' ' ')
    cat >build.ninja <<NJ
rule mofc
  command = "$MOFC" c -MD --stamp gen.stamp --template-dir tpl -o gen 'in dir/a.mof'
  depfile = gen.stamp.d
  restat = 1
build gen.stamp | $outs: mofc
NJ
    ninja >ninja.log 2>&1 || fail "ninja failed: $(cat ninja.log)"
    ninja -n -d explain >ninja.log 2>&1 || fail "ninja rejects the depfile: $(cat ninja.log)"
    grep -q 'no work to do' ninja.log || fail "ninja wants to rerun: $(cat ninja.log)"
    bump tpl/all.h.tpl
    ninja -n >ninja.log 2>&1 || fail "ninja failed: $(cat ninja.log)"
    grep -q 'mofc' ninja.log || fail "ninja missed the template change: $(cat ninja.log)"
    ninja >ninja.log 2>&1 || fail "ninja failed: $(cat ninja.log)"
    bump 'in dir/sub#1 $x.mof'
    ninja -n >ninja.log 2>&1 || fail "ninja failed: $(cat ninja.log)"
    grep -q 'mofc' ninja.log || fail "ninja missed the escaped include: $(cat ninja.log)"
fi
exit 0
