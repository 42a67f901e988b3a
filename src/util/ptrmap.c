/* ptrmap.c - open-addressing map keyed by pointer pairs. */
#include "util/ptrmap.h"

#include <stdlib.h>

#include "util/arena.h"

static size_t hash2(const void *a, const void *b)
{
    uint64_t x = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15ull;
    x ^= (uint64_t)(uintptr_t)b + 0x632BE59BD9B4E019ull + (x << 6) + (x >> 2);
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 32;
    return (size_t)x;
}

void ptrmap_init(struct ptrmap *m)
{
    m->mask = 0;
    m->count = 0;
    m->slots = NULL;
}

void ptrmap_free(struct ptrmap *m)
{
    free(m->slots);
    ptrmap_init(m);
}

void *ptrmap_get(const struct ptrmap *m, const void *a, const void *b)
{
    if (!m->slots)
        return NULL;
    for (size_t i = hash2(a, b) & m->mask;; i = (i + 1) & m->mask) {
        const struct ptrmap_slot *s = &m->slots[i];
        if (!s->a)
            return NULL;
        if (s->a == a && s->b == b)
            return s->value;
    }
}

static void grow(struct ptrmap *m)
{
    size_t nmask = m->slots ? m->mask * 2 + 1 : 63;
    struct ptrmap_slot *ns = xcalloc(nmask + 1, sizeof *ns);
    for (size_t i = 0; m->slots && i <= m->mask; i++) {
        struct ptrmap_slot *s = &m->slots[i];
        if (!s->a)
            continue;
        size_t j = hash2(s->a, s->b) & nmask;
        while (ns[j].a)
            j = (j + 1) & nmask;
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->mask = nmask;
}

void *ptrmap_put(struct ptrmap *m, const void *a, const void *b, void *value)
{
    if (!m->slots || (m->count + 1) * 2 > m->mask)
        grow(m);
    for (size_t i = hash2(a, b) & m->mask;; i = (i + 1) & m->mask) {
        struct ptrmap_slot *s = &m->slots[i];
        if (!s->a) {
            s->a = a;
            s->b = b;
            s->value = value;
            m->count++;
            return NULL;
        }
        if (s->a == a && s->b == b) {
            void *old = s->value;
            s->value = value;
            return old;
        }
    }
}
