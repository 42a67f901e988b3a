/*
 * ds_compress.c - the DS compression binary MOF uses: LZ77 with a window
 * of 4414 bytes and matches of 2 to 512 bytes, coded as a stream of bits
 * read least significant first (doc/bmf-format.md has the codes).
 *
 * Greedy parsing over hash chains of 3-byte prefixes: a match is always
 * shorter than the literals it replaces, so the longest one found is
 * taken.  The output depends only on the input.
 */
#include <stdlib.h>
#include <string.h>

#include "backends.h"

#define WINDOW 4414u /* distance 4415 is the end mark */
#define MAX_MATCH 512u
#define MIN_MATCH 3u
#define HASH_BITS 15
#define CHAIN_DEPTH 16
#define NICE_MATCH 96u /* long enough: stop searching */
#define RING 8192u     /* power of two above WINDOW */

struct bitw {
    uint8_t *d;
    size_t len, cap;
    uint64_t acc;
    unsigned n;
    bool oom;
};

static void put_bits(struct bitw *w, uint32_t v, unsigned n)
{
    w->acc |= (uint64_t)v << w->n;
    w->n += n;
    while (w->n >= 8) {
        if (w->len == w->cap) {
            size_t cap = w->cap ? w->cap * 2 : 4096;
            uint8_t *d = realloc(w->d, cap);
            if (!d) {
                w->oom = true;
                w->len = 0;
                w->n = 0;
                return;
            }
            w->d = d;
            w->cap = cap;
        }
        w->d[w->len++] = (uint8_t)w->acc;
        w->acc >>= 8;
        w->n -= 8;
    }
}

static void put_literal(struct bitw *w, uint8_t c)
{
    if (c & 0x80)
        put_bits(w, 1u | (uint32_t)(c & 0x7F) << 2, 9);
    else
        put_bits(w, 2u | (uint32_t)c << 2, 9);
}

static void put_match(struct bitw *w, size_t dist, size_t len)
{
    if (dist < 64)
        put_bits(w, (uint32_t)dist << 2, 8);
    else if (dist < 320)
        put_bits(w, 3u | (uint32_t)(dist - 64) << 3, 11);
    else
        put_bits(w, 7u | (uint32_t)(dist - 320) << 3, 15);
    /* The length code: n zeros, a one, n bits; it stands for 2^n + 1 +
     * those bits. */
    size_t raw = len + 1 - 2;
    unsigned n = 0;
    while ((raw >> (n + 1)) != 0)
        n++;
    put_bits(w, (1u << n) | (uint32_t)(raw - ((size_t)1 << n)) << (n + 1), 2 * n + 1);
}

static unsigned hash3(const uint8_t *p)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

uint8_t *cg_ds_compress(const uint8_t *in, size_t n, size_t *outlen)
{
    struct bitw w = {0};
    int32_t *head = malloc(sizeof(int32_t) << HASH_BITS);
    int32_t *prev = malloc(sizeof(int32_t) * RING);
    if (!head || !prev) {
        free(head);
        free(prev);
        return NULL;
    }
    for (size_t i = 0; i < (1u << HASH_BITS); i++)
        head[i] = -1;
    put_bits(&w, 'D' | 'S' << 8, 16);
    put_bits(&w, 0x0100, 16);
    size_t i = 0;
    while (i < n && !w.oom) {
        size_t best = 0, best_dist = 0;
        if (n - i >= MIN_MATCH) {
            unsigned h = hash3(in + i);
            int32_t cand = head[h];
            size_t limit = n - i < MAX_MATCH ? n - i : MAX_MATCH;
            for (int depth = 0; cand >= 0 && depth < CHAIN_DEPTH; depth++) {
                size_t dist = i - (size_t)cand;
                if (dist > WINDOW)
                    break;
                if (in[cand + (int32_t)best] == in[i + best]) {
                    size_t l = 0;
                    while (l < limit && in[(size_t)cand + l] == in[i + l])
                        l++;
                    if (l > best) {
                        best = l;
                        best_dist = dist;
                        if (l == limit || l >= NICE_MATCH)
                            break;
                    }
                }
                cand = prev[(size_t)cand & (RING - 1)];
            }
        }
        size_t step = best >= MIN_MATCH ? best : 1;
        if (best >= MIN_MATCH)
            put_match(&w, best_dist, best);
        else
            put_literal(&w, in[i]);
        for (size_t k = 0; k < step; k++, i++) {
            if (n - i >= MIN_MATCH) {
                unsigned h = hash3(in + i);
                prev[i & (RING - 1)] = head[h];
                head[h] = (int32_t)i;
            }
        }
    }
    put_bits(&w, 0x7FFF, 15);
    if (w.n)
        put_bits(&w, 0, 8 - w.n);
    if (w.len & 1)
        put_bits(&w, 0, 8);
    free(head);
    free(prev);
    if (w.oom) {
        free(w.d);
        return NULL;
    }
    *outlen = w.len;
    return w.d;
}
