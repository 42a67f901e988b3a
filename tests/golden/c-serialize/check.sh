#!/bin/bash
# The serializers of the C bindings: serialize.mof generates and compiles
# warning-free (gcc, clang as C99 -pedantic; g++), serialize_test.c round
# trips every type through JSON, checks the errors of _from_json() (and,
# under valgrind when it is there, that nothing leaks), and writes the
# instances of instances.mof with _to_cimxml(); those must agree with
# `mofc xml` of the same MOF (compare_xml.py says what "agree" means).
. "$MOFC_TESTLIB/common.sh"
pkg-config --exists json-c || skip "needs json-c (libjson-c-dev)"
command -v python3 >/dev/null || skip "needs python3"
run_mofc c -o out serialize.mof
expect_status 0
expect_stderr_empty
c_sources out
compile_strict serialize_test serialize_test.c "${C_SOURCES[@]}" -- -Iout -lm
for exe in serialize_test.gcc serialize_test.clang serialize_test.cxx; do
    [[ -x $exe ]] || continue
    rm -f c1.xml c2.xml
    ./"$exe" >"$exe.out" 2>&1 || { cat "$exe.out"; fail "$exe failed"; }
    [[ $(cat "$exe.out") == ok ]] || fail "$exe printed: $(cat "$exe.out")"
    run_mofc xml serialize.mof instances.mof -o mofc.xml
    expect_status 0
    python3 "$MOFC_ROOT/tests/golden/c-serialize/compare_xml.py" mofc.xml c1.xml c2.xml \
        >compare.out 2>&1 || { cat compare.out; fail "$exe: _to_cimxml() and mofc xml differ"; }
    grep -q '^2 instances, 3[0-9] properties equal$' compare.out || fail "compared: $(cat compare.out)"
done
if command -v valgrind >/dev/null; then
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
        --error-exitcode=3 ./serialize_test.gcc >valgrind.out 2>&1 ||
        { tail -n 40 valgrind.out; fail "valgrind found errors or leaks"; }
fi
exit 0
