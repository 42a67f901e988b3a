/* test_schemas.c - the bundled schemas: the Win32_LogonSession chain as
 * the reference pages describe it, and the packs loading cleanly. */
#include "compile.h"
#include "test.h"

static struct mofc *load(const char *const *packs, size_t npacks, const char *file)
{
    struct mofc_options o;
    memset(&o, 0, sizeof o);
    o.packs = packs;
    o.npacks = npacks;
    struct mofc *m = mofc_create(&o);
    if (file)
        mofc_add_file(m, file);
    return m;
}

TEST(logon_session_chain)
{
    struct mofc *m = load(NULL, 0, MOFC_ROOT "/schemas/win32/CIMWin32.mof");
    REQUIRE(mofc_compile(m) == 0);
    CHECK_EQ_INT(mofc_warning_count(m), 0);
    const struct mofc_model *model = mofc_model(m);
    const struct mofc_class *ls = mofc_model_find_class(model, "Win32_LogonSession");
    REQUIRE(ls != NULL);
    /* mofcomp's spelling of the namespace, as the MOF writes it. */
    CHECK_EQ_STR(ls->namespace_name, "\\\\.\\Root\\CIMV2");
    /* The chain, root last. */
    REQUIRE(ls->superclass && ls->superclass->superclass && ls->superclass->superclass->superclass);
    CHECK_EQ_STR(ls->superclass->name, "Win32_Session");
    CHECK_EQ_STR(ls->superclass->superclass->name, "CIM_LogicalElement");
    CHECK_EQ_STR(ls->superclass->superclass->superclass->name, "CIM_ManagedSystemElement");
    /* Nine properties, root first. */
    static const char *const names[] = {"Caption", "Description", "InstallDate", "Name",
                                        "Status", "StartTime", "AuthenticationPackage",
                                        "LogonId", "LogonType"};
    REQUIRE(ls->nproperties == 9);
    for (size_t i = 0; i < 9; i++)
        CHECK_EQ_STR(ls->properties[i]->name, names[i]);
    CHECK_EQ_INT(ls->properties[2]->t.type, MOFC_TYPE_DATETIME);
    CHECK_EQ_INT(ls->properties[8]->t.type, MOFC_TYPE_UINT32);
    /* Qualifiers of the page. */
    const struct mofc_property *caption = mofc_class_find_property(ls, "caption");
    CHECK_EQ_INT(caption->max_len, 64);
    CHECK_EQ_STR(mofc_qualifiers_find(&caption->qualifiers, "DisplayName")->value.v.string.text,
                 "Caption");
    CHECK(caption->flags & MOFC_PROP_READ);
    CHECK(!(caption->flags & MOFC_PROP_WRITE));
    CHECK_EQ_INT(ls->nkeys, 1);
    CHECK_EQ_STR(ls->keys[0]->name, "LogonId");
    const struct mofc_qualifier *prov = mofc_qualifiers_find(&ls->qualifiers, "Provider");
    REQUIRE(prov != NULL);
    CHECK_EQ_STR(prov->value.v.string.text, "CIMWin32");
    CHECK(mofc_qualifiers_find(&ls->qualifiers, "Dynamic") != NULL);
    CHECK(mofc_qualifiers_find(&ls->qualifiers, "UUID") != NULL);
    CHECK(!(ls->flags & MOFC_CLASS_ABSTRACT));
    CHECK(ls->superclass->flags & MOFC_CLASS_ABSTRACT);
    /* LogonType: 13 values; 10 is RemoteInteractive, 1 is nothing. */
    const struct mofc_valuemap *lt = mofc_class_find_property(ls, "LogonType")->valuemap;
    REQUIRE(lt != NULL);
    CHECK_EQ_INT(lt->count, 13);
    CHECK_EQ_STR(mofc_valuemap_lookup_int(lt, 10)->name, "RemoteInteractive");
    CHECK_EQ_STR(mofc_valuemap_lookup_int(lt, 2)->name, "Interactive");
    /* 0 is in the map but has no name, as in the provider. */
    REQUIRE(mofc_valuemap_lookup_int(lt, 0) != NULL);
    CHECK_EQ_STR(mofc_valuemap_lookup_int(lt, 0)->name, "");
    CHECK(mofc_valuemap_lookup_int(lt, 1) == NULL);
    CHECK(mofc_class_find_property(ls, "LogonType")->valuemap_owner == ls);
    /* Status: a string map of 12, owned by the root class. */
    const struct mofc_property *status = mofc_class_find_property(ls, "Status");
    REQUIRE(status->valuemap != NULL);
    CHECK(status->valuemap->is_string);
    CHECK_EQ_INT(status->valuemap->count, 12);
    CHECK_EQ_STR(mofc_valuemap_lookup_string(status->valuemap, "Pred Fail")->name, "Pred Fail");
    CHECK_EQ_STR(status->valuemap_owner->name, "CIM_ManagedSystemElement");
    CHECK_EQ_INT(status->max_len, 10);
    mofc_destroy(m);
}

TEST(packs_load_cleanly)
{
    static const char *const packs[] = {"wmi", "dsc"};
    struct mofc *m = load(packs, 2, NULL);
    /* A configuration document embeds a credential, as PowerShell writes it. */
    static const char user[] =
        "class Test_A : WMIEvent { };\n"
        "class Test_R : OMI_BaseResource { [Key] string N; };\n"
        "instance of MSFT_Credential as $cred { UserName = \"u\"; Password = \"p\"; };\n"
        "instance of Test_R { N = \"x\"; ResourceId = \"[Test_R]x\"; ModuleName = \"M\";\n"
        "  ModuleVersion = \"1.0\"; PsDscRunAsCredential = $cred; };\n";
    mofc_add_buffer(m, "user.mof", user, sizeof user - 1);
    REQUIRE(mofc_compile(m) == 0);
    CHECK_EQ_INT(mofc_warning_count(m), 0);
    const struct mofc_model *model = mofc_model(m);
    const struct mofc_class *a = mofc_model_find_class(model, "Test_A");
    REQUIRE(a != NULL);
    CHECK_EQ_STR(a->superclass->superclass->name, "__ExtrinsicEvent");
    CHECK_EQ_INT(a->superclass->origin, MOFC_ORIGIN_PACK);
    const struct mofc_class *r = mofc_model_find_class(model, "Test_R");
    REQUIRE(r != NULL);
    const struct mofc_property *cred = mofc_class_find_property(r, "PsDscRunAsCredential");
    REQUIRE(cred != NULL);
    CHECK_EQ_STR(cred->t.embedded_class->name, "MSFT_Credential");
    REQUIRE(model->ninstances == 2);
    const struct mofc_value *v = &model->instances[1]->values[4].value;
    CHECK_EQ_INT(v->type, MOFC_TYPE_OBJECT);
    CHECK(v->v.object == model->instances[0]);
    mofc_destroy(m);
}

TEST_MAIN()
