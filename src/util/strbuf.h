/*
 * strbuf.h - a growable byte buffer (malloc-backed; for output and for
 * building strings whose final size is unknown).
 */
#ifndef MOFC_STRBUF_H
#define MOFC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf {
    char *data;   /* NUL-terminated when non-NULL */
    size_t len, cap;
};

#define STRBUF_INIT {NULL, 0, 0}

void sb_reserve(struct strbuf *sb, size_t extra);
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
/* Code point cp (at most 0x10FFFF) in UTF-8. */
void sb_put_utf8(struct strbuf *sb, uint32_t cp);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void sb_reset(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
