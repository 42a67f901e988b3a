/* test_split.c - mofc split then merge gives back the original model:
 * same classes, members, types, defaults and the same qualifiers with
 * the same values and flavors (their order aside: merged qualifiers come
 * after the neutral ones), and each merged qualifier knows its locale. */
#include "test.h"

#include "../../codegen/backends.h"
#include "mofc/mofc.h"

static const char master[] =
    "Qualifier Note : string = null, Scope(any), Flavor(Translatable);\n"
    "[Description(\"Sample class, English text\") : Amended, Dynamic, Provider(\"P\")]\n"
    "class Demo_Item\n"
    "{\n"
    "    [Key, Description(\"Item identifier\") : Amended] string Id;\n"
    "    uint32 Count = 3;\n"
    "    [Description(\"State\") : Amended, ValueMap {\"1\", \"2\"},\n"
    "     Values {\"On\", \"Off\"} : Amended, Note(\"kept\")] uint16 State;\n"
    "    [Description(\"Do it\") : Amended] uint32 Run([In, Description(\"how\") : Amended]\n"
    "        string How, [In] uint32 N);\n"
    "};\n"
    "[Description(\"Sub\") : Amended]\n"
    "class Demo_Sub : Demo_Item { [Description(\"Extra\") : Amended] string Extra;\n"
    "    [Override(\"State\"), Description(\"Sub state\") : Amended] uint16 State; };\n"
    "class Demo_Plain { [Key] string K; };\n";

static struct mofc *compile(const char *locale, const char *a, size_t alen, const char *b,
                            size_t blen)
{
    struct mofc_options o = {0};
    o.dialect = MOFC_DIALECT_WMI;
    o.locale = locale;
    struct mofc *m = mofc_create(&o);
    mofc_add_buffer(m, "a.mof", a, alen);
    if (b)
        mofc_add_buffer(m, "b.mfl", b, blen);
    return m;
}

static bool same_value(const struct mofc_value *x, const struct mofc_value *y)
{
    if (x->type != y->type || x->is_array != y->is_array || x->is_null != y->is_null)
        return false;
    if (x->is_null)
        return true;
    if (x->is_array) {
        if (x->count != y->count)
            return false;
        for (size_t i = 0; i < x->count; i++)
            if (!same_value(&x->elements[i], &y->elements[i]))
                return false;
        return true;
    }
    if (x->type == MOFC_TYPE_STRING)
        return x->v.string.len == y->v.string.len &&
               memcmp(x->v.string.text, y->v.string.text, x->v.string.len) == 0;
    if (x->type == MOFC_TYPE_BOOLEAN)
        return x->v.boolean == y->v.boolean;
    return x->v.u == y->v.u;
}

/* Every qualifier of x is in y with the same value and flavors, and the
 * counts agree; counts the ones y got from an amendment. */
static bool same_quals(const struct mofc_qualifier_list *x, const struct mofc_qualifier_list *y,
                       int *localized, const char *where)
{
    if (x->count != y->count) {
        fprintf(stderr, "%s: %zu qualifiers, %zu after the round trip\n", where, x->count,
                y->count);
        return false;
    }
    for (size_t i = 0; i < x->count; i++) {
        const struct mofc_qualifier *q = &x->items[i];
        const struct mofc_qualifier *r = mofc_qualifiers_find(y, q->name);
        if (!r || !same_value(&q->value, &r->value) || q->flavors != r->flavors ||
            q->propagated != r->propagated) {
            fprintf(stderr, "%s: qualifier %s differs\n", where, q->name);
            return false;
        }
        if (q->locale)
            return false;
        if ((q->flavors & MOFC_FLAVOR_AMENDED) && !q->propagated) {
            if (!r->locale || strcmp(r->locale, "ms_40c") != 0)
                return false;
            ++*localized;
        }
    }
    return true;
}

static bool same_type(const struct mofc_typeinfo *a, const struct mofc_typeinfo *b)
{
    return a->type == b->type && a->is_array == b->is_array &&
           (a->ref_class == NULL) == (b->ref_class == NULL);
}

