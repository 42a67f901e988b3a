/*
 * locale.c - the names of locales: WMI's LCIDs (0x40c, "ms_40c") and the
 * language tags DMTF MOF and CIM-XML use ("fr", "fr_FR", "fr-FR").  There
 * is no standard mapping between the two; this table holds the languages
 * the WMI documentation lists with a locale namespace.
 */
#include <stdlib.h>
#include <string.h>

#include "mofc/mofc.h"
#include "util/intern.h"

static const struct {
    unsigned lcid;
    const char *tag;        /* language, or language-REGION where one LCID per region */
} locales[] = {
    {0x401, "ar"},    {0x404, "zh-TW"}, {0x405, "cs"},    {0x406, "da"},    {0x407, "de"},
    {0x408, "el"},    {0x409, "en"},    {0x40b, "fi"},    {0x40c, "fr"},    {0x40d, "he"},
    {0x40e, "hu"},    {0x410, "it"},    {0x411, "ja"},    {0x412, "ko"},    {0x413, "nl"},
    {0x414, "nb"},    {0x415, "pl"},    {0x416, "pt-BR"}, {0x419, "ru"},    {0x41d, "sv"},
    {0x41f, "tr"},    {0x804, "zh-CN"}, {0x816, "pt-PT"}, {0xc0a, "es"},
};

/* Case-insensitive compare of the first n bytes, '_' equal to '-'. */
static bool tag_eq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = (char)fold_ascii((unsigned char)a[i]), y = (char)fold_ascii((unsigned char)b[i]);
        if (x == '_')
            x = '-';
        if (y == '_')
            y = '-';
        if (x != y)
            return false;
    }
    return true;
}

unsigned mofc_locale_lcid(const char *s)
{
    if (!s || !*s)
        return 0;
    const char *num = s;
    int base = 10;
    if ((s[0] == 'm' || s[0] == 'M') && (s[1] == 's' || s[1] == 'S') && s[2] == '_') {
        num = s + 3;
        base = 16;
    } else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        num = s + 2;
        base = 16;
    } else if (s[0] >= '0' && s[0] <= '9') {
        base = 10;
    } else {
        num = NULL;
    }
    if (num) {
        char *end;
        unsigned long v = strtoul(num, &end, base);
        if (*num && !*end && v > 0 && v <= 0xffff)
            return (unsigned)v;
        return 0;
    }
    size_t n = strlen(s);
    /* An exact tag first ("pt-BR"), then the language alone ("fr_CA" -> fr). */
    for (size_t i = 0; i < sizeof locales / sizeof *locales; i++)
        if (strlen(locales[i].tag) == n && tag_eq(locales[i].tag, s, n))
            return locales[i].lcid;
    size_t ll = strcspn(s, "_-");
    for (size_t i = 0; i < sizeof locales / sizeof *locales; i++)
        if (strlen(locales[i].tag) >= ll && tag_eq(locales[i].tag, s, ll) &&
            (locales[i].tag[ll] == '\0' || locales[i].tag[ll] == '-'))
            return locales[i].lcid;
    return 0;
}

const char *mofc_lcid_language(unsigned lcid)
{
    for (size_t i = 0; i < sizeof locales / sizeof *locales; i++)
        if (locales[i].lcid == lcid)
            return locales[i].tag;
    return NULL;
}
