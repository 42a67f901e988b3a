/*
 * bmf_reader.c - the third front end: binary MOF (BMF) into the same AST
 * the MOF parser builds, so a blob taken from firmware goes through the one
 * sema and every back end like the MOF it was compiled from.
 *
 * Two layers (doc/bmf-format.md has the byte layout):
 *  - the container: "FOMB", version 1, compressed size, decompressed size,
 *    then DS-compressed data (an LZ77 variant coded as a bit stream),
 *    possibly followed by padding;
 *  - the decompressed image: objects (classes, instances) made of
 *    length-prefixed records whose offsets are relative to the record, and
 *    a trailer giving the flavors of qualifiers by their absolute offset.
 *
 * Nothing is trusted: the declared size is capped and checked against what
 * the compressed bytes could possibly expand to before it is allocated,
 * every record must lie inside its parent, and nesting is bounded.  The
 * first problem is reported with its byte offset (in the file for the
 * container, in the decompressed image for the objects) and the blob is
 * dropped.  AST locations are offsets in the image, so sema's messages
 * point at the record too.
 */
#include "bmf_reader.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "diag/diag.h"
#include "util/strbuf.h"

/* ---------------------------------------------------------------- DS */

/* Bits are read least significant first, byte after byte (the format's
 * 16-bit little-endian words give the same order). */
struct bits {
    const uint8_t *p;
    size_t len;
    size_t pos; /* in bits */
};

static uint32_t peek(const struct bits *b, unsigned n)
{
    size_t byte = b->pos >> 3;
    uint32_t v = 0;
    for (unsigned i = 0; i < 4; i++)
        if (byte + i < b->len)
            v |= (uint32_t)b->p[byte + i] << (8 * i);
    return (v >> (b->pos & 7)) & ((1u << n) - 1);
}

bool bmf_ds_decompress(const uint8_t *in, size_t inlen, uint8_t *out, size_t outlen,
                       size_t *err_off, const char **why)
{
    struct bits b = {in, inlen, 0};
    size_t n = 0;
#define FAIL(msg)                                                                                  \
    do {                                                                                           \
        *err_off = b.pos / 8;                                                                      \
        *why = (msg);                                                                              \
        return false;                                                                              \
    } while (0)
    if (inlen < 4 || in[0] != 'D' || in[1] != 'S')
        FAIL("compressed data does not start with the DS signature");
    b.pos = 32;
    while (n < outlen) {
        if (b.pos >= inlen * 8)
            FAIL("compressed data ends before the declared size is reached");
        uint32_t u = peek(&b, 15);
        size_t off;
        switch (u & 3) {
        case 1:
        case 2:
            out[n++] = (uint8_t)(((u >> 2) & 0x7F) | ((u & 3) == 1 ? 0x80 : 0));
            b.pos += 9;
            continue;
        case 0:
            off = (u >> 2) & 0x3F;
            b.pos += 8;
            if (off == 0)
                FAIL("a match at distance 0");
            break;
        default:
            if (u & 4) {
                off = ((u >> 3) & 0xFFF) + 320;
                b.pos += 15;
                if (off == 0x113F) {
                    /* The end mark; on a 512-byte boundary it may also be
                     * a sync mark with more data after it. */
                    if (n % 512 || b.pos + 9 > inlen * 8) {
                        b.pos -= 15;
                        FAIL("an end mark before the declared decompressed size is reached");
                    }
                    continue;
                }
            } else {
                off = ((u >> 3) & 0xFF) + 64;
                b.pos += 11;
            }
        }
        uint32_t lc = peek(&b, 17);
        unsigned zeros = 0;
        while (zeros < 9 && !(lc & (1u << zeros)))
            zeros++;
        if (zeros > 8)
            FAIL("a match length code longer than 8 bits");
        size_t len = ((size_t)1 << zeros) + 1 + ((lc >> (zeros + 1)) & ((1u << zeros) - 1));
        b.pos += 2 * zeros + 1;
        if (b.pos > inlen * 8)
            FAIL("compressed data ends inside a match");
        if (off > n)
            FAIL("a match reaches back before the start of the data");
        if (len > outlen - n)
            FAIL("a match runs past the declared decompressed size");
        const uint8_t *from = out + n - off;
        for (size_t i = 0; i < len; i++)
            out[n + i] = from[i];
        n += len;
    }
    if (b.pos + 15 > inlen * 8 + 7 || peek(&b, 15) != 0x7FFF)
        FAIL("the decompressed size is reached but the end mark does not follow");
#undef FAIL
    return true;
}

/* ---------------------------------------------------------------- image */

#define MAX_DEPTH 32

struct flavor_entry {
    uint32_t off, flags;
};

struct br {
    struct mofc *m;
    uint32_t file;
    enum mofc_origin origin;
    const uint8_t *img;
    size_t size;                  /* of the object part */
    struct flavor_entry *flavors; /* sorted by offset; NULL: no trailer */
    const struct name *ns;        /* of the top-level object being read */
    struct strbuf scratch;        /* strings being decoded */
    size_t nflavors;
    jmp_buf fail;
};

