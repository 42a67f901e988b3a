/*
 * source.c - reading input files and decoding them to UTF-8.
 *
 * The lexer only ever sees UTF-8.  A BOM selects the encoding (UTF-8,
 * UTF-16LE, UTF-16BE); without one the bytes must be UTF-8.  Invalid
 * sequences become U+FFFD and are reported where they occur, so one bad
 * byte does not hide the rest of the file's diagnostics.
 */
#include "source.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "context.h"
#include "diag/diag.h"
#include "util/strbuf.h"

bool source_read_file(const char *path, char **bytes, size_t *len, struct file_id *id)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    /* Only regular files: a directory, a FIFO or /dev/zero is no MOF. */
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        close(fd);
        errno = err;
        return false;
    }
    if (id) {
        id->dev = (uint64_t)st.st_dev;
        id->ino = (uint64_t)st.st_ino;
    }
    /* Two spare bytes: a valid UTF-8 file is adopted as the source text
     * in place, and flex needs two NULs after it. */
    size_t cap = (size_t)st.st_size + 3, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n + 2 >= cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n - 2);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            free(buf);
            close(fd);
            errno = err;
            return false;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        /* The size fstat gave is all there is: skip the read that would
         * only say end of file (one syscall less per included file). */
        if (n == (size_t)st.st_size)
            break;
    }
    close(fd);
    *bytes = buf;
    *len = n;
    return true;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    uint32_t cp = c & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Offsets (in the decoded text) of the bad sequences, for reporting once
 * the file is registered and positions can be computed. */
struct bad_spot {
    uint32_t off;
    const char *what;
};

static void decode_utf8(struct strbuf *out, const unsigned char *s, size_t len,
                        struct bad_spot **bad, size_t *nbad)
{
    size_t i = 0;
    while (i < len) {
        /* Fast path: runs of ASCII copy as a block. */
        size_t j = i;
        while (j < len && s[j] < 0x80)
            j++;
        if (j > i) {
            sb_putn(out, (const char *)s + i, j - i);
            i = j;
            continue;
        }
        size_t n = utf8_valid_len(s + i, len - i);
        if (n) {
            sb_putn(out, (const char *)s + i, n);
            i += n;
        } else {
            *bad = xrealloc(*bad, (*nbad + 1) * sizeof **bad);
            (*bad)[(*nbad)++] =
                (struct bad_spot){(uint32_t)out->len, "invalid UTF-8 byte sequence"};
            sb_put_utf8(out, 0xFFFD);
            i++;
        }
    }
}

static void decode_utf16(struct strbuf *out, const unsigned char *s, size_t len, bool le,
                         struct bad_spot **bad, size_t *nbad)
{
    size_t i = 0;
    while (i + 1 < len) {
        uint32_t u = le ? (uint32_t)(s[i] | (s[i + 1] << 8)) : (uint32_t)((s[i] << 8) | s[i + 1]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            uint32_t lo = le ? (uint32_t)(s[i] | (s[i + 1] << 8))
                             : (uint32_t)((s[i] << 8) | s[i + 1]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 2;
                sb_put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            *bad = xrealloc(*bad, (*nbad + 1) * sizeof **bad);
            (*bad)[(*nbad)++] = (struct bad_spot){(uint32_t)out->len, "unpaired UTF-16 surrogate"};
            u = 0xFFFD;
        }
        sb_put_utf8(out, u);
    }
    if (i < len) {
        *bad = xrealloc(*bad, (*nbad + 1) * sizeof **bad);
        (*bad)[(*nbad)++] =
            (struct bad_spot){(uint32_t)out->len, "odd trailing byte in UTF-16 file"};
    }
}

/* True if s[0..len) is valid UTF-8 (ASCII runs checked eight bytes at a time). */
static bool valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_valid_len(s + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

static struct source_file *load(struct mofc *m, const char *path, char *bytes, size_t len,
                                bool adopt, int32_t parent, const struct loc *include_loc,
                                enum mofc_origin origin, bool report);

struct source_file *source_load(struct mofc *m, const char *path, char *bytes, size_t len,
                                bool adopt, int32_t parent, const struct loc *include_loc,
                                enum mofc_origin origin)
{
    return load(m, path, bytes, len, adopt, parent, include_loc, origin, true);
}

struct source_file *source_load_unreported(struct mofc *m, const char *path, char *bytes,
                                           size_t len, enum mofc_origin origin)
{
    return load(m, path, bytes, len, true, -1, NULL, origin, false);
}

static struct source_file *load(struct mofc *m, const char *path, char *bytes, size_t len,
                                bool adopt, int32_t parent, const struct loc *include_loc,
                                enum mofc_origin origin, bool report)
{
    const unsigned char *s = (const unsigned char *)bytes;
    enum source_encoding enc = ENC_UTF8;
    size_t skip = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        enc = ENC_UTF8_BOM;
        skip = 3;
    } else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        enc = ENC_UTF16LE;
        skip = 2;
    } else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        enc = ENC_UTF16BE;
        skip = 2;
    }

    struct strbuf out = STRBUF_INIT;
    struct bad_spot *bad = NULL;
    size_t nbad = 0;
    if (adopt && enc == ENC_UTF8 && len < UINT32_MAX - 2 && valid_utf8(s, len)) {
        /* The common case: the bytes read are the text; no copy. */
        out.data = bytes;
        out.len = len;
        out.cap = len + 2;
        bytes = NULL;
    } else if (enc == ENC_UTF16LE || enc == ENC_UTF16BE) {
        sb_reserve(&out, (len - skip) * 3 / 2 + 2);
        decode_utf16(&out, s + skip, len - skip, enc == ENC_UTF16LE, &bad, &nbad);
    } else {
        sb_reserve(&out, len - skip + 2);
        decode_utf8(&out, s + skip, len - skip, &bad, &nbad);
    }
    if (adopt)
        free(bytes);
    if (out.len > UINT32_MAX - 2) {
        sb_free(&out);
        free(bad);
        diag_error(m, include_loc, "file-too-large", "file '%s' is larger than 4 GiB", path);
        return NULL;
    }
    if (out.cap < out.len + 2)
        sb_reserve(&out, 2);
    out.data[out.len] = '\0';
    out.data[out.len + 1] = '\0';

    struct source_file *f = xcalloc(1, sizeof *f);
    f->path = arena_strdup(&m->arena, path);
    f->text = out.data;
    f->len = (uint32_t)out.len;
    f->index = (uint32_t)m->files.len;
    f->parent = parent;
    if (include_loc) {
        f->include_off = include_loc->off;
        f->include_len = include_loc->len;
    }
    f->encoding = enc;
    f->origin = origin;
    VEC_PUSH(m->files, f);

    for (size_t i = 0; report && i < nbad; i++) {
        struct loc l = {f->index, bad[i].off, 1};
        diag_error(m, &l, "invalid-encoding", "%s", bad[i].what);
    }
    free(bad);
    return f;
}

