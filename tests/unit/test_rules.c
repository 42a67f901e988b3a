/* test_rules.c - the diagnostic rule table (include/mofc/rules.h). */
#include <ctype.h>

#include "mofc/rules.h"
#include "test.h"

TEST(rules_sorted_unique_and_complete)
{
    size_t n;
    const struct mofc_rule *r = mofc_rules(&n);
    REQUIRE(n > 100);
    for (size_t i = 0; i < n; i++) {
        CHECK(r[i].id && r[i].id[0]);
        if (i)
            CHECK(strcmp(r[i - 1].id, r[i].id) < 0);   /* bsearch needs the order */
        /* Ids are lowercase words joined by '-'. */
        for (const char *p = r[i].id; *p; p++)
            CHECK(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-');
        /* A title: capitalized, short, no final period. */
        size_t tl = strlen(r[i].title);
        CHECK(tl > 3 && tl <= 60);
        CHECK(isupper((unsigned char)r[i].title[0]) || r[i].title[0] == '\'');
        CHECK(r[i].title[tl - 1] != '.');
        /* Help: full sentences, saying more than the title. */
        size_t hl = strlen(r[i].help);
        CHECK(hl > tl);
        CHECK(r[i].help[hl - 1] == '.' || r[i].help[hl - 1] == ')');
        if (!CHECK(mofc_rule_find(r[i].id) == &r[i]))
            fprintf(stderr, "not found by its id: %s\n", r[i].id);
    }
}

TEST(rule_lookup)
{
    const struct mofc_rule *r = mofc_rule_find("superclass-not-found");
    REQUIRE(r != NULL);
    CHECK_EQ_STR(r->title, "Superclass not declared");
    CHECK(mofc_rule_find("no-such-rule") == NULL);
    CHECK(mofc_rule_find("") == NULL);
    CHECK(mofc_rule_find(NULL) == NULL);
}

TEST_MAIN()