#define A (&b->m->arena)

static _Noreturn void bad(struct br *b, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static _Noreturn void bad(struct br *b, size_t off, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct loc l = {b->file, (uint32_t)off, 1};
    diag_error(b->m, &l, "bmf-structure", "%s (in the decompressed data)", msg);
    longjmp(b->fail, 1);
}

static struct loc at(const struct br *b, size_t off)
{
    struct loc l = {b->file, (uint32_t)off, 1};
    return l;
}

static uint32_t u32_at(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The u32 at `off`, which must lie before `end`. */
static uint32_t rd32(struct br *b, size_t off, size_t end)
{
    if (off > end || end - off < 4)
        bad(b, off, "a field runs past the end of its record");
    return u32_at(b->img + off);
}

/* A record's extent: its length field at `off`, at least `min` bytes and
 * inside [off, end). */
static size_t record_end(struct br *b, size_t off, size_t end, uint32_t min, const char *what)
{
    uint32_t len = rd32(b, off, end);
    if (len < min)
        bad(b, off, "%s of %u bytes, shorter than its %u-byte header", what, len, min);
    if (len > end - off)
        bad(b, off, "%s of %u bytes runs past the end of its parent (%zu bytes left)", what, len,
            end - off);
    return off + len;
}

/* `base` + a relative offset, inside [base, end). */
static size_t rel(struct br *b, size_t field, size_t base, uint32_t off, size_t end)
{
    if (off >= end - base)
        bad(b, field, "offset 0x%x points outside its record", off);
    return base + off;
}

/* A NUL-terminated UTF-16LE string at `off` before `end`, decoded as
 * UTF-8 into b->scratch (reused: names go to the interner, values are
 * copied once into the arena); *next is the offset after its NUL. */
static void utf16_scratch(struct br *b, size_t off, size_t end, size_t *next)
{
    struct strbuf *sb = &b->scratch;
    sb_reset(sb);
    size_t p = off;
    for (;;) {
        if (p > end || end - p < 2)
            bad(b, off, "a string without its terminating NUL");
        uint32_t c = (uint32_t)b->img[p] | (uint32_t)b->img[p + 1] << 8;
        p += 2;
        if (c == 0)
            break;
        if (c < 0x80) {
            char ch = (char)c;
            sb_putn(sb, &ch, 1);
            continue;
        }
        if (c >= 0xD800 && c < 0xDC00 && end - p >= 2) {
            uint32_t lo = (uint32_t)b->img[p] | (uint32_t)b->img[p + 1] << 8;
            if (lo >= 0xDC00 && lo < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                p += 2;
            }
        }
        if (c >= 0xD800 && c < 0xE000)
            bad(b, p - 2, "an unpaired UTF-16 surrogate in a string");
        sb_put_utf8(sb, c);
    }
    if (next)
        *next = p;
}

static struct mofc_string utf16(struct br *b, size_t off, size_t end, size_t *next)
{
    utf16_scratch(b, off, end, next);
    struct mofc_string s = {
        arena_strndup(A, b->scratch.data ? b->scratch.data : "", b->scratch.len), b->scratch.len};
    return s;
}

static const struct name *name_at(struct br *b, size_t off, size_t end)
{
    utf16_scratch(b, off, end, NULL);
    if (!b->scratch.len)
        bad(b, off, "an empty name");
    return intern(&b->m->names, b->scratch.data, b->scratch.len);
}

static struct ast_value *new_value(struct br *b, enum ast_value_kind k, size_t off)
{
    struct ast_value *v = ARENA_NEW(A, struct ast_value);
    v->kind = k;
    v->loc = at(b, off);
    return v;
}

static size_t fixed_size(uint32_t vt)
{
    switch (vt) {
    case MOFC_VT_I1:
    case MOFC_VT_UI1:
        return 1;
    case MOFC_VT_I2:
    case MOFC_VT_UI2:
    case MOFC_VT_BOOL:
    case MOFC_VT_CHAR16:
        return 2;
    case MOFC_VT_I4:
    case MOFC_VT_UI4:
    case MOFC_VT_R4:
        return 4;
    case MOFC_VT_I8:
    case MOFC_VT_UI8:
    case MOFC_VT_R8:
        return 8;
    default:
        return 0;
    }
}

static bool known_scalar(uint32_t vt)
{
    return fixed_size(vt) || vt == MOFC_VT_BSTR || vt == MOFC_VT_DATETIME ||
           vt == MOFC_VT_REFERENCE || vt == MOFC_VT_OBJECT;
}

static struct ast_instance *read_object(struct br *b, size_t off, size_t end, int depth, bool top);

/* One scalar of type vt at off (before end); *next after it. */
static struct ast_value *scalar(struct br *b, uint32_t vt, size_t off, size_t end, int depth,
                                size_t *next)
{
    size_t sz = fixed_size(vt);
    if (sz) {
        if (off > end || end - off < sz)
            bad(b, off, "a %zu-byte value runs past the end of its record", sz);
        const uint8_t *p = b->img + off;
        uint64_t u = 0;
        for (size_t i = 0; i < sz; i++)
            u |= (uint64_t)p[i] << (8 * i);
        *next = off + sz;
        struct ast_value *v;
        switch (vt) {
        case MOFC_VT_BOOL:
            v = new_value(b, AV_BOOL, off);
            v->u.boolean = u != 0;
            return v;
        case MOFC_VT_CHAR16:
            v = new_value(b, AV_CHAR, off);
            v->u.ch = (uint32_t)u;
            return v;
        case MOFC_VT_R4: {
            v = new_value(b, AV_REAL, off);
            uint32_t w = (uint32_t)u;
            float f;
            memcpy(&f, &w, sizeof f);
            v->u.real = f;
            return v;
        }
        case MOFC_VT_R8:
            v = new_value(b, AV_REAL, off);
            memcpy(&v->u.real, &u, sizeof v->u.real);
            return v;
        default:
            v = new_value(b, AV_INT, off);
            if (vt == MOFC_VT_I1 || vt == MOFC_VT_I2 || vt == MOFC_VT_I4 || vt == MOFC_VT_I8) {
                unsigned bits = (unsigned)sz * 8;
                int64_t s = bits == 64 ? (int64_t)u
                                       : (int64_t)(u ^ (1ull << (bits - 1))) -
                                             (int64_t)(1ull << (bits - 1));
                v->u.integer.neg = s < 0;
                v->u.integer.mag = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
            } else {
                v->u.integer.mag = u;
            }
            return v;
        }
    }
    if (vt == MOFC_VT_OBJECT) {
        size_t e = record_end(b, off, end, 20, "an embedded object");
        struct ast_value *v = new_value(b, AV_INSTANCE, off);
        v->u.instance = read_object(b, off, e, depth + 1, false);
        *next = e;
        return v;
    }
    struct ast_value *v = new_value(b, AV_STRING, off);
    v->u.string = utf16(b, off, end, next);
    return v;
}

/* A value of type vt (scalar or MOFC_VT_ARRAY) at off, before end. */
static struct ast_value *value(struct br *b, uint32_t vt, size_t off, size_t end, int depth)
{
    if (depth > MAX_DEPTH)
        bad(b, off, "objects nested more than %d deep", MAX_DEPTH);
    uint32_t elem = vt & ~(uint32_t)(MOFC_VT_ARRAY | MOFC_VT_BYREF);
    if (!known_scalar(elem))
        bad(b, off, "unknown value type 0x%x", vt);
    size_t next;
    if (!(vt & MOFC_VT_ARRAY))
        return scalar(b, elem, off, end, depth, &next);
    size_t aend = record_end(b, off, end, 16, "an array value");
    uint32_t dims = rd32(b, off + 4, aend);
    uint32_t count = rd32(b, off + 8, aend);
    if (dims != 1)
        bad(b, off + 4, "an array of %u dimensions (only 1 is supported)", dims);
    size_t rend = record_end(b, off + 12, aend, 4, "an array row");
    size_t p = off + 16;
    /* Each element takes at least a byte: a count the row cannot hold is
     * refused before the loop. */
    if (count > rend - p)
        bad(b, off + 8, "an array of %u elements in a %zu-byte row", count, rend - p);
    struct ast_value *arr = new_value(b, AV_ARRAY, off);
    struct ast_value **tail = &arr->u.array.head;
    for (uint32_t i = 0; i < count; i++) {
        struct ast_value *e = scalar(b, elem, p, rend, depth, &p);
        *tail = e;
        tail = &e->next;
        arr->u.array.count++;
    }
    return arr;
}

/* The flavor bits recorded for the qualifier at `off`; *found tells
 * whether the trailer has an entry for it. */
static unsigned flavors_at(struct br *b, size_t off, bool *found, uint32_t *raw)
{
    size_t lo = 0, hi = b->nflavors;
    uint32_t f = 0;
    *found = false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->flavors[mid].off < off) {
            lo = mid + 1;
        } else {
            if (b->flavors[mid].off == off) {
                f = b->flavors[mid].flags;
                *found = true;
            }
            hi = mid;
        }
    }
    *raw = f;
    unsigned out = (f & 0x10) ? MOFC_FLAVOR_DISABLEOVERRIDE : MOFC_FLAVOR_ENABLEOVERRIDE;
    out |= (f & 0x02) ? MOFC_FLAVOR_TOSUBCLASS : MOFC_FLAVOR_RESTRICTED;
    if (f & 0x01)
        out |= MOFC_FLAVOR_TOINSTANCE;
    if (f & 0x80)
        out |= MOFC_FLAVOR_AMENDED;
    return out;
}

