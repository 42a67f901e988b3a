/*
 * rules.h - what each diagnostic id means.
 *
 * Every diagnostic libmofc reports carries a stable id
 * (mofc_diagnostic.id, e.g. "superclass-not-found").  This table gives
 * each id a short title and a help text for tools that show rules beside
 * results: the SARIF log's tool.driver.rules, an editor's hover.
 */
#ifndef MOFC_RULES_H
#define MOFC_RULES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct mofc_rule {
    const char *id;          /* the diagnostic id */
    const char *title;       /* a few words, sentence case, no final period */
    const char *help;        /* what is wrong and how to fix it; full sentences */
};

/* The rule of a diagnostic id, or NULL for an id the table lacks. */
const struct mofc_rule *mofc_rule_find(const char *id);

/* The whole table, sorted by id. */
const struct mofc_rule *mofc_rules(size_t *count);

#ifdef __cplusplus
}
#endif
#endif /* MOFC_RULES_H */
