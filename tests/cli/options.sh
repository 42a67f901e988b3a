#!/bin/bash
# Command-line contract: help, version, usage errors and their exit status.
. "$MOFC_TESTLIB/common.sh"

run_mofc --help
expect_status 0
expect_stdout_contains "mofc check"

run_mofc --version
expect_status 0
expect_stdout_contains "mofc 0."

run_mofc frobnicate x.mof
expect_status 2
expect_stderr_contains "frobnicate"

run_mofc check
expect_status 2

run_mofc check no-such-file.mof
expect_status 2
expect_stderr_contains "no-such-file.mof"

printf 'class Test_A { [Key] string Name; };\n' >ok.mof
run_mofc check -Wbogus-category ok.mof
expect_status 2
expect_stderr_contains "bogus-category"

run_mofc check -Wpragam ok.mof
expect_status 2
expect_stderr_contains "did you mean"

run_mofc check --dialect=klingon ok.mof
expect_status 2

run_mofc check --with nopack ok.mof
expect_status 2

run_mofc check ok.mof
expect_status 0
expect_stderr_empty
expect_stdout_empty

run_mofc check -v ok.mof
expect_status 0
expect_stdout_contains "1 class"
exit 0
