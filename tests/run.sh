#!/usr/bin/env bash
# run.sh - the mofc test runner (`make test`), fastest kinds first:
#
#   unit    $MOFC_BUILD/tests/test_* built from tests/unit/test_*.c, run
#           with cwd = the repository root (fixtures by relative path); each
#           prints "N passed, N failed" and the counts are added in
#   lint    codegen/ includes only mofc/*.h and its own headers (STYLE §2)
#   fuzz    $MOFC_BUILD/tests/fuzz_replay over the seeds and tests/fuzz/regress/
#   golden  tests/golden/<case>/: run mofc, compare stderr, stdout, status
#           and output files byte for byte (or run the case's check.sh)
#   cli     tests/cli/*.sh with MOFC set: exit 0 pass, 77 skip, else fail
#   corpus  tests/corpus/*.sh likewise, with MOFC_CORPUS = ../shared/corpus
#
# usage: bash tests/run.sh [-v] [FILTER...]
#   FILTER              run only tests whose id (unit/test_arena,
#                       golden/bad_superclass, cli/driver...) contains it
#   -v                  also print a PASS line per test
#   MOFC_BUILD          build directory (default build; relative to the
#                       repository root, or absolute)
#   MOFC_UPDATE_GOLDEN=1  rewrite the golden expectations instead of
#                       comparing (such cases count as passed)
#   MOFC_TEST_TIMEOUT   seconds per test (default 120)
#
# Golden case layout: input *.mof; optional `args` (one line of mofc
# arguments, shell-quoted, globs expand in the case directory, "$ROOT" is
# the repository root, for the bundled schemas; default
# `check` and every *.mof, sorted); expected.stderr; expected.status;
# optional expected.stdout (absent = empty); expected.<path> for each file
# mofc writes (e.g. `xml -o out.xml` -> expected.out.xml).  The case runs in
# a scratch copy under $MOFC_BUILD/tests/run/ with --color=never and
# LC_ALL=C, so outputs never land in the tree.  A case with check.sh runs
# that instead (cwd = scratch copy, MOFC set): exit 0 pass, 77 skip.
#
# Scripts (check.sh, cli, corpus) get MOFC, MOFC_ROOT, MOFC_BUILD,
# MOFC_TESTLIB (tests/lib: common.sh helpers) and, where it exists,
# MOFC_CORPUS; cwd is a fresh scratch directory.  Every test has stdin
# /dev/null and TMPDIR under $MOFC_BUILD/tests/run/.
#
# Output: "FAIL <id>: <reason>" for each failure (golden mismatches are
# followed by a unified diff), "SKIP <id>: <reason>" for each skip, then
# exactly "N passed, N failed, N skipped" as the last line.  Exit 1 if any
# test failed.

set -u
shopt -s nullglob

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2

