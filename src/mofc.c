/*
 * mofc.c - the context API: options in, files read and parsed, sema run,
 * diagnostics delivered, model out.
 *
 * Order of reading: the shipped qualifier declarations, the requested
 * packs, then the user's inputs in command-line order.  Everything is
 * parsed before anything is resolved, so that order only decides which of
 * two conflicting declarations is reported as the duplicate.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"
#include "bmf_reader.h"
#include "context.h"
#include "cpp.h"
#include "diag/diag.h"
#include "embedded.h"
#include "parse.h"
#include "sema/sema.h"
#include "xml_reader.h"

static const char *const pack_names[] = {"wmi", "dsc", NULL};

const char *const *mofc_pack_names(void)
{
    return pack_names;
}

struct mofc *mofc_create(const struct mofc_options *opts)
{
    struct mofc *m = xcalloc(1, sizeof *m);
    if (opts)
        m->opts = *opts;
    arena_init(&m->arena);
    intern_init(&m->names, &m->arena);
    lex_init_keywords(m);
    ast_unit_init(&m->unit);
    m->include_dirs = ARENA_ARRAY(&m->arena, const char *, m->opts.ninclude_dirs + 1);
    for (size_t i = 0; i < m->opts.ninclude_dirs; i++)
        m->include_dirs[i] = arena_strdup(&m->arena, m->opts.include_dirs[i]);
    m->opts.include_dirs = m->include_dirs;
    const char **packs = ARENA_ARRAY(&m->arena, const char *, m->opts.npacks + 1);
    for (size_t i = 0; i < m->opts.npacks; i++)
        packs[i] = arena_strdup(&m->arena, m->opts.packs[i]);
    m->opts.packs = packs;
    if (m->opts.cpp) {
        m->opts.cpp = arena_strdup(&m->arena, m->opts.cpp);
        const char **cpp_args = ARENA_ARRAY(&m->arena, const char *, m->opts.ncpp_args + 1);
        for (size_t i = 0; i < m->opts.ncpp_args; i++)
            cpp_args[i] = arena_strdup(&m->arena, m->opts.cpp_args[i]);
        m->opts.cpp_args = cpp_args;
    } else {
        m->opts.ncpp_args = 0;
        m->opts.cpp_args = NULL;
    }
    m->default_ns = intern_cstr(&m->names, m->opts.default_namespace
                                               ? m->opts.default_namespace
                                               : "root/cimv2");
    m->opts.default_namespace = m->default_ns->text;
    return m;
}

void mofc_destroy(struct mofc *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->files.len; i++)
        source_free(m->files.items[i]);
    VEC_FREE(m->files);
    VEC_FREE(m->inputs);
    diag_discard(m);
    intern_free(&m->names);
    arena_free(&m->arena);
    free(m);
}

void mofc_set_diag_sink(struct mofc *m, mofc_diag_sink *sink, void *user)
{
    m->sink = sink;
    m->sink_user = user;
}

void mofc_add_file(struct mofc *m, const char *path)
{
    struct input in = {.name = arena_strdup(&m->arena, path), .origin = MOFC_ORIGIN_USER};
    VEC_PUSH(m->inputs, in);
}

void mofc_add_buffer(struct mofc *m, const char *name, const char *data, size_t len)
{
    struct input in = {.name = arena_strdup(&m->arena, name),
                       .data = arena_memdup(&m->arena, data, len),
                       .len = len,
                       .origin = MOFC_ORIGIN_USER};
    if (!in.data)
        in.data = "";
    VEC_PUSH(m->inputs, in);
}

static void load_embedded(struct mofc *m, const char *prefix, const char *only,
                          enum mofc_origin origin)
{
    size_t plen = strlen(prefix);
    for (size_t i = 0; i < mofc_embedded_count; i++) {
        const struct embedded_file *e = &mofc_embedded_files[i];
        if (strncmp(e->name, prefix, plen) != 0)
            continue;
        if (only) {
            /* packs/<name>.mof */
            size_t olen = strlen(only);
            if (strncmp(e->name + plen, only, olen) != 0 || strcmp(e->name + plen + olen, ".mof"))
                continue;
        }
        char *label = arena_printf(&m->arena, "<mofc>/%s", e->name);
        struct source_file *f =
            source_load(m, label, (char *)e->data, e->len, false, -1, NULL, origin);
        if (f)
            parse_source(m, f, origin, NULL);
    }
}

