/* test_value.c - typed values, datetimes, integer text, and ValueMap
 * tables (ranges, open ends, "..", hex, string maps, Values alone). */
#include "compile.h"
#include "sema/sema.h"
#include "test.h"

TEST(integer_text_forms)
{
    uint64_t mag;
    bool neg;
    CHECK(sema_parse_int_text("42", 2, &mag, &neg) && mag == 42 && !neg);
    CHECK(sema_parse_int_text("0x8000", 6, &mag, &neg) && mag == 0x8000);
    CHECK(sema_parse_int_text("010", 3, &mag, &neg) && mag == 8);
    CHECK(sema_parse_int_text("101b", 4, &mag, &neg) && mag == 5);
    CHECK(sema_parse_int_text("-7", 2, &mag, &neg) && mag == 7 && neg);
    CHECK(sema_parse_int_text("18446744073709551615", 20, &mag, &neg) && mag == UINT64_MAX);
    CHECK(!sema_parse_int_text("18446744073709551616", 20, &mag, &neg));
    CHECK(!sema_parse_int_text("08", 2, &mag, &neg));
    CHECK(!sema_parse_int_text("0x", 2, &mag, &neg));
    CHECK(!sema_parse_int_text("", 0, &mag, &neg));
    CHECK(!sema_parse_int_text("1 2", 3, &mag, &neg));
    CHECK(sema_int_fits(MOFC_TYPE_SINT8, 128, true));
    CHECK(!sema_int_fits(MOFC_TYPE_SINT8, 128, false));
    CHECK(!sema_int_fits(MOFC_TYPE_UINT8, 1, true));
    CHECK(sema_int_fits(MOFC_TYPE_UINT8, 0, true));
    CHECK(sema_int_fits(MOFC_TYPE_SINT64, (uint64_t)INT64_MAX + 1, true));
}

TEST(datetimes)
{
    struct mofc_datetime d;
    const char *why;
    REQUIRE(sema_parse_datetime("20240229123456.123456-300", 25, &d, &why));
    CHECK(!d.is_interval);
    CHECK_EQ_INT(d.year, 2024);
    CHECK_EQ_INT(d.month, 2);
    CHECK_EQ_INT(d.second, 56);
    CHECK_EQ_INT(d.microsecond, 123456);
    CHECK_EQ_INT(d.utc_offset, -300);
    REQUIRE(sema_parse_datetime("00000010020304.000000:000", 25, &d, &why));
    CHECK(d.is_interval);
    CHECK_EQ_INT(d.day, 10);
    CHECK_EQ_INT(d.hour, 2);
    REQUIRE(sema_parse_datetime("****0401******.000000+***", 25, &d, &why));
    CHECK_EQ_INT(d.year, -1);
    CHECK_EQ_INT(d.month, 4);
    CHECK_EQ_INT(d.utc_offset, INT32_MIN);
    CHECK(!sema_parse_datetime("20241301000000.000000+000", 25, &d, &why));
    CHECK_EQ_STR(why, "month out of range 01..12");
    CHECK(!sema_parse_datetime("20240101240000.000000+000", 25, &d, &why));
    CHECK(!sema_parse_datetime("00000001020304.000000:001", 25, &d, &why));
    CHECK(!sema_parse_datetime("2024", 4, &d, &why));
}

static const struct mofc_valuemap *map_of(struct compiled *c, const char *prop)
{
    const struct mofc_class *k = c->model ? mofc_model_find_class(c->model, "Test_A") : NULL;
    const struct mofc_property *p = k ? mofc_class_find_property(k, prop) : NULL;
    return p ? p->valuemap : NULL;
}

