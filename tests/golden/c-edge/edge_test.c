/* edge_test.c - linked with the C generated for edge.mof (and long.mof,
 * which check.sh writes): value maps of every shape, awkward names, and
 * hostile strings that must come through as data.  "?" "?/" spells a
 * trigraph without making one in this file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cim_classes.h"

#ifdef EVIL
#error "a Description became a macro"
#endif

static int failures;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            printf("%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);           \
            failures++;                                                               \
        }                                                                             \
    } while (0)

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static const cim_qualifier *qualifier(const cim_qualifier *q, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (same(q[i].name, name))
            return &q[i];
    return NULL;
}

static void value_maps(void)
{
    /* Single values, hex, closed and open ranges, the unclaimed "..". */
    CHECK(same(Edge_Base_Shape_to_name(0), "Zero"));
    CHECK(same(Edge_Base_Shape_to_name(1), "One"));
    CHECK(same(Edge_Base_Shape_to_name(2), "Reserved"));
    CHECK(same(Edge_Base_Shape_to_name(3), "Three to five"));
    CHECK(same(Edge_Base_Shape_to_name(5), "Three to five"));
    CHECK(same(Edge_Base_Shape_to_name(6), "Six up"));
    CHECK(same(Edge_Base_Shape_to_name(15), "Six up"));
    CHECK(same(Edge_Base_Shape_to_name(16), "Sixteen"));
    CHECK(same(Edge_Base_Shape_to_name(17), "Reserved"));
    CHECK(same(Edge_Base_Shape_to_name(0x7FFF), "Reserved"));
    CHECK(same(Edge_Base_Shape_to_name(0x8000), "Vendor"));
    CHECK(same(Edge_Base_Shape_to_name(0xFFFF), "Vendor"));
    CHECK(Edge_Base_Shape_Sixteen == 16);
    uint16_t u16 = 0;
    CHECK(Edge_Base_Shape_from_name("SIXTEEN", &u16) && u16 == 16);
    CHECK(!Edge_Base_Shape_from_name("Three to five", &u16));  /* a range, not a value */
    CHECK(!Edge_Base_Shape_from_name("Seven", &u16));

    /* Signed maps order their ranges as signed numbers. */
    CHECK(same(Edge_Base_Signed_to_name(-32768), "Minimum"));
    CHECK(same(Edge_Base_Signed_to_name(-1), "Minus one"));
    CHECK(same(Edge_Base_Signed_to_name(0), "Zero"));
    CHECK(same(Edge_Base_Signed_to_name(10), "Small"));
    CHECK(Edge_Base_Signed_to_name(-2) == NULL);
    CHECK(Edge_Base_Signed_to_name(11) == NULL);
    int16_t s16 = 0;
    CHECK(Edge_Base_Signed_from_name("minus ONE", &s16) && s16 == -1);
    CHECK(Edge_Base_Signed_Minimum == -32768);

    /* Above INT_MAX: macros of the property's type. */
    CHECK(Edge_Base_Wide_All == 4294967295u);
    CHECK(same(Edge_Base_Wide_to_name(4294967295u), "All"));
    CHECK(Edge_Base_Wide_to_name(7) == NULL);

    /* Names: collisions ignoring case, keywords, leading digits, none. */
    CHECK(Edge_Base_Awkward_Other == 1 && Edge_Base_Awkward_other_2 == 2);
    CHECK(Edge_Base_Awkward_delete_ == 3 && Edge_Base_Awkward_class_ == 4);
    CHECK(Edge_Base_Awkward_2nd == 5 && Edge_Base_Awkward_Value_6 == 6);
    CHECK(Edge_Base_Awkward_enum_ == 7);
    uint8_t u8 = 0;
    CHECK(Edge_Base_Awkward_from_name("OTHER", &u8) && u8 == 1);   /* the first one */
    CHECK(Edge_Base_Awkward_from_name("!!!", &u8) && u8 == 6);

    /* String maps: wire strings exactly as written. */
    Edge_Base_Wire w = Edge_Base_Wire_Quote;
    CHECK(Edge_Base_Wire_from_string("a\"b", &w) && w == Edge_Base_Wire_Quote);
    CHECK(Edge_Base_Wire_from_string("back\\slash", &w) && w == Edge_Base_Wire_Backslash);
    CHECK(Edge_Base_Wire_from_string("?" "?/", &w) && w == Edge_Base_Wire_Trigraph);
    CHECK(Edge_Base_Wire_from_string("*/", &w) && w == Edge_Base_Wire_Comment_end);
    CHECK(Edge_Base_Wire_from_string("caf\xc3\xa9", &w) && w == Edge_Base_Wire_Cafe);
    CHECK(same(Edge_Base_Wire_to_string(Edge_Base_Wire_Trigraph), "?" "?/"));
    CHECK(same(Edge_Base_Wire_to_name(Edge_Base_Wire_Comment_end), "Comment end"));

    /* Bit maps: masks and names of the bits set. */
    CHECK(Edge_Base_Flags_Low == 1u && Edge_Base_Flags_Next == 2u);
    CHECK(Edge_Base_Flags_Top == 0x80000000u);
    const char *names[4] = {NULL, NULL, NULL, NULL};
    CHECK(Edge_Base_Flags_decode(0x80000003u, names, 4) == 3);
    CHECK(same(names[0], "Low") && same(names[1], "Next") && same(names[2], "Top"));
    CHECK(Edge_Base_Flags_decode(0x80000000u | 4u, names, 1) == 1);
    CHECK(same(names[0], "Top"));

    /* Methods and parameters. */
    CHECK(same(Edge_Base_Run_to_name(2), "Busy"));
    CHECK(same(Edge_Base_Run_Mode_to_name(2), "Slow"));
    const cim_method *run = &Edge_Base_Run_method;
    CHECK(run->return_type == CIM_UINT32 && run->values == &Edge_Base_Run_enum);
    CHECK(run->nparameters == 2);
    CHECK(same(run->parameters[0].name, "Mode") && run->parameters[0].flags == CIM_FLAG_IN &&
          run->parameters[0].values == &Edge_Base_Run_Mode_enum);
    CHECK(run->parameters[1].flags == (CIM_FLAG_IN | CIM_FLAG_OUT));
    CHECK(Edge_Base_class.nmethods == 1 && Edge_Base_class.methods[0] == run);
    /* The override is the child's own method, with the inherited maps. */
    const cim_method *child_run = &Edge_Child_Run_method;
    CHECK(Edge_Child_class.nmethods == 1 && Edge_Child_class.methods[0] == child_run);
    CHECK(child_run->values == &Edge_Base_Run_enum);
    CHECK(child_run->nparameters == 2 && child_run->parameters[0].values == &Edge_Base_Run_Mode_enum);

    /* An override with its own map gets its own enum. */
    CHECK(Edge_Child_Shape_enum.count == 2);
    CHECK(Edge_Child_Shape_to_name(16) == NULL);
    CHECK(same(Edge_Child_Shape_to_name(1), "One"));
    CHECK(cim_class_find_property(&Edge_Child_class, "Shape")->values == &Edge_Child_Shape_enum);
    CHECK(cim_class_find_property(&Edge_Child_class, "Signed") == &Edge_Base_Signed_property);
}

