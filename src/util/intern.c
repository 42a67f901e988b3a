/*
 * intern.c - the name table.
 *
 * Open addressing keyed by (exact bytes); the hash is computed on the
 * folded text so that a miss on a new spelling can find its canonical
 * record in the same probe sequence.
 */
#include "util/intern.h"

#include <stdlib.h>
#include <string.h>

uint32_t fold_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= fold_ascii((unsigned char)s[i]);
        h *= 16777619u;
    }
    return h;
}

int fold_ncmp(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    for (size_t i = 0; i < n; i++) {
        int ca = fold_ascii((unsigned char)a[i]), cb = fold_ascii((unsigned char)b[i]);
        if (ca != cb)
            return ca - cb;
    }
    return alen < blen ? -1 : alen > blen;
}

int fold_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = fold_ascii((unsigned char)*a), cb = fold_ascii((unsigned char)*b);
        if (ca != cb || !ca)
            return ca - cb;
    }
}

void intern_init(struct interner *in, struct arena *a)
{
    in->arena = a;
    in->mask = 1023;
    in->count = 0;
    in->slots = xcalloc(in->mask + 1, sizeof *in->slots);
}

void intern_free(struct interner *in)
{
    free(in->slots);
    in->slots = NULL;
}

static void grow(struct interner *in)
{
    uint32_t nmask = in->mask * 2 + 1;
    struct name **ns = xcalloc((size_t)nmask + 1, sizeof *ns);
    for (uint32_t i = 0; i <= in->mask; i++) {
        struct name *n = in->slots[i];
        if (!n)
            continue;
        uint32_t j = n->hash & nmask;
        while (ns[j])
            j = (j + 1) & nmask;
        ns[j] = n;
    }
    free(in->slots);
    in->slots = ns;
    in->mask = nmask;
}

const struct name *intern_find(const struct interner *in, const char *s, size_t len)
{
    uint32_t h = fold_hash(s, len);
    for (uint32_t i = h & in->mask; in->slots[i]; i = (i + 1) & in->mask) {
        const struct name *n = in->slots[i];
        if (n->hash == h && n->len == len && fold_ncmp(n->text, n->len, s, len) == 0)
            return n->key;
    }
    return NULL;
}

const struct name *intern(struct interner *in, const char *s, size_t len)
{
    uint32_t h = fold_hash(s, len);
    const struct name *key = NULL;
    uint32_t i;
    for (i = h & in->mask; in->slots[i]; i = (i + 1) & in->mask) {
        const struct name *n = in->slots[i];
        if (n->hash != h || n->len != len)
            continue;
        if (memcmp(n->text, s, len) == 0)
            return n;
        if (!key && fold_ncmp(n->text, n->len, s, len) == 0)
            key = n->key;
    }
    struct name *n = arena_alloc(in->arena, sizeof *n);
    n->text = arena_strndup(in->arena, s, len);
    n->len = (uint32_t)len;
    n->hash = h;
    n->key = key ? key : n;
    n->token = key ? key->token : 0;
    in->slots[i] = n;
    if (++in->count * 2 > in->mask)
        grow(in);
    return n;
}
