/*
 * ptrmap.h - hash map from a pair of pointers to a pointer.
 *
 * Interned names are unique pointers, so scoped symbol tables key on
 * (scope key, name key) without hashing strings again.
 */
#ifndef MOFC_PTRMAP_H
#define MOFC_PTRMAP_H

#include <stddef.h>
#include <stdint.h>

struct ptrmap_slot {
    const void *a, *b;
    void *value;
};

struct ptrmap {
    struct ptrmap_slot *slots;
    size_t mask, count;
};

void ptrmap_init(struct ptrmap *m);
void ptrmap_free(struct ptrmap *m);
void *ptrmap_get(const struct ptrmap *m, const void *a, const void *b);
/* Inserts or replaces; returns the previous value or NULL. */
void *ptrmap_put(struct ptrmap *m, const void *a, const void *b, void *value);

#endif