/* What a qualifier list says besides the qualifiers themselves: the
 * CIMTYPE, MAX and ID qualifiers mofcomp adds are taken out.  A MAX or ID
 * the trailer gives flavors to was written by the user and stays (the
 * ones mofc adds have none, mofcomp's IDs have exactly ToInstance and
 * DisableOverride); ID orders the parameters either way. */
struct implicit {
    struct mofc_string cimtype; /* text NULL: none */
    bool has_max, has_id;
    int64_t max, id;
};

static int64_t int_of(const struct ast_value *v)
{
    return v->u.integer.neg ? -(int64_t)v->u.integer.mag : (int64_t)v->u.integer.mag;
}

static struct ast_qualifier *qualifier_list(struct br *b, size_t off, size_t end,
                                            struct implicit *imp)
{
    size_t lend = record_end(b, off, end, 8, "a qualifier list");
    uint32_t count = rd32(b, off + 4, lend);
    if (count > (lend - off - 8) / 16)
        bad(b, off + 4, "%u qualifiers cannot fit in a %zu-byte list", count, lend - off);
    struct ast_qualifier *head = NULL, **tail = &head;
    size_t p = off + 8;
    for (uint32_t i = 0; i < count; i++) {
        size_t qend = record_end(b, p, lend, 16, "a qualifier");
        uint32_t vt = rd32(b, p + 4, qend);
        size_t info = p + 16;
        size_t name_off = rel(b, p + 8, info, rd32(b, p + 8, qend), qend);
        uint32_t voff = rd32(b, p + 12, qend);
        struct ast_qualifier *q = ARENA_NEW(A, struct ast_qualifier);
        q->name = name_at(b, name_off, qend);
        q->loc = q->flavor_loc = at(b, p);
        if (voff == MOFC_BMF_NONE) {
            q->value = new_value(b, AV_NULL, p);
        } else if (vt == MOFC_VT_BOOL && voff == qend - info) {
            /* A boolean whose record ends where its value would start:
             * a flag written without a value, TRUE. */
            q->value = new_value(b, AV_BOOL, p);
            q->value->u.boolean = true;
        } else {
            q->value = value(b, vt, rel(b, p + 12, info, voff, qend), qend, MAX_DEPTH);
            if (q->value->kind == AV_INSTANCE)
                bad(b, p + 4, "qualifier '%s' holds an object", q->name->text);
        }
        q->braces = q->value->kind == AV_ARRAY;
        bool recorded = false;
        uint32_t raw = 0;
        q->flavors = b->flavors ? flavors_at(b, p, &recorded, &raw) : 0;
        p = qend;
        if (imp && fold_cmp(q->name->text, "CIMTYPE") == 0 && q->value->kind == AV_STRING) {
            imp->cimtype = q->value->u.string;
            continue;
        }
        if (imp && !recorded && fold_cmp(q->name->text, "MAX") == 0 && q->value->kind == AV_INT) {
            imp->has_max = true;
            imp->max = int_of(q->value);
            continue;
        }
        if (imp && fold_cmp(q->name->text, "ID") == 0 && q->value->kind == AV_INT) {
            imp->has_id = true;
            imp->id = int_of(q->value);
            /* mofcomp gives the IDs it adds ToInstance and DisableOverride. */
            if (!recorded || raw == 0x11)
                continue;
        }
        *tail = q;
        tail = &q->next;
    }
    return head;
}

