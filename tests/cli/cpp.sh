#!/bin/bash
# --cpp: MOF run through the system C preprocessor, with every diagnostic,
# depfile entry and doc page naming the original file and line.
. "$MOFC_TESTLIB/common.sh"
command -v cpp >/dev/null || skip "needs cpp (the C preprocessor)"

mkdir -p inc 'my dir'
cat >top.mof <<'EOF'
// Macros, an include from -I, and a class of the file itself.
#define KEYED [Key] string Name;
#define QUALS Description(DESC), Frobnicate
#include "types.h"

class Test_Top {
    KEYED
    COUNT_TYPE  Count;   /* a comment */   uint8 Small = 300;
    [QUALS] string Bad;
};
EOF
cat >inc/types.h <<'EOF'
#ifndef TYPES_H
#define TYPES_H
#define COUNT_TYPE uint32
#pragma include ("leaf.mof")
class Test_Header {
    [Key] string Name;
    strin Label;
};
#endif
EOF
# Next to types.h: #pragma include is relative to the original file.
cat >inc/leaf.mof <<'EOF'
class Test_Leaf { [Key] string Name; };
EOF

run_mofc check --color=never --cpp -I inc -DDESC='"a \"quoted\" text"' top.mof
expect_status 1
cat >want <<'EOF'
In file included from top.mof:4:1:
inc/types.h:7:5: error: 'strin' is not a data type; for an embedded instance write `string` with EmbeddedInstance("strin"), or compile with --dialect=wmi
    7 |     strin Label;
      |     ^~~~~
top.mof:8:58: error: value 300 is out of range for uint8 (0..255) in default value of property 'Test_Top.Small'
    8 |     COUNT_TYPE  Count;   /* a comment */   uint8 Small = 300;
      |                                                          ^~~
top.mof:9:6: error: qualifier 'Frobnicate' is not declared (declare it, or use --dialect=wmi to type it from its value)
    9 |     [QUALS] string Bad;
      |      ^~~~~
note: in the C preprocessor's expansion of 'QUALS'
EOF
diff -u want "$ERR" || fail "diagnostics not in the original files and lines"

# The same input without --cpp: the directive is refused, with a hint.
run_mofc check --color=never -I inc top.mof
expect_status 1
expect_stderr_contains "top.mof:2:1: error: C preprocessor directive '#define' in MOF"
expect_stderr_contains "note: use --cpp to run it through the system C preprocessor"
[[ $(grep -c 'note: use --cpp' "$ERR") == 1 ]] || fail "the --cpp hint is given more than once"

# With --cpp, a #pragma include'd file is not preprocessed: said so.
printf '#pragma include ("raw.mof")\n' >praw.mof
printf '#define X 1\nclass Test_R { [Key] string Name; };\n' >raw.mof
run_mofc check --color=never --cpp praw.mof
expect_status 1
expect_stderr_contains "raw.mof:1:1: error: C preprocessor directive '#define' in MOF"
expect_stderr_contains "note: a file named by #pragma include is read as it is, not preprocessed"

# -D values reach the model intact (quotes, spaces), -U removes a macro.
cat >feat.mof <<'EOF'
class Test_Feat {
    [Key, Description(DESC)] string Name;
#ifdef EXTRA
    uint32 Extra;
#endif
};
EOF
run_mofc mof --cpp -DDESC='"a \"quoted\" text"' -DEXTRA -UEXTRA feat.mof
expect_status 0
expect_stdout_contains 'Description("a \"quoted\" text")'
grep -q Extra "$OUT" && fail "-UEXTRA did not undefine EXTRA"
run_mofc mof --cpp -D DESC='"d"' -D EXTRA feat.mof
expect_status 0
expect_stdout_contains 'uint32 Extra;'

# File names with spaces and a leading '-' go to cpp as they are.
cp feat.mof 'my dir/-x.mof'
run_mofc check --color=never --cpp -DDESC=1 -- 'my dir/-x.mof'
expect_status 1
expect_stderr_contains "my dir/-x.mof:2:23: error:"

# Depfile: the original files, each once per inclusion, nothing temporary.
run_mofc check --cpp -I inc -DDESC='"d"' -MD -MF deps.d -MT stamp top.mof
for f in top.mof inc/types.h inc/leaf.mof; do
    grep -qF " $f" deps.d || fail "$f missing from the depfile: $(cat deps.d)"
done
grep -q 'mofc-cpp\|<' deps.d && fail "depfile names a file that is not the user's: $(cat deps.d)"

