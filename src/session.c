/*
 * session.c - incremental compilation for the language server.
 *
 * One long-lived context holds every file's syntax tree; each file is
 * parsed alone (parse_file_alone: includes are recorded, not followed) and
 * keeps its nodes, the include directives with how many nodes of each
 * kind came before them, its parse diagnostics and its occurrences.  A
 * compile walks the inputs and their includes, parses again only the files
 * whose text changed, splices every file's nodes into the context's unit
 * in the order a single parse would give, and runs sema into an arena of
 * its own that the next compile resets and fills again.  Old trees of
 * edited files stay in the context's arena: once the bytes parsed since it
 * was built pass a limit, it is built anew and every file parsed once more.
 */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700

#include "mofc/session.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amend.h"
#include "context.h"
#include "diag/diag.h"
#include "parse.h"
#include "sema/sema.h"
#include "source.h"
#include "xml_reader.h"

/* The node lists of struct ast_unit; every listable node starts with `next`. */
enum { K_QUALDECL, K_CLASS, K_INSTANCE, K_PRAGMA, K_FLAVOR, NKINDS };
struct node {
    struct node *next;
};
typedef VEC(struct node *) node_vec;
typedef VEC(struct mofc_diagnostic *) diag_vec;

struct file_entry;

struct include_rec {
    struct file_entry *child;
    size_t counts[NKINDS];          /* nodes of the includer before the directive */
    const struct name *ns;
    const char *locale;
    struct loc directive;
};

struct file_entry {
    char *path;                     /* normalised, the key */
    char *overlay;                  /* the editor's text, or NULL */
    size_t overlay_len;
    char *pending;                  /* bytes an includer's parse already read */
    size_t pending_len;
    bool parsed, dirty;
    const struct name *ns;          /* namespace and locale in force when parsed */
    const char *locale;
    unsigned round;                 /* last compile that read it */
    node_vec nodes[NKINDS];
    VEC(struct include_rec) includes;
    diag_vec diags;
    VEC(struct mofc_occurrence) occs;
};

struct mofc_session {
    struct mofc_options opts;
    char **inputs;
    size_t ninputs;
    struct mofc *m;
    struct arena sema_arena;
    bool sema_arena_live;
    size_t garbage;                 /* bytes parsed since the rebuild */
    size_t rebuild_limit;
    size_t arena_after_build;

    struct file_entry **slots;      /* open addressing by path */
    size_t mask, count;

    node_vec base[NKINDS];          /* built-in qualifiers and packs */
    node_vec all[NKINDS];
    VEC(struct file_entry *) order; /* files of the last compile, reading order */
    diag_vec sema_diags;
    VEC(const struct mofc_diagnostic *) flat;
    diag_vec *collect;              /* where the sink puts copies */
    unsigned round;
    size_t nparsed;
};

/* ---- paths ---- */

char *mofc_session_normalize_path(const char *path)
{
    /* An existing file by its real path: an editor names a file through
     * one spelling and an include through another (a symlinked folder). */
    char *real = realpath(path, NULL);
    if (real)
        return real;
    char *abs;
    if (path[0] == '/') {
        abs = xstrdup(path);
    } else {
        char cwd[4096];
        if (!getcwd(cwd, sizeof cwd))
            strcpy(cwd, "/");
        abs = xmalloc(strlen(cwd) + strlen(path) + 2);
        sprintf(abs, "%s/%s", cwd, path);
    }
    /* Components in place: "." dropped, ".." pops, repeated '/' joined. */
    char *out = xmalloc(strlen(abs) + 2);
    size_t n = 0;
    for (const char *p = abs; *p;) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* nothing */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
        } else {
            out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
        }
        p = e;
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    free(abs);
    return out;
}

