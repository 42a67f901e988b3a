/* cgbuf.c - output buffer and scratch pool of the back ends. */
#include "cgbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void cg_grow(struct cg_buf *b, size_t extra)
{
    if (b->oom)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (b->len + extra + 1 > cap) {
        if (cap > SIZE_MAX / 2) {
            b->oom = true;
            return;
        }
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d) {
        b->oom = true;
        return;
    }
    b->data = d;
    b->cap = cap;
}

void cg_printf(struct cg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        cg_put(b, tmp, (size_t)n);
        return;
    }
    cg_grow(b, (size_t)n);
    if (b->oom || b->len + (size_t)n + 1 > b->cap)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void cg_buf_free(struct cg_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

/* ---- pool ---- */

struct cg_pool_block {
    struct cg_pool_block *next;
    size_t size;
    _Alignas(16) char data[];
};

enum { POOL_BLOCK = 256 * 1024 };

/* Uninitialised: for strings, which are written at once. */
static void *pool_raw(struct cg_pool *p, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    if ((size_t)(p->end - p->cur) < size || !p->cur) {
        size_t bsize = size > POOL_BLOCK ? size : POOL_BLOCK;
        struct cg_pool_block *blk = malloc(sizeof *blk + bsize);
        if (!blk) {
            p->oom = true;
            return NULL;
        }
        blk->size = bsize;
        /* The newest block goes second, so the first block (the one reset
         * keeps) stays at the head. */
        if (p->head) {
            blk->next = p->head->next;
            p->head->next = blk;
        } else {
            blk->next = NULL;
            p->head = blk;
        }
        p->cur = blk->data;
        p->end = blk->data + bsize;
    }
    void *r = p->cur;
    p->cur += size;
    return r;
}

void *cg_pool_alloc(struct cg_pool *p, size_t size)
{
    void *r = pool_raw(p, size);
    return r ? memset(r, 0, size) : NULL;
}

char *cg_pool_strndup(struct cg_pool *p, const char *s, size_t n)
{
    char *d = pool_raw(p, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *cg_pool_vprintf(struct cg_pool *p, const char *fmt, va_list ap)
{
    /* Most strings are short: format once into the stack, then copy. */
    char small[256];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    char *d = NULL;
    if (n >= 0 && (size_t)n < sizeof small) {
        d = cg_pool_strndup(p, small, (size_t)n);
    } else if (n >= 0 && (d = pool_raw(p, (size_t)n + 1)) != NULL) {
        vsnprintf(d, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    return d;
}

char *cg_pool_printf(struct cg_pool *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *d = cg_pool_vprintf(p, fmt, ap);
    va_end(ap);
    return d;
}

const char *cg_take(struct cg_pool *p, struct cg_buf *b, size_t from)
{
    const char *s = cg_pool_strndup(p, b->data ? b->data + from : "", b->len - from);
    b->len = from;
    if (b->data)
        b->data[from] = '\0';
    return s ? s : "";
}

void cg_pool_reset(struct cg_pool *p)
{
    if (!p->head)
        return;
    struct cg_pool_block *b = p->head->next;
    while (b) {
        struct cg_pool_block *next = b->next;
        free(b);
        b = next;
    }
    p->head->next = NULL;
    p->cur = p->head->data;
    p->end = p->head->data + p->head->size;
}

void cg_pool_free(struct cg_pool *p)
{
    cg_pool_reset(p);
    free(p->head);
    p->head = NULL;
    p->cur = p->end = NULL;
}
