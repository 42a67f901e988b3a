#!/bin/bash
# `mofc lsp` answers malformed input with errors and keeps running (tests/lsp/malformed.py).
. "$MOFC_TESTLIB/common.sh"
command -v python3 >/dev/null || skip "needs python3"
timeout 120 python3 "$MOFC_ROOT/tests/lsp/malformed.py" "$MOFC" || fail "tests/lsp/malformed.py failed"
exit 0
