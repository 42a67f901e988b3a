#!/bin/bash
# mofc mof prints the model back as canonical MOF: compiling that output
# gives the same model (the same CIM-XML, byte for byte), and printing it
# again changes nothing.
. "$MOFC_TESTLIB/common.sh"

roundtrip() { # dialect-flag input
    local flag=$1 in=$2
    run_mofc mof $flag -o once.mof "$in"
    expect_status 0
    run_mofc mof $flag -o twice.mof once.mof
    expect_status 0
    expect_same once.mof twice.mof
    run_mofc xml $flag --flatten -o a.xml "$in"
    expect_status 0
    run_mofc xml $flag --flatten -o b.xml once.mof
    expect_status 0
    expect_same a.xml b.xml
}

roundtrip "" "$MOFC_ROOT/schemas/win32/CIMWin32.mof"
roundtrip "" "$MOFC_ROOT/tests/golden/clean-schema/input.mof"
roundtrip --dialect=wmi "$MOFC_ROOT/tests/golden/wmi-dialect/input.mof"

# Literals come out in one normal form.
# 1e0 is not a MOF real (a point is required).
printf 'class Test_A { [Key] string Name; real32 F = 1e0; };\n' >nodot.mof
run_mofc mof nodot.mof
expect_status 1
cat >lits.mof <<'MOF'
class Test_A {
    [Key, Description("two" " pieces\ttab")] string Name = "q\"\\";
    uint32 Hex = 0x1F;
    sint8 Neg = -0x10;
    uint8 Bin = 101b;
    real64 R = .5;
    real32 F = 1.0E+38;
    char16 C = '\x41';
    boolean B = true;
    string L[] = {"a", NULL};
};
MOF
run_mofc mof lits.mof
expect_status 0
expect_stdout_contains '[Key, Description("two pieces\ttab")]'
expect_stdout_contains 'string Name = "q\"\\";'
expect_stdout_contains 'uint32 Hex = 31;'
expect_stdout_contains 'sint8 Neg = -16;'
expect_stdout_contains 'uint8 Bin = 5;'
expect_stdout_contains 'real64 R = 0.5;'
expect_stdout_contains 'real32 F = 9.99999968E+37;'
expect_stdout_contains "char16 C = 'A';"
expect_stdout_contains 'boolean B = TRUE;'
expect_stdout_contains 'string L[] = {"a", NULL};'
exit 0
