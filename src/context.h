/*
 * context.h - struct mofc, the state of one compilation, shared by the
 * library's phases (never seen by clients or back ends).
 */
#ifndef MOFC_CONTEXT_H
#define MOFC_CONTEXT_H

#include "ast.h"
#include "mofc/mofc.h"
#include "source.h"
#include "util/arena.h"
#include "util/intern.h"
#include "util/vec.h"

struct diag_rec;
struct sema;

/* A queued input: a path or an in-memory buffer. */
struct input {
    const char *name;
    const char *data;      /* NULL: read `name` from disk */
    size_t len;
    enum mofc_origin origin;
    struct file_id id;     /* filled when read from disk */
};

struct mofc {
    struct mofc_options opts;
    const char **include_dirs;          /* copies owned by the arena */
    struct arena arena;
    struct interner names;

    VEC(struct input) inputs;
    VEC(struct source_file *) files;    /* every file read, index = loc.file */

    /* Diagnostics, delivered sorted at the end of mofc_compile(). */
    VEC(struct diag_rec *) diags;
    mofc_diag_sink *sink;
    void *sink_user;
    size_t nerrors, nwarnings;
    bool stop;                          /* --max-errors reached or fatal */
    bool io_failed;                     /* an input could not be read */

    struct ast_unit unit;
    const struct name *default_ns;
    const struct mofc_model *model;
    bool compiled;

    /* Where sema builds the model; NULL: `arena`.  A session that compiles
     * again and again frees the previous model's arena. */
    struct arena *sema_arena;

    /* mofc_file_path(): where the last lookup stopped (i-th user file is
     * files.items[k]). */
    bool path_cursor_valid;
    size_t path_cursor_i, path_cursor_k;
};

/* Parses mofc's built-in qualifier declarations and the requested packs
 * into m->unit (the first inputs of every compilation). */
void mofc_load_builtins(struct mofc *m);

#endif
