#!/bin/bash
# The LSP fuzz target (tests/fuzz/fuzz_lsp.c), built with a replay main(),
# reads every transcript of tests/fuzz/lsp/ through the server without a crash.
. "$MOFC_TESTLIB/common.sh"
bin=$MOFC_BUILD/tests/fuzz_lsp_replay
[[ $MOFC_BUILD == /* ]] || bin=$MOFC_ROOT/$bin
[[ -x $bin ]] || skip "fuzz_lsp_replay not built"
shopt -s nullglob
seeds=("$MOFC_ROOT"/tests/fuzz/lsp/*)
((${#seeds[@]} >= 3)) || fail "tests/fuzz/lsp/ has ${#seeds[@]} transcripts"
"$bin" "${seeds[@]}" >replay.log 2>&1 || { cat replay.log >&2; fail "fuzz_lsp_replay failed"; }
exit 0
