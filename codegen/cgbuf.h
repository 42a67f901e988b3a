/*
 * cgbuf.h - the growable output buffer and the scratch pool the back ends
 * write into.  Running out of memory sets a flag instead of failing each
 * call, so generators write straight-line code and test once at the end.
 */
#ifndef MOFC_CGBUF_H
#define MOFC_CGBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct cg_buf {
    char *data;     /* NUL-terminated once anything was written */
    size_t len, cap;
    bool oom;
};

void cg_grow(struct cg_buf *b, size_t extra);

static inline void cg_put(struct cg_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap)
        cg_grow(b, n);
    if (b->oom)
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void cg_puts(struct cg_buf *b, const char *s)
{
    cg_put(b, s, strlen(s));
}

static inline void cg_putc(struct cg_buf *b, char c)
{
    cg_put(b, &c, 1);
}

void cg_printf(struct cg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cg_buf_free(struct cg_buf *b);

/* A bump allocator for what one output file needs; cg_pool_reset() keeps
 * the first block so a generator that renders file after file reuses it. */
struct cg_pool_block;
struct cg_pool {
    struct cg_pool_block *head;
    char *cur, *end;
    bool oom;
};

void *cg_pool_alloc(struct cg_pool *p, size_t size);   /* zeroed, 16-aligned */
char *cg_pool_strndup(struct cg_pool *p, const char *s, size_t n);
char *cg_pool_printf(struct cg_pool *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *cg_pool_vprintf(struct cg_pool *p, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void cg_pool_reset(struct cg_pool *p);

/* What `b` holds past `from`, copied into the pool ("" if out of memory);
 * `b` goes back to `from`, so one scratch buffer serves nested builders. */
const char *cg_take(struct cg_pool *p, struct cg_buf *b, size_t from);
void cg_pool_free(struct cg_pool *p);

#endif
