/* logon_test.c - linked with the C generated for the bundled
 * Win32_LogonSession chain: the enums, lookups, descriptors, initialiser
 * validator and (with json-c) serializers behave as the README says.  Prints "ok" or the checks that
 * failed (exit 1).  Compiles as C99 and as C++. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cim_classes.h"

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

int main(void)
{
    /* LogonType: 10 <-> RemoteInteractive, 2 <-> Interactive, 1 unknown. */
    uint32_t v = 0;
    CHECK(Win32_LogonSession_LogonType_RemoteInteractive == 10);
    CHECK(same(Win32_LogonSession_LogonType_to_name(10), "RemoteInteractive"));
    CHECK(Win32_LogonSession_LogonType_from_name("RemoteInteractive", &v) && v == 10);
    CHECK(Win32_LogonSession_LogonType_from_name("remoteinteractive", &v) && v == 10);
    CHECK(same(Win32_LogonSession_LogonType_to_name(2), "Interactive"));
    CHECK(Win32_LogonSession_LogonType_from_name("Interactive", &v) && v == 2);
    CHECK(Win32_LogonSession_LogonType_to_name(1) == NULL);
    CHECK(Win32_LogonSession_LogonType_to_name(14) == NULL);
    CHECK(!Win32_LogonSession_LogonType_from_name("Remote", &v));
    /* 0 is in the map without a name: its constant is named by the value. */
    CHECK(Win32_LogonSession_LogonType_Value_0 == 0);
    CHECK(same(Win32_LogonSession_LogonType_to_name(0), ""));
    CHECK(same(Win32_LogonSession_LogonType_to_name(13), "CachedUnlock"));

    /* Status, a string map: "Pred Fail" <-> its enum and back. */
    CIM_ManagedSystemElement_Status s = CIM_ManagedSystemElement_Status_OK;
    CHECK(CIM_ManagedSystemElement_Status_from_string("Pred Fail", &s));
    CHECK(s == CIM_ManagedSystemElement_Status_Pred_Fail);
    CHECK(same(CIM_ManagedSystemElement_Status_to_string(CIM_ManagedSystemElement_Status_Pred_Fail),
               "Pred Fail"));
    CHECK(!CIM_ManagedSystemElement_Status_from_string("pred fail", &s));  /* wire: exact */
    CHECK(CIM_ManagedSystemElement_Status_from_name("pred fail", &s) &&
          s == CIM_ManagedSystemElement_Status_Pred_Fail);                 /* names: any case */
    CHECK(CIM_ManagedSystemElement_Status_from_string("Lost Comm", &s) &&
          s == CIM_ManagedSystemElement_Status_Lost_Comm);
    CHECK(!CIM_ManagedSystemElement_Status_from_string("Broken", &s));
    CHECK(CIM_ManagedSystemElement_Status_to_string((CIM_ManagedSystemElement_Status)12) == NULL);
    CHECK(CIM_ManagedSystemElement_Status_enum.count == 12);

    /* The descriptor: 9 properties root-first, Caption MaxLen 64, LogonId key. */
    const cim_class *c = &Win32_LogonSession_class;
    static const char *const order[] = {"Caption", "Description", "InstallDate", "Name",
                                        "Status", "StartTime", "AuthenticationPackage",
                                        "LogonId", "LogonType"};
    CHECK(same(c->name, "Win32_LogonSession"));
    CHECK(c->superclass == &Win32_Session_class);
    CHECK(c->superclass->superclass == &CIM_LogicalElement_class);
    CHECK(c->superclass->superclass->superclass == &CIM_ManagedSystemElement_class);
    CHECK(same(c->namespace_name, "\\\\.\\Root\\CIMV2"));
    CHECK(c->nproperties == 9);
    for (size_t i = 0; i < 9 && i < c->nproperties; i++)
        CHECK(same(c->properties[i]->name, order[i]));
    const cim_property *caption = cim_class_find_property(c, "caption");
    CHECK(caption && caption->max_len == 64 && caption->type == CIM_STRING);
    CHECK(caption && same(caption->class_origin, "CIM_ManagedSystemElement"));
    const cim_property *id = cim_class_find_property(c, "LogonId");
    CHECK(id && (id->flags & CIM_FLAG_KEY));
    CHECK(!(caption->flags & CIM_FLAG_KEY));
    const cim_property *type = cim_class_find_property(c, "LOGONTYPE");
    CHECK(type && type->values == &Win32_LogonSession_LogonType_enum && type->type == CIM_UINT32);
    CHECK(cim_class_find_property(c, "NoSuchProperty") == NULL);
    CHECK(cim_class_find_property(&CIM_ManagedSystemElement_class, "Status")->values ==
          &CIM_ManagedSystemElement_Status_enum);
    /* Typed qualifier values. */
    bool found_maxlen = false;
    for (size_t i = 0; caption && i < caption->nqualifiers; i++)
        if (same(caption->qualifiers[i].name, "MaxLen"))
            found_maxlen = caption->qualifiers[i].type == CIM_UINT32 &&
                           caption->qualifiers[i].count == 1 &&
                           caption->qualifiers[i].values[0].u == 64;
    CHECK(found_maxlen);

    /* A subclass struct starts with its superclass's layout. */
    CHECK(offsetof(Win32_LogonSession, Status) == offsetof(CIM_ManagedSystemElement, Status));
    CHECK(offsetof(Win32_LogonSession, StartTime) == offsetof(Win32_Session, StartTime));

    /* init: descriptor set, every property NULL. */
    Win32_LogonSession x;
    memset(&x, 0x55, sizeof x);
    Win32_LogonSession_init(&x);
    CHECK(x.descriptor_ == c);
    CHECK(x.Caption == NULL && !x.has_LogonType && x.InstallDate.text == NULL);
    CHECK(cim_property_is_null(type, &x));
    Win32_LogonSession y = Win32_LogonSession_INIT;
    CHECK(memcmp(&x.LogonType, &y.LogonType, sizeof x.LogonType) == 0 && !y.has_LogonType);

    /* validate: the key must be set; Caption at most 64 characters;
     * LogonType must be a value of its map. */
    cim_violation why;
    CHECK(!Win32_LogonSession_validate(&x, &why));
    CHECK(why.property == id && why.rule == CIM_RULE_NULL_KEY);
    x.LogonId = "999";
    x.has_LogonType = true;
    x.LogonType = Win32_LogonSession_LogonType_Interactive;
    x.Caption = "A session";
    x.Status = "OK";
    CHECK(Win32_LogonSession_validate(&x, &why));
    char caption65[66];
    memset(caption65, 'c', 65);
    caption65[65] = '\0';
    x.Caption = caption65;
    CHECK(!Win32_LogonSession_validate(&x, &why));
    CHECK(why.property == caption && why.rule == CIM_RULE_MAX_LEN && same(why.reason, "longer than MaxLen"));
    caption65[64] = '\0';   /* 64 characters: fine */
    CHECK(Win32_LogonSession_validate(&x, NULL));
    /* 64 characters but more bytes (UTF-8 'é' is two): still fine. */
    char utf8[130];
    for (int i = 0; i < 64; i++)
        memcpy(utf8 + 2 * i, "\xc3\xa9", 2);
    utf8[128] = '\0';
    x.Caption = utf8;
    CHECK(Win32_LogonSession_validate(&x, NULL));
    x.Caption = "ok";
    x.LogonType = 1;
    CHECK(!Win32_LogonSession_validate(&x, &why));
    CHECK(why.property == type && why.rule == CIM_RULE_VALUE_MAP);
    x.LogonType = 10;
    x.Status = "Fine";      /* not in Status's ValueMap */
    CHECK(!Win32_LogonSession_validate(&x, &why));
    CHECK(why.rule == CIM_RULE_VALUE_MAP && same(why.property->name, "Status"));
    x.Status = "Pred Fail";
    CHECK(Win32_LogonSession_validate(&x, NULL));

    /* Datetimes parse and keep their text. */
    cim_datetime dt;
    CHECK(cim_datetime_parse("20261129101500.000000+060", &dt));
    CHECK(dt.year == 2026 && dt.month == 11 && dt.day == 29 && dt.hour == 10 &&
          dt.minute == 15 && dt.utc_offset == 60 && !dt.is_interval);
    CHECK(cim_datetime_parse("00000001020304.000005:000", &dt));
    CHECK(dt.is_interval && dt.day == 1 && dt.hour == 2 && dt.second == 4 && dt.microsecond == 5);
    CHECK(!cim_datetime_parse("2026-11-29", &dt));