static uint32_t path_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static struct file_entry *find_entry(const struct mofc_session *s, const char *norm)
{
    if (!s->slots)
        return NULL;
    for (size_t i = path_hash(norm) & s->mask;; i = (i + 1) & s->mask) {
        if (!s->slots[i])
            return NULL;
        if (strcmp(s->slots[i]->path, norm) == 0)
            return s->slots[i];
    }
}

static struct file_entry *get_entry(struct mofc_session *s, const char *norm)
{
    struct file_entry *e = find_entry(s, norm);
    if (e)
        return e;
    if (!s->slots || (s->count + 1) * 2 > s->mask + 1) {
        size_t cap = s->slots ? (s->mask + 1) * 2 : 256;
        struct file_entry **slots = xcalloc(cap, sizeof *slots);
        for (size_t i = 0; s->slots && i <= s->mask; i++) {
            if (!s->slots[i])
                continue;
            size_t k = path_hash(s->slots[i]->path) & (cap - 1);
            while (slots[k])
                k = (k + 1) & (cap - 1);
            slots[k] = s->slots[i];
        }
        free(s->slots);
        s->slots = slots;
        s->mask = cap - 1;
    }
    e = xcalloc(1, sizeof *e);
    e->path = xstrdup(norm);
    size_t k = path_hash(norm) & s->mask;
    while (s->slots[k])
        k = (k + 1) & s->mask;
    s->slots[k] = e;
    s->count++;
    return e;
}

/* ---- diagnostics: copies that outlive the context's records ---- */

static void diag_free(struct mofc_diagnostic *d)
{
    free((char *)d->message);
    free((char *)d->span.begin.file);
    for (size_t i = 0; i < d->nnotes; i++) {
        free((char *)d->notes[i].message);
        free((char *)d->notes[i].span.begin.file);
    }
    free((void *)d->notes);
    free(d);
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void collect_diag(const struct mofc_diagnostic *d, void *user)
{
    struct mofc_session *s = user;
    if (!s->collect)
        return;
    struct mofc_diagnostic *c = xcalloc(1, sizeof *c);
    *c = *d;
    c->message = xstrdup(d->message);
    c->span.begin.file = dup_or_null(d->span.begin.file);
    c->source_line = NULL;
    c->includes = NULL;
    c->nincludes = 0;
    if (d->nnotes) {
        struct mofc_diag_note *notes = xcalloc(d->nnotes, sizeof *notes);
        for (size_t i = 0; i < d->nnotes; i++) {
            notes[i] = d->notes[i];
            notes[i].message = xstrdup(d->notes[i].message);
            notes[i].span.begin.file = dup_or_null(d->notes[i].span.begin.file);
        }
        c->notes = notes;
    }
    VEC_PUSH(*s->collect, c);
}

#define CLEAR_DIAGS(v) do { \
        for (size_t i_ = 0; i_ < (v).len; i_++) \
            diag_free((v).items[i_]); \
        (v).len = 0; \
    } while (0)

/* ---- the context ---- */

static void clear_tree(struct file_entry *e)
{
    for (int k = 0; k < NKINDS; k++)
        e->nodes[k].len = 0;
    e->includes.len = 0;
    e->occs.len = 0;
    CLEAR_DIAGS(e->diags);
    e->parsed = false;
}

/* Collects the nodes of a freshly parsed unit, kind by kind. */
static void unit_nodes(struct ast_unit *u, node_vec out[NKINDS])
{
    void *heads[NKINDS] = {u->qualifier_decls, u->classes, u->instances, u->pragmas,
                           u->flavor_defaults};
    for (int k = 0; k < NKINDS; k++)
        for (struct node *n = heads[k]; n; n = n->next)
            VEC_PUSH(out[k], n);
}