/* The MOF type of a property from its value type and CIMTYPE. */
static struct ast_type type_of(struct br *b, size_t field, uint32_t vt, const struct implicit *imp)
{
    struct ast_type t = {MOFC_TYPE_NONE, NULL, at(b, field)};
    static const struct {
        uint32_t vt;
        enum mofc_type t;
    } map[] = {
        {MOFC_VT_BOOL, MOFC_TYPE_BOOLEAN},
        {MOFC_VT_UI1, MOFC_TYPE_UINT8},
        {MOFC_VT_I1, MOFC_TYPE_SINT8},
        {MOFC_VT_UI2, MOFC_TYPE_UINT16},
        {MOFC_VT_I2, MOFC_TYPE_SINT16},
        {MOFC_VT_UI4, MOFC_TYPE_UINT32},
        {MOFC_VT_I4, MOFC_TYPE_SINT32},
        {MOFC_VT_UI8, MOFC_TYPE_UINT64},
        {MOFC_VT_I8, MOFC_TYPE_SINT64},
        {MOFC_VT_R4, MOFC_TYPE_REAL32},
        {MOFC_VT_R8, MOFC_TYPE_REAL64},
        {MOFC_VT_CHAR16, MOFC_TYPE_CHAR16},
        {MOFC_VT_BSTR, MOFC_TYPE_STRING},
        {MOFC_VT_DATETIME, MOFC_TYPE_DATETIME},
        {MOFC_VT_REFERENCE, MOFC_TYPE_REFERENCE},
        {MOFC_VT_OBJECT, MOFC_TYPE_OBJECT},
    };
    uint32_t e = vt & ~(uint32_t)MOFC_VT_ARRAY;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].vt == e)
            t.type = map[i].t;
    if (t.type == MOFC_TYPE_NONE)
        bad(b, field, "unknown property type 0x%x", vt);
    const char *ct = imp->cimtype.text;
    if (ct && (t.type == MOFC_TYPE_REFERENCE || t.type == MOFC_TYPE_OBJECT)) {
        const char *colon = strchr(ct, ':');
        if (colon && colon[1])
            t.class_name = intern(&b->m->names, colon + 1, strlen(colon + 1));
    }
    return t;
}