TEST(split_then_merge_is_the_original_model)
{
    struct mofc *m = compile(NULL, master, strlen(master), NULL, 0);
    REQUIRE(mofc_compile(m) == 0);
    const struct mofc_model *orig = mofc_model(m);
    char *neutral, *amendment;
    size_t nlen, alen;
    struct cg_report r = {NULL, NULL, 0};
    REQUIRE(cg_mof_split(orig, NULL, 0x40c, &r, &neutral, &nlen, &amendment, &alen));
    CHECK(strstr(neutral, "Amended") == NULL);
    CHECK(strstr(neutral, "Description") == NULL);
    CHECK(strstr(amendment, "#pragma namespace (\"root/cimv2/ms_40c\")") != NULL);
    CHECK(strstr(amendment, "Demo_Plain") == NULL);
    CHECK(strstr(amendment, "Count") == NULL);
    CHECK(strstr(amendment, "[Key, Description(\"Item identifier\") : Amended]") != NULL);
    CHECK(strstr(amendment, "[Locale(0x40c), Description(\"Sample class, English text\") : Amended") != NULL);

    struct mofc *m2 = compile("fr", neutral, nlen, amendment, alen);
    REQUIRE(mofc_compile(m2) == 0);
    const struct mofc_model *back = mofc_model(m2);
    REQUIRE(back != NULL);
    CHECK_EQ_INT(back->nclasses, orig->nclasses);
    int localized = 0;
    for (size_t i = 0; i < orig->nclasses; i++) {
        const struct mofc_class *a = orig->classes[i];
        if (a->origin != MOFC_ORIGIN_USER)
            continue;
        const struct mofc_class *b = mofc_model_find_class(back, a->name);
        REQUIRE(b != NULL);
        CHECK((a->superclass == NULL) == (b->superclass == NULL));
        CHECK(same_quals(&a->qualifiers, &b->qualifiers, &localized, a->name));
        CHECK_EQ_INT(b->nproperties, a->nproperties);
        for (size_t k = 0; k < a->nproperties && k < b->nproperties; k++) {
            const struct mofc_property *p = a->properties[k], *q = b->properties[k];
            CHECK_EQ_STR(q->name, p->name);
            CHECK(same_type(&p->t, &q->t));
            CHECK(same_value(&p->default_value, &q->default_value));
            CHECK(same_quals(&p->qualifiers, &q->qualifiers, &localized, p->name));
            CHECK_EQ_INT(q->flags, p->flags);
        }
        CHECK_EQ_INT(b->nmethods, a->nmethods);
        for (size_t k = 0; k < a->nmethods && k < b->nmethods; k++) {
            const struct mofc_method *p = a->methods[k], *q = b->methods[k];
            CHECK_EQ_STR(q->name, p->name);
            CHECK(same_type(&p->ret, &q->ret));
            CHECK(same_quals(&p->qualifiers, &q->qualifiers, &localized, p->name));
            CHECK_EQ_INT(q->nparams, p->nparams);
            for (size_t j = 0; j < p->nparams && j < q->nparams; j++)
                CHECK(same_quals(&p->params[j].qualifiers, &q->params[j].qualifiers,
                                 &localized, p->params[j].name));
        }
    }
    /* Class, property, method and parameter texts of both classes (the
     * method again, inherited by Demo_Sub). */
    CHECK(localized >= 9);

    /* Without the locale the amendment is dropped: no texts at all. */
    struct mofc *m3 = compile(NULL, neutral, nlen, amendment, alen);
    REQUIRE(mofc_compile(m3) == 0);
    const struct mofc_class *c = mofc_model_find_class(mofc_model(m3), "Demo_Item");
    REQUIRE(c != NULL);
    CHECK(mofc_qualifiers_find(&c->qualifiers, "Description") == NULL);
    free(neutral);
    free(amendment);
    mofc_destroy(m);
    mofc_destroy(m2);
    mofc_destroy(m3);
}

TEST(locale_names)
{
    CHECK_EQ_INT(mofc_locale_lcid("fr"), 0x40c);
    CHECK_EQ_INT(mofc_locale_lcid("fr_FR"), 0x40c);
    CHECK_EQ_INT(mofc_locale_lcid("FR-fr"), 0x40c);
    CHECK_EQ_INT(mofc_locale_lcid("0x40c"), 0x40c);
    CHECK_EQ_INT(mofc_locale_lcid("1036"), 0x40c);
    CHECK_EQ_INT(mofc_locale_lcid("MS_40C"), 0x40c);
    CHECK_EQ_INT(mofc_locale_lcid("pt_BR"), 0x416);
    CHECK_EQ_INT(mofc_locale_lcid("en_US"), 0x409);
    CHECK_EQ_INT(mofc_locale_lcid("xx"), 0);
    CHECK_EQ_INT(mofc_locale_lcid("0x"), 0);
    CHECK_EQ_INT(mofc_locale_lcid(""), 0);
    CHECK_EQ_STR(mofc_lcid_language(0x40c), "fr");
    CHECK(mofc_lcid_language(0x1234) == NULL);
}

TEST_MAIN()