#ifdef HAVE_JSON_C
    /* The serializers example of the README. */
    Win32_LogonSession js;
    Win32_LogonSession_init(&js);
    js.LogonId = "999";
    js.has_LogonType = true;
    js.LogonType = 10;
    cim_error err;
    char *json = Win32_LogonSession_to_json(&js, 0, &err);
    CHECK(json && strncmp(json, "{\"@class\":\"Win32_LogonSession\",\"Caption\":null,", 46) == 0);
    CHECK(json && strstr(json, ",\"LogonId\":\"999\",\"LogonType\":10}"));
    Win32_LogonSession t;
    CHECK(!Win32_LogonSession_from_json(&t, "{\"LogonType\": 4294967296}", &err));
    CHECK(same(err.path, "LogonType") &&
          same(err.message, "4294967296 is out of the range of uint32"));
    char *xml = Win32_LogonSession_to_cimxml(&js, &err);
    CHECK(xml && strncmp(xml, "<INSTANCE CLASSNAME=\"Win32_LogonSession\"><PROPERTY "
                              "NAME=\"Caption\" TYPE=\"string\"></PROPERTY>", 91) == 0);
    free(json);
    free(xml);
#endif

    if (failures) {
        printf("%d checks failed\n", failures);
        return 1;
    }
    puts("ok");
    return 0;
}
