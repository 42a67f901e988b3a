/*
 * template.c - compiling and rendering templates (see template.h).
 *
 * A template compiles to a flat array of operations; a section's operation
 * records where its body ends, so rendering is a loop over the array with
 * a scope stack and no re-parsing.  Names are resolved to key ids at
 * compile time, so a lookup at render time is an integer compare along the
 * short field list of each scope.
 */
#include "template.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mofc/mofc.h"
#include "templates_data.h"

/* ---- data ---- */

enum field_kind { F_TEXT, F_BOOL, F_LIST };

struct tpl_field {
    const struct tpl_field *next;
    unsigned key;
    enum field_kind kind;
    const char *s;          /* F_TEXT */
    size_t n;               /* F_TEXT length; F_LIST item count */
    bool b;                 /* F_BOOL */
    struct tpl_obj *head, *tail;   /* F_LIST */
};

struct tpl_obj {
    struct tpl_field *fields;      /* newest first */
    struct tpl_obj *next;          /* next item of the list holding it */
    uint64_t keys[4];              /* which keys (< 256) have a field here */
};

/* Lookups walk the scopes outwards; the key set lets a scope that lacks
 * the key be passed over without walking its fields. */
static void mark(struct tpl_obj *o, unsigned key)
{
    if (key < 256)
        o->keys[key / 64] |= (uint64_t)1 << (key % 64);
}

static bool may_have(const struct tpl_obj *o, unsigned key)
{
    return key >= 256 || (o->keys[key / 64] >> (key % 64) & 1);
}

static struct tpl_field *field(struct cg_pool *p, struct tpl_obj *o, unsigned key,
                               enum field_kind kind)
{
    struct tpl_field *f = cg_pool_alloc(p, sizeof *f);
    if (!f || !o)
        return NULL;
    f->key = key;
    f->kind = kind;
    f->next = o->fields;
    o->fields = f;
    mark(o, key);
    return f;
}

struct tpl_obj *tpl_obj(struct cg_pool *p)
{
    return cg_pool_alloc(p, sizeof(struct tpl_obj));
}

void tpl_text(struct cg_pool *p, struct tpl_obj *o, unsigned key, const char *s, size_t n)
{
    struct tpl_field *f = field(p, o, key, F_TEXT);
    if (f) {
        f->s = s ? s : "";
        f->n = s ? n : 0;
    }
}

void tpl_str(struct cg_pool *p, struct tpl_obj *o, unsigned key, const char *s)
{
    tpl_text(p, o, key, s, s ? strlen(s) : 0);
}

void tpl_bool(struct cg_pool *p, struct tpl_obj *o, unsigned key, bool b)
{
    struct tpl_field *f = field(p, o, key, F_BOOL);
    if (f)
        f->b = b;
}

struct tpl_obj *tpl_item(struct cg_pool *p, struct tpl_obj *o, unsigned key)
{
    struct tpl_field *f = NULL;
    for (struct tpl_field *g = o ? o->fields : NULL; g; g = (struct tpl_field *)g->next)
        if (g->key == key && g->kind == F_LIST) {
            f = g;
            break;
        }
    if (!f)
        f = field(p, o, key, F_LIST);
    struct tpl_obj *item = tpl_obj(p);
    if (!f || !item)
        return item;
    if (f->tail)
        f->tail->next = item;
    else
        f->head = item;
    f->tail = item;
    f->n++;
    return item;
}

/* ---- compiled templates ---- */

enum op_kind { OP_TEXT, OP_VAR, OP_RAW, OP_SECTION, OP_INVERTED, OP_PARTIAL, OP_END };

struct op {
    enum op_kind kind;
    unsigned key;           /* VAR, RAW, SECTION, INVERTED */
    const char *s;          /* TEXT: into the template text; PARTIAL: name */
    size_t n;
    size_t end;             /* SECTION, INVERTED: index of the matching END */
    bool owned;             /* PARTIAL: `s` is a malloc'ed copy */
};

struct template {
    char *name;
    char *origin;           /* a path, or "built-in" */
    char *text;             /* owned copy; TEXT ops point into it */
    struct op *ops;
    size_t nops, cap;
};

struct tpl_set {
    const char *const *keys;
    size_t nkeys;           /* plus KEY_FIRST, KEY_LAST after them */
    tpl_escape_fn *escape;
    struct template *t;
    size_t n;
};

#define KEY_FIRST(s) ((unsigned)(s)->nkeys)
#define KEY_LAST(s) ((unsigned)(s)->nkeys + 1)

