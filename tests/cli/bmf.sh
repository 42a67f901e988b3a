#!/bin/bash
# Binary MOF: `mofc bmf` writes what every subcommand reads back into the
# same model; bad blobs are located by byte offset and exit 1.
. "$MOFC_TESTLIB/common.sh"
src=$MOFC_ROOT/tests/cli/data/bmf-features.mof

run_mofc bmf --dialect=wmi "$src" -o f.bmf
expect_status 0
expect_stderr_empty
[[ $(head -c 4 f.bmf) == FOMB ]] || fail "f.bmf does not start with FOMB"
run_mofc bmf --dialect=wmi "$src" -o again.bmf
expect_same f.bmf again.bmf

# The same model: canonical MOF and flattened CIM-XML equal, byte for byte.
run_mofc mof --dialect=wmi "$src" -o from-mof.mof
expect_status 0
run_mofc mof f.bmf -o from-bmf.mof
expect_status 0
expect_stderr_empty
expect_same from-mof.mof from-bmf.mof
run_mofc xml --flatten --dialect=wmi "$src" -o from-mof.xml
run_mofc xml --flatten f.bmf -o from-bmf.xml
expect_status 0
expect_same from-mof.xml from-bmf.xml
grep -q 'uint8 Fixed\[4\] = {1, 2, 3, 4};' from-bmf.mof || fail "fixed array size lost"
grep -q 'Inner = instance of Test_Embedded {' from-bmf.mof || fail "embedded instance lost"
grep -q '\[Out, Max(16)\] uint8 Data\[\]' from-bmf.mof || fail "parameter qualifiers lost"

# The C bindings are the same (the blob named like the MOF, as the banner
# names the file: binary MOF is known by its magic, not its name); the
# reference pages are written.
run_mofc c --dialect=wmi "$src" -o c-mof
expect_status 0
mkdir blob && cp f.bmf blob/bmf-features.mof
run_mofc c blob/bmf-features.mof -o c-bmf
expect_status 0
diff -r c-mof c-bmf >/dev/null || fail "mofc c differs between the MOF and its binary MOF"
run_mofc doc f.bmf -o doc
expect_status 0
[[ -s doc/test-all.md ]] || fail "mofc doc wrote no page for Test_All"
grep -q 'Test_Embedded' doc/test-all.md || fail "the Test_All page does not name Test_Embedded"

# MOF and binary MOF on one command line, the MOF first: a blob makes the
# whole compilation WMI's (`: amended` needs the WMI dialect).
printf '#pragma namespace("\\\\\\\\.\\\\root\\\\wmi")\nclass Test_X : Test_Base { [Description("x") : amended] string Y; };\n' >ext.mof
run_mofc mof ext.mof f.bmf -o mixed.mof
expect_status 0
expect_stderr_empty
grep -q '^class Test_X : Test_Base {' mixed.mof || fail "Test_X missing from the mixed compilation"

# A firmware blob: any name, padding after the compressed data.
{ cat f.bmf; head -c 300 /dev/zero; } >WQBA.bin
run_mofc check WQBA.bin
expect_status 0
expect_stderr_empty

# Bad blobs: file, byte offset, message, exit status 1.
printf 'FOMB\001\000\000\000\004\000' >short.bmf
run_mofc check --color=never short.bmf
expect_status 1
expect_stderr_contains "short.bmf: offset 0xa: error: binary MOF header truncated: 10 of 16 bytes"
printf 'FOMB\001\000\000\000\010\000\000\000\000\000\000\003DS\000\001\377\377\000\000' >bomb.bmf
run_mofc mof --color=never bomb.bmf
expect_status 1
expect_stderr_contains "bomb.bmf: offset 0xc: error: declared decompressed size 50331648 is more than 8 compressed bytes can hold"
head -c 100 f.bmf >cut.bmf
run_mofc check --color=never cut.bmf
expect_status 1
expect_stderr_contains "cut.bmf: offset 0x8: error: truncated: the header declares"
# The same place in JSON Lines (line 0, the offset as column) and SARIF.
run_mofc check --diagnostics-format=json cut.bmf
expect_status 1
expect_stderr_contains '"line":0,"column":8,'
run_mofc check --diagnostics-format=sarif cut.bmf
expect_status 1
tr -d ' \n' <"$OUT" | grep -qF '"region":{"byteOffset":8,"byteLength":1}' ||
    fail "the SARIF region of a binary MOF place is not its byte offset"
grep -q '"startLine"' "$OUT" && fail "a binary MOF place has a startLine in SARIF"
printf 'FOMB\001\000\000\000\010\000\000\000\040\000\000\000DS\000\001\004\001\000\000' >far.bmf
run_mofc check --color=never far.bmf
expect_status 1
expect_stderr_contains "far.bmf: offset 0x15: error: a match reaches back before the start of the data"

# What binary MOF cannot hold is an error, and the old output stays.
printf 'class Test_N { [Key] string Id = "a\\x0"; };\n' >nul.mof
cp f.bmf kept.bmf
run_mofc bmf nul.mof -o kept.bmf
expect_status 1
expect_stderr_contains "a string holding NUL cannot be written in binary MOF"
expect_same f.bmf kept.bmf
exit 0
