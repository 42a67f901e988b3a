/*
 * intern.h - case-insensitive, case-preserving name interning.
 *
 * Every identifier is interned once per distinct spelling.  Spellings that
 * fold to the same ASCII-lower-case text share one canonical record
 * (`key`), so two names are the same CIM name iff their keys are equal
 * pointers.  Keyword records carry the parser token they stand for.
 */
#ifndef MOFC_INTERN_H
#define MOFC_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct name {
    const char *text;        /* this spelling, NUL-terminated */
    uint32_t len;
    uint32_t hash;           /* of the folded text: equal for every spelling */
    const struct name *key;  /* canonical record (the first spelling seen) */
    int token;               /* keyword token, 0 if none (on the key) */
};

struct interner {
    struct arena *arena;
    struct name **slots;     /* open addressing, power of two */
    uint32_t mask;
    uint32_t count;
};

void intern_init(struct interner *in, struct arena *a);
void intern_free(struct interner *in);
const struct name *intern(struct interner *in, const char *s, size_t len);
static inline const struct name *intern_cstr(struct interner *in, const char *s)
{
    return intern(in, s, strlen(s));
}
/* Looks a name up without adding it; NULL if no spelling folds to it. */
const struct name *intern_find(const struct interner *in, const char *s, size_t len);

static inline unsigned char fold_ascii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}
uint32_t fold_hash(const char *s, size_t len);
int fold_cmp(const char *a, const char *b);           /* strcasecmp on ASCII */
int fold_ncmp(const char *a, size_t alen, const char *b, size_t blen);

#endif
