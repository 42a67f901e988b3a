#!/bin/bash
# --color=always colours the severity; never and a non-terminal do not.
. "$MOFC_TESTLIB/common.sh"

printf 'class Test_A : Test_Nope { };\n' >err.mof
run_mofc check --color=always err.mof
expect_status 1
grep -q $'\e\[' "$ERR" || fail "no escape sequences with --color=always"
run_mofc check --color=never err.mof
grep -q $'\e\[' "$ERR" && fail "escape sequences with --color=never"
run_mofc check err.mof
grep -q $'\e\[' "$ERR" && fail "escape sequences when stderr is not a terminal"
exit 0
