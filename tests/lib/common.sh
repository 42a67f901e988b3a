# common.sh - helpers for test scripts (tests/cli/*.sh, tests/corpus/*.sh,
# tests/golden/*/check.sh).  Source it first:
#
#     . "$MOFC_TESTLIB/common.sh"
#     need_corpus                                  (corpus scripts: skip without it)
#     run_mofc check "$MOFC_ROOT/tests/cli/data/a.mof"
#     expect_status 1
#     expect_stderr_contains "error: superclass 'CIM_Nope' not found"
#     expect_stdout_empty
#
# The runner sets MOFC (the binary), MOFC_ROOT (repository), MOFC_BUILD,
# MOFC_TESTLIB, and MOFC_CORPUS when ../shared/corpus exists; cwd is a
# fresh scratch directory.  Exit 0 = pass, 77 = skip, anything else = fail;
# the last line printed is the reason the runner shows.

set -u

: "${MOFC:?MOFC is not set (run through tests/run.sh)}"

fail() {
    echo "$*" >&2
    exit 1
}

skip() {
    echo "$*"
    exit 77
}

need_corpus() {
    [[ -n ${MOFC_CORPUS:-} && -d ${MOFC_CORPUS:-} ]] || skip "needs ../shared/corpus (MOFC_CORPUS)"
}

# run_mofc ARGS...: runs $MOFC ARGS (stdin /dev/null); sets STATUS, and OUT /
# ERR to the files holding its stdout / stderr.  Never fails by itself.
RUN_N=0
run_mofc() {
    RUN_N=$((RUN_N + 1))
    OUT="$PWD/run$RUN_N.stdout"
    ERR="$PWD/run$RUN_N.stderr"
    LAST_CMD="mofc $*"
    STATUS=0
    "$MOFC" "$@" >"$OUT" 2>"$ERR" </dev/null || STATUS=$?
}

_show() { # label file
    echo "--- $1 of: $LAST_CMD" >&2
    head -n 40 "$2" >&2
}

expect_status() {
    if [[ $STATUS != "$1" ]]; then
        _show stderr "$ERR"
        fail "exit status $STATUS, expected $1: $LAST_CMD"
    fi
}

expect_stderr_contains() {
    if ! grep -qF -- "$1" "$ERR"; then
        _show stderr "$ERR"
        fail "stderr lacks '$1': $LAST_CMD"
    fi
}

expect_stdout_contains() {
    if ! grep -qF -- "$1" "$OUT"; then
        _show stdout "$OUT"
        fail "stdout lacks '$1': $LAST_CMD"
    fi
}

expect_stderr_empty() {
    if [[ -s $ERR ]]; then
        _show stderr "$ERR"
        fail "stderr not empty: $LAST_CMD"
    fi
}

expect_stdout_empty() {
    if [[ -s $OUT ]]; then
        _show stdout "$OUT"
        fail "stdout not empty: $LAST_CMD"
    fi
}

# expect_same EXPECTED-FILE ACTUAL-FILE: byte-for-byte, diff on mismatch.
expect_same() {
    if ! cmp -s "$1" "$2"; then
        diff -u "$1" "$2" | head -n 60 >&2
        fail "$2 differs from $1"
    fi
}

# expect_diagnostics EXPECTED-FILE: the header lines of every warning and
# error on stderr ("file:line:col: severity: message [-Wcat]"), with the
# corpus prefix removed, must equal EXPECTED-FILE minus its '#' comment
# lines and blank lines.  Corpus scripts keep the reason for each expected
# line in the comment above it.
expect_diagnostics() {
    grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): ' "$ERR" |
        sed -e "s|${MOFC_CORPUS:-/nonexistent}/||" >"$PWD/diags.actual" || true
    grep -v '^#' "$1" | sed '/^[[:space:]]*$/d' >"$PWD/diags.expected"
    expect_same "$PWD/diags.expected" "$PWD/diags.actual"
}

# compile_strict OUT SOURCES... [-- EXTRA FLAGS]: builds the generated C
# three ways, warnings as errors -- gcc and clang as ISO C99 with
# -pedantic, and g++ as C++ -- into OUT.gcc, OUT.clang, OUT.cxx (with
# -c among the extra flags, objects; else programs).  A compiler that is
# missing is skipped; at least gcc must be there.
compile_strict() {
    local out=$1 srcs=() extra=()
    shift
    while (($#)); do
        if [[ $1 == -- ]]; then shift; extra=("$@"); break; fi
        srcs+=("$1"); shift
    done
    command -v gcc >/dev/null || fail "compile_strict: no gcc"
    gcc -std=c99 -Wall -Wextra -Werror -pedantic "${extra[@]}" -o "$out.gcc" "${srcs[@]}" ||
        fail "gcc -std=c99 -pedantic failed on ${srcs[*]}"
    if command -v clang >/dev/null; then
        clang -std=c99 -Wall -Wextra -Werror -pedantic "${extra[@]}" -o "$out.clang" "${srcs[@]}" ||
            fail "clang -std=c99 -pedantic failed on ${srcs[*]}"
    fi
    if command -v g++ >/dev/null; then
        g++ -x c++ -Wall -Wextra -Werror "${extra[@]}" -o "$out.cxx" "${srcs[@]}" ||
            fail "g++ (C++) failed on ${srcs[*]}"
    fi
}

# c_sources DIR: the generated .c files of DIR to link into a program, in
# C_SOURCES (an array): all of them with -ljson-c when json-c is installed,
# else all but cim_json.c.  HAVE_JSON_C is 1 or 0.
c_sources() {
    C_SOURCES=()
    local f
    if pkg-config --exists json-c 2>/dev/null; then
        HAVE_JSON_C=1
        C_SOURCES=("$1"/*.c -ljson-c)
    else
        HAVE_JSON_C=0
        for f in "$1"/*.c; do [[ ${f##*/} == cim_json.c ]] || C_SOURCES+=("$f"); done
    fi
}
