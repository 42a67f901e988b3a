/* test_model.c - each sema phase, seen through the model it produces. */
#include "compile.h"
#include "test.h"

/* Files in any order: the subclass first, its superclass last. */
static const char *const chain =
    "class Test_Leaf : Test_Mid {\n"
    "    [Override(\"Label\"), Description(\"leaf label\")] string Label;\n"
    "    uint32 Extra;\n"
    "};\n"
    "class Test_Mid : Test_Root {\n"
    "    [Override(\"Status\"), MaxLen(20)] string Status;\n"
    "};\n"
    "[Abstract, Description(\"root\"), Version(\"1.0.0\")]\n"
    "class Test_Root {\n"
    "    [Key, MaxLen(64)] string Name;\n"
    "    [Description(\"root label\"), MaxLen(10)] string Label;\n"
    "    [ValueMap {\"OK\", \"Error\"}, Values {\"OK\", \"Error\"}, MaxLen(10)] string Status;\n"
    "    [Description(\"go\")] uint32 Go([IN] string How);\n"
    "};\n";

TEST(declare_then_resolve_ignores_file_order)
{
    struct compiled c;
    compile_text(&c, chain, MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    const struct mofc_model *m = c.model;
    REQUIRE(m->nclasses == 3);
    /* Topological: superclass first. */
    CHECK_EQ_STR(m->classes[0]->name, "Test_Root");
    CHECK_EQ_STR(m->classes[1]->name, "Test_Mid");
    CHECK_EQ_STR(m->classes[2]->name, "Test_Leaf");
    const struct mofc_class *leaf = mofc_model_find_class(m, "TEST_LEAF");
    REQUIRE(leaf != NULL);
    CHECK_EQ_INT(leaf->depth, 2);
    CHECK_EQ_STR(leaf->superclass->superclass->name, "Test_Root");
    CHECK_EQ_INT(leaf->superclass->superclass->nsubclasses, 1);
    compiled_free(&c);
}

TEST(flattening_shares_and_overrides)
{
    struct compiled c;
    compile_text(&c, chain, MOFC_DIALECT_DMTF);
    REQUIRE(c.status == 0);
    const struct mofc_class *root = mofc_model_find_class(c.model, "Test_Root");
    const struct mofc_class *mid = mofc_model_find_class(c.model, "Test_Mid");
    const struct mofc_class *leaf = mofc_model_find_class(c.model, "Test_Leaf");
    REQUIRE(leaf->nproperties == 4);
    /* Root-first order; an override keeps the inherited slot. */
    CHECK_EQ_STR(leaf->properties[0]->name, "Name");
    CHECK_EQ_STR(leaf->properties[1]->name, "Label");
    CHECK_EQ_STR(leaf->properties[2]->name, "Status");
    CHECK_EQ_STR(leaf->properties[3]->name, "Extra");
    /* Name is inherited unchanged: the very same object, propagated. */
    CHECK(leaf->properties[0] == root->properties[0]);
    CHECK(mofc_property_propagated(leaf->properties[0], leaf));
    CHECK(leaf->properties[0]->origin == root);
    /* Label is overridden in leaf: local definition, origin stays root. */
    const struct mofc_property *label = leaf->properties[1];
    CHECK(label->owner == leaf);
    CHECK(label->origin == root);
    CHECK(label->overridden == root->properties[1]);
    CHECK(!mofc_property_propagated(label, leaf));
    /* Its qualifiers: Description restated (local), MaxLen propagated. */
    const struct mofc_qualifier *d = mofc_qualifiers_find(&label->qualifiers, "description");
    REQUIRE(d != NULL);
    CHECK(!d->propagated);
    CHECK_EQ_STR(d->value.v.string.text, "leaf label");
    const struct mofc_qualifier *ml = mofc_qualifiers_find(&label->qualifiers, "MaxLen");
    REQUIRE(ml != NULL);
    CHECK(ml->propagated);
    CHECK_EQ_INT(label->max_len, 10);
    /* Override is Restricted: it is not propagated further. */
    CHECK(mofc_qualifiers_find(&mid->properties[1]->qualifiers, "Override") == NULL);
    /* Status overridden in mid, inherited by leaf from mid. */
    CHECK(leaf->properties[2] == mid->properties[2]);
    CHECK_EQ_INT(leaf->properties[2]->max_len, 20);
    /* ValueMap owner: root wrote it; mid only restated MaxLen. */
    CHECK(leaf->properties[2]->valuemap != NULL);
    CHECK(leaf->properties[2]->valuemap_owner == root);
    /* Keys and methods flatten too. */
    CHECK_EQ_INT(leaf->nkeys, 1);
    CHECK(leaf->keys[0] == root->properties[0]);
    CHECK_EQ_INT(leaf->nmethods, 1);
    CHECK(leaf->methods[0] == root->methods[0]);
    CHECK_EQ_INT(leaf->methods[0]->nparams, 1);
    CHECK(leaf->methods[0]->params[0].flags & MOFC_PROP_IN);
    compiled_free(&c);
}

TEST(class_qualifier_propagation_respects_flavors)
{
    struct compiled c;
    compile_text(&c, chain, MOFC_DIALECT_DMTF);
    REQUIRE(c.status == 0);
    const struct mofc_class *root = mofc_model_find_class(c.model, "Test_Root");
    const struct mofc_class *mid = mofc_model_find_class(c.model, "Test_Mid");
    CHECK(root->flags & MOFC_CLASS_ABSTRACT);
    /* Abstract and Version are Restricted; Description is ToSubclass. */
    CHECK(!(mid->flags & MOFC_CLASS_ABSTRACT));
    CHECK(mofc_qualifiers_find(&mid->qualifiers, "Abstract") == NULL);
    CHECK(mofc_qualifiers_find(&mid->qualifiers, "Version") == NULL);
    const struct mofc_qualifier *d = mofc_qualifiers_find(&mid->qualifiers, "Description");
    REQUIRE(d != NULL);
    CHECK(d->propagated);
    CHECK(d->flavors & MOFC_FLAVOR_TRANSLATABLE);
    CHECK(d->flavors & MOFC_FLAVOR_TOSUBCLASS);
    compiled_free(&c);
}

TEST(read_write_in_out_defaults)
{
    struct compiled c;
    compile_text(&c, "class Test_A {\n  [Key] string Name;\n  [Write] string W;\n"
                     "  [Read(false)] string Hidden;\n"
                     "  uint32 M([IN(false), OUT] string O, [IN, OUT] string Both);\n};\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    const struct mofc_class *k = c.model->classes[0];
    CHECK(k->properties[0]->flags & MOFC_PROP_READ);
    CHECK(!(k->properties[0]->flags & MOFC_PROP_WRITE));
    CHECK(k->properties[1]->flags & MOFC_PROP_WRITE);
    CHECK(!(k->properties[2]->flags & MOFC_PROP_READ));
    const struct mofc_method *mt = k->methods[0];
    CHECK(!(mt->params[0].flags & MOFC_PROP_IN));
    CHECK(mt->params[0].flags & MOFC_PROP_OUT);
    CHECK((mt->params[1].flags & (MOFC_PROP_IN | MOFC_PROP_OUT)) == (MOFC_PROP_IN | MOFC_PROP_OUT));
    compiled_free(&c);
}

TEST(references_and_instances_resolve)
{
    struct compiled c;
    compile_text(&c, "[Association] class Test_Link {\n"
                     "  [Key] Test_Thing REF Left;\n  [Key] Test_Thing REF Right;\n};\n"
                     "class Test_Thing { [Key] string Name; uint32 N; };\n"
                     "instance of Test_Link { Left = $b; Right = $a; };\n"
                     "instance of Test_Thing as $a { Name = \"a\\\"q\"; N = 1; };\n"
                     "instance of Test_Thing as $b { Name = \"b\"; };\n",
                 MOFC_DIALECT_WMI);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    const struct mofc_model *m = c.model;
    /* Reference targets come before the association. */
    CHECK_EQ_STR(m->classes[0]->name, "Test_Thing");
    CHECK_EQ_STR(m->classes[1]->name, "Test_Link");
    REQUIRE(m->ninstances == 3);
    const struct mofc_instance *link = m->instances[0];
    CHECK_EQ_STR(link->cls->name, "Test_Link");
    REQUIRE(link->nvalues == 2);
    CHECK(link->values[0].value.v.ref.instance == m->instances[2]);
    CHECK_EQ_STR(link->values[1].value.v.ref.path.text, "Test_Thing.Name=\"a\\\"q\"");
    CHECK_EQ_STR(link->path,
                 "Test_Link.Left=\"Test_Thing.Name=\\\"b\\\"\","
                 "Right=\"Test_Thing.Name=\\\"a\\\\\\\"q\\\"\"");
    CHECK_EQ_STR(m->instances[1]->alias, "a");
    compiled_free(&c);
}

TEST(builtin_qualifiers_are_declared)
{
    struct compiled c;
    compile_text(&c, "class Test_A { [Key] string Name; };\n", MOFC_DIALECT_DMTF);
    REQUIRE(c.status == 0);
    const struct mofc_qualifier_decl *k = mofc_model_find_qualifier_decl(c.model, "key");
    REQUIRE(k != NULL);
    CHECK_EQ_INT(k->type, MOFC_TYPE_BOOLEAN);
    CHECK(k->flavors & MOFC_FLAVOR_DISABLEOVERRIDE);
    CHECK_EQ_INT(k->origin, MOFC_ORIGIN_BUILTIN);
    const struct mofc_qualifier_decl *vm = mofc_model_find_qualifier_decl(c.model, "ValueMap");
    REQUIRE(vm != NULL);
    CHECK(vm->is_array);
    CHECK(mofc_model_find_qualifier_decl(c.model, "UUID") != NULL);
    compiled_free(&c);
}

TEST(user_redeclaration_replaces_builtin)
{
    struct compiled c;
    compile_text(&c, "Qualifier Description : string = null, Scope(class, property),"
                     " Flavor(Translatable);\nclass Test_A { [Key] string Name; };\n",
                 MOFC_DIALECT_DMTF);
    dump_diags(&c);
    REQUIRE(c.status == 0);
    const struct mofc_qualifier_decl *d = mofc_model_find_qualifier_decl(c.model, "Description");
    REQUIRE(d != NULL);
    CHECK_EQ_INT(d->origin, MOFC_ORIGIN_USER);
    CHECK_EQ_INT(d->scopes, MOFC_SCOPE_CLASS | MOFC_SCOPE_PROPERTY);
    compiled_free(&c);
}

TEST_MAIN()
