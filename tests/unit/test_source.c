/* test_source.c - decoding, line tables and character columns. */
#include "compile.h"
#include "context.h"
#include "source.h"
#include "test.h"

static struct source_file *load(struct mofc *m, const char *bytes, size_t len)
{
    return source_load(m, "t.mof", (char *)bytes, len, false, -1, NULL, MOFC_ORIGIN_USER);
}

TEST(utf8_positions_count_characters)
{
    struct mofc *m = mofc_create(NULL);
    const char text[] = "ab\n\xc3\xa9\xc3\xa9x\r\ny\rz";
    struct source_file *f = load(m, text, sizeof text - 1);
    REQUIRE(f != NULL);
    uint32_t line, col;
    source_position(f, 7, &line, &col);   /* 'x' after two 2-byte chars */
    CHECK_EQ_INT(line, 2);
    CHECK_EQ_INT(col, 3);
    source_position(f, 10, &line, &col);  /* 'y' after CRLF */
    CHECK_EQ_INT(line, 3);
    CHECK_EQ_INT(col, 1);
    source_position(f, 12, &line, &col);  /* 'z' after a lone CR */
    CHECK_EQ_INT(line, 4);
    CHECK_EQ_INT(col, 1);
    CHECK_EQ_STR(source_line_text(m, f, 4), "\xc3\xa9\xc3\xa9x");
    mofc_destroy(m);
}

TEST(utf16le_and_be_decode)
{
    struct mofc *m = mofc_create(NULL);
    const char le[] = "\xff\xfe" "A\0\xe9\0\x14\x20" "=\xd8\x00\xde";  /* A é — U+1F600 */
    struct source_file *f = load(m, le, sizeof le - 1);
    REQUIRE(f != NULL);
    CHECK_EQ_STR(f->text, "A\xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80");
    CHECK_EQ_INT(f->encoding, ENC_UTF16LE);
    const char be[] = "\xfe\xff\0A\0B";
    f = load(m, be, sizeof be - 1);
    REQUIRE(f != NULL);
    CHECK_EQ_STR(f->text, "AB");
    const char bom8[] = "\xef\xbb\xbf" "AB";
    f = load(m, bom8, sizeof bom8 - 1);
    CHECK_EQ_STR(f->text, "AB");
    CHECK_EQ_INT(f->encoding, ENC_UTF8_BOM);
    CHECK_EQ_INT(mofc_error_count(m), 0);
    mofc_destroy(m);
}

TEST(invalid_bytes_are_replaced_and_reported)
{
    struct compiled c;
    compile_text(&c, "class Test_A {\n  [Key] string N\xff;\n};\n", MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "2:17: error: invalid-encoding"));
    CHECK_EQ_INT(c.status, 1);
    compiled_free(&c);
    struct mofc *m = mofc_create(NULL);
    const char odd[] = "\xff\xfe" "A\0\x00\xdc" "B";   /* lone low surrogate, odd tail */
    struct source_file *f = load(m, odd, sizeof odd - 1);
    REQUIRE(f != NULL);
    CHECK_EQ_STR(f->text, "A\xef\xbf\xbd");
    CHECK_EQ_INT(mofc_error_count(m), 2);
    mofc_destroy(m);
}

/* A check that reports nothing builds no line table; a model location
 * works out its line and character column when asked. */
TEST(model_locations_resolve_on_demand)
{
    struct compiled c;
    compile_text(&c,
                 "// comment\n"
                 "class Test_A {\n"
                 "    [Key] string Name;\n"
                 "    string \xc3\xa9t\xc3\xa9; uint32 Size;\n"
                 "};\n",
                 MOFC_DIALECT_DMTF);
    REQUIRE(c.status == 0);
    REQUIRE(c.ndiags == 0);
    for (size_t i = 0; i < c.m->files.len; i++)
        CHECK(c.m->files.items[i]->lines == NULL);
    const struct mofc_class *a = mofc_model_find_class(c.model, "Test_A");
    REQUIRE(a != NULL && a->nproperties == 3);
    const struct source_file *f = (const struct source_file *)a->loc.source;
    REQUIRE(f != NULL);
    CHECK_EQ_STR(f->path, "test.mof");
    struct mofc_position p = mofc_location_position(&a->loc);
    CHECK_EQ_INT(p.line, 2);
    CHECK_EQ_INT(p.column, 7);
    CHECK(f->lines != NULL);
    /* Columns count characters: "été" is three of them, five bytes. */
    p = mofc_location_position(&a->properties[2]->loc);
    CHECK_EQ_INT(p.line, 4);
    CHECK_EQ_INT(p.column, 24);
    struct mofc_location none = {0};
    p = mofc_location_position(&none);
    CHECK_EQ_INT(p.line, 0);
    compiled_free(&c);
}

TEST_MAIN()