/* One property record (class member, instance value or parameter). */
struct prop {
    const struct name *name;
    size_t off;
    uint32_t vt;
    struct ast_value *value; /* NULL: none */
    struct ast_qualifier *quals;
    struct implicit imp;
    bool system; /* no qualifier set: __CLASS and the like */
};

static void property(struct br *b, size_t off, size_t end, int depth, struct prop *pr)
{
    memset(pr, 0, sizeof *pr);
    size_t pend = record_end(b, off, end, 20, "a property");
    size_t info = off + 20;
    pr->off = off;
    pr->vt = rd32(b, off + 4, pend);
    pr->name = name_at(b, rel(b, off + 8, info, rd32(b, off + 8, pend), pend), pend);
    uint32_t voff = rd32(b, off + 12, pend), qoff = rd32(b, off + 16, pend);
    size_t qat = qoff == MOFC_BMF_NONE ? pend : rel(b, off + 16, info, qoff, pend);
    if (voff != MOFC_BMF_NONE) {
        size_t vat = rel(b, off + 12, info, voff, pend);
        pr->value = value(b, pr->vt, vat, vat < qat ? qat : pend, depth);
    }
    pr->system = qoff == MOFC_BMF_NONE;
    if (!pr->system)
        pr->quals = qualifier_list(b, qat, pend, &pr->imp);
}

static void array_spec(struct br *b, struct prop *pr, struct ast_array_spec *a)
{
    memset(a, 0, sizeof *a);
    a->loc = at(b, pr->off);
    a->is_array = (pr->vt & MOFC_VT_ARRAY) != 0;
    if (a->is_array && pr->imp.has_max && pr->imp.max > 0) {
        a->has_size = true;
        a->size = (uint64_t)pr->imp.max;
    } else if (pr->imp.has_max) {
        /* MAX on a scalar is the user's own qualifier: give it back. */
        struct ast_qualifier *q = ARENA_NEW(A, struct ast_qualifier);
        q->name = intern_cstr(&b->m->names, "MAX");
        q->loc = q->flavor_loc = at(b, pr->off);
        q->value = new_value(b, AV_INT, pr->off);
        q->value->u.integer.neg = pr->imp.max < 0;
        q->value->u.integer.mag =
            pr->imp.max < 0 ? (uint64_t)0 - (uint64_t)pr->imp.max : (uint64_t)pr->imp.max;
        q->next = pr->quals;
        pr->quals = q;
    }
}

static const char *string_of(struct br *b, const struct prop *pr)
{
    if (!pr->value || pr->value->kind != AV_STRING)
        bad(b, pr->off, "system property '%s' is not a string", pr->name->text);
    return pr->value->u.string.text;
}

static const struct name *nm(struct br *b, const char *s)
{
    return intern(&b->m->names, s, strlen(s));
}

/* A property list; system properties go to *cls, *super, *ns. */
struct object_parts {
    const char *cls, *super, *ns;
    size_t nprops;
    struct prop *props;
};

static void property_list(struct br *b, size_t off, size_t end, int depth, struct object_parts *o)
{
    size_t lend = record_end(b, off, end, 8, "a property list");
    uint32_t count = rd32(b, off + 4, lend);
    if (count > (lend - off - 8) / 20)
        bad(b, off + 4, "%u properties cannot fit in a %zu-byte list", count, lend - off);
    /* mofcomp may leave the system properties (__CLASS...) out of the
     * count and put them after the counted ones: records go on to the end
     * of the list either way.  Each is at least 20 bytes. */
    size_t nrec = 0;
    for (size_t q = off + 8; nrec < count || q < lend; nrec++)
        q = record_end(b, q, lend, 20, "a property");
    o->props = ARENA_ARRAY(A, struct prop, nrec ? nrec : 1);
    size_t p = off + 8;
    for (uint32_t i = 0; i < count || p < lend; i++) {
        struct prop pr;
        size_t at_off = p;
        property(b, p, lend, depth, &pr);
        p = at_off + rd32(b, at_off, lend);
        const char *n = pr.name->text;
        if (pr.system && n[0] == '_' && n[1] == '_') {
            if (fold_cmp(n, "__CLASS") == 0)
                o->cls = string_of(b, &pr);
            else if (fold_cmp(n, "__SUPERCLASS") == 0)
                o->super = string_of(b, &pr);
            else if (fold_cmp(n, "__NAMESPACE") == 0) {
                o->ns = string_of(b, &pr);
                if (depth == 0)
                    b->ns = nm(b, o->ns);
            }
            continue; /* __CLASSFLAGS and others: repository state */
        }
        o->props[o->nprops++] = pr;
    }
}

