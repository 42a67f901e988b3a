#!/bin/bash
# The C back end on edge cases: value maps of every shape (hex, ranges,
# "..", signed, wider than int, strings, bits), names C cannot take as they
# are, and hostile strings (comment ends, trigraphs, quotes, backslashes,
# newlines, NUL, non-ASCII, longer than ISO C's 4095).  The output compiles
# with warnings as errors in C99 and C++, and edge_test.c checks it (with
# json-c also the serializers on those values).
. "$MOFC_TESTLIB/common.sh"
# A Description and a default longer than a C string literal may be.
{
    printf '[Description("'
    printf 'x%.0s' $(seq 5000)
    printf '")]\nclass Edge_Long\n{\n    [Key] string Id;\n    string Text = "'
    printf 'y%.0s' $(seq 4500)
    printf '";\n};\n'
} >long.mof
run_mofc c -o out edge.mof long.mof
expect_status 0
expect_stderr_empty
for f in out/*.c; do
    [[ ${f##*/} == cim_json.c ]] && ! pkg-config --exists json-c && continue
    compile_strict obj "$f" -- -c -Iout
done
c_sources out
((HAVE_JSON_C)) && json_flag=-DHAVE_JSON_C || json_flag=-UHAVE_JSON_C
compile_strict edge_test edge_test.c "${C_SOURCES[@]}" -- -Iout "$json_flag"
for exe in edge_test.gcc edge_test.clang edge_test.cxx; do
    [[ -x $exe ]] || continue
    ./"$exe" >"$exe.out" 2>&1 || { cat "$exe.out"; fail "$exe failed"; }
    [[ $(cat "$exe.out") == ok ]] || fail "$exe printed: $(cat "$exe.out")"
done
# Inherited maps make no second enum.
grep -qE 'Edge_Child_Run(_Mode)?_(enum|to_name)' out/Edge_Child.h && fail "an inherited map got an enum of its own"
# Nothing of the strings escaped into code: no #define, no stray comment end.
grep -n '^#define EVIL' out/* && fail "a Description became a directive"
exit 0