static void hostile_strings(void)
{
    const cim_qualifier *d =
        qualifier(Edge_Base_class.qualifiers, Edge_Base_class.nqualifiers, "Description");
    /* The C string ends at the NUL the MOF put in. */
    CHECK(d && d->count == 1 &&
          same(d->values[0].s, "Closes */ and opens /* a comment, ends a line with \\\nand "
                               "holds a trigraph ?" "?/ and ?" "?= and a \"quote\", a tab\t, "
                               "a NUL "));
    const cim_property *id = cim_class_find_property(&Edge_Base_class, "Id");
    d = id ? qualifier(id->qualifiers, id->nqualifiers, "Description") : NULL;
    CHECK(d && same(d->values[0].s, "*/ #define EVIL 1 /*"));
    const cim_property *wire = cim_class_find_property(&Edge_Base_class, "Wire");
    d = wire ? qualifier(wire->qualifiers, wire->nqualifiers, "ValueMap") : NULL;
    CHECK(d && d->is_array && d->count == 5 && same(d->values[2].s, "?" "?/") &&
          same(d->values[4].s, "caf\xc3\xa9"));

    /* Long strings (over ISO C's 4095) come through whole. */
    d = qualifier(Edge_Long_class.qualifiers, Edge_Long_class.nqualifiers, "Description");
    CHECK(d && strlen(d->values[0].s) == 5000 && d->values[0].s[4999] == 'x');
    Edge_Long l;
    Edge_Long_init(&l);
    CHECK(l.Text && strlen(l.Text) == 4500 && l.Text[0] == 'y');
}