void mofc_load_builtins(struct mofc *m)
{
    if (!m->opts.no_builtin_qualifiers)
        load_embedded(m, "qualifiers/", NULL, MOFC_ORIGIN_BUILTIN);
    for (size_t i = 0; i < m->opts.npacks; i++)
        load_embedded(m, "packs/", m->opts.packs[i], MOFC_ORIGIN_PACK);
}

int mofc_compile(struct mofc *m)
{
    if (m->compiled)
        return m->model ? 0 : 1;
    m->compiled = true;

    /* A binary MOF is WMI's: its qualifiers come without declarations, so
     * a compilation holding one reads everything in the WMI dialect. */
    for (size_t i = 0; i < m->inputs.len; i++) {
        const struct input *in = &m->inputs.items[i];
        if (in->data ? bmf_looks_like(in->data, in->len) : bmf_file_looks_like(in->name))
            m->opts.dialect = MOFC_DIALECT_WMI;
    }
    mofc_load_builtins(m);

    for (size_t i = 0; i < m->inputs.len && !m->stop; i++) {
        struct input *in = &m->inputs.items[i];
        char *bytes = NULL;
        size_t len = in->len;
        if (!in->data) {
            if (!source_read_file(in->name, &bytes, &len, &in->id)) {
                diag_error(m, NULL, "input-unreadable", "cannot read '%s': %s", in->name,
                           strerror(errno));
                m->io_failed = true;
                continue;
            }
        }
        if (bmf_looks_like(bytes ? bytes : in->data, len)) {
            if (!bytes) {
                bytes = xmalloc(len);
                memcpy(bytes, in->data, len);
            }
            bmf_read(m, in->name, bytes, len, in->origin);
            continue;
        }
        struct source_file *f = bytes ? source_load(m, in->name, bytes, len, true, -1, NULL,
                                                    in->origin)
                                      : source_load(m, in->name, (char *)in->data, len, false,
                                                    -1, NULL, in->origin);
        if (f && xml_looks_like(f)) {
            xml_read(m, f, in->origin);
        } else if (f && m->opts.cpp) {
            struct source_file *out = cpp_preprocess(m, f, in->data ? NULL : in->name);
            if (out)
                parse_source(m, out, in->origin, in->data ? NULL : &in->id);
        } else if (f) {
            parse_source(m, f, in->origin, in->data ? NULL : &in->id);
        }
    }

    if (!m->stop && !m->io_failed) {
        amend_merge(m);
        sema_run(m);
    }

    diag_flush(m);
    if (m->io_failed)
        return 2;
    return m->nerrors ? 1 : 0;
}

const struct mofc_model *mofc_model(const struct mofc *m)
{
    return m->nerrors || m->io_failed ? NULL : m->model;
}

size_t mofc_error_count(const struct mofc *m)
{
    return m->nerrors;
}

size_t mofc_warning_count(const struct mofc *m)
{
    return m->nwarnings;
}

/* The files a user's build depends on: not the schemas built into mofc. */
size_t mofc_file_count(const struct mofc *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->files.len; i++)
        n += m->files.items[i]->origin == MOFC_ORIGIN_USER && !m->files.items[i]->virtual_file;
    return n;
}

const char *mofc_file_path(const struct mofc *m, size_t i)
{
    /* Callers walk i = 0, 1, 2...: resume from the previous answer so a
     * depfile of n files costs O(n), not O(n^2). */
    struct mofc *mm = (struct mofc *)m;
    size_t k = 0, seen = 0;
    if (mm->path_cursor_valid && i >= mm->path_cursor_i) {
        k = mm->path_cursor_k;
        seen = mm->path_cursor_i;
    }
    for (; k < m->files.len; k++) {
        if (m->files.items[k]->origin != MOFC_ORIGIN_USER || m->files.items[k]->virtual_file)
            continue;
        if (seen++ == i) {
            mm->path_cursor_valid = true;
            mm->path_cursor_i = i;
            mm->path_cursor_k = k;
            return m->files.items[k]->path;
        }
    }
    return NULL;
}

void ast_unit_init(struct ast_unit *u)
{
    memset(u, 0, sizeof *u);
    u->qualifier_decls_tail = &u->qualifier_decls;
    u->classes_tail = &u->classes;
    u->instances_tail = &u->instances;
    u->pragmas_tail = &u->pragmas;
    u->flavor_defaults_tail = &u->flavor_defaults;
}
