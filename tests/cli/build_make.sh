#!/bin/bash
# Make recipes, run incrementally: the first build runs mofc, a second runs
# nothing, touching a MOF, an included file or a template reruns exactly
# the rules that read it, once.  MOFC in the Makefile is a wrapper that
# logs each run, so reruns are counted, not guessed.
. "$MOFC_TESTLIB/common.sh"
# File times advance by the kernel's clock tick (up to 10 ms): a file
# touched right after mofc ran could get the stamp's very time.
bump() { sleep 0.02; touch "$@"; }
command -v make >/dev/null || skip "no make"

mkdir -p tpl
printf '#pragma include ("base.mof")\nclass Test_Leaf : Test_Base { string Extra; };\n' >schema.mof
printf 'class Test_Base { [Key] string Name; };\n' >base.mof
printf '{{! replaced }}{{banner}}\n#include "cim_runtime.h"\n' >tpl/all.h.tpl
cat >mofc-logged <<SH
#!/bin/bash
echo "\$1" >>"$PWD/runs.log"
exec "$MOFC" "\$@"
SH
chmod +x mofc-logged
: >runs.log

# The README's recipes: C bindings and pages behind stamps, and C bindings
# whose target is the header mofc writes (no stamp).
cat >Makefile <<'MK'
MOFC = ./mofc-logged
all: gen/stamp pages/stamp bare/cim_classes.h

gen/stamp: schema.mof
	$(MOFC) c -MD --stamp $@ --template-dir tpl -o gen schema.mof
pages/stamp: schema.mof
	$(MOFC) doc -MD --stamp $@ -o pages schema.mof
bare/cim_classes.h: schema.mof
	$(MOFC) c -MD -o bare schema.mof

-include gen/stamp.d pages/stamp.d bare/cim_classes.h.d
MK

# build EXPECTED-RUNS WHAT: one make; the runs it made, sorted, must equal
# EXPECTED-RUNS (e.g. "c c doc"); then a second make must run nothing.
build() {
    local want=$1 got
    : >runs.log
    make -s >make.log 2>&1 || fail "make failed ($2): $(cat make.log)"
    got=$(sort runs.log | tr '\n' ' ' | sed 's/ $//')
    [[ $got == "$want" ]] || fail "$2: mofc runs '$got', expected '$want'"
    : >runs.log
    make -s >make.log 2>&1 || fail "make failed ($2, again): $(cat make.log)"
    [[ ! -s runs.log ]] || fail "$2: a second make ran mofc again: $(tr '\n' ' ' <runs.log)"
    make -q || fail "$2: make -q says something is out of date"
}

build "c c doc" "first build"
[[ -f gen/Test_Leaf.c && -f pages/index.md && -f bare/cim_classes.h ]] || fail "outputs missing"
build "" "nothing changed"
bump schema.mof
build "c c doc" "schema.mof touched"
bump base.mof
build "c c doc" "included base.mof touched"
bump tpl/all.h.tpl
build "c" "template touched"
rm gen/stamp
build "c" "stamp deleted"
# A change that leaves gen/Test_Base.h's bytes alone keeps its mtime.
before=$(stat -c %y gen/Test_Base.h)
printf '#pragma include ("base.mof")\nclass Test_Leaf : Test_Base { string Extra; string More; };\n' >schema.mof
build "c c doc" "schema.mof edited"
[[ $(stat -c %y gen/Test_Base.h) == "$before" ]] || fail "an unchanged header was rewritten"
grep -q More gen/Test_Leaf.h || fail "the edit did not reach gen/Test_Leaf.h"
build "" "nothing changed at the end"
exit 0
