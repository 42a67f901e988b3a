/*
 * diag.c - the diagnostic queue: filtering by category, -Werror promotion,
 * --max-errors, and delivery in source order.
 */
#include "diag/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "cpp.h"
#include "parse.h"

/* Include nesting is bounded by the scanner; one more for the spot. */
#define MOFC_DIAG_MAX_DEPTH (MOFC_MAX_INCLUDE_DEPTH + 2)

struct diag_rec {
    struct mofc_diagnostic pub;
    struct loc loc;
    bool has_loc;
    uint32_t seq;                      /* report order, for a stable sort */
    /* Reading order: the top-level input, then the offset at each level
     * from it down to the diagnostic (include directives, then the spot). */
    uint32_t root;
    uint32_t npath;
    uint32_t path[MOFC_DIAG_MAX_DEPTH];
    VEC(struct diag_note_rec) notes;
};

struct diag_note_rec {
    struct loc loc;
    bool has_loc;
    const char *message;
};

static const char *const wcat_names[MOFC_W_COUNT_] = {
    [MOFC_W_NONE] = "",
    [MOFC_W_SYNTAX] = "syntax",
    [MOFC_W_PRAGMA] = "pragma",
    [MOFC_W_QUALIFIER] = "qualifier",
    [MOFC_W_OVERRIDE] = "override",
    [MOFC_W_VALUEMAP] = "valuemap",
    [MOFC_W_RANGE] = "range",
    [MOFC_W_KEY] = "key",
    [MOFC_W_ASSOCIATION] = "association",
    [MOFC_W_DEPRECATED] = "deprecated",
    [MOFC_W_CASE] = "case",
    [MOFC_W_NAMING] = "naming",
    [MOFC_W_MODEL_CORRESPONDENCE] = "model-correspondence",
    [MOFC_W_ALIAS] = "alias",
    [MOFC_W_INSTANCE] = "instance",
    [MOFC_W_ENCODING] = "encoding",
    [MOFC_W_REDEFINITION] = "redefinition",
    [MOFC_W_LOCALE] = "locale",
    [MOFC_W_PORTABLE] = "portable",
};

/* Categories that only -W<cat> or -Wall turns on: lint that is right but
 * noisy on real schemas. */
static bool off_by_default(enum mofc_wcat c)
{
    return c == MOFC_W_DEPRECATED || c == MOFC_W_CASE || c == MOFC_W_PORTABLE;
}

const char *mofc_severity_name(enum mofc_severity s)
{
    switch (s) {
    case MOFC_NOTE: return "note";
    case MOFC_WARNING: return "warning";
    case MOFC_ERROR: return "error";
    default: return "fatal error";
    }
}

const char *mofc_wcat_name(enum mofc_wcat c)
{
    return (unsigned)c < MOFC_W_COUNT_ ? wcat_names[c] : "";
}

enum mofc_wcat mofc_wcat_from_name(const char *name)
{
    for (int c = 1; c < MOFC_W_COUNT_; c++)
        if (strcmp(wcat_names[c], name) == 0)
            return (enum mofc_wcat)c;
    return MOFC_W_COUNT_;
}

bool diag_enabled(const struct mofc *m, enum mofc_wcat cat)
{
    switch (m->opts.wcat_state[cat]) {
    case 1:
    case 3:
        return true;
    case 2:
        return false;
    default:
        return !off_by_default(cat);
    }
}

static struct diag_rec *record(struct mofc *m, enum mofc_severity sev, enum mofc_wcat cat,
                               const struct loc *loc, const char *id, const char *fmt,
                               va_list ap) __attribute__((format(printf, 6, 0)));

