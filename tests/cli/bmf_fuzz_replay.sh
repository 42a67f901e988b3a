#!/bin/bash
# The binary MOF fuzz target, built with a main() that replays files, runs
# over its seeds (whole files and decompressed images) without a crash, so
# the target keeps building and every input once found stays fixed.
. "$MOFC_TESTLIB/common.sh"
bin=$MOFC_BUILD/tests/fuzz_bmf_replay
[[ -x $bin ]] || fail "not built: $bin (run make test)"
seeds=("$MOFC_ROOT"/tests/fuzz/bmf-seeds/*)
((${#seeds[@]} >= 4)) || fail "only ${#seeds[@]} seeds in tests/fuzz/bmf-seeds"
"$bin" "${seeds[@]}" || fail "fuzz_bmf_replay failed (exit $?) on tests/fuzz/bmf-seeds"
exit 0