BUILD=${MOFC_BUILD:-build}
[[ $BUILD == /* ]] || BUILD="$ROOT/$BUILD"
MOFC="$BUILD/mofc"
TIMEOUT=${MOFC_TEST_TIMEOUT:-120}
UPDATE=${MOFC_UPDATE_GOLDEN:-}
[[ $UPDATE == 0 ]] && UPDATE=
SCRATCH="$BUILD/tests/run"
VERBOSE=
FILTERS=()
for arg in "$@"; do
    case $arg in
        -v) VERBOSE=1 ;;
        -h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) FILTERS+=("$arg") ;;
    esac
done

export LC_ALL=C
export MOFC MOFC_ROOT="$ROOT" MOFC_BUILD="$BUILD" MOFC_TESTLIB="$ROOT/tests/lib"
if [[ -d $ROOT/../shared/corpus ]]; then
    MOFC_CORPUS=$(cd "$ROOT/../shared/corpus" && pwd)
    export MOFC_CORPUS
else
    unset MOFC_CORPUS
fi

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/tmp" || exit 2
export TMPDIR="$SCRATCH/tmp"

declare -A KIND_P KIND_F KIND_S
KINDS=()
npass=0 nfail=0 nskip=0

count() { # kind p f s
    [[ -v "KIND_P[$1]" ]] || { KINDS+=("$1"); KIND_P[$1]=0 KIND_F[$1]=0 KIND_S[$1]=0; }
    KIND_P[$1]=$((KIND_P[$1] + $2))
    KIND_F[$1]=$((KIND_F[$1] + $3))
    KIND_S[$1]=$((KIND_S[$1] + $4))
    npass=$((npass + $2)) nfail=$((nfail + $3)) nskip=$((nskip + $4))
}
pass() { count "${1%%/*}" 1 0 0; [[ -z $VERBOSE ]] || echo "PASS $1"; }
fail() { count "${1%%/*}" 0 1 0; echo "FAIL $1: $2"; }
skip() { count "${1%%/*}" 0 0 1; echo "SKIP $1: $2"; }

selected() {
    ((${#FILTERS[@]} == 0)) && return 0
    local f
    for f in "${FILTERS[@]}"; do [[ $1 == *"$f"* ]] && return 0; done
    return 1
}

# Indented excerpt of a file or text, at most $2 lines (default 30).
excerpt() {
    local n=${2:-30} total
    total=$(wc -l <"$1")
    if ((total > n)); then
        echo "    ... (last $n of $total lines)"
        tail -n "$n" "$1" | sed 's/^/    /'
    else
        sed 's/^/    /' "$1"
    fi
}

# run_limited LOG CMD...: run with the time limit, stdout+stderr to LOG;
# returns the command's status (124/137: timed out).
run_limited() {
    local log=$1
    shift
    timeout -k 10 "$TIMEOUT" "$@" >"$log" 2>&1 </dev/null
}

timed_out() { [[ $1 == 124 || $1 == 137 ]]; }

# Last non-empty line of a file, for skip reasons.
last_line() {
    local l
    l=$(grep -v '^[[:space:]]*$' "$1" | tail -n 1)
    echo "${l:-${2:-no output}}"
}

# ---------------------------------------------------------------- unit

run_unit() {
    local src name id bin log rc line p f
    for src in tests/unit/test_*.c; do
        name=$(basename "$src" .c)
        id="unit/$name"
        selected "$id" || continue
        bin="$BUILD/tests/$name"
        if [[ ! -x $bin ]]; then
            fail "$id" "not built: $bin (run make test)"
            continue
        fi
        log="$SCRATCH/$name.log"
        run_limited "$log" "$bin"
        rc=$?
        line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
        if timed_out $rc; then
            fail "$id" "timed out after ${TIMEOUT}s"
            excerpt "$log"
            continue
        fi
        if [[ -z $line ]]; then
            fail "$id" "no 'N passed, N failed' line (exit status $rc)"
            excerpt "$log"
            continue
        fi
        p=${line%% passed*}
        f=${line#*passed, }
        f=${f%% failed*}
        count unit "$p" "$f" 0
        ((p > 0)) && [[ -n $VERBOSE ]] && echo "PASS $id: $p tests"
        if ((f > 0)); then
            grep '^FAIL ' "$log" | sed "s|^FAIL |FAIL $id: |"
            # Anything else it printed (sanitizer reports...) as context.
            if grep -qv -e '^FAIL ' -e '^[0-9]* passed, [0-9]* failed$' "$log"; then
                grep -v -e '^FAIL ' -e '^[0-9]* passed, [0-9]* failed$' "$log" \
                    >"$log.other"
                excerpt "$log.other" 40
            fi
        elif ((rc != 0)); then
            fail "$id" "exit status $rc after reporting no failure"
            excerpt "$log"
        fi
    done
}

# ---------------------------------------------------------------- lint

# Back ends see only the model (STYLE §2): a quoted include in codegen/
# must name mofc/... or a file beside the includer.  The one exception is
# xmllib/xmllib.h, libxml2 loaded on demand, which stands in for the
# library's own headers.
run_lint() {
    local id=lint/codegen-includes f inc bad=()
    selected "$id" || return
    local files=(codegen/*.c codegen/*.h codegen/*/*.c codegen/*/*.h)
    if ((${#files[@]} == 0)); then
        skip "$id" "no codegen/ sources yet"
        return
    fi
    for f in "${files[@]}"; do
        while IFS= read -r inc; do
            [[ $inc == mofc/* || $inc == xmllib/xmllib.h ]] && continue
            [[ -f $(dirname "$f")/$inc ]] && [[ $inc != *..* ]] && continue
            bad+=("$f: #include \"$inc\"")
        done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
    done
    if ((${#bad[@]})); then
        fail "$id" "back ends may include only mofc/*.h and codegen/ headers:"
        printf '    %s\n' "${bad[@]}"
    else
        pass "$id"
    fi
}

# ---------------------------------------------------------------- fuzz replay

run_fuzz_replay() {
    local id=fuzz/replay bin="$BUILD/tests/fuzz_replay" log rc inputs=() f bad=()
    selected "$id" || return
    [[ -f tests/fuzz/fuzz_parse.c ]] || return
    if [[ ! -x $bin ]]; then
        fail "$id" "not built: $bin (run make test)"
        return
    fi
    while IFS= read -r -d '' f; do inputs+=("$f"); done < <(
        find tests/golden schemas -type f -name '*.mof' -print0 2>/dev/null | sort -z
        [[ -d tests/fuzz/regress ]] && find tests/fuzz/regress -type f -print0 | sort -z
    )
    if ((${#inputs[@]} == 0)); then
        skip "$id" "no inputs"
        return
    fi
    log="$SCRATCH/fuzz_replay.log"
    (cd "$SCRATCH" && run_limited "$log" "$bin" "${inputs[@]/#/$ROOT/}")
    rc=$?
    if ((rc == 0)); then
        pass "$id"
        return
    fi
    if timed_out $rc; then
        fail "$id" "timed out after ${TIMEOUT}s on ${#inputs[@]} inputs"
        return
    fi
    # Find the culprits one by one (only when something failed).
    for f in "${inputs[@]}"; do
        (cd "$SCRATCH" && run_limited "$log.one" "$bin" "$ROOT/$f") || bad+=("$f")
    done
    fail "$id" "exit status $rc; failing inputs: ${bad[*]:-(none alone)}"
    excerpt "$log" 40
}

# ---------------------------------------------------------------- golden

# Compare expected file $1 with actual $2 (absent expected = empty when $4
# is "optional"); on mismatch add to REASONS and queue a diff.
GOLDEN_DIFFS=
golden_compare() { # expected actual label optional
    local exp=$1 act=$2 label=$3
    if [[ ! -f $exp ]]; then
        if [[ ${4:-} == optional ]]; then
            [[ -s $act ]] || return 0
            exp=/dev/null
        else
            REASONS+=("missing $(basename "$exp") (make update-golden)")
            return 1
        fi
    fi
    cmp -s "$exp" "$act" && return 0
    REASONS+=("$label differs")
    GOLDEN_DIFFS+=$(diff -u --label "expected $label" --label "actual $label" "$exp" "$act" |
        head -n 80)$'\n'
    return 1
}

run_golden_case() {
    local dir=${1%/} case id scr out err st rc line args=() f rel produced=() exp_files=()
    case=$(basename "$dir")
    id="golden/$case"
    selected "$id" || return
    scr="$SCRATCH/golden/$case"
    out="$SCRATCH/golden/$case.stdout"
    err="$SCRATCH/golden/$case.stderr"
    mkdir -p "$scr" && cp -R "$dir/." "$scr/"

    if [[ -f $dir/check.sh ]]; then
        (cd "$scr" && run_limited "$out" bash ./check.sh)
        rc=$?
        if ((rc == 0)); then
            pass "$id"
        elif ((rc == 77)); then
            skip "$id" "$(last_line "$out")"
        elif timed_out $rc; then
            fail "$id" "check.sh timed out after ${TIMEOUT}s"
        else
            fail "$id" "check.sh exit status $rc"
            excerpt "$out" 20
        fi
        return
    fi

    if [[ ! -x $MOFC ]]; then
        fail "$id" "mofc not built: $MOFC"
        return
    fi
    if [[ -f $dir/args ]]; then
        line=$(head -n 1 "$dir/args")
        # Shell words; globs expand in the case directory.
        if ! (cd "$scr" && eval "set -- $line") 2>/dev/null; then
            fail "$id" "cannot parse args: $line"
            return
        fi
        mapfile -d '' args < <(cd "$scr" && eval "set -- $line" && (($# == 0)) ||
            printf '%s\0' "$@")
    else
        args=(check)
        for f in "$scr"/*.mof; do args+=("$(basename "$f")"); done
    fi
    if ((${#args[@]} == 0)); then
        fail "$id" "no arguments and no *.mof inputs"
        return
    fi
    # --color=never right after the subcommand (or first, if there is none).
    if [[ ${args[0]} == -* ]]; then
        args=(--color=never "${args[@]}")
    else
        args=("${args[0]}" --color=never "${args[@]:1}")
    fi

    (cd "$scr" && timeout -k 10 "$TIMEOUT" "$MOFC" "${args[@]}" >"$out" 2>"$err" </dev/null)
    st=$?
    if timed_out $st; then
        fail "$id" "timed out after ${TIMEOUT}s: mofc $(printf '%q ' "${args[@]}")"
        return
    fi

    # Files mofc wrote: everything in the scratch copy not in the case.
    while IFS= read -r -d '' f; do
        rel=${f#"$scr"/}
        [[ -e $dir/$rel ]] || produced+=("$rel")
    done < <(find "$scr" -type f -print0 | sort -z)
    while IFS= read -r -d '' f; do
        rel=${f#"$dir"/expected.}
        case $rel in stderr | stdout | status) continue ;; esac
        exp_files+=("$rel")
    done < <(find "$dir" -path "$dir/expected.*" -type f -print0 | sort -z)

    if [[ -n $UPDATE ]]; then
        if ((st >= 128)); then
            fail "$id" "mofc died (status $st); expectations not updated"
            excerpt "$err" 20
            return
        fi
        local before after
        before=$(cat "$dir"/expected.* 2>/dev/null | cksum)
        cp "$err" "$dir/expected.stderr"
        echo "$st" >"$dir/expected.status"
        if [[ -s $out ]]; then cp "$out" "$dir/expected.stdout"; else rm -f "$dir/expected.stdout"; fi
        for rel in "${exp_files[@]}"; do
            [[ -f $scr/$rel ]] || rm -f "$dir/expected.$rel"
        done
        for rel in "${produced[@]}"; do
            mkdir -p "$(dirname "$dir/expected.$rel")"
            cp "$scr/$rel" "$dir/expected.$rel"
        done
        find "$dir" -depth -path "$dir/expected.*" -type d -empty -delete
        after=$(cat "$dir"/expected.* 2>/dev/null | cksum)
        [[ $before == "$after" ]] || echo "UPDATED $id"
        pass "$id"
        return
    fi

    REASONS=()
    GOLDEN_DIFFS=
    local want
    if [[ -f $dir/expected.status ]]; then
        want=$(tr -d '[:space:]' <"$dir/expected.status")
        [[ $want == "$st" ]] || REASONS+=("exit status $st, expected $want")
    else
        REASONS+=("missing expected.status (make update-golden)")
    fi
    golden_compare "$dir/expected.stderr" "$err" stderr
    golden_compare "$dir/expected.stdout" "$out" stdout optional
    for rel in "${produced[@]}"; do
        if [[ -f $dir/expected.$rel ]]; then
            golden_compare "$dir/expected.$rel" "$scr/$rel" "$rel"
        else
            REASONS+=("unexpected output $rel (make update-golden)")
        fi
    done
    for rel in "${exp_files[@]}"; do
        [[ -f $scr/$rel ]] || REASONS+=("expected output $rel not written")
    done
    if ((${#REASONS[@]} == 0)); then
        pass "$id"
    else
        local why=
        for rel in "${REASONS[@]}"; do why+="${why:+; }$rel"; done
        fail "$id" "$why [mofc $(printf '%q ' "${args[@]}" | sed 's/ $//')]"
        [[ -z $GOLDEN_DIFFS ]] || printf '%s' "$GOLDEN_DIFFS" | sed 's/^/    /'
    fi
}

run_golden() {
    local dir
    for dir in tests/golden/*/; do
        run_golden_case "$dir"
    done
}

# ---------------------------------------------------------------- scripts

run_scripts() { # kind
    local kind=$1 script name id scr log rc
    for script in tests/"$kind"/*.sh; do
        name=$(basename "$script" .sh)
        id="$kind/$name"
        selected "$id" || continue
        scr="$SCRATCH/$kind/$name"
        log="$SCRATCH/$kind/$name.log"
        mkdir -p "$scr"
        (cd "$scr" && run_limited "$log" bash "$ROOT/$script")
        rc=$?
        if ((rc == 0)); then
            pass "$id"
        elif ((rc == 77)); then
            skip "$id" "$(last_line "$log")"
        elif timed_out $rc; then
            fail "$id" "timed out after ${TIMEOUT}s"
            excerpt "$log" 20
        else
            fail "$id" "exit status $rc: $(last_line "$log")"
            excerpt "$log" 20
        fi
    done
}

run_unit
run_lint
run_fuzz_replay
run_golden
run_scripts cli
run_scripts corpus

if ((${#KINDS[@]})); then
    summary=
    for k in "${KINDS[@]}"; do
        summary+="${summary:+, }$k ${KIND_P[$k]}/${KIND_F[$k]}/${KIND_S[$k]}"
    done
    echo "by kind (passed/failed/skipped): $summary"
fi
echo "$npass passed, $nfail failed, $nskip skipped"
((nfail == 0))