static void defaults_and_validation(void)
{
    Edge_Child c;
    Edge_Child_init(&c);
    CHECK(c.descriptor_ == &Edge_Child_class);
    CHECK(same(c.Text, "line\nbreak \"q\" ?" "?/ */ caf\xc3\xa9"));
    CHECK(c.has_Enabled && c.Enabled);
    CHECK(c.has_Ratio && c.Ratio == 0.25 && c.has_Half && c.Half == 0.5f);
    CHECK(c.has_Letter && c.Letter == 'A');
    CHECK(c.has_Smallest && c.Smallest == INT64_MIN);
    CHECK(c.has_Largest && c.Largest == UINT64_MAX);
    CHECK(same(c.Since.text, "20010203040506.000007+060") && c.Since.year == 2001 &&
          c.Since.month == 2 && c.Since.second == 6 && c.Since.microsecond == 7 &&
          c.Since.utc_offset == 60);
    CHECK(c.Levels.count == 3 && c.Levels.items[0] == 1 && c.Levels.items[2] == 3);
    CHECK(c.Names.count == 2 && same(c.Names.items[1], "b\"c"));
    CHECK(c.Empty.items != NULL && c.Empty.count == 0);    /* empty, not NULL */
    CHECK(!c.has_Shape && c.Id == NULL);
    /* Members whose names were taken. */
    c.descriptor__2 = "d";
    c.has_Count = "h";
    c.has_Count_2 = true;
    c.Count = 1;
    c.register_ = "r";

    cim_violation why;
    CHECK(!Edge_Child_validate(&c, &why) && why.rule == CIM_RULE_NULL_KEY);
    c.Id = "1";
    CHECK(!Edge_Child_validate(&c, &why) && why.rule == CIM_RULE_REQUIRED &&
          same(why.property->name, "Needed"));
    c.Needed = "yes";
    CHECK(Edge_Child_validate(&c, &why));
    c.Code = "a";
    CHECK(!Edge_Child_validate(&c, &why) && why.rule == CIM_RULE_MIN_LEN);
    c.Code = "abcde";
    CHECK(!Edge_Child_validate(&c, &why) && why.rule == CIM_RULE_MAX_LEN);
    c.Code = "abcd";
    c.has_Bounded = true;
    c.Bounded = 6;
    CHECK(!Edge_Child_validate(&c, &why) && why.rule == CIM_RULE_MAX_VALUE);
    c.Bounded = -6;
    CHECK(!Edge_Child_validate(&c, &why) && why.rule == CIM_RULE_MIN_VALUE);
    c.Bounded = -5;
    c.has_Shape = true;
    c.Shape = 16;           /* in the base map, not in the child's own */
    CHECK(!Edge_Child_validate(&c, &why) && why.rule == CIM_RULE_VALUE_MAP);
    c.Shape = 1;
    c.Wire = "*/";
    CHECK(Edge_Child_validate(&c, &why));
    c.Wire = "*";
    CHECK(!Edge_Child_validate(&c, &why) && why.property == &Edge_Base_Wire_property);
    Edge_Base *base = (Edge_Base *)(void *)&c;  /* root-first layout */
    CHECK(base->Bounded == -5 && same(base->Needed, "yes"));
}

#ifdef HAVE_JSON_C
/* JSON of the MOF defaults (hostile strings, extremes, a default longer
 * than a C string literal) reads back the same, and releasing what was
 * read leaves the static defaults alone; the parameter structs of an
 * overriding method are the override's. */
static void serializers(void)
{
    Edge_Child c;
    Edge_Child_init(&c);
    c.Id = "id";
    cim_error err;
    char *json = Edge_Child_to_json(&c, CIM_JSON_PRETTY, &err);
    CHECK(json != NULL);
    Edge_Child d;
    CHECK(json && Edge_Child_from_json(&d, json, &err));
    char *again = json ? Edge_Child_to_json(&d, CIM_JSON_PRETTY, &err) : NULL;
    CHECK(json && again && strcmp(json, again) == 0);
    CHECK(d.has_Largest && d.Largest == UINT64_MAX && d.has_Smallest && d.Smallest == INT64_MIN);
    CHECK(d.Text != c.Text && same(d.Text, c.Text));
    Edge_Child_release(&d);
    free(again);
    free(json);

    Edge_Long l;
    CHECK(Edge_Long_from_json(&l, "{\"Id\": \"x\"}", &err));
    CHECK(l.Text && strlen(l.Text) == 4500);  /* the default, not copied */
    Edge_Long_release(&l);
    CHECK(l.Text && strlen(l.Text) == 4500 && !l.Id);

    Edge_Child_Run_In in;
    CHECK(Edge_Child_Run_In_from_json(&in, "{\"Mode\": 2, \"Note\": \"n\"}", &err));
    CHECK(in.descriptor_ == &Edge_Child_Run_In_class && in.has_Mode && in.Mode == 2);
    CHECK(Edge_Child_Run_method.in == &Edge_Child_Run_In_class);
    CHECK(Edge_Base_Run_method.out == &Edge_Base_Run_Out_class);
    Edge_Child_Run_In_release(&in);
}
#endif

int main(void)
{
    value_maps();
    hostile_strings();
    defaults_and_validation();
#ifdef HAVE_JSON_C
    serializers();
#endif
    if (failures) {
        printf("%d checks failed\n", failures);
        return 1;
    }
    puts("ok");
    return 0;
}
