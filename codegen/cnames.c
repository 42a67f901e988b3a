/* cnames.c - identifiers, literals and comments for the C back end. */
#include "cnames.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ident_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

/* C99/C11 and C++ keywords (the headers are also compiled as C++), and
 * what <stddef.h>, <stdint.h>, <stdbool.h>, <string.h>, <stdio.h>,
 * <errno.h> and <assert.h> may define as macros.  Sorted for bsearch. */
static const char *const reserved[] = {
    "EOF", "NULL", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic",
    "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof", "and",
    "and_eq", "asm", "assert", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
    "char", "char16_t", "char32_t", "class", "compl", "const", "const_cast", "constexpr",
    "continue", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum",
    "errno", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
    "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "offsetof", "operator", "or", "or_eq", "private", "protected", "public",
    "register", "reinterpret_cast", "restrict", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "stderr", "stdin", "stdout", "struct", "switch", "template",
    "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union",
    "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t cn_ident(struct cg_buf *out, const char *s, size_t n)
{
    size_t start = out->len;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ident_char(c)) {
            if (gap && out->len > start)
                cg_putc(out, '_');
            gap = false;
            cg_putc(out, (char)c);
        } else {
            gap = true;
        }
    }
    if (out->oom || out->len == start)
        return out->len - start;
    const char *id = out->data + start;
    if (bsearch(&id, reserved, sizeof reserved / sizeof *reserved, sizeof *reserved, cmp_str))
        cg_putc(out, '_');
    return out->len - start;
}

/* ---- scopes ---- */

static uint32_t fold_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static int fold_cmp(const char *a, const char *b)
{
    return mofc_name_cmp(a, b);
}

bool cn_taken(const struct cn_scope *s, const char *name)
{
    if (!s->cap)
        return false;
    for (size_t i = fold_hash(name) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->names[i])
            return false;
        if (fold_cmp(s->names[i], name) == 0)
            return true;
    }
}

static bool insert(struct cn_scope *s, char *name)
{
    if ((s->count + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **t = calloc(cap, sizeof *t);
        if (!t)
            return false;
        for (size_t k = 0; k < s->cap; k++) {
            if (!s->names[k])
                continue;
            size_t i = fold_hash(s->names[k]) & (cap - 1);
            while (t[i])
                i = (i + 1) & (cap - 1);
            t[i] = s->names[k];
        }
        free(s->names);
        s->names = t;
        s->cap = cap;
    }
    size_t i = fold_hash(name) & (s->cap - 1);
    while (s->names[i])
        i = (i + 1) & (s->cap - 1);
    s->names[i] = name;
    s->count++;
    return true;
}

const char *cn_claim(struct cn_scope *s, struct cg_pool *pool, const char *name)
{
    char *spelling = NULL;
    if (!cn_taken(s, name)) {
        spelling = cg_pool_strndup(pool, name, strlen(name));
    } else {
        for (unsigned k = 2; !spelling || cn_taken(s, spelling); k++)
            spelling = cg_pool_printf(pool, "%s_%u", name, k);
    }
    if (!spelling || !insert(s, spelling))
        return name;
    return spelling;
}

void cn_scope_reset(struct cn_scope *s)
{
    if (s->names)
        memset(s->names, 0, s->cap * sizeof *s->names);
    s->count = 0;
}

void cn_scope_free(struct cn_scope *s)
{
    free(s->names);
    memset(s, 0, sizeof *s);
}

/* ---- literals ---- */

/* Bytes a C string literal can hold as they are: printable ASCII but the
 * quote, the backslash and '?'. */
static const bool plain_in_string[256] = {
#define R4(b) [b] = true, [b + 1] = true, [b + 2] = true, [b + 3] = true
#define R16(b) R4(b), R4(b + 4), R4(b + 8), R4(b + 12)
    [0x20] = true, [0x21] = true, R4(0x23), R4(0x27), [0x2B] = true,   /* not 0x22 '"' */
    R4(0x2C), R4(0x30), R4(0x34), R4(0x38), [0x3C] = true, [0x3D] = true,
    [0x3E] = true, /* not 0x3F '?' */ R16(0x40), R4(0x50), R4(0x54), R4(0x58),
    [0x5D] = true, [0x5E] = true, [0x5F] = true,                      /* not 0x5C '\\' */
    R16(0x60), R4(0x70), R4(0x74), R4(0x78), [0x7C] = true, [0x7D] = true, [0x7E] = true,
#undef R16
#undef R4
};

void cn_string(struct cg_buf *out, const char *s, size_t n)
{
    cg_putc(out, '"');
    size_t run = 0;     /* start of the pending plain run */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (plain_in_string[c])
            continue;
        cg_put(out, s + run, i - run);
        run = i + 1;
        char esc[5];
        switch (c) {
        case '\n': cg_put(out, "\\n", 2); break;
        case '\t': cg_put(out, "\\t", 2); break;
        case '"': cg_put(out, "\\\"", 2); break;
        case '\\': cg_put(out, "\\\\", 2); break;
        case '?': cg_put(out, "\\?", 2); break;
        default:
            /* Always three digits, so a following digit cannot join in. */
            snprintf(esc, sizeof esc, "\\%03o", c);
            cg_put(out, esc, 4);
        }
    }
    cg_put(out, s + run, n - run);
    cg_putc(out, '"');
}