static struct diag_rec *record(struct mofc *m, enum mofc_severity sev, enum mofc_wcat cat,
                               const struct loc *loc, const char *id, const char *fmt,
                               va_list ap)
{
    if (sev == MOFC_ERROR) {
        if (m->opts.max_errors && m->nerrors >= m->opts.max_errors) {
            m->stop = true;
            return NULL;
        }
        m->nerrors++;
    } else {
        m->nwarnings++;
    }
    struct diag_rec *d = arena_zalloc(&m->arena, sizeof *d);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = arena_alloc(&m->arena, (size_t)(n < 0 ? 0 : n) + 1);
    vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    d->pub.severity = sev;
    d->pub.category = cat;
    d->pub.id = id;
    d->pub.message = msg;
    if (loc) {
        d->loc = *loc;
        d->has_loc = true;
    }
    d->seq = (uint32_t)m->diags.len;
    VEC_PUSH(m->diags, d);
    return d;
}

struct diag_rec *diag_error(struct mofc *m, const struct loc *loc, const char *id,
                            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct diag_rec *d = record(m, MOFC_ERROR, MOFC_W_NONE, loc, id, fmt, ap);
    va_end(ap);
    return d;
}

struct diag_rec *diag_warning(struct mofc *m, enum mofc_wcat cat, const struct loc *loc,
                              const char *id, const char *fmt, ...)
{
    if (!diag_enabled(m, cat))
        return NULL;
    bool promote = m->opts.warnings_are_errors || m->opts.wcat_state[cat] == 3;
    va_list ap;
    va_start(ap, fmt);
    struct diag_rec *d = record(m, promote ? MOFC_ERROR : MOFC_WARNING, cat, loc, id, fmt, ap);
    va_end(ap);
    if (d)
        d->pub.promoted = promote;
    return d;
}