struct tpl_set *tpl_set_new(const char *const *keys, size_t nkeys, tpl_escape_fn *escape)
{
    struct tpl_set *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->keys = keys;
    s->nkeys = nkeys;
    s->escape = escape;
    return s;
}

static void template_free(struct template *t)
{
    for (size_t i = 0; i < t->nops; i++)
        if (t->ops[i].owned)
            free((char *)t->ops[i].s);
    free(t->ops);
    free(t->name);
    free(t->origin);
    free(t->text);
}

void tpl_set_free(struct tpl_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        template_free(&s->t[i]);
    free(s->t);
    free(s);
}

static const struct template *find(const struct tpl_set *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->t[i].name, name) == 0)
            return &s->t[i];
    return NULL;
}

const char *tpl_origin(const struct tpl_set *s, const char *name)
{
    const struct template *t = find(s, name);
    return t ? t->origin : NULL;
}

struct compiler {
    const struct tpl_set *set;
    struct template *t;
    struct cg_report *r;
    bool ok;
};

static void error_at(struct compiler *c, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(struct compiler *c, const char *at, const char *fmt, ...)
{
    unsigned line = 1, col = 1;
    for (const char *p = c->t->text; p < at; p++) {
        if (*p == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            col++;
        }
    }
    struct mofc_location loc = {.file = c->t->origin, .fixed_line = line, .fixed_column = col};
    va_list ap;
    va_start(ap, fmt);
    cg_verror(c->r, &loc, fmt, ap);
    va_end(ap);
    c->ok = false;
}

static struct op *emit(struct compiler *c, enum op_kind kind)
{
    struct template *t = c->t;
    if (t->nops == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        struct op *ops = realloc(t->ops, cap * sizeof *ops);
        if (!ops) {
            c->ok = false;
            return NULL;
        }
        t->ops = ops;
        t->cap = cap;
    }
    struct op *o = &t->ops[t->nops++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    return o;
}

static void emit_text(struct compiler *c, const char *s, size_t n)
{
    if (!n)
        return;
    struct op *o = emit(c, OP_TEXT);
    if (o) {
        o->s = s;
        o->n = n;
    }
}

static bool key_of(struct compiler *c, const char *name, size_t n, const char *at, unsigned *key)
{
    const struct tpl_set *s = c->set;
    if (n == 6 && memcmp(name, "-first", 6) == 0) {
        *key = KEY_FIRST(s);
        return true;
    }
    if (n == 5 && memcmp(name, "-last", 5) == 0) {
        *key = KEY_LAST(s);
        return true;
    }
    for (size_t i = 0; i < s->nkeys; i++)
        if (strlen(s->keys[i]) == n && memcmp(s->keys[i], name, n) == 0) {
            *key = (unsigned)i;
            return true;
        }
    char word[128];
    snprintf(word, sizeof word, "%.*s", (int)n, name);
    const char *hint = mofc_suggest(word, s->keys, s->nkeys);
    if (hint)
        error_at(c, at, "unknown name '%s' in template; did you mean '%s'?", word, hint);
    else
        error_at(c, at, "unknown name '%s' in template", word);
    return false;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* The tag [open, close) sits alone on its line: blanks before it back to
 * the line start (which lies after `floor`, the end of the previous tag),
 * blanks after it up to a newline or the end.  Returns the line start and
 * sets *after past the newline. */
static bool standalone(const char *text, const char *floor, const char *open, const char *close,
                       const char **line_start, const char **after)
{
    const char *p = open;
    while (p > text && is_blank(p[-1]))
        p--;
    if (p > text && p[-1] != '\n')
        return false;
    if (p < floor)
        return false;
    const char *q = close;
    while (*q && is_blank(*q))
        q++;
    if (*q == '\n')
        q++;
    else if (*q)
        return false;
    *line_start = p;
    *after = q;
    return true;
}

static void compile(struct compiler *c)
{
    char *text = c->t->text;
    const char *p = text, *floor = text;
    size_t stack[64];
    size_t depth = 0;
    while (c->ok) {
        const char *open = strstr(p, "{{");
        if (!open) {
            emit_text(c, p, strlen(p));
            break;
        }
        bool triple = open[2] == '{';
        const char *body = open + (triple ? 3 : 2);
        const char *close = strstr(body, triple ? "}}}" : "}}");
        if (!close) {
            error_at(c, open, "unterminated tag");
            break;
        }
        const char *tag_end = close + (triple ? 3 : 2);
        char sigil = triple ? '{' : *body;
        if (strchr("#^/!>&", sigil) && !triple)
            body++;
        const char *name = body, *name_end = close;
        while (name < name_end && is_blank(*name))
            name++;
        while (name_end > name && is_blank(name_end[-1]))
            name_end--;
        size_t nlen = (size_t)(name_end - name);

        bool block = strchr("#^/!>", sigil) != NULL && !triple;
        const char *line_start, *after;
        if (block && standalone(text, floor, open, tag_end, &line_start, &after)) {
            emit_text(c, p, (size_t)(line_start - p));
            p = after;
        } else {
            emit_text(c, p, (size_t)(open - p));
            p = tag_end;
        }
        floor = tag_end;
        if (sigil == '!')
            continue;
        if (!nlen) {
            error_at(c, open, "empty tag");
            break;
        }
        unsigned key = 0;
        struct op *o;
        switch (triple ? '{' : sigil) {
        case '#':
        case '^':
            if (!key_of(c, name, nlen, name, &key))
                break;
            if (depth == sizeof stack / sizeof *stack) {
                error_at(c, open, "sections nested too deeply");
                break;
            }
            o = emit(c, sigil == '#' ? OP_SECTION : OP_INVERTED);
            if (!o)
                break;
            o->key = key;
            o->s = name;
            o->n = nlen;
            stack[depth++] = c->t->nops - 1;
            break;
        case '/': {
            if (!depth) {
                error_at(c, open, "'{{/%.*s}}' closes no section", (int)nlen, name);
                break;
            }
            struct op *sec = &c->t->ops[stack[depth - 1]];
            if (sec->n != nlen || memcmp(sec->s, name, nlen) != 0) {
                error_at(c, open, "'{{/%.*s}}' closes section '%.*s'", (int)nlen, name,
                         (int)sec->n, sec->s);
                break;
            }
            depth--;
            size_t at = stack[depth];
            if (emit(c, OP_END))
                c->t->ops[at].end = c->t->nops - 1;
            break;
        }
        case '>':
            o = emit(c, OP_PARTIAL);
            if (o) {
                o->s = name;
                o->n = nlen;
            }
            break;
        default:
            if (!key_of(c, name, nlen, name, &key))
                break;
            o = emit(c, sigil == '{' || sigil == '&' ? OP_RAW : OP_VAR);
            if (o)
                o->key = key;
        }
    }
    if (c->ok && depth) {
        const struct op *sec = &c->t->ops[stack[depth - 1]];
        error_at(c, sec->s, "section '%.*s' is not closed", (int)sec->n, sec->s);
    }
    /* Partial names become NUL-terminated for lookup at render time. */
    for (size_t i = 0; c->ok && i < c->t->nops; i++) {
        struct op *o = &c->t->ops[i];
        if (o->kind != OP_PARTIAL)
            continue;
        char *name = strndup(o->s, o->n);
        if (!name) {
            c->ok = false;
            break;
        }
        o->s = name;
        o->owned = true;
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *b = realloc(buf, cap *= 2);
            if (!b) {
                free(buf);
                buf = NULL;
            }
            buf = b;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

bool tpl_load(struct tpl_set *s, const char *group, const char *name, const char *dir,
              struct cg_report *r)
{
    char *text = NULL, *origin = NULL;
    size_t len = 0;
    if (dir) {
        size_t n = strlen(dir) + strlen(name) + 2;
        origin = malloc(n);
        if (!origin)
            return false;
        snprintf(origin, n, "%s/%s", dir, name);
        text = read_file(origin, &len);
        if (!text && errno != ENOENT) {
            cg_error(r, NULL, "cannot read template '%s': %s", origin, strerror(errno));
            free(origin);
            return false;
        }
        if (!text) {
            free(origin);
            origin = NULL;
        }
    }
    if (!text) {
        char want[256];
        snprintf(want, sizeof want, "%s/%s", group, name);
        for (size_t i = 0; i < mofc_templates_count; i++)
            if (strcmp(mofc_templates_files[i].name, want) == 0) {
                len = mofc_templates_files[i].len;
                text = malloc(len + 1);
                if (text) {
                    memcpy(text, mofc_templates_files[i].data, len);
                    text[len] = '\0';
                }
                origin = strdup("built-in");
                break;
            }
        if (!text || !origin) {
            free(text);
            free(origin);
            cg_error(r, NULL, "no template '%s' in mofc", want);
            return false;
        }
    }
    if (memchr(text, '\0', len)) {
        cg_error(r, NULL, "%s: template holds a NUL byte", origin);
        free(text);
        free(origin);
        return false;
    }
    struct template *ts = realloc(s->t, (s->n + 1) * sizeof *ts);
    if (!ts) {
        free(text);
        free(origin);
        return false;
    }
    s->t = ts;
    struct template *t = &s->t[s->n];
    memset(t, 0, sizeof *t);
    t->name = strdup(name);
    t->origin = origin;
    t->text = text;
    s->n++;
    struct compiler c = {s, t, r, t->name != NULL};
    compile(&c);
    if (!c.ok) {
        s->n--;
        template_free(t);
        return false;
    }
    return true;
}

bool tpl_link(const struct tpl_set *s, struct cg_report *r)
{
    bool ok = true;
    for (size_t i = 0; i < s->n; i++)
        for (size_t k = 0; k < s->t[i].nops; k++) {
            const struct op *o = &s->t[i].ops[k];
            if (o->kind == OP_PARTIAL && !find(s, o->s)) {
                cg_error(r, NULL, "%s: template '%s' includes '%s', which is not loaded",
                       s->t[i].origin, s->t[i].name, o->s);
                ok = false;
            }
        }
    return ok;
}

/* ---- rendering ---- */

struct scope {
    const struct tpl_obj *obj;
    bool first, last;
};

struct renderer {
    const struct tpl_set *set;
    struct cg_buf *out;
    struct scope stack[64];
    size_t depth;
    unsigned partials;      /* nesting, to stop a template including itself */
};

/* The field for `key`, innermost scope first; NULL when no scope has it. */
static const struct tpl_field *lookup(const struct renderer *rd, unsigned key,
                                      struct tpl_field *tmp)
{
    const struct tpl_set *s = rd->set;
    if (key >= s->nkeys) {
        if (!rd->depth)
            return NULL;
        tmp->kind = F_BOOL;
        tmp->b = key == KEY_FIRST(s) ? rd->stack[rd->depth - 1].first
                                     : rd->stack[rd->depth - 1].last;
        return tmp;
    }
    for (size_t d = rd->depth; d-- > 0;) {
        const struct tpl_obj *o = rd->stack[d].obj;
        if (!may_have(o, key))
            continue;
        for (const struct tpl_field *f = o->fields; f; f = f->next)
            if (f->key == key)
                return f;
    }
    return NULL;
}

static void render_ops(struct renderer *rd, const struct template *t, size_t from, size_t to);

static void render_body(struct renderer *rd, const struct template *t, size_t from, size_t to,
                        const struct tpl_obj *obj, bool first, bool last)
{
    if (rd->depth == sizeof rd->stack / sizeof *rd->stack)
        return;
    rd->stack[rd->depth++] = (struct scope){obj, first, last};
    render_ops(rd, t, from, to);
    rd->depth--;
}

static bool truthy(const struct tpl_field *f)
{
    if (!f)
        return false;
    switch (f->kind) {
    case F_TEXT: return f->n > 0;
    case F_BOOL: return f->b;
    case F_LIST: return f->n > 0;
    }
    return false;
}

static void render_ops(struct renderer *rd, const struct template *t, size_t from, size_t to)
{
    struct tpl_field tmp;
    for (size_t i = from; i < to; i++) {
        const struct op *o = &t->ops[i];
        const struct tpl_field *f;
        switch (o->kind) {
        case OP_TEXT:
            cg_put(rd->out, o->s, o->n);
            break;
        case OP_VAR:
        case OP_RAW:
            f = lookup(rd, o->key, &tmp);
            if (f && f->kind == F_TEXT) {
                if (o->kind == OP_VAR && rd->set->escape)
                    rd->set->escape(rd->out, f->s, f->n);
                else
                    cg_put(rd->out, f->s, f->n);
            }
            break;
        case OP_SECTION:
            f = lookup(rd, o->key, &tmp);
            if (f && f->kind == F_LIST) {
                for (const struct tpl_obj *it = f->head; it; it = it->next)
                    render_body(rd, t, i + 1, o->end, it, it == f->head, it->next == NULL);
            } else if (truthy(f)) {
                render_ops(rd, t, i + 1, o->end);
            }
            i = o->end;
            break;
        case OP_INVERTED:
            f = lookup(rd, o->key, &tmp);
            if (!truthy(f))
                render_ops(rd, t, i + 1, o->end);
            i = o->end;
            break;
        case OP_PARTIAL: {
            const struct template *p = find(rd->set, o->s);
            if (p && rd->partials < 16) {
                rd->partials++;
                render_ops(rd, p, 0, p->nops);
                rd->partials--;
            }
            break;
        }
        case OP_END:
            break;
        }
    }
}

void tpl_render(const struct tpl_set *s, const char *name, const struct tpl_obj *root,
                struct cg_buf *out)
{
    const struct template *t = find(s, name);
    if (!t)
        return;
    struct renderer rd = {s, out, {{root, true, true}}, 1, 0};
    render_ops(&rd, t, 0, t->nops);
}