TEST(valuemap_ranges_and_open_ends)
{
    struct compiled c;
    compile_text(&c,
                 "class Test_A {\n  [Key] string Name;\n"
                 "  [ValueMap {\"0\", \"1\", \"2..4\", \"..\", \"0x8000..\"},\n"
                 "   Values {\"Unknown\", \"Other\", \"Mid\", \"DMTF Reserved\", \"Vendor\"}]\n"
                 "  uint16 A;\n"
                 "  [ValueMap {\"..10\", \"11\", \"12..\"}, Values {\"Low\", \"Eleven\", \"High\"}]\n"
                 "  sint8 B;\n"
                 "  [ValueMap {\"0\", \"..\", \"0x1000\", \"..\", \"0x8000..\"},\n"
                 "   Values {\"OK\", \"DMTF Reserved\", \"Busy\", \"Method Reserved\", \"Vendor\"}]\n"
                 "  uint32 C;\n"
                 "  [Values {\"Zero\", \"One\", \"Two\"}] uint8 D;\n"
                 "  [ValueMap {\"On\", \"Off\"}, Values {\"Powered\", \"Unpowered\"}] string E;\n"
                 "};\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    const struct mofc_valuemap *a = map_of(&c, "A");
    REQUIRE(a != NULL);
    CHECK_EQ_INT(a->count, 5);
    CHECK_EQ_STR(mofc_valuemap_lookup_int(a, 3)->name, "Mid");
    CHECK_EQ_STR(mofc_valuemap_lookup_int(a, 5)->name, "DMTF Reserved");
    CHECK_EQ_STR(mofc_valuemap_lookup_int(a, 0xFFFF)->name, "Vendor");
    CHECK_EQ_INT(a->entries[4].lo.u, 0x8000);
    CHECK_EQ_INT(a->entries[4].hi.u, 0xFFFF);
    CHECK_EQ_INT(a->entries[3].kind, MOFC_VM_UNCLAIMED);
    const struct mofc_valuemap *b = map_of(&c, "B");
    REQUIRE(b != NULL);
    CHECK_EQ_INT(b->entries[0].lo.s, -128);
    CHECK_EQ_INT(b->entries[0].hi.s, 10);
    CHECK_EQ_INT(b->entries[2].lo.s, 12);
    CHECK_EQ_INT(b->entries[2].hi.s, 127);
    CHECK_EQ_STR(mofc_valuemap_lookup_int(b, (uint64_t)(int64_t)-5)->name, "Low");
    /* Two ".." entries: each is the gap between its neighbours. */
    const struct mofc_valuemap *cm = map_of(&c, "C");
    REQUIRE(cm != NULL);
    CHECK_EQ_STR(mofc_valuemap_lookup_int(cm, 7)->name, "DMTF Reserved");
    CHECK_EQ_STR(mofc_valuemap_lookup_int(cm, 0x1000)->name, "Busy");
    CHECK_EQ_STR(mofc_valuemap_lookup_int(cm, 0x2000)->name, "Method Reserved");
    CHECK_EQ_STR(mofc_valuemap_lookup_int(cm, 0x9000)->name, "Vendor");
    /* Values alone: value i is entry i. */
    const struct mofc_valuemap *d = map_of(&c, "D");
    REQUIRE(d != NULL);
    CHECK_EQ_STR(mofc_valuemap_lookup_int(d, 2)->name, "Two");
    CHECK(mofc_valuemap_lookup_int(d, 3) == NULL);
    /* String maps: exact first, then ignoring case. */
    const struct mofc_valuemap *e = map_of(&c, "E");
    REQUIRE(e != NULL);
    CHECK(e->is_string);
    CHECK_EQ_STR(mofc_valuemap_lookup_string(e, "Off")->name, "Unpowered");
    CHECK_EQ_STR(mofc_valuemap_lookup_string(e, "on")->name, "Powered");
    CHECK(mofc_valuemap_lookup_string(e, "Standby") == NULL);
    compiled_free(&c);
}

TEST(valuemap_problems_by_dialect)
{
    static const char src[] =
        "class Test_A {\n  [Key] string Name;\n"
        "  [ValueMap {\"1\", \"2\"}, Values {\"One\"}] uint8 A;\n"
        "  [ValueMap {\"1\", \"0x100\"}, Values {\"One\", \"Big\"}] uint8 B;\n};\n";
    struct compiled c;
    compile_text(&c, src, MOFC_DIALECT_DMTF);
    CHECK(has_diag(&c, "3:47: error: valuemap-count"));
    CHECK(has_diag(&c, "4:58: error: valuemap-entry: property 'Test_A.B': ValueMap entry \"0x100\" "
                       "is not an integer of type uint8"));
    compiled_free(&c);
    compile_text(&c, src, MOFC_DIALECT_WMI);
    CHECK(has_diag(&c, "3:47: warning: valuemap-count"));
    CHECK(has_diag(&c, "4:58: warning: valuemap-entry"));
    CHECK_EQ_INT(c.status, 0);
    compiled_free(&c);
}

TEST(typed_defaults)
{
    struct compiled c;
    compile_text(&c,
                 "class Test_A {\n  [Key] string Name;\n"
                 "  datetime When = \"20240101000000.000000+060\";\n"
                 "  string List[] = {\"a\", NULL, \"c\"};\n"
                 "  boolean Flag = FALSE;\n  real32 R = 0.1;\n};\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    const struct mofc_value *w = default_of(&c, "Test_A", "When");
    REQUIRE(w && w->v.datetime);
    CHECK_EQ_INT(w->v.datetime->utc_offset, 60);
    CHECK_EQ_STR(w->v.datetime->text, "20240101000000.000000+060");
    const struct mofc_value *l = default_of(&c, "Test_A", "List");
    REQUIRE(l && l->is_array && l->count == 3);
    CHECK(l->elements[1].is_null);
    CHECK_EQ_STR(l->elements[2].v.string.text, "c");
    CHECK(!default_of(&c, "Test_A", "Flag")->v.boolean);
    /* real32 values are rounded to single precision. */
    CHECK(default_of(&c, "Test_A", "R")->v.real == (double)0.1f);
    compiled_free(&c);
}

TEST_MAIN()