void diag_note(struct mofc *m, struct diag_rec *d, const struct loc *loc, const char *fmt, ...)
{
    if (!d)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = arena_alloc(&m->arena, (size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);
    struct diag_note_rec nr = {.message = msg};
    if (loc) {
        nr.loc = *loc;
        nr.has_loc = true;
    }
    VEC_PUSH(d->notes, nr);
}

static int cmp_rec(const void *a, const void *b)
{
    const struct diag_rec *x = *(const struct diag_rec *const *)a;
    const struct diag_rec *y = *(const struct diag_rec *const *)b;
    if (x->has_loc != y->has_loc)
        return x->has_loc ? 1 : -1;
    if (x->has_loc) {
        if (x->root != y->root)
            return x->root < y->root ? -1 : 1;
        uint32_t n = x->npath < y->npath ? x->npath : y->npath;
        for (uint32_t i = 0; i < n; i++)
            if (x->path[i] != y->path[i])
                return x->path[i] < y->path[i] ? -1 : 1;
        if (x->npath != y->npath)
            return x->npath < y->npath ? -1 : 1;
    }
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Fills root/path so that sorting gives the order a reader meets them in:
 * a diagnostic inside an included file sorts at its include directive. */
static void reading_position(struct mofc *m, struct diag_rec *d)
{
    uint32_t rev[MOFC_DIAG_MAX_DEPTH];
    uint32_t n = 0;
    struct source_file *f = m->files.items[d->loc.file];
    rev[n++] = d->loc.off;
    while (f->parent >= 0 && n < MOFC_DIAG_MAX_DEPTH) {
        rev[n++] = f->include_off;
        f = m->files.items[f->parent];
    }
    d->root = f->index;
    d->npath = n;
    for (uint32_t i = 0; i < n; i++)
        d->path[i] = rev[n - 1 - i];
}

/* Turn a byte span into line/column form. */
static struct mofc_span make_span(struct mofc *m, const struct loc *l)
{
    struct mofc_span s = {{NULL, 0, 0}, 0};
    if (l->file >= m->files.len)
        return s;
    struct source_file *f = m->files.items[l->file];
    uint32_t line, col, eline, ecol;
    source_position(f, l->off, &line, &col);
    uint32_t end = l->off + (l->len ? l->len : 0);
    source_position(f, end, &eline, &ecol);
    if (eline != line) {
        /* Multi-line span: underline to the end of the first line. */
        source_position(f, source_line_end(f, l->off), &eline, &ecol);
        if (ecol == col)
            ecol = col + 1;
    }
    s.begin.file = f->path;
    s.begin.line = line;
    s.begin.column = col;
    s.end_column = l->len ? ecol : col;
    return s;
}

static void fill_includes(struct mofc *m, struct diag_rec *d)
{
    struct source_file *f = m->files.items[d->loc.file];
    size_t n = 0;
    for (int32_t p = f->parent; p >= 0; p = m->files.items[p]->parent)
        n++;
    if (!n)
        return;
    struct mofc_include_step *steps = ARENA_ARRAY(&m->arena, struct mofc_include_step, n);
    size_t i = 0;
    for (struct source_file *c = f; c->parent >= 0; c = m->files.items[c->parent]) {
        struct source_file *p = m->files.items[c->parent];
        steps[i].file = p->path;
        source_position(p, c->include_off, &steps[i].line, &steps[i].column);
        i++;
    }
    d->pub.includes = steps;
    d->pub.nincludes = n;
}

/* Places in the C preprocessor's output, moved to the files the user
 * wrote (once the scanner is done with the text). */
static void map_preprocessed(struct mofc *m, struct diag_rec *d)
{
    const char *macro = NULL;
    if (d->has_loc && cpp_map_loc(m, &d->loc, &macro) && macro) {
        struct diag_note_rec nr = {.message = arena_printf(
                                       &m->arena, "in the C preprocessor's expansion of '%s'",
                                       macro)};
        VEC_PUSH(d->notes, nr);
    }
    for (size_t k = 0; k < d->notes.len; k++)
        if (d->notes.items[k].has_loc)
            cpp_map_loc(m, &d->notes.items[k].loc, NULL);
}

void diag_flush(struct mofc *m)
{
    for (size_t i = 0; i < m->diags.len; i++)
        map_preprocessed(m, m->diags.items[i]);
    for (size_t i = 0; i < m->diags.len; i++)
        if (m->diags.items[i]->has_loc && m->diags.items[i]->loc.file < m->files.len)
            reading_position(m, m->diags.items[i]);
    if (m->diags.len > 1)
        qsort(m->diags.items, m->diags.len, sizeof *m->diags.items, cmp_rec);
    for (size_t i = 0; i < m->diags.len; i++) {
        struct diag_rec *d = m->diags.items[i];
        if (d->has_loc && d->loc.file < m->files.len) {
            d->pub.span = make_span(m, &d->loc);
            if (!m->files.items[d->loc.file]->binary)
                d->pub.source_line =
                    source_line_text(m, m->files.items[d->loc.file], d->loc.off);
            fill_includes(m, d);
        }
        if (d->notes.len) {
            struct mofc_diag_note *notes =
                ARENA_ARRAY(&m->arena, struct mofc_diag_note, d->notes.len);
            for (size_t k = 0; k < d->notes.len; k++) {
                notes[k].message = d->notes.items[k].message;
                if (d->notes.items[k].has_loc)
                    notes[k].span = make_span(m, &d->notes.items[k].loc);
            }
            d->pub.notes = notes;
            d->pub.nnotes = d->notes.len;
        }
        if (m->sink)
            m->sink(&d->pub, m->sink_user);
        VEC_FREE(d->notes);
    }
    if (m->stop && m->opts.max_errors) {
        /* In the arena: a sink may keep the record until mofc_destroy(). */
        struct mofc_diagnostic *fatal = ARENA_NEW(&m->arena, struct mofc_diagnostic);
        fatal->severity = MOFC_FATAL;
        fatal->id = "too-many-errors";
        fatal->message = arena_printf(&m->arena,
                                      "too many errors (%u), stopping; use --max-errors=N to "
                                      "see more", m->opts.max_errors);
        if (m->sink)
            m->sink(fatal, m->sink_user);
    }
    VEC_FREE(m->diags);
}

void diag_discard(struct mofc *m)
{
    for (size_t i = 0; i < m->diags.len; i++)
        VEC_FREE(m->diags.items[i]->notes);
    VEC_FREE(m->diags);
}