static void rebuild_context(struct mofc_session *s)
{
    if (s->m)
        mofc_destroy(s->m);
    struct mofc_options o = s->opts;
    o.max_errors = 0;
    o.locale = NULL;
    s->m = mofc_create(&o);
    mofc_set_diag_sink(s->m, collect_diag, s);
    s->m->sema_arena = &s->sema_arena;
    for (int k = 0; k < NKINDS; k++)
        s->base[k].len = 0;
    s->collect = NULL;
    mofc_load_builtins(s->m);
    diag_flush(s->m);
    unit_nodes(&s->m->unit, s->base);
    for (size_t i = 0; s->slots && i <= s->mask; i++)
        if (s->slots[i])
            clear_tree(s->slots[i]);
    s->garbage = 0;
    s->arena_after_build = 0;
}

/* ---- occurrences ---- */

struct occ_builder {
    struct mofc_session *s;
    struct file_entry *e;
    struct source_file *f;
};

static void add_occ(struct occ_builder *b, enum mofc_occurrence_kind kind, bool decl,
                    const struct loc *l, const char *name, const char *scope,
                    const char *method)
{
    if (!name || l->file != b->f->index)
        return;
    struct mofc_occurrence o = {kind, decl, 0, 0, 0, name, scope, method, NULL};
    uint32_t eline;
    source_position(b->f, l->off, &o.line, &o.column);
    source_position(b->f, l->off + l->len, &eline, &o.end_column);
    if (eline != o.line)
        o.end_column = o.column + 1;
    VEC_PUSH(b->e->occs, o);
}

static void occ_values(struct occ_builder *b, const struct ast_value *v);
static void occ_instance(struct occ_builder *b, const struct ast_instance *in);

/* The qualifiers written on an element: of class `scope` (NULL: an
 * instance's), on its `member` (property, method, or with `method` set a
 * parameter), or on the class itself. */
static void occ_quals(struct occ_builder *b, const struct ast_qualifier *q, const char *scope,
                      const char *member, const char *method)
{
    for (; q; q = q->next) {
        size_t before = b->e->occs.len;
        add_occ(b, MOFC_OCC_QUALIFIER, false, &q->loc, q->name->text, scope, method);
        if (b->e->occs.len > before)
            b->e->occs.items[before].member = member;
        /* EmbeddedInstance("C") names a class in a string. */
        if (q->value && q->value->kind == AV_STRING &&
            fold_cmp(q->name->text, "EmbeddedInstance") == 0) {
            struct loc l = q->value->loc;
            if (l.len >= 2) {
                l.off++;
                l.len -= 2;
            }
            add_occ(b, MOFC_OCC_CLASS, false, &l, q->value->u.string.text, NULL, NULL);
        }
        occ_values(b, q->value);
    }
}

static void occ_values(struct occ_builder *b, const struct ast_value *v)
{
    if (!v)
        return;
    if (v->kind == AV_ALIAS) {
        add_occ(b, MOFC_OCC_ALIAS, false, &v->loc, v->u.alias->text, NULL, NULL);
    } else if (v->kind == AV_ARRAY) {
        for (const struct ast_value *x = v->u.array.head; x; x = x->next)
            occ_values(b, x);
    } else if (v->kind == AV_INSTANCE && v->u.instance) {
        occ_instance(b, v->u.instance);
    }
}

static void occ_type(struct occ_builder *b, const struct ast_type *t)
{
    if (t->class_name)
        add_occ(b, MOFC_OCC_CLASS, false, &t->loc, t->class_name->text, NULL, NULL);
}

static void occ_instance(struct occ_builder *b, const struct ast_instance *in)
{
    const char *cls = in->class_name ? in->class_name->text : NULL;
    occ_quals(b, in->quals, NULL, NULL, NULL);
    add_occ(b, MOFC_OCC_CLASS, false, &in->loc, cls, NULL, NULL);
    if (in->alias) {
        /* The span may start at `as`: the name is from the '$'. */
        struct loc l = in->alias_loc;
        const char *t = b->f->text;
        while (l.len > 1 && l.off < b->f->len && t[l.off] != '$') {
            l.off++;
            l.len--;
        }
        add_occ(b, MOFC_OCC_ALIAS, true, &l, in->alias->text, NULL, NULL);
    }
    for (const struct ast_prop_value *pv = in->values; pv; pv = pv->next) {
        occ_quals(b, pv->quals, NULL, NULL, NULL);
        add_occ(b, MOFC_OCC_PROPERTY, false, &pv->loc, pv->name->text, cls, NULL);
        occ_values(b, pv->value);
    }
}

