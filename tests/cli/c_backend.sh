#!/bin/bash
# mofc c on the command line: the class closure of --class, -o DIR rules,
# --template-dir replacing built-in templates (and located template
# errors), depfiles, byte-identical reruns, and only changed files
# rewritten.
. "$MOFC_TESTLIB/common.sh"

cat >shapes.mof <<'MOF'
class Shape { [Key] string Id; };
class Circle : Shape { real64 Radius; };
class Colour { [Key] string Name; };
class Style { [Key] string Id; [EmbeddedInstance("Colour")] string Fill; };
[Association] class Painted { [Key] Shape REF Thing; [Key] Style REF How; };
class Unrelated { [Key] string Id; };
MOF

listing() { (cd "$1" && ls | tr '\n' ' '); }

# --class: the class, its superclasses, REF targets, embedded classes.
run_mofc c -o sel --class Circle shapes.mof
expect_status 0
[[ $(listing sel) == "Circle.c Circle.h Shape.c Shape.h cim_cimxml.c cim_classes.h cim_json.c cim_runtime.h " ]] ||
    fail "--class Circle wrote: $(listing sel)"
run_mofc c -o sel2 --class painted shapes.mof
expect_status 0
[[ $(listing sel2) == "Colour.c Colour.h Painted.c Painted.h Shape.c Shape.h Style.c Style.h cim_cimxml.c cim_classes.h cim_json.c cim_runtime.h " ]] ||
    fail "--class painted wrote: $(listing sel2)"
grep -q 'const struct Colour \*Fill;' sel2/Style.h || fail "embedded instance not typed"
grep -q '#include "Unrelated.h"' sel2/cim_classes.h && fail "cim_classes.h includes an unselected class"
run_mofc c -o sel3 --class Circel shapes.mof
expect_status 1
expect_stderr_contains "--class Circel: no such class; did you mean 'Circle'?"
[[ -e sel3 ]] && fail "an unknown --class still created the directory"

# Classes named like A and A_B could define the same C names: checked
# before anything is written.
cat >clash.mof <<'MOF'
class Clash_A { [Key] string Id; [ValueMap {"1"}, Values {"One"}] uint16 B_C; };
class Clash_A_B { [Key] string Id; [ValueMap {"1"}, Values {"One"}] uint16 C; };
class Clash_A_Z { [Key] string Id; string Y; };
MOF
run_mofc c -o clash clash.mof
expect_status 1
expect_stderr_contains "clash.mof:2:7: error: classes 'Clash_A' and 'Clash_A_B' would both define the C name 'Clash_A_B_C' (and 11 more); rename a class, property, method or value so that they differ"
[[ $(grep -c 'error:' "$ERR") == 1 ]] || fail "Clash_A_Z shares no name with Clash_A: $(cat "$ERR")"
[[ -z $(ls clash 2>/dev/null) ]] || fail "files were written despite the clash"
# Method parameter structs take part: Clash_X's Run_In and Clash_X_Run's In.
cat >clash2.mof <<'MOF'
class Clash_X { [Key] string Id; uint32 Run([In] string A); };
class Clash_X_Run { [Key] string Id; [ValueMap {"1"}, Values {"One"}] uint32 In; };
MOF
run_mofc c -o clash2 clash2.mof
expect_status 1
expect_stderr_contains "error: classes 'Clash_X' and 'Clash_X_Run' would both define the C name 'Clash_X_Run_In'"

# -o DIR is required and must be a directory.
run_mofc c shapes.mof
expect_status 2
expect_stderr_contains "c: -o DIR is required"
touch plain
run_mofc c -o plain shapes.mof
expect_status 2
expect_stderr_contains "'plain' is not a directory"
run_mofc c -o deep/er/out shapes.mof
expect_status 0
[[ -f deep/er/out/Shape.h ]] || fail "missing parent directories were not created"

# A file that cannot be written: exit 2, said once, the reason given.
mkdir -p blocked/Circle.h
run_mofc c -o blocked shapes.mof
expect_status 2
expect_stderr_contains "cannot write 'blocked/Circle.h': Is a directory"
[[ $(grep -c 'error' "$ERR") == 1 ]] || fail "more than one error for one failed write: $(cat "$ERR")"

# Errors in the MOF: exit 1, nothing written.
printf 'class Broken : Missing { };\n' >broken.mof
run_mofc c -o never broken.mof
expect_status 1
[[ -e never ]] && fail "a MOF with errors still produced output"

# --template-dir: files found there replace the built-in ones.
mkdir tpl
printf '/* custom: {{class}} has {{nproperties}} properties */\n' >tpl/class.c.tpl
run_mofc c -o custom --template-dir tpl shapes.mof
expect_status 0
[[ $(cat custom/Circle.c) == "/* custom: Circle has 2 properties */" ]] ||
    fail "custom template not used: $(head -c 200 custom/Circle.c)"
grep -q 'typedef struct Circle' custom/Circle.h || fail "built-in class.h.tpl not used"
mkdir badtpl
printf 'ok\n{{#enums}}{{nmae}}{{/enums}}\n' >badtpl/class.h.tpl
run_mofc c -o bad --template-dir badtpl shapes.mof
expect_status 1
expect_stderr_contains "badtpl/class.h.tpl:2:13: error: unknown name 'nmae' in template; did you mean 'name'?"
[[ -z $(ls bad 2>/dev/null) ]] || fail "a broken template still wrote files"
run_mofc c -o x --template-dir no-such-dir shapes.mof
expect_status 2
expect_stderr_contains "--template-dir 'no-such-dir' is not a directory"

# Depfile: the header including all depends on every file read.
printf '#pragma include ("shapes.mof")\n' >top.mof
run_mofc c -o dep -MD top.mof
expect_status 0
[[ -f dep/cim_classes.h.d ]] || fail "no depfile at dep/cim_classes.h.d"
# Target first, the other outputs beside it (see tests/cli/build_systems.sh).
grep -q '^dep/cim_classes.h \\$' dep/cim_classes.h.d || fail "depfile target: $(head -1 dep/cim_classes.h.d)"
grep -q '^ dep/Circle.c \\$' dep/cim_classes.h.d || fail "depfile lacks dep/Circle.c"
grep -q '^  shapes.mof$' dep/cim_classes.h.d || fail "depfile lacks shapes.mof"
run_mofc c -o dep2 -MD -MF my.d -MT stamp top.mof
expect_status 0
grep -q '^stamp \\$' my.d || fail "-MF/-MT not honoured"

# Byte-identical from run to run, wherever the output goes.
run_mofc c -o again shapes.mof
run_mofc c -o again2 shapes.mof
diff -r again again2 >/dev/null || fail "two runs differ"
grep -rq "$PWD" again && fail "output holds an absolute path"

# Only what changed is rewritten.
touch -d '2001-01-01 00:00' again/*
sed -i 's/real64 Radius;/[Description("Half the diameter.")] real64 Radius;/' shapes.mof
run_mofc c -o again shapes.mof
expect_status 0
for f in again/*; do
    case $f in
    again/Circle.[ch]) [[ $(date -r "$f" +%Y) != 2001 ]] || fail "$f was not rewritten" ;;
    *) [[ $(date -r "$f" +%Y) == 2001 ]] || fail "$f rewritten although unchanged" ;;
    esac
done
grep -q 'Half the diameter.' again/Circle.h || fail "new description missing"
exit 0
