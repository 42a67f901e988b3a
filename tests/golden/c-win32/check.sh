#!/bin/bash
# C bindings of the bundled Win32_LogonSession chain: byte-identical to the
# reviewed golden files in expected/; a second run rewrites nothing (the
# mtimes stay); every file compiles alone with gcc and clang (C99,
# -pedantic) and from C++; and logon_test.c, linked with the generated
# code, finds what README promises.
. "$MOFC_TESTLIB/common.sh"
schema=$MOFC_ROOT/schemas/win32/CIMWin32.mof
run_mofc c -o out "$schema"
expect_status 0
expect_stderr_empty
expect_stdout_empty
if [[ ${MOFC_UPDATE_GOLDEN:-} == 1 ]]; then
    rm -rf "$MOFC_ROOT/tests/golden/c-win32/expected"
    cp -r out "$MOFC_ROOT/tests/golden/c-win32/expected"
fi
diff -r expected out >diff.txt || { head -n 60 diff.txt; fail "output differs from expected/"; }

# Regenerating leaves unchanged files alone, so make rebuilds nothing.
touch -d '2001-01-01 00:00' out/*
run_mofc c -o out "$schema"
expect_status 0
for f in out/*; do
    [[ $(date -r "$f" +%Y) == 2001 ]] || fail "$f was rewritten although unchanged"
done
diff -r expected out >/dev/null || fail "second run differs"

for f in out/*.c; do
    [[ ${f##*/} == cim_json.c ]] && ! pkg-config --exists json-c && continue
    compile_strict "obj" "$f" -- -c -Iout
done
printf '#include "cim_classes.h"\n' >all.c
compile_strict "obj" all.c -- -c -Iout
c_sources out
((HAVE_JSON_C)) && json_flag=-DHAVE_JSON_C || json_flag=-UHAVE_JSON_C
compile_strict logon_test logon_test.c "${C_SOURCES[@]}" -- -Iout "$json_flag"
for exe in logon_test.gcc logon_test.clang logon_test.cxx; do
    [[ -x $exe ]] || continue
    ./"$exe" >"$exe.out" 2>&1 || { cat "$exe.out"; fail "$exe failed"; }
    [[ $(cat "$exe.out") == ok ]] || fail "$exe printed: $(cat "$exe.out")"
done
exit 0