static void occ_class(struct occ_builder *b, const struct ast_class *c)
{
    const char *cls = c->name->text;
    occ_quals(b, c->quals, cls, NULL, NULL);
    add_occ(b, MOFC_OCC_CLASS, true, &c->loc, cls, NULL, NULL);
    if (c->super)
        add_occ(b, MOFC_OCC_CLASS, false, &c->super_loc, c->super->text, NULL, NULL);
    for (const struct ast_feature *f = c->features; f; f = f->next) {
        if (f->kind == AF_ERROR || !f->name)
            continue;
        occ_quals(b, f->quals, cls, f->name->text, NULL);
        occ_type(b, &f->type);
        add_occ(b, f->kind == AF_METHOD ? MOFC_OCC_METHOD : MOFC_OCC_PROPERTY, true, &f->loc,
                f->name->text, cls, NULL);
        occ_values(b, f->default_value);
        for (const struct ast_param *p = f->params; p; p = p->next) {
            occ_quals(b, p->quals, cls, p->name->text, f->name->text);
            occ_type(b, &p->type);
            add_occ(b, MOFC_OCC_PARAMETER, true, &p->loc, p->name->text, cls, f->name->text);
        }
    }
}

static int cmp_occ(const void *a, const void *b)
{
    const struct mofc_occurrence *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->column < y->column ? -1 : x->column > y->column;
}

/* ---- parsing one file ---- */

struct hook_ctx {
    struct include_hook h;
    struct mofc_session *s;
    struct file_entry *e;
    struct ast_unit *unit;
};

static void on_include(struct include_hook *h, const char *path, char *bytes, size_t len,
                       const struct loc *directive, const struct name *ns, const char *locale)
{
    struct hook_ctx *c = (struct hook_ctx *)h;
    char *norm = mofc_session_normalize_path(path);
    struct file_entry *child = get_entry(c->s, norm);
    if (!child->parsed && !child->overlay && !child->pending) {
        child->pending = bytes;
        child->pending_len = len;
    } else {
        free(bytes);
    }
    struct include_rec r = {child, {0}, ns, locale, *directive};
    void *heads[NKINDS] = {c->unit->qualifier_decls, c->unit->classes, c->unit->instances,
                           c->unit->pragmas, c->unit->flavor_defaults};
    for (int k = 0; k < NKINDS; k++)
        for (struct node *n = heads[k]; n; n = n->next)
            r.counts[k]++;
    /* Positions come after the parse: flex holds a NUL in the text now. */
    VEC_PUSH(c->e->includes, r);
    free(norm);
}

