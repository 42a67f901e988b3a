/*
 * vec.h - a typed growable array (malloc-backed) for building lists whose
 * length is unknown; freeze() moves the result into the arena.
 */
#ifndef MOFC_VEC_H
#define MOFC_VEC_H

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define VEC(type) struct { type *items; size_t len, cap; }

#define VEC_PUSH(v, x) do { \
        if ((v).len == (v).cap) { \
            (v).cap = (v).cap ? (v).cap * 2 : 8; \
            (v).items = xrealloc((v).items, (v).cap * sizeof *(v).items); \
        } \
        (v).items[(v).len++] = (x); \
    } while (0)

#define VEC_FREE(v) do { free((v).items); (v).items = NULL; (v).len = (v).cap = 0; } while (0)

/* Copy into the arena and release the heap storage. */
#define VEC_FREEZE(a, v) \
    arena_memdup((a), (v).items, (v).len * sizeof *(v).items)

#endif