static void build_lines(struct source_file *f)
{
    size_t cap = 64, n = 0;
    uint32_t *lines = xmalloc(cap * sizeof *lines);
    lines[n++] = 0;
    const char *t = f->text, *end = t + f->len;
    for (const char *p = t; p < end;) {
        /* memchr for the common LF; a CR is a break on its own too. */
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *cr = memchr(p, '\r', (size_t)((nl ? nl : end) - p));
        const char *brk = cr ? cr : nl;
        if (!brk)
            break;
        if (brk == cr && cr + 1 < end && cr[1] == '\n')
            brk = cr + 1;
        if (n == cap) {
            cap *= 2;
            lines = xrealloc(lines, cap * sizeof *lines);
        }
        lines[n++] = (uint32_t)(brk + 1 - t);
        p = brk + 1;
    }
    f->lines = lines;
    f->nlines = (uint32_t)n;
}

/* Line tables are built on first use.  Back ends may ask for positions
 * from several threads, so building one is serialised. */
static pthread_mutex_t lines_lock = PTHREAD_MUTEX_INITIALIZER;

static void need_lines(struct source_file *f)
{
    pthread_mutex_lock(&lines_lock);
    if (!f->lines)
        build_lines(f);
    pthread_mutex_unlock(&lines_lock);
}

static uint32_t line_index(struct source_file *f, uint32_t off)
{
    need_lines(f);
    uint32_t lo = 0, hi = f->nlines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

uint32_t source_line_offset(struct source_file *f, uint32_t line)
{
    need_lines(f);
    if (line == 0)
        return 0;
    return line <= f->nlines ? f->lines[line - 1] : f->len;
}

void source_position(struct source_file *f, uint32_t off, uint32_t *line, uint32_t *column)
{
    if (f->binary) {
        /* No lines in a binary MOF: line 0 and the byte offset (mofc_location). */
        *line = 0;
        *column = off;
        return;
    }
    if (off > f->len)
        off = f->len;
    uint32_t li = line_index(f, off);
    uint32_t col = 1;
    for (uint32_t i = f->lines[li]; i < off; i++)
        if (((unsigned char)f->text[i] & 0xC0) != 0x80)
            col++;
    *line = li + 1;
    *column = col;
}

const char *source_line_text(struct mofc *m, struct source_file *f, uint32_t off)
{
    if (off > f->len)
        off = f->len;
    uint32_t li = line_index(f, off);
    uint32_t b = f->lines[li];
    return arena_strndup(&m->arena, f->text + b, source_line_end(f, b) - b);
}

uint32_t source_line_end(const struct source_file *f, uint32_t off)
{
    while (off < f->len && f->text[off] != '\n' && f->text[off] != '\r')
        off++;
    return off;
}

const struct mofc_source *source_public(const struct source_file *f)
{
    return (const struct mofc_source *)f;
}

struct mofc_position mofc_location_position(const struct mofc_location *loc)
{
    struct mofc_position p = {0, 0};
    if (!loc || !loc->file)
        return p;
    if (!loc->source) {
        p.line = loc->fixed_line;
        p.column = loc->fixed_column;
        return p;
    }
    /* The model hands out const locations; the line table is a cache. */
    struct source_file *f = (struct source_file *)(uintptr_t)loc->source;
    source_position(f, loc->offset, &p.line, &p.column);
    return p;
}

void source_free(struct source_file *f)
{
    if (!f)
        return;
    free(f->text);
    free(f->lines);
    free(f->origins);
    free(f);
}