static void parse_entry(struct mofc_session *s, struct file_entry *e, const struct name *ns,
                        const char *locale)
{
    struct mofc *m = s->m;
    clear_tree(e);
    s->collect = &e->diags;
    char *bytes = NULL;
    size_t len = 0;
    if (e->overlay) {
        len = e->overlay_len;
        bytes = xmalloc(len + 3);
        memcpy(bytes, e->overlay, len);
    } else if (e->pending) {
        bytes = e->pending;
        len = e->pending_len;
        e->pending = NULL;
    } else if (!source_read_file(e->path, &bytes, &len, NULL)) {
        diag_error(m, NULL, "input-unreadable", "cannot read '%s': %s", e->path,
                   strerror(errno));
        bytes = NULL;
    }
    struct source_file *f = NULL;
    if (bytes) {
        s->garbage += len;
        f = source_load(m, e->path, bytes, len, true, -1, NULL, MOFC_ORIGIN_USER);
    }
    struct occ_builder ob = {s, e, f};
    struct ast_unit u;
    ast_unit_init(&u);
    if (f && xml_looks_like(f)) {
        struct ast_unit saved = m->unit;
        ast_unit_init(&m->unit);
        xml_read(m, f, MOFC_ORIGIN_USER);
        unit_nodes(&m->unit, e->nodes);
        m->unit = saved;
    } else if (f) {
        struct hook_ctx hc = {{on_include}, s, e, &u};
        parse_file_alone(m, f, MOFC_ORIGIN_USER, &u, ns, locale, &hc.h);
        unit_nodes(&u, e->nodes);
    }
    diag_flush(m);
    s->collect = NULL;
    if (f) {
        for (size_t i = 0; i < e->includes.len; i++)
            add_occ(&ob, MOFC_OCC_INCLUDE, false, &e->includes.items[i].directive,
                    e->includes.items[i].child->path, NULL, NULL);
        for (size_t i = 0; i < e->nodes[K_QUALDECL].len; i++) {
            struct ast_qualifier_decl *d = (void *)e->nodes[K_QUALDECL].items[i];
            add_occ(&ob, MOFC_OCC_QUALIFIER, true, &d->loc, d->name->text, NULL, NULL);
        }
        for (size_t i = 0; i < e->nodes[K_CLASS].len; i++)
            occ_class(&ob, (void *)e->nodes[K_CLASS].items[i]);
        for (size_t i = 0; i < e->nodes[K_INSTANCE].len; i++)
            occ_instance(&ob, (void *)e->nodes[K_INSTANCE].items[i]);
        if (e->occs.len > 1)
            qsort(e->occs.items, e->occs.len, sizeof *e->occs.items, cmp_occ);
    }
    e->parsed = true;
    e->dirty = false;
    e->ns = ns;
    e->locale = locale;
    s->nparsed++;
}

static void append_nodes(struct mofc_session *s, int k, node_vec *v, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < v->len; i++)
        VEC_PUSH(s->all[k], v->items[i]);
}

static void visit(struct mofc_session *s, struct file_entry *e, const struct name *ns,
                  const char *locale)
{
    if (e->round == s->round)
        return;   /* an include cycle, or a file included twice */
    e->round = s->round;
    bool same_locale = e->locale == locale || (e->locale && locale && !strcmp(e->locale, locale));
    if (!e->parsed || e->dirty || e->ns != ns || !same_locale)
        parse_entry(s, e, ns, locale);
    VEC_PUSH(s->order, e);
    size_t pos[NKINDS] = {0};
    for (size_t i = 0; i < e->includes.len; i++) {
        struct include_rec *r = &e->includes.items[i];
        for (int k = 0; k < NKINDS; k++) {
            append_nodes(s, k, &e->nodes[k], pos[k], r->counts[k]);
            pos[k] = r->counts[k];
        }
        visit(s, r->child, r->ns, r->locale);
    }
    for (int k = 0; k < NKINDS; k++)
        append_nodes(s, k, &e->nodes[k], pos[k], e->nodes[k].len);
}

/* Links the collected nodes of each kind into the context's unit. */
static void link_unit(struct mofc_session *s)
{
    struct ast_unit *u = &s->m->unit;
    ast_unit_init(u);
    void **heads[NKINDS] = {(void **)&u->qualifier_decls, (void **)&u->classes,
                            (void **)&u->instances, (void **)&u->pragmas,
                            (void **)&u->flavor_defaults};
    void ***tails[NKINDS] = {(void ***)&u->qualifier_decls_tail, (void ***)&u->classes_tail,
                             (void ***)&u->instances_tail, (void ***)&u->pragmas_tail,
                             (void ***)&u->flavor_defaults_tail};
    for (int k = 0; k < NKINDS; k++) {
        node_vec *v = &s->all[k];
        for (size_t i = 0; i + 1 < v->len; i++)
            v->items[i]->next = v->items[i + 1];
        if (v->len) {
            v->items[v->len - 1]->next = NULL;
            *heads[k] = v->items[0];
            *tails[k] = (void **)&v->items[v->len - 1]->next;
        }
    }
}

