/* test_lexer.c - literals, escapes, keywords and comments, seen through
 * the values they produce in the model. */
#include <math.h>

#include "compile.h"
#include "test.h"

#define HEADER "class Test_A {\n    [Key] string Name;\n"

TEST(integer_bases)
{
    struct compiled c;
    compile_text(&c, HEADER
                 "    uint32 Dec = 42;\n    uint32 Hex = 0x2A;\n    uint32 Oct = 052;\n"
                 "    uint32 Bin = 101010b;\n    sint32 Neg = -0x10;\n    uint32 Zero = -0;\n"
                 "    uint64 Big = 18446744073709551615;\n"
                 "    sint64 Small = -9223372036854775808;\n};\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    CHECK_EQ_INT(default_of(&c, "Test_A", "Dec")->v.u, 42);
    CHECK_EQ_INT(default_of(&c, "Test_A", "Hex")->v.u, 42);
    CHECK_EQ_INT(default_of(&c, "Test_A", "Oct")->v.u, 42);
    CHECK_EQ_INT(default_of(&c, "Test_A", "Bin")->v.u, 42);
    CHECK_EQ_INT(default_of(&c, "Test_A", "Neg")->v.s, -16);
    CHECK_EQ_INT(default_of(&c, "Test_A", "Zero")->v.u, 0);
    CHECK(default_of(&c, "Test_A", "Big")->v.u == UINT64_MAX);
    CHECK(default_of(&c, "Test_A", "Small")->v.s == INT64_MIN);
    compiled_free(&c);
}

TEST(bad_numbers_are_located)
{
    struct compiled c;
    compile_text(&c, HEADER "    uint32 A = 08;\n    uint32 B = 102b;\n    real64 C = 1e5;\n"
                 "    real64 D = 5.;\n    uint64 E = 18446744073709551616;\n};\n",
                 MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "3:16: error: bad-number: invalid digit '8' in octal literal '08'"));
    CHECK(has_diag(&c, "4:16: error: bad-number: invalid digit '2' in binary literal '102b'"));
    CHECK(has_diag(&c, "5:16: error: bad-number: invalid numeric literal '1e5'"));
    CHECK(has_diag(&c, "6:16: error: bad-number: invalid numeric literal '5.'"));
    CHECK(has_diag(&c, "7:16: error: integer-range"));
    CHECK_EQ_INT(c.status, 1);
    compiled_free(&c);
}

TEST(reals)
{
    struct compiled c;
    compile_text(&c, HEADER "    real64 A = .5;\n    real64 B = -1.5E-3;\n    real32 C = 3;\n};\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    CHECK(default_of(&c, "Test_A", "A")->v.real == 0.5);
    CHECK(default_of(&c, "Test_A", "B")->v.real == -1.5e-3);
    CHECK(default_of(&c, "Test_A", "C")->v.real == 3.0);
    compiled_free(&c);
}

TEST(string_escapes_and_concatenation)
{
    struct compiled c;
    compile_text(&c, HEADER
                 "    string A = \"t\\tn\\nq\\\"s\\'b\\\\\";\n"
                 "    string B = \"\\x41BC\" \"\\x41 BC\";\n"
                 "    string C = \"ab\" // comment\n  /* block */ \"cd\"\n \"ef\";\n"
                 "    string D = \"/* not a comment */ // nor this\";\n"
                 "    string E = \"nul\\x0in\";\n"
                 "    string F = \"\\xe9\\X263A\";\n};\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    CHECK_EQ_STR(default_of(&c, "Test_A", "A")->v.string.text, "t\tn\nq\"s'b\\");
    CHECK_EQ_STR(default_of(&c, "Test_A", "B")->v.string.text, "\xe4\x86\xbc" "A BC");
    CHECK_EQ_STR(default_of(&c, "Test_A", "C")->v.string.text, "abcdef");
    CHECK_EQ_STR(default_of(&c, "Test_A", "D")->v.string.text, "/* not a comment */ // nor this");
    const struct mofc_value *e = default_of(&c, "Test_A", "E");
    REQUIRE(e != NULL);
    CHECK_EQ_INT(e->v.string.len, 6);
    CHECK_EQ_MEM(e->v.string.text, "nul\0in", 6);
    CHECK_EQ_STR(default_of(&c, "Test_A", "F")->v.string.text, "\xc3\xa9\xe2\x98\xba");
    compiled_free(&c);
}

TEST(bad_escapes_by_dialect)
{
    struct compiled c;
    compile_text(&c, HEADER "    string A = \"a\\qb\";\n    string B = \"\\x\";\n};\n",
                 MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "3:18: error: bad-escape: unknown escape sequence '\\q'"));
    CHECK(has_diag(&c, "4:17: error: bad-escape: '\\x' escape without hex digits"));
    compiled_free(&c);
    compile_text(&c, HEADER "    string A = \"a\\qb\";\n};\n", MOFC_DIALECT_WMI);
    CHECK(has_diag(&c, "3:18: warning: bad-escape"));
    REQUIRE(c.status == 0);
    CHECK_EQ_STR(default_of(&c, "Test_A", "A")->v.string.text, "aqb");
    compiled_free(&c);
}