/* Reads the records of an object into a class (top level) or an instance. */
struct parsed_object {
    struct object_parts parts;
    struct ast_qualifier *quals;
    uint32_t type;
    size_t moff; /* MOFC_BMF_NONE: no method list */
    size_t end;
};

static void object_parts(struct br *b, size_t off, size_t end, int depth, struct parsed_object *po)
{
    memset(po, 0, sizeof *po);
    size_t info = off + 20;
    po->end = end;
    uint32_t qoff = rd32(b, off + 4, end), poff = rd32(b, off + 8, end);
    uint32_t moff = rd32(b, off + 12, end);
    po->type = rd32(b, off + 16, end);
    if (po->type > 1)
        bad(b, off + 16, "object type %u (0 is a class, 1 an instance)", po->type);
    if (qoff != MOFC_BMF_NONE)
        po->quals = qualifier_list(b, rel(b, off + 4, info, qoff, end), end, NULL);
    if (poff == MOFC_BMF_NONE)
        bad(b, off + 8, "an object without a property list");
    property_list(b, rel(b, off + 8, info, poff, end), end, depth, &po->parts);
    po->moff = moff == MOFC_BMF_NONE ? MOFC_BMF_NONE : rel(b, off + 12, info, moff, end);
    if (!po->parts.cls)
        bad(b, off, "an object without a __CLASS name");
}

/* A class member from a property record. */
static struct ast_feature *member(struct br *b, struct prop *pr)
{
    struct ast_feature *f = ARENA_NEW(A, struct ast_feature);
    f->kind = AF_PROPERTY;
    f->name = pr->name;
    f->loc = at(b, pr->off);
    f->type = type_of(b, pr->off + 4, pr->vt, &pr->imp);
    array_spec(b, pr, &f->array);
    f->quals = pr->quals;
    f->default_value = pr->value;
    return f;
}

static struct ast_param *param_of(struct br *b, struct prop *pr)
{
    struct ast_param *p = ARENA_NEW(A, struct ast_param);
    p->name = pr->name;
    p->loc = at(b, pr->off);
    p->type = type_of(b, pr->off + 4, pr->vt, &pr->imp);
    array_spec(b, pr, &p->array);
    p->quals = pr->quals;
    p->default_value = pr->value;
    return p;
}

static void read_method(struct br *b, size_t off, size_t end, int depth, struct ast_feature *f)
{
    size_t mend = record_end(b, off, end, 20, "a method");
    size_t info = off + 20;
    uint32_t vt = rd32(b, off + 4, mend);
    f->kind = AF_METHOD;
    f->loc = at(b, off);
    f->name = name_at(b, rel(b, off + 8, info, rd32(b, off + 8, mend), mend), mend);
    uint32_t voff = rd32(b, off + 12, mend), qoff = rd32(b, off + 16, mend);
    size_t qat = qoff == MOFC_BMF_NONE ? mend : rel(b, off + 16, info, qoff, mend);
    if (qoff != MOFC_BMF_NONE)
        f->quals = qualifier_list(b, qat, mend, NULL);
    f->type.type = MOFC_TYPE_NONE;
    f->type.loc = f->loc;
    if (voff == MOFC_BMF_NONE)
        return;
    if (vt != (MOFC_VT_ARRAY | MOFC_VT_OBJECT))
        bad(b, off + 4, "method '%s' has parameters of type 0x%x, not an array of objects",
            f->name->text, vt);
    size_t vat = rel(b, off + 12, info, voff, mend);
    size_t vend = vat < qat ? qat : mend;
    size_t aend = record_end(b, vat, vend, 16, "a parameter array");
    uint32_t count = rd32(b, vat + 8, aend);
    if (count > 2)
        bad(b, vat + 8, "method '%s' has %u parameter objects (at most 2: in and out)",
            f->name->text, count);
    size_t rend = record_end(b, vat + 12, aend, 4, "a parameter array row");
    /* Parameters by ID; the in and out copies of one parameter share it. */
    struct ast_param *byid[256] = {0};
    size_t nid = 0;
    size_t p = vat + 16;
    for (uint32_t i = 0; i < count; i++) {
        size_t oend = record_end(b, p, rend, 20, "a parameter object");
        struct parsed_object po;
        if (depth + 1 > MAX_DEPTH)
            bad(b, p, "objects nested more than %d deep", MAX_DEPTH);
        object_parts(b, p, oend, depth + 1, &po);
        for (size_t k = 0; k < po.parts.nprops; k++) {
            struct prop *pr = &po.parts.props[k];
            if (fold_cmp(pr->name->text, "ReturnValue") == 0 && !pr->imp.has_id) {
                f->type = type_of(b, pr->off + 4, pr->vt, &pr->imp);
                f->return_array = (pr->vt & MOFC_VT_ARRAY) != 0;
                continue;
            }
            if (!pr->imp.has_id || pr->imp.id < 0 || pr->imp.id >= 256)
                bad(b, pr->off, "parameter '%s' of method '%s' has no ID between 0 and 255",
                    pr->name->text, f->name->text);
            size_t id = (size_t)pr->imp.id;
            if (byid[id]) {
                if (fold_cmp(byid[id]->name->text, pr->name->text) != 0)
                    bad(b, pr->off, "parameters '%s' and '%s' of method '%s' share ID %zu",
                        byid[id]->name->text, pr->name->text, f->name->text, id);
                continue; /* the out copy of an in/out parameter */
            }
            byid[id] = param_of(b, pr);
            if (id + 1 > nid)
                nid = id + 1;
        }
        p = oend;
    }
    struct ast_param **tail = &f->params;
    for (size_t i = 0; i < nid; i++) {
        if (!byid[i])
            continue; /* IDs need not be dense; their order is what counts */
        *tail = byid[i];
        tail = &byid[i]->next;
    }
}