/* ---- the API ---- */

struct mofc_session *mofc_session_create(const struct mofc_options *opts)
{
    struct mofc_session *s = xcalloc(1, sizeof *s);
    if (opts)
        s->opts = *opts;
    /* The options' arrays are the caller's: keep copies. */
    char **dirs = xcalloc(s->opts.ninclude_dirs + 1, sizeof *dirs);
    for (size_t i = 0; i < s->opts.ninclude_dirs; i++)
        dirs[i] = xstrdup(s->opts.include_dirs[i]);
    s->opts.include_dirs = (const char *const *)dirs;
    char **packs = xcalloc(s->opts.npacks + 1, sizeof *packs);
    for (size_t i = 0; i < s->opts.npacks; i++)
        packs[i] = xstrdup(s->opts.packs[i]);
    s->opts.packs = (const char *const *)packs;
    s->opts.default_namespace = dup_or_null(s->opts.default_namespace);
    s->rebuild_limit = (size_t)64 << 20;
    return s;
}

void mofc_session_destroy(struct mofc_session *s)
{
    if (!s)
        return;
    for (size_t i = 0; s->slots && i <= s->mask; i++) {
        struct file_entry *e = s->slots[i];
        if (!e)
            continue;
        clear_tree(e);
        for (int k = 0; k < NKINDS; k++)
            VEC_FREE(e->nodes[k]);
        VEC_FREE(e->includes);
        VEC_FREE(e->diags);
        VEC_FREE(e->occs);
        free(e->path);
        free(e->overlay);
        free(e->pending);
        free(e);
    }
    free(s->slots);
    for (int k = 0; k < NKINDS; k++) {
        VEC_FREE(s->base[k]);
        VEC_FREE(s->all[k]);
    }
    CLEAR_DIAGS(s->sema_diags);
    VEC_FREE(s->sema_diags);
    VEC_FREE(s->flat);
    VEC_FREE(s->order);
    if (s->m)
        mofc_destroy(s->m);
    if (s->sema_arena_live)
        arena_free(&s->sema_arena);
    for (size_t i = 0; i < s->ninputs; i++)
        free(s->inputs[i]);
    free(s->inputs);
    for (size_t i = 0; i < s->opts.ninclude_dirs; i++)
        free((char *)s->opts.include_dirs[i]);
    free((void *)s->opts.include_dirs);
    for (size_t i = 0; i < s->opts.npacks; i++)
        free((char *)s->opts.packs[i]);
    free((void *)s->opts.packs);
    free((char *)s->opts.default_namespace);
    free(s);
}

void mofc_session_set_inputs(struct mofc_session *s, const char *const *paths, size_t n)
{
    for (size_t i = 0; i < s->ninputs; i++)
        free(s->inputs[i]);
    free(s->inputs);
    s->inputs = xcalloc(n + 1, sizeof *s->inputs);
    for (size_t i = 0; i < n; i++)
        s->inputs[i] = mofc_session_normalize_path(paths[i]);
    s->ninputs = n;
}

void mofc_session_set_text(struct mofc_session *s, const char *path, const char *text,
                           size_t len)
{
    char *norm = mofc_session_normalize_path(path);
    struct file_entry *e = get_entry(s, norm);
    free(norm);
    free(e->overlay);
    e->overlay = NULL;
    if (text) {
        e->overlay = xmalloc(len + 1);
        memcpy(e->overlay, text, len);
        e->overlay_len = len;
    }
    e->dirty = true;
}

