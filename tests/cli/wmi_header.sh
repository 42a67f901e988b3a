#!/bin/bash
# mofc wmi-header on the command line: what -m and -u change, the naming
# qualifiers, the class order (embedded classes before their users), the
# fall-back struct, stdout without -o, --class, errors with their place
# (and no output file), byte-identical reruns.
. "$MOFC_TESTLIB/common.sh"
mof=$MOFC_ROOT/tests/cli/data/wmihdr.mof
wmi=(--dialect=wmi --with wmi)

run_mofc wmi-header "${wmi[@]}" "$mof" -o plain.h
expect_status 0
expect_stderr_empty
run_mofc wmi-header -m -u "${wmi[@]}" "$mof" -o full.h
expect_status 0
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
hasnt() { grep -qF -- "$2" "$1" && fail "$1 has: $2"; true; }

# Names: GuidName1 for the initializer macro, GuidName2 for DEFINE_GUID,
# HeaderName for the struct and its macros, DefineDataId for one item's.
has plain.h '#define TEST_OUTER_GUID \'
has plain.h 'DEFINE_GUID(TestOuterGuidData, \'
has plain.h '#define Test_ScalarsGuid \'
has plain.h '    { 0x0a1b2c3d,0x4e5f,0x6071, { 0x82,0x93,0xa4,0xb5,0xc6,0xd7,0xe8,0xf9 } }'
has plain.h 'DEFINE_GUID(Test_Scalars_GUID, \'
has plain.h '            0x0a1b2c3d,0x4e5f,0x6071,0x82,0x93,0xa4,0xb5,0xc6,0xd7,0xe8,0xf9);'
has plain.h '} TEST_OUTER, *PTEST_OUTER;'
has plain.h '    #define TEST_OUTER_COUNT_ID 4'
has plain.h '    TEST_INNER Three[3];'
has plain.h '    Test_Plain Extra;'
has plain.h '    #define TEST_OUTER_Three_SIZE sizeof(TEST_INNER[3])'
# The type map.
for decl in 'BOOLEAN Flag;' 'ULONGLONG Big;' 'UCHAR U8;' 'SHORT S16;' 'CHAR S8;' 'ULONG U32;' \
            'USHORT U16;' 'LONGLONG S64;' 'LONG S32;' 'FLOAT R32;' 'DOUBLE R64;' 'WCHAR C16;' \
            'WCHAR When[25];'; do
    has plain.h "    $decl"
done
# Items in WmiDataId order, whatever the declaration order.
[[ $(grep -n -e '    UCHAR Tag;' -e '    TEST_INNER One;' plain.h | cut -d: -f2 | tr -d '\n') == \
   '    UCHAR Tag;    TEST_INNER One;' ]] || fail "Test_Outer items not in WmiDataId order"
# Sized array and trailing string: [1], only an _ID, no block _SIZE.
has plain.h '    ULONG Items[1];'
hasnt plain.h 'TEST_OUTER_Items_SIZE'
hasnt plain.h '#define TEST_OUTER_SIZE'
has plain.h '    CHAR VariableData[1];'
has plain.h '    #define Test_Tail_Label_ID 2'
hasnt plain.h '#define Test_Tail_SIZE'
has plain.h '#define Test_Scalars_SIZE (FIELD_OFFSET(Test_Scalars, When) + Test_Scalars_When_SIZE)'
# Embedded classes come before their first user; one without a guid has no GUID.
order=$(grep -o '^} [A-Za-z_]*,' plain.h | tr -d '},' | tr -d '\n')
[[ $order == ' Test_Scalars Test_Plain TEST_INNER TEST_OUTER Test_Named Test_Tail Test_Control Test_Empty Test_Unsized' ]] ||
    fail "struct order: $order"
hasnt plain.h 'Test_PlainGuid'
# Descriptions as comments.
has plain.h '// Every scalar type, each after a smaller one'
has plain.h '    // CIM datetime: 25 characters'
# The fall-back struct.
has plain.h '// Warning: Header for class Test_Empty cannot be created'
has plain.h '// Warning: Header for class Test_Unsized cannot be created'
has plain.h '// Warning: Header for class Test_Named cannot be created'

