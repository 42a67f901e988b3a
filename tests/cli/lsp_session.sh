#!/bin/bash
# `mofc lsp`: a whole session from a scripted client (tests/lsp/session.py): settings,
# diagnostics, hover, navigation, symbols, completion, quick fixes, edits.
. "$MOFC_TESTLIB/common.sh"
command -v python3 >/dev/null || skip "needs python3"
timeout 120 python3 "$MOFC_ROOT/tests/lsp/session.py" "$MOFC" || fail "tests/lsp/session.py failed"
exit 0