TEST(raw_newline_in_string_by_dialect)
{
    struct compiled c;
    compile_text(&c, HEADER "    string A = \"one\ntwo\";\n};\n", MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "3:16: error: unterminated-string"));
    compiled_free(&c);
    compile_text(&c, HEADER "    string A = \"one\r\ntwo\";\n};\n", MOFC_DIALECT_WMI);
    CHECK(has_diag(&c, "warning: raw-newline-in-string"));
    REQUIRE(c.status == 0);
    CHECK_EQ_STR(default_of(&c, "Test_A", "A")->v.string.text, "one\r\ntwo");
    compiled_free(&c);
}

TEST(char16_literals)
{
    struct compiled c;
    compile_text(&c, HEADER "    char16 A = 'x';\n    char16 B = '\\x0041';\n    char16 C = '\\'';\n"
                 "    char16 D = '\xc3\xa9';\n};\n", MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    CHECK_EQ_INT(default_of(&c, "Test_A", "A")->v.char16, 'x');
    CHECK_EQ_INT(default_of(&c, "Test_A", "B")->v.char16, 0x41);
    CHECK_EQ_INT(default_of(&c, "Test_A", "C")->v.char16, '\'');
    CHECK_EQ_INT(default_of(&c, "Test_A", "D")->v.char16, 0xE9);
    compiled_free(&c);
    compile_text(&c, HEADER "    char16 A = '';\n    char16 B = 'ab';\n};\n", MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "3:16: error: bad-char: empty char16 literal"));
    CHECK(has_diag(&c, "4:16: error: bad-char: char16 literal holds more than one character"));
    compiled_free(&c);
}

TEST(keywords_are_case_insensitive_and_contextual)
{
    struct compiled c;
    compile_text(&c, "#PRAGMA Locale(\"en_US\")\n"
                 "CLASS Test_A {\n    [KEY] STRING Name;\n    Boolean Value = TRUE;\n"
                 "    uint32 Scope = NULL;\n    string Flavor;\n    string Property;\n"
                 "    string Reference;\n    string Schema;\n    string Class;\n};\n"
                 "Instance Of Test_A { Name = \"x\"; Value = False; };\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    const struct mofc_class *k = mofc_model_find_class(c.model, "test_a");
    REQUIRE(k != NULL);
    CHECK_EQ_STR(k->name, "Test_A");
    CHECK_EQ_INT(k->nproperties, 8);
    CHECK(default_of(&c, "Test_A", "Value")->v.boolean);
    CHECK(default_of(&c, "Test_A", "Scope")->is_null);
    CHECK_EQ_INT(c.model->ninstances, 1);
    compiled_free(&c);
}

TEST(unterminated_comment_warns)
{
    struct compiled c;
    compile_text(&c, HEADER "};\n/* never closed\n", MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "4:1: warning: unterminated-comment"));
    CHECK_EQ_INT(c.status, 0);
    compiled_free(&c);
}

TEST(stray_characters_do_not_stop_the_file)
{
    struct compiled c;
    compile_text(&c, HEADER "    @ uint32 A;\n};\nclass Test_B : Test_Nope { };\n",
                 MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "3:5: error: bad-character: unexpected character '@'"));
    CHECK(has_diag(&c, "superclass-not-found"));
    compiled_free(&c);
}

TEST_MAIN()
