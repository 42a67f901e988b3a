/*
 * jsonrpc.c - reading and writing LSP base-protocol messages.
 *
 * The reader resynchronises after anything malformed: a header block
 * without a usable Content-Length is dropped up to its blank line, and a
 * header is recognised anywhere on a line, so a body that went unread
 * (because its header was broken) is passed over until the next
 * "Content-Length:".  An overlong body is skipped without being held in
 * memory.
 */
#include "jsonrpc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* A header line longer than this is junk; only its tail is kept (a real
 * header may start there). */
#define RPC_MAX_LINE 8192

void rpc_reader_init_fd(struct rpc_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
}

void rpc_reader_init_mem(struct rpc_reader *r, const char *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->fd = -1;
    r->buf = malloc(len + 1);
    if (r->buf) {
        memcpy(r->buf, data, len);
        r->len = r->cap = len;
    }
    r->eof = true;
}

void rpc_reader_free(struct rpc_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Reads more input; false at the end (or on a read error). */
static bool fill(struct rpc_reader *r)
{
    if (r->eof || r->fd < 0)
        return false;
    if (r->pos > 0 && r->pos == r->len) {
        r->pos = r->len = 0;
    } else if (r->pos > r->cap / 2) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < 65536) {
        size_t cap = r->cap ? r->cap * 2 : 65536;
        char *b = realloc(r->buf, cap);
        if (!b)
            return false;
        r->buf = b;
        r->cap = cap;
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            r->eof = true;
            return false;
        }
        r->len += (size_t)n;
        return true;
    }
}

/* The next line without its line break, NUL-terminated in place; NULL at
 * the end of input. */
static char *next_line(struct rpc_reader *r, size_t *n)
{
    for (;;) {
        char *start = r->buf ? r->buf + r->pos : NULL;
        char *nl = start ? memchr(start, '\n', r->len - r->pos) : NULL;
        if (nl) {
            size_t len = (size_t)(nl - start);
            r->pos += len + 1;
            if (len && start[len - 1] == '\r')
                len--;
            start[len] = '\0';
            *n = len;
            return start;
        }
        if (r->len - r->pos > RPC_MAX_LINE) {
            /* Keep only the tail of an overlong line. */
            r->pos = r->len - 64;
        }
        if (!fill(r)) {
            r->pos = r->len;
            return NULL;
        }
    }
}

/* Content-Length's value on a header line: >= 0, -1 if the line has no
 * such header, -2 if its value is not a number. */
static long long content_length(const char *line)
{
    static const char key[] = "content-length:";
    const char *p = line;
    for (; *p; p++)
        if (strncasecmp(p, key, sizeof key - 1) == 0)
            break;
    if (!*p)
        return -1;
    p += sizeof key - 1;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!isdigit((unsigned char)*p))
        return -2;
    long long v = 0;
    for (; isdigit((unsigned char)*p); p++) {
        v = v * 10 + (*p - '0');
        if (v > (1ll << 40))
            return -2;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    return *p ? -2 : v;
}

static bool skip_bytes(struct rpc_reader *r, size_t n)
{
    while (n) {
        if (r->pos == r->len && !fill(r))
            return false;
        size_t have = r->len - r->pos;
        size_t k = have < n ? have : n;
        r->pos += k;
        n -= k;
        if (r->pos == r->len)
            r->pos = r->len = 0;
    }
    return true;
}

enum rpc_status rpc_read(struct rpc_reader *r, json_object **out)
{
    *out = NULL;
    long long clen = -1;
    bool bad = false, any = false;
    for (;;) {
        size_t n;
        char *line = next_line(r, &n);
        if (!line)
            return RPC_EOF;
        if (n == 0) {
            if (!any)
                continue;
            break;
        }
        any = true;
        long long v = content_length(line);
        if (v == -2)
            bad = true;
        else if (v >= 0)
            clen = v;
    }
    if (bad || clen < 0)
        return RPC_BAD_HEADER;
    if ((unsigned long long)clen > RPC_MAX_BODY)
        return skip_bytes(r, (size_t)clen) ? RPC_TOO_LARGE : RPC_EOF;
    while (r->len - r->pos < (size_t)clen)
        if (!fill(r))
            return RPC_EOF;
    /* A copy ending in NUL: json-c needs the terminator to end a bare
     * number ("42"). */
    char *body = malloc((size_t)clen + 1);
    if (!body)
        return skip_bytes(r, (size_t)clen) ? RPC_TOO_LARGE : RPC_EOF;
    memcpy(body, r->buf + r->pos, (size_t)clen);
    body[clen] = '\0';
    r->pos += (size_t)clen;
    json_tokener *tok = json_tokener_new_ex(64);
    json_object *v = NULL;
    enum json_tokener_error err = json_tokener_error_parse_eof;
    size_t used = 0;
    if (tok) {
        v = json_tokener_parse_ex(tok, body, (int)clen + 1);
        err = json_tokener_get_error(tok);
        used = err == json_tokener_success ? json_tokener_get_parse_end(tok) : 0;
        json_tokener_free(tok);
    }
    bool ok = v && err == json_tokener_success;
    for (size_t i = used; ok && i < (size_t)clen; i++)
        ok = isspace((unsigned char)body[i]) || body[i] == '\0';
    /* A NUL inside the body ends JSON early: what follows must be nothing. */
    if (ok && used < (size_t)clen && memchr(body, '\0', (size_t)clen))
        ok = false;
    free(body);
    if (!ok) {
        json_object_put(v);
        return RPC_BAD_JSON;
    }
    *out = v;
    return RPC_MESSAGE;
}

bool rpc_write(int fd, json_object *msg)
{
    size_t len = 0;
    const char *body = json_object_to_json_string_length(msg, JSON_C_TO_STRING_PLAIN |
                                                                  JSON_C_TO_STRING_NOSLASHESCAPE,
                                                         &len);
    char head[64];
    int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    struct {
        const char *p;
        size_t n;
    } parts[2] = {{head, (size_t)hn}, {body, len}};
    for (int i = 0; i < 2; i++) {
        const char *p = parts[i].p;
        size_t n = parts[i].n;
        while (n) {
            ssize_t w = write(fd, p, n);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return false;
            p += w;
            n -= (size_t)w;
        }
    }
    return true;
}

static json_object *envelope(json_object *id)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "jsonrpc", json_object_new_string("2.0"));
    json_object_object_add(o, "id", id ? json_object_get(id) : NULL);
    return o;
}

json_object *rpc_response(json_object *id, json_object *result)
{
    json_object *o = envelope(id);
    json_object_object_add(o, "result", result);
    return o;
}

json_object *rpc_error(json_object *id, int code, const char *message)
{
    json_object *o = envelope(id);
    json_object *e = json_object_new_object();
    json_object_object_add(e, "code", json_object_new_int(code));
    json_object_object_add(e, "message", json_object_new_string(message));
    json_object_object_add(o, "error", e);
    return o;
}

json_object *rpc_notification(const char *method, json_object *params)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "jsonrpc", json_object_new_string("2.0"));
    json_object_object_add(o, "method", json_object_new_string(method));
    json_object_object_add(o, "params", params);
    return o;
}
