/*
 * arena.h - bump allocation for one compilation.
 *
 * Everything a compilation builds (AST, names, model, diagnostics, scratch
 * strings) comes from one arena and is freed in one sweep.  Out of memory
 * aborts from one place (xmalloc), so callers never test for NULL.
 */
#ifndef MOFC_ARENA_H
#define MOFC_ARENA_H

#include <stddef.h>
#include <string.h>

struct arena_block;

struct arena {
    struct arena_block *head;   /* newest block first */
    char *cur, *end;            /* free space in head */
    size_t total;               /* bytes obtained from malloc */
    struct arena_block *spare;  /* kept by arena_reset() for reuse */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
/* Everything allocated is released, but the blocks are kept for what
 * comes next (an arena refilled again and again needs no new pages). */
void arena_reset(struct arena *a);
void *arena_alloc_slow(struct arena *a, size_t size);

/* Aligned to 16 bytes, uninitialised. */
static inline void *arena_alloc(struct arena *a, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    if ((size_t)(a->end - a->cur) >= size) {
        void *p = a->cur;
        a->cur += size;
        return p;
    }
    return arena_alloc_slow(a, size);
}

static inline void *arena_zalloc(struct arena *a, size_t size)
{
    return memset(arena_alloc(a, size), 0, size);
}

#define ARENA_NEW(a, type) ((type *)arena_zalloc((a), sizeof(type)))
#define ARENA_ARRAY(a, type, n) ((type *)arena_zalloc((a), sizeof(type) * (n)))

char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void *arena_memdup(struct arena *a, const void *p, size_t n);

/* Process-wide allocation that aborts on failure. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);

#endif