/* An embedded object is in the namespace of the object holding it. */
static const struct name *ns_of(struct br *b, const char *ns)
{
    return ns ? nm(b, ns) : b->ns;
}

static struct ast_instance *instance_from(struct br *b, size_t off, struct parsed_object *po,
                                          bool top)
{
    struct ast_instance *in = ARENA_NEW(A, struct ast_instance);
    in->class_name = nm(b, po->parts.cls);
    in->loc = in->alias_loc = at(b, off);
    in->quals = po->quals;
    in->ns = ns_of(b, po->parts.ns);
    in->origin = b->origin;
    in->embedded = !top;
    struct ast_prop_value **tail = &in->values;
    for (size_t k = 0; k < po->parts.nprops; k++) {
        struct prop *pr = &po->parts.props[k];
        struct ast_prop_value *pv = ARENA_NEW(A, struct ast_prop_value);
        pv->name = pr->name;
        pv->loc = at(b, pr->off);
        pv->quals = pr->quals;
        pv->value = pr->value ? pr->value : new_value(b, AV_NULL, pr->off);
        *tail = pv;
        tail = &pv->next;
    }
    return in;
}

static struct ast_instance *read_object(struct br *b, size_t off, size_t end, int depth, bool top)
{
    if (depth > MAX_DEPTH)
        bad(b, off, "objects nested more than %d deep", MAX_DEPTH);
    struct parsed_object po;
    if (top)
        b->ns = b->m->default_ns;
    object_parts(b, off, end, depth, &po);
    if (po.type == 1) {
        struct ast_instance *in = instance_from(b, off, &po, top);
        if (top)
            AST_APPEND(&b->m->unit, instances, in);
        return in;
    }
    if (!top)
        bad(b, off, "a class where an embedded instance belongs");
    struct ast_class *c = ARENA_NEW(A, struct ast_class);
    c->name = nm(b, po.parts.cls);
    c->loc = c->decl_loc = c->end_loc = at(b, off);
    if (po.parts.super) {
        c->super = nm(b, po.parts.super);
        c->super_loc = c->loc;
    }
    c->quals = po.quals;
    c->ns = ns_of(b, po.parts.ns);
    c->origin = b->origin;
    struct ast_feature **tail = &c->features;
    for (size_t k = 0; k < po.parts.nprops; k++) {
        struct ast_feature *f = member(b, &po.parts.props[k]);
        *tail = f;
        tail = &f->next;
    }
    if (po.moff != MOFC_BMF_NONE) {
        size_t lend = record_end(b, po.moff, end, 8, "a method list");
        uint32_t count = rd32(b, po.moff + 4, lend);
        if (count > (lend - po.moff - 8) / 20)
            bad(b, po.moff + 4, "%u methods cannot fit in a %zu-byte list", count, lend - po.moff);
        size_t p = po.moff + 8;
        for (uint32_t i = 0; i < count; i++) {
            struct ast_feature *f = ARENA_NEW(A, struct ast_feature);
            read_method(b, p, lend, depth, f);
            p += rd32(b, p, lend);
            *tail = f;
            tail = &f->next;
        }
    }
    AST_APPEND(&b->m->unit, classes, c);
    return NULL;
}

static int cmp_flavor(const void *x, const void *y)
{
    const struct flavor_entry *a = x, *b = y;
    return a->off < b->off ? -1 : a->off > b->off;
}

