#!/bin/bash
# Each subcommand takes only the options that apply to it (exit 2 and a
# message naming where the option applies), `mofc SUB --help` prints that
# subcommand's usage, and `check -MD` writes nothing beside the sources.
. "$MOFC_TESTLIB/common.sh"

mkdir src
printf 'class Test_A { [Key] string Name; };\n' >src/a.mof

# Options that belong to another subcommand.
expect_refused() { # message args...
    local msg=$1
    shift
    run_mofc "$@"
    expect_status 2
    expect_stderr_contains "$msg"
    expect_stdout_empty
}
expect_refused "error: --flatten applies only to xml, not to check" check --flatten src/a.mof
expect_refused "error: --no-qualifiers applies only to xml, not to mof" mof --no-qualifiers src/a.mof
expect_refused "error: --template-dir applies only to c and doc, not to xml" \
    xml --template-dir=t src/a.mof
expect_refused "error: --format applies only to doc, not to c" c --format=html -o out src/a.mof
expect_refused "error: --mfl applies only to split, not to doc" doc --mfl x.mfl -o out src/a.mof
expect_refused "error: --class applies only to xml, mof, bmf, c, doc, split and wmi-header, not to check" \
    check --class Test_A src/a.mof
expect_refused "error: -m applies only to wmi-header, not to xml" xml -m src/a.mof
expect_refused "error: -o does not apply to check" check -o out.txt src/a.mof
expect_refused "error: -v applies only to check, c and doc, not to xml" xml -v src/a.mof
expect_refused "try 'mofc check --help'" check --flatten src/a.mof
[[ ! -e out && ! -e out.txt ]] || fail "a refused command wrote output"

# Options that do apply are still accepted wherever they belong.
run_mofc xml --flatten --no-qualifiers --class Test_A -o a.xml src/a.mof
expect_status 0
run_mofc check -v --locale fr --namespace root/x -Wall --stamp s src/a.mof
expect_status 0

# SUB --help: that subcommand's usage and only its options, exit 0.
for sub in check xml mof bmf c doc split wmi-header; do
    run_mofc "$sub" --help
    expect_status 0
    expect_stdout_contains "usage: mofc $sub "
    expect_stdout_contains "--stamp FILE"
    expect_stderr_empty
done
run_mofc check --help
grep -q -- '--flatten' "$OUT" && fail "check --help lists --flatten"
grep -q -- '--template-dir' "$OUT" && fail "check --help lists --template-dir"
run_mofc xml --help
expect_stdout_contains "--flatten"
grep -q -- '--mfl' "$OUT" && fail "xml --help lists --mfl"
run_mofc doc -h
expect_status 0
expect_stdout_contains "--format=md|html"
# --help wins over missing inputs and later mistakes.
run_mofc c --help --bogus
expect_status 0
# The overall --help marks where each restricted option applies.
run_mofc --help
expect_stdout_contains "--flatten"
expect_stdout_contains "[xml]"

# check -MD: no output to name the depfile after, so it needs -MF, -MT or
# --stamp, and nothing may appear in src/.
run_mofc check -MD src/a.mof
expect_status 2
expect_stderr_contains "check -MD needs -MF FILE, -MT TARGET or --stamp FILE"
run_mofc xml -MD src/a.mof
expect_status 2
[[ $(ls src) == a.mof ]] || fail "a depfile landed in the source tree: $(ls src)"
run_mofc check -MD --stamp lint.ok src/a.mof
expect_status 0
[[ -f lint.ok && -f lint.ok.d ]] || fail "check --stamp: no stamp or depfile"
grep -q '^lint.ok:' lint.ok.d || fail "stamp is not the target: $(cat lint.ok.d)"
run_mofc check -MD -MF deps/check.d src/a.mof
expect_status 2
mkdir deps
run_mofc check -MD -MF deps/check.d src/a.mof
expect_status 0
[[ -f deps/check.d ]] || fail "-MF ignored"
[[ $(ls src) == a.mof ]] || fail "a file landed in the source tree: $(ls src)"
exit 0
