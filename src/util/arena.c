/*
 * arena.c - the compilation arena and the allocation failure policy.
 *
 * Blocks grow geometrically from 64 KiB so a 4 MB schema needs a few dozen
 * mallocs; requests larger than a block get a block of their own.
 */
#include "util/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

struct arena_block {
    struct arena_block *next;
    size_t size;
    /* data follows, 16-aligned */
};

#define BLOCK_HEADER ((sizeof(struct arena_block) + 15u) & ~(size_t)15u)
#define MIN_BLOCK ((size_t)64 * 1024)
#define MAX_BLOCK ((size_t)4 * 1024 * 1024)

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("mofc: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("mofc: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fputs("mofc: out of memory\n", stderr);
        abort();
    }
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

void arena_init(struct arena *a)
{
    a->head = NULL;
    a->cur = a->end = NULL;
    a->total = 0;
    a->spare = NULL;
}

void arena_free(struct arena *a)
{
    arena_reset(a);
    struct arena_block *b = a->spare;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena_init(a);
}

void arena_reset(struct arena *a)
{
    while (a->head) {
        struct arena_block *b = a->head;
        a->head = b->next;
        b->next = a->spare;
        a->spare = b;
    }
    a->cur = a->end = NULL;
}

void *arena_alloc_slow(struct arena *a, size_t size)
{
    size_t want = a->total / 2;
    if (want < MIN_BLOCK)
        want = MIN_BLOCK;
    if (want > MAX_BLOCK)
        want = MAX_BLOCK;
    if (want < size)
        want = size;
    /* A kept block that fits comes first. */
    struct arena_block *b = NULL;
    for (struct arena_block **p = &a->spare; *p; p = &(*p)->next) {
        if ((*p)->size >= size) {
            b = *p;
            *p = b->next;
            want = b->size;
            break;
        }
    }
    if (!b) {
        b = xmalloc(BLOCK_HEADER + want);
        b->size = want;
        a->total += want;
    }
    char *data = (char *)b + BLOCK_HEADER;
    if (size > want / 2 && a->head) {
        /* Oversized request: keep the current block for small ones. */
        b->next = a->head->next;
        a->head->next = b;
        return data;
    }
    b->next = a->head;
    a->head = b;
    a->cur = data + size;
    a->end = data + want;
    return data;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void *arena_memdup(struct arena *a, const void *p, size_t n)
{
    return n ? memcpy(arena_alloc(a, n), p, n) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