/* The decompressed image: header, objects, flavor trailer. */
static void read_image(struct br *b, size_t total)
{
    const uint8_t *img = b->img;
    if (total < 20 || memcmp(img, MOFC_BMF_MAGIC, 4) != 0)
        bad(b, 0, "the decompressed data does not start with the FOMB header");
    uint32_t n = u32_at(img + 4);
    if (n < 20 || n > total)
        bad(b, 4, "object part of %u bytes in %zu bytes of data", n, total);
    b->size = n;
    if (u32_at(img + 8) != 1 || u32_at(img + 12) != 1)
        bad(b, 8, "format version %u, encoding %u (1 and 1 are known)", u32_at(img + 8),
            u32_at(img + 12));
    uint32_t nobj = u32_at(img + 16);
    if (n < total) {
        size_t t = n;
        if (total - t < 20 || memcmp(img + t, "BMOFQUALFLAVOR11", 16) != 0)
            bad(b, t, "%zu bytes after the objects are not a BMOFQUALFLAVOR11 trailer", total - t);
        uint32_t count = u32_at(img + t + 16);
        if ((uint64_t)count * 8 != total - t - 20)
            bad(b, t + 16, "flavor trailer of %u entries in %zu bytes", count, total - t - 20);
        b->flavors = ARENA_ARRAY(A, struct flavor_entry, count ? count : 1);
        b->nflavors = count;
        for (uint32_t i = 0; i < count; i++) {
            uint32_t o = u32_at(img + t + 20 + 8 * (size_t)i);
            if (o < 20 || o >= n)
                bad(b, t + 20 + 8 * (size_t)i, "flavor entry for offset 0x%x, outside the objects",
                    o);
            b->flavors[i].off = o;
            b->flavors[i].flags = u32_at(img + t + 24 + 8 * (size_t)i);
        }
        qsort(b->flavors, count, sizeof *b->flavors, cmp_flavor);
    }
    if (nobj > (n - 20) / 20)
        bad(b, 16, "%u objects cannot fit in %u bytes", nobj, n);
    size_t p = 20;
    for (uint32_t i = 0; i < nobj; i++) {
        size_t e = record_end(b, p, n, 20, "an object");
        read_object(b, p, e, 0, true);
        p = e;
    }
    if (p != n)
        bad(b, p, "%zu bytes after the last of %u objects", (size_t)n - p, nobj);
}

/* ---------------------------------------------------------------- container */

bool bmf_looks_like(const char *bytes, size_t len)
{
    return len >= 4 && memcmp(bytes, MOFC_BMF_MAGIC, 4) == 0;
}

bool bmf_file_looks_like(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char magic[4];
    size_t n = fread(magic, 1, sizeof magic, f);
    fclose(f);
    return bmf_looks_like(magic, n);
}

static void container_error(struct mofc *m, uint32_t file, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void container_error(struct mofc *m, uint32_t file, size_t off, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct loc l = {file, (uint32_t)off, 1};
    diag_error(m, &l, "bmf-container", "%s", msg);
}

void bmf_read(struct mofc *m, const char *path, char *bytes, size_t len, enum mofc_origin origin)
{
    if (len > UINT32_MAX - 2) {
        free(bytes);
        diag_error(m, NULL, "file-too-large", "file '%s' is larger than 4 GiB", path);
        return;
    }
    struct source_file *f = xcalloc(1, sizeof *f);
    f->path = arena_strdup(&m->arena, path);
    f->text = bytes;
    f->len = (uint32_t)len;
    f->index = (uint32_t)m->files.len;
    f->parent = -1;
    f->origin = origin;
    f->binary = true;
    VEC_PUSH(m->files, f);

    const uint8_t *p = (const uint8_t *)bytes;
    if (len < 16) {
        container_error(m, f->index, len, "binary MOF header truncated: %zu of 16 bytes", len);
        return;
    }
    uint32_t version = u32_at(p + 4), csize = u32_at(p + 8), usize = u32_at(p + 12);
    if (version != 1) {
        container_error(m, f->index, 4, "binary MOF compression type %u (1 is DS)", version);
        return;
    }
    if (csize > len - 16) {
        container_error(m, f->index, 8,
                        "truncated: the header declares %u compressed bytes, the file holds %zu",
                        csize, len - 16);
        return;
    }
    if (usize > MOFC_BMF_MAX_IMAGE) {
        container_error(m, f->index, 12,
                        "declared decompressed size %u exceeds the limit of %u bytes", usize,
                        MOFC_BMF_MAX_IMAGE);
        return;
    }
    /* The best DS can do is a 512-byte match in 25 bits. */
    uint64_t most = ((uint64_t)csize * 8 / 25 + 1) * 512;
    if (usize > most) {
        container_error(m, f->index, 12,
                        "declared decompressed size %u is more than %u compressed bytes can "
                        "hold (at most %llu): a decompression bomb or a corrupt header",
                        usize, csize, (unsigned long long)most);
        return;
    }
    uint8_t *img = xmalloc(usize ? usize : 1);
    size_t err_off;
    const char *why;
    if (!bmf_ds_decompress(p + 16, csize, img, usize, &err_off, &why)) {
        free(img);
        container_error(m, f->index, 16 + err_off, "%s", why);
        return;
    }
    struct br *b = xcalloc(1, sizeof *b);
    b->m = m;
    b->file = f->index;
    b->origin = origin;
    b->img = img;
    /* A bad blob contributes nothing: the objects read before the problem
     * are taken out again. */
    struct ast_class **classes_tail = m->unit.classes_tail;
    struct ast_instance **instances_tail = m->unit.instances_tail;
    if (setjmp(b->fail)) {
        *classes_tail = NULL;
        m->unit.classes_tail = classes_tail;
        *instances_tail = NULL;
        m->unit.instances_tail = instances_tail;
    } else {
        read_image(b, usize);
    }
    sb_free(&b->scratch);
    free(img);
    free(b);
}