# A missing header is cpp's error at the #include, exit 1; -I finds it.
printf '#include "absent.h"\nclass Test_A { [Key] string Name; };\n' >missing.mof
run_mofc check --color=never --cpp missing.mof
expect_status 1
expect_stderr_contains "missing.mof:1:10: error: cannot find included file 'absent.h'"
expect_stderr_contains '    1 | #include "absent.h"'
mkdir -p standin && : >standin/absent.h
run_mofc check --color=never --cpp -I standin missing.mof
expect_status 0

# #error and #line are reported where they point.
printf 'class Test_A { [Key] string Name; };\n#error stop here\n' >err.mof
run_mofc check --color=never --cpp err.mof
expect_status 1
expect_stderr_contains "err.mof:2:2: error: #error stop here"
printf '#line 40 "generated.mof"\nclass Test_A { [Key] strin Name; };\n' >line.mof
run_mofc check --color=never --cpp line.mof
expect_status 1
expect_stderr_contains "generated.mof:40:22: error: 'strin' is not a data type"

# UTF-16LE input: decoded before cpp, columns in characters.
printf '#define T uint8\nclass Test_U { [Key] string N\xc3\xa4me; T Small = 300; };\n' |
    iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } >u16.mof
run_mofc check --color=never --cpp u16.mof
expect_status 1
expect_stderr_contains "u16.mof:2:45: error: value 300 is out of range for uint8"
ls "${TMPDIR:-/tmp}" | grep -q '^mofc-cpp-' && fail "temporary input left behind in ${TMPDIR:-/tmp}"
# An included UTF-16 file would reach cpp as bytes: refused at the include.
printf 'class Test_W { [Key] string Name; };\n' | iconv -f UTF-8 -t UTF-16LE |
    { printf '\xff\xfe'; cat; } >inc16.mof
printf '#include "inc16.mof"\n' >incl16.mof
run_mofc check --color=never --cpp incl16.mof
expect_status 1
expect_stderr_contains "incl16.mof:1:1: error: 'inc16.mof' is UTF-16, which the C preprocessor reads as bytes"
grep -q 'null character' "$ERR" && fail "cpp's complaints about the UTF-16 bytes are shown"

# A bad byte is reported once, in the original.
printf 'class Test_B {\n  [Key, Description("a\xff b")] string Name;\n};\n' >bad8.mof
run_mofc check --color=never --cpp bad8.mof
expect_status 1
[[ $(grep -c 'error: invalid UTF-8 byte sequence' "$ERR") == 1 ]] ||
    fail "the bad byte is not reported exactly once: $(cat "$ERR")"
expect_stderr_contains "bad8.mof:2:23: error: invalid UTF-8 byte sequence"

# Doc pages name the file a class came from.
printf '#include "types.h"\nclass Test_Doc { [Key] COUNT_TYPE Id; };\n' >doc.mof
run_mofc doc --cpp -I inc -Wno-qualifier --dialect=wmi -o doc doc.mof
expect_status 0
grep -q 'types.h' doc/test-header.md || fail "doc page of Test_Header does not name types.h"
grep -q 'doc.mof' doc/test-doc.md || fail "doc page of Test_Doc does not name doc.mof"

# Markers as other preprocessors write them (#line, no flags), and a
# name with an escaped quote: a stand-in program prints a fixed output.
printf 'class Test_P {\n  [Key] string Name;\n' >'we"ird.mof'
printf '// h\n  strin Label;\n' >part.mof
cat >fakecpp <<'EOF2'
#!/bin/sh
cat <<'OUT'
#line 1 "we\"ird.mof"
class Test_P {
  [Key] string Name;
#line 2 "part.mof"
  strin Label;
#line 3 "we\"ird.mof"
};
OUT
EOF2
chmod +x fakecpp
run_mofc check --color=never --cpp="$PWD/fakecpp -ignored" 'we"ird.mof'
expect_status 1
expect_stderr_contains "part.mof:2:3: error: 'strin' is not a data type"
expect_stderr_contains '    2 |   strin Label;'

# The program: --cpp=PROGRAM and MOFC_CPP (words split at blanks).
run_mofc check --color=never --cpp=/nonexistent/cpp feat.mof
expect_status 2
expect_stderr_contains "cannot run the C preprocessor '/nonexistent/cpp'"
MOFC_CPP='cpp -DDESC="e"' run_mofc check --cpp feat.mof
expect_status 0
run_mofc check -DDESC=1 feat.mof
expect_status 2
expect_stderr_contains "-D and -U are options of the C preprocessor: add --cpp"
exit 0
