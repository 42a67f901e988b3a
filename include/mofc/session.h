/*
 * session.h - compiling the same inputs again and again, as an editor
 * changes them (the front end of `mofc lsp`).
 *
 * A session keeps the syntax tree of every file apart.  After a change
 * only the files whose text changed are parsed again; every file's tree
 * is then joined in reading order and the whole model is resolved and
 * checked again, so the diagnostics are those `mofc check` gives for the
 * same text (the parse diagnostics of an unchanged file are kept with it).
 *
 *     struct mofc_session *s = mofc_session_create(&opts);
 *     mofc_session_set_inputs(s, paths, n);
 *     mofc_session_set_text(s, "/abs/file.mof", text, len);   // editor buffer
 *     mofc_session_compile(s);
 *     for (i < mofc_session_diagnostic_count(s)) use(mofc_session_diagnostic(s, i));
 *
 * Paths are made real (symbolic links resolved) when the file exists,
 * else absolute and lexically normalised ("a/./b/../c" is "a/c"); every
 * path the session returns is in that form.  Everything
 * returned (model, diagnostics, occurrences) stays valid until the next
 * mofc_session_compile() or mofc_session_destroy().
 *
 * Differences from mofc_compile(): `--locale` amendments are not merged
 * (options.locale is ignored), a file included twice is read once, and
 * a `#pragma namespace` inside an included file does not carry back into
 * its includer.
 */
#ifndef MOFC_SESSION_H
#define MOFC_SESSION_H

#include "mofc/mofc.h"

#ifdef __cplusplus
extern "C" {
#endif

struct mofc_session;

struct mofc_session *mofc_session_create(const struct mofc_options *opts);
void mofc_session_destroy(struct mofc_session *s);

/* The top-level inputs, in order (replaces the previous list). */
void mofc_session_set_inputs(struct mofc_session *s, const char *const *paths, size_t n);

/* The editor's text of a file replaces what is on disk (copied); NULL:
 * the file is read from disk again. */
void mofc_session_set_text(struct mofc_session *s, const char *path, const char *text,
                           size_t len);

/* The file changed on disk: read it again at the next compile. */
void mofc_session_touch(struct mofc_session *s, const char *path);

/* The old syntax trees of edited files stay in memory until the bytes
 * parsed since the last rebuild pass `bytes` (default 64 MiB); then the
 * next compile starts from a fresh context and parses every file again. */
void mofc_session_set_rebuild_limit(struct mofc_session *s, size_t bytes);

/* Parses what changed, resolves and checks everything.  Returns the
 * number of errors. */
size_t mofc_session_compile(struct mofc_session *s);

/* The model of the last compile, errors or not (elements with errors are
 * left out or incomplete); NULL before the first compile. */
const struct mofc_model *mofc_session_model(const struct mofc_session *s);

/* Every diagnostic of the last compile: each file's, in reading order. */
size_t mofc_session_diagnostic_count(const struct mofc_session *s);
const struct mofc_diagnostic *mofc_session_diagnostic(const struct mofc_session *s, size_t i);

/* The files the last compile read, in reading order. */
size_t mofc_session_file_count(const struct mofc_session *s);
const char *mofc_session_file(const struct mofc_session *s, size_t i);
/* True if the last compile read `path`. */
bool mofc_session_has_file(const struct mofc_session *s, const char *path);
/* Files parsed by the last compile (the others kept their tree). */
size_t mofc_session_parsed_count(const struct mofc_session *s);

/* The normalised absolute form of a path (malloc'd; see above). */
char *mofc_session_normalize_path(const char *path);

/* Where a name is written: what the editor's navigation works from. */
enum mofc_occurrence_kind {
    MOFC_OCC_CLASS,       /* declaration, superclass, REF or embedded type, `instance of` */
    MOFC_OCC_PROPERTY,    /* declaration, or a property value of an instance */
    MOFC_OCC_METHOD,
    MOFC_OCC_PARAMETER,
    MOFC_OCC_QUALIFIER,   /* declaration or use */
    MOFC_OCC_ALIAS,       /* `as $A` (declaration) or a `$A` value */
    MOFC_OCC_INCLUDE,     /* #pragma include: `name` is the file's normalised path */
};

struct mofc_occurrence {
    enum mofc_occurrence_kind kind;
    bool is_decl;
    uint32_t line, column, end_column;   /* 1-based; columns in characters, end exclusive */
    const char *name;                    /* as written (no '$' for aliases) */
    const char *scope;                   /* class of a member or a property value, else NULL;
                                            qualifier uses: the class they are in */
    const char *method;                  /* method of a parameter, else NULL */
    const char *member;                  /* qualifier uses: the property, method or (with
                                            `method`) parameter they are on, else NULL */
};

/* The occurrences in one file of the last compile, in source order;
 * 0 if the file was not read. */
size_t mofc_session_occurrences(const struct mofc_session *s, const char *path,
                                const struct mofc_occurrence **out);

#ifdef __cplusplus
}
#endif
#endif /* MOFC_SESSION_H */
