#!/bin/bash
# --locale never changes C code: `mofc c --locale fr` with the French
# amendment (which translates Values, the source of enum constant names)
# writes the same code as `mofc c` -- the same bytes once comments and
# string literals are taken out, and the same names in the lookup tables --
# while the doc comments are French.  `--locale` naming a language the
# input has no amendment for is a warning (-Wlocale), and -Werror makes it
# an error.
. "$MOFC_TESTLIB/common.sh"
W=$MOFC_ROOT/schemas/win32

run_mofc c -o neutral "$W/CIMWin32.mof"
expect_status 0
run_mofc c --locale fr -o fr "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl"
expect_status 0
expect_stderr_empty

# Not vacuous: the amendment reached the French run.
grep -qF 'Identifiant que le système a donné à la session.' fr/Win32_LogonSession.h ||
    fail "French run: the French description is not in the header"
grep -qF 'Interactif' fr/Win32_LogonSession.c || fail "French run: the French Values are not in the tables"

# Code without comments (gcc -fpreprocessed) and without string literals.
code() {
    gcc -fpreprocessed -dD -E -P -x c "$1" | sed -E 's/"([^"\\]|\\.)*"/""/g'
}
[[ $(ls neutral) == "$(ls fr)" ]] || fail "different files: $(ls neutral) / $(ls fr)"
n=0
for f in neutral/*.[ch]; do
    b=$(basename "$f")
    code "$f" >"$b.neutral"
    code "fr/$b" >"$b.fr"
    grep -q '[A-Za-z_]' "$b.neutral" || fail "$b: nothing left to compare"
    diff "$b.neutral" "$b.fr" >"$b.diff" || { head -n 20 "$b.diff" >&2; fail "$b: code differs with --locale fr"; }
    n=$((n + 1))
done
# 4 classes (.h, .c), cim_runtime.h, cim_classes.h, cim_json.c, cim_cimxml.c
((n == 12)) || fail "expected 12 files, compared $n"
grep -qw Win32_LogonSession_LogonType_Interactive Win32_LogonSession.h.fr ||
    fail "constant Win32_LogonSession_LogonType_Interactive missing"
grep -qw CIM_ManagedSystemElement_Status_Pred_Fail CIM_ManagedSystemElement.h.fr ||
    fail "constant CIM_ManagedSystemElement_Status_Pred_Fail missing"

# The names the lookups return and accept (_to_name, _from_name) are the
# neutral ones too: the value tables are the same bytes.
tables() { grep -E '^    \{"[^"]*", ("[^"]*"|NULL), ' "$1"; }
for b in Win32_LogonSession.c CIM_ManagedSystemElement.c; do
    tables "neutral/$b" >"$b.tables"
    [[ -s $b.tables ]] || fail "$b: no value table found"
    tables "fr/$b" | diff "$b.tables" - >/dev/null || fail "$b: value table names differ with --locale fr"
done

# A locale the input has no amendment for: warned, neutral output.
run_mofc doc --color=never --locale de "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o de
expect_status 0
expect_stderr_contains "warning: --locale de: no amendment of locale ms_407 in the input; the language-neutral texts are used [-Wlocale]"
[[ -f de/win32-logonsession.md ]] || fail "pages not written after the warning"
run_mofc c --color=never --locale de "$W/CIMWin32.mof" -o cde
expect_status 0
expect_stderr_contains "no amendment of locale ms_407"
run_mofc doc --color=never -Werror --locale de "$W/CIMWin32.mof" -o de2
expect_status 1
expect_stderr_contains "error: --locale de: no amendment of locale ms_407"
[[ -e de2 ]] && fail "pages written although -Werror made the warning an error"
run_mofc doc --color=never -Wno-locale --locale de "$W/CIMWin32.mof" -o de3
expect_status 0
expect_stderr_empty
# split's --locale is the amendment it writes: no warning there.
run_mofc split --color=never --locale fr "$W/CIMWin32.mof" -o s.mof --mfl s.mfl
expect_status 0
expect_stderr_empty
exit 0
