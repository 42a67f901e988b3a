#!/bin/bash
# Warnings keep exit 0; -Werror and -Werror=<cat> turn them into 1; errors are 1.
. "$MOFC_TESTLIB/common.sh"

printf '#pragma frobnicate("x")\nclass Test_A { [Key] string Name; };\n' >warn.mof
run_mofc check --color=never warn.mof
expect_status 0
expect_stderr_contains "warn.mof:1:9: warning: unknown pragma 'frobnicate' ignored [-Wpragma]"

run_mofc check --color=never -Werror warn.mof
expect_status 1
expect_stderr_contains "error: unknown pragma 'frobnicate' ignored [-Werror=pragma]"

run_mofc check --color=never -Werror=pragma warn.mof
expect_status 1

run_mofc check --color=never -Werror=naming warn.mof
expect_status 0

run_mofc check --color=never -Wno-pragma warn.mof
expect_status 0
expect_stderr_empty

printf 'class Test_A : Test_Nope { };\n' >err.mof
run_mofc check --color=never err.mof
expect_status 1
exit 0