void mofc_session_touch(struct mofc_session *s, const char *path)
{
    char *norm = mofc_session_normalize_path(path);
    struct file_entry *e = find_entry(s, norm);
    free(norm);
    if (e)
        e->dirty = true;
}

size_t mofc_session_compile(struct mofc_session *s)
{
    /* Old trees stay in the context's arena: rebuild it when they would
     * outweigh what a fresh build holds. */
    if (!s->m || s->garbage > s->rebuild_limit ||
        (s->arena_after_build && s->m->arena.total > 2 * s->arena_after_build + (32u << 20)))
        rebuild_context(s);
    struct mofc *m = s->m;
    s->round++;
    s->nparsed = 0;
    s->order.len = 0;
    for (int k = 0; k < NKINDS; k++) {
        s->all[k].len = 0;
        append_nodes(s, k, &s->base[k], 0, s->base[k].len);
    }
    for (size_t i = 0; i < s->ninputs; i++)
        visit(s, get_entry(s, s->inputs[i]), m->default_ns, NULL);
    link_unit(s);

    /* Sema from scratch over the joined trees, into a fresh arena. */
    if (s->sema_arena_live)
        arena_reset(&s->sema_arena);
    else
        arena_init(&s->sema_arena);
    s->sema_arena_live = true;
    m->nerrors = m->nwarnings = 0;
    m->stop = false;
    m->model = NULL;
    CLEAR_DIAGS(s->sema_diags);
    s->collect = &s->sema_diags;
    amend_merge(m);
    sema_run(m);
    diag_flush(m);
    s->collect = NULL;
    if (!s->arena_after_build)
        s->arena_after_build = m->arena.total;

    s->flat.len = 0;
    size_t nerrors = 0;
    for (size_t i = 0; i < s->order.len; i++)
        for (size_t k = 0; k < s->order.items[i]->diags.len; k++)
            VEC_PUSH(s->flat, s->order.items[i]->diags.items[k]);
    for (size_t k = 0; k < s->sema_diags.len; k++)
        VEC_PUSH(s->flat, s->sema_diags.items[k]);
    for (size_t i = 0; i < s->flat.len; i++)
        nerrors += s->flat.items[i]->severity >= MOFC_ERROR;
    return nerrors;
}

const struct mofc_model *mofc_session_model(const struct mofc_session *s)
{
    return s->m ? s->m->model : NULL;
}

size_t mofc_session_diagnostic_count(const struct mofc_session *s)
{
    return s->flat.len;
}

const struct mofc_diagnostic *mofc_session_diagnostic(const struct mofc_session *s, size_t i)
{
    return i < s->flat.len ? s->flat.items[i] : NULL;
}

size_t mofc_session_file_count(const struct mofc_session *s)
{
    return s->order.len;
}

const char *mofc_session_file(const struct mofc_session *s, size_t i)
{
    return i < s->order.len ? s->order.items[i]->path : NULL;
}

bool mofc_session_has_file(const struct mofc_session *s, const char *path)
{
    char *norm = mofc_session_normalize_path(path);
    struct file_entry *e = find_entry(s, norm);
    free(norm);
    return e && e->round == s->round && s->round;
}

size_t mofc_session_parsed_count(const struct mofc_session *s)
{
    return s->nparsed;
}

void mofc_session_set_rebuild_limit(struct mofc_session *s, size_t bytes)
{
    s->rebuild_limit = bytes;
}

size_t mofc_session_occurrences(const struct mofc_session *s, const char *path,
                                const struct mofc_occurrence **out)
{
    /* A path the session gave out needs no normalising (no realpath()). */
    struct file_entry *e = find_entry(s, path);
    if (!e) {
        char *norm = mofc_session_normalize_path(path);
        e = find_entry(s, norm);
        free(norm);
    }
    if (!e || e->round != s->round) {
        *out = NULL;
        return 0;
    }
    *out = e->occs.items;
    return e->occs.len;
}