void cn_integer(struct cg_buf *out, enum mofc_type t, uint64_t u, int64_t s)
{
    switch (t) {
    case MOFC_TYPE_UINT64:
        cg_printf(out, "UINT64_C(%" PRIu64 ")", u);
        break;
    case MOFC_TYPE_SINT64:
        if (s == INT64_MIN)
            cg_puts(out, "(-INT64_C(9223372036854775807) - 1)");
        else
            cg_printf(out, "INT64_C(%" PRId64 ")", s);
        break;
    case MOFC_TYPE_SINT32:
        if (s == INT32_MIN)
            cg_puts(out, "(-2147483647 - 1)");
        else
            cg_printf(out, "%" PRId64, s);
        break;
    case MOFC_TYPE_SINT8:
    case MOFC_TYPE_SINT16:
        cg_printf(out, "%" PRId64, s);
        break;
    case MOFC_TYPE_UINT32:
        cg_printf(out, "%" PRIu64 "u", u);
        break;
    default:
        cg_printf(out, "%" PRIu64, u);
    }
}

void cn_real(struct cg_buf *out, double d, bool single)
{
    char b[64];
    snprintf(b, sizeof b, single ? "%.9g" : "%.17g", d);
    cg_puts(out, b);
    if (!strpbrk(b, ".eE"))
        cg_puts(out, ".0");
    if (single)
        cg_putc(out, 'f');
}

/* ---- comments ---- */

static bool comment_space(unsigned char c)
{
    return c <= 0x20 || c == 0x7F;
}

/* Writes one word at *pp, defusing what a comment must not contain; the
 * caller reserved room (at most two bytes out per byte in). */
static char *put_word(char *p, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if ((c == '*' || c == '/' || c == '?') && i + 1 < n &&
            w[i + 1] == (c == '*' ? '/' : c == '/' ? '*' : '?')) {
            /* "*\/" would end the comment, "/\*" nest one (-Wcomment),
             * "?\?" start a trigraph */
            *p++ = c;
            *p++ = '\\';
            *p++ = w[++i];
        } else if (c == '\\' && i + 1 == n) {
            *p++ = '\\';      /* never a line splice */
            *p++ = ' ';
        } else {
            *p++ = c;
        }
    }
    return p;
}

void cn_comment(struct cg_buf *out, const char *indent, const char *lead, const char *text,
                size_t n)
{
    enum { WIDTH = 79 };
    size_t ind = strlen(indent), llen = strlen(lead);
    /* Room for the worst case: every byte doubled, every word on a line. */
    size_t room = 2 * n + (n + 2) * (ind + 4) + llen + 8;
    cg_grow(out, room);
    if (out->oom)
        return;
    char *p = out->data + out->len;
    memcpy(p, indent, ind);
    p += ind;
    memcpy(p, lead, llen);
    p += llen;
    size_t col = ind + llen;
    bool one_line = col + 1 + n + 3 <= WIDTH && !memchr(text, '\n', n);
    char *line = p;         /* where the current line's text starts */
#define NEW_LINE()                                                                                 \
    do {                                                                                           \
        *p++ = '\n';                                                                               \
        memcpy(p, indent, ind);                                                                    \
        p += ind;                                                                                  \
        *p++ = ' ';                                                                                \
        *p++ = '*';                                                                                \
        line = p;                                                                                  \
        col = ind + 2;                                                                             \
    } while (0)
    if (!one_line)
        NEW_LINE();
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n' && !one_line) {
            NEW_LINE();
            i++;
            continue;
        }
        if (comment_space(c)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !comment_space((unsigned char)text[j]))
            j++;
        if (!one_line && p != line && col + 1 + (j - i) > WIDTH)
            NEW_LINE();
        *p++ = ' ';
        char *w = p;
        p = put_word(p, text + i, j - i);
        col += 1 + (size_t)(p - w);
        i = j;
    }
    if (!one_line) {
        *p++ = '\n';
        memcpy(p, indent, ind);
        p += ind;
    }
    memcpy(p, " */", 3);
    p += 3;
#undef NEW_LINE
    out->len = (size_t)(p - out->data);
    out->data[out->len] = '\0';
}