# Method ids always; -m adds the parameter structs ([in, out] in both).
has plain.h '#define Exchange     2'
hasnt plain.h 'Exchange_IN'
has full.h '} Exchange_IN, *PExchange_IN;'
has full.h '#define Exchange_OUT_SIZE (FIELD_OFFSET(Exchange_OUT, Both) + Exchange_OUT_Both_SIZE)'
has full.h '    #define Exchange_OUT_Result_ID 3'
hasnt full.h 'Reset_IN'
# -u: a MaxLen string is fixed, so Test_Named has a layout, with its DefineValues.
has full.h '    WCHAR Name[11];'
has full.h '#define TEST_MODE_AUTO 0x10'
has full.h '#define Test_Named_SIZE (FIELD_OFFSET(Test_Named, After) + Test_Named_After_SIZE)'
hasnt full.h 'class Test_Named cannot be created'

# The include guard is named after the file; to stdout without -o.
has plain.h '#ifndef _plain_h_'
run_mofc wmi-header "${wmi[@]}" "$mof"
expect_status 0
cmp -s <(sed 's/_plain_h_/_wmi_header_/' plain.h) "$OUT" || fail "stdout differs from -o"

# --class: the class and what it embeds.
run_mofc wmi-header "${wmi[@]}" --class Test_Outer "$mof" -o sel.h
expect_status 0
[[ $(grep -o '^} [A-Za-z_]*,' sel.h | tr -d '},\n') == ' Test_Plain TEST_INNER TEST_OUTER' ]] ||
    fail "--class Test_Outer: $(grep -o '^} [A-Za-z_]*,' sel.h | tr -d '\n')"

# Byte-identical reruns.
mkdir again
run_mofc wmi-header -m -u "${wmi[@]}" "$mof" -o again/full.h
expect_same full.h again/full.h

# Errors: the place, exit 1, nothing written.
cat >bad.mof <<'MOF'
[WMI, guid("{12345678-1234-1234-1234-12345678}")]
class Bad_Guid { [WmiDataId(1)] uint32 A; };
[WMI, guid("{12345678-1234-1234-1234-123456789ABC}"), HeaderName("Not a name")]
class Bad_Header { [WmiDataId(1)] uint32 A; };
[WMI, guid("{22345678-1234-1234-1234-123456789ABC}")]
class Bad_Ids {
    [WmiDataId(1)] uint32 A;
    [WmiDataId(1)] uint32 B;
};
[WMI, guid("{32345678-1234-1234-1234-123456789ABC}"), HeaderName("Bad_Ids")]
class Bad_Twice { [WmiDataId(1)] uint32 A; };
[WMI, guid("{42345678-1234-1234-1234-123456789ABC}")]
class Bad_Names { [WmiDataId(1)] uint32 int; [WmiMethodId(1)] void register(); };
MOF
run_mofc wmi-header --color=never "${wmi[@]}" bad.mof -o bad.h
expect_status 1
expect_stderr_contains 'bad.mof:2:7: error: guid("{12345678-1234-1234-1234-12345678}") of class '"'Bad_Guid'"' is not a GUID'
expect_stderr_contains "bad.mof:4:7: error: HeaderName(\"Not a name\") of 'Bad_Header' is not a C identifier"
expect_stderr_contains "bad.mof:8:27: error: 'A' and 'B' of 'Bad_Ids' have the same WmiDataId(1)"
expect_stderr_contains "bad.mof:11:7: error: classes 'Bad_Ids' and 'Bad_Twice' both have the struct name 'Bad_Ids'"
expect_stderr_contains "bad.mof:13:41: error: item 'int' would be a C keyword or C library name in the header"
expect_stderr_contains "bad.mof:13:68: error: method 'register' would be a C keyword or C library name in the header"
[[ -e bad.h ]] && fail "an output file was written despite the errors"
# -m and -u belong to wmi-header.
run_mofc c -m "${wmi[@]}" "$mof" -o cdir
expect_status 2
expect_stderr_contains "unknown option '-m'"
exit 0
