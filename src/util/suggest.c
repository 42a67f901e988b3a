/*
 * suggest.c - "did you mean": the closest name by edit distance.
 *
 * Optimal string alignment (a swap of two neighbours counts one), ASCII
 * case folded, with a cap that grows with the word so short names do not
 * match everything.  The library and the command line share it.
 */
#include <string.h>

#include "mofc/mofc.h"
#include "util/intern.h"

/* Optimal string alignment distance, case-insensitive, capped. */
static unsigned edit_distance(const char *a, const char *b, unsigned cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    unsigned d[66][66];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned rowmin = cap + 1;
        for (size_t j = 1; j <= lb; j++) {
            unsigned cost =
                fold_ascii((unsigned char)a[i - 1]) != fold_ascii((unsigned char)b[j - 1]);
            unsigned v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 &&
                fold_ascii((unsigned char)a[i - 1]) == fold_ascii((unsigned char)b[j - 2]) &&
                fold_ascii((unsigned char)a[i - 2]) == fold_ascii((unsigned char)b[j - 1]) &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < rowmin)
                rowmin = v;
        }
        if (rowmin > cap)
            return cap + 1;
    }
    return d[la][lb];
}

const char *mofc_suggest(const char *name, const char *const *candidates, size_t n)
{
    size_t len = strlen(name);
    unsigned cap = len < 4 ? 1 : len < 9 ? 2 : 3;
    unsigned best = cap + 1;
    const char *pick = NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned d = edit_distance(name, candidates[i], cap);
        if (d < best || (d == best && pick && strcmp(candidates[i], pick) < 0)) {
            best = d;
            pick = candidates[i];
        }
    }
    return best <= cap ? pick : NULL;
}

