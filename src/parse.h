/*
 * parse.h - the front end's entry point and the state the flex scanner and
 * the bison parser share (the scanner's extra data, the parser's param).
 */
#ifndef MOFC_PARSE_H
#define MOFC_PARSE_H

#include <stdbool.h>

#include "ast.h"
#include "source.h"
#include "util/strbuf.h"

struct mofc;
struct source_file;

#define MOFC_MAX_INCLUDE_DEPTH 64

struct include_frame {
    struct source_file *file;
    struct file_id id;        /* for cycle detection; zero for embedded files */
    void *resume;             /* the includer's flex buffer, to switch back to */
};

struct parse_state {
    struct mofc *m;
    void *scanner;            /* yyscan_t */
    struct ast_unit *unit;
    enum mofc_origin origin;

    /* Include stack; frames[depth] is the file being scanned. */
    struct include_frame frames[MOFC_MAX_INCLUDE_DEPTH + 1];
    int depth;

    /* Adjacent string literals are joined by the scanner. */
    struct strbuf str;
    struct loc str_loc;

    /* Pragmas that apply to what follows, textually. */
    const struct name *ns;
    const char *locale;

    /* Set by the scanner after reporting a bad token itself, so the
     * parser's complaint about the same spot is not printed too. */
    bool quiet_next_syntax_error;

    /* Set by parse_file_alone(): includes are found but handed here
     * instead of being read in place. */
    struct include_hook *include_hook;

    /* The note suggesting --cpp was given (once per input). */
    bool cpp_hinted;
};

/* An include found while parsing one file alone: its resolved path, its
 * bytes (malloc'd, with two spare bytes, as source_read_file() gives them;
 * the hook takes them), the directive, and the namespace and locale in
 * force there. */
struct include_hook {
    void (*found)(struct include_hook *h, const char *path, char *bytes, size_t len,
                  const struct loc *directive, const struct name *ns, const char *locale);
};

/* Parses `f` alone into `unit`, starting with namespace `ns` and locale
 * `locale` in force; every include goes to `hook` (the language server
 * keeps each file's syntax tree apart and parses again only what changed). */
void parse_file_alone(struct mofc *m, struct source_file *f, enum mofc_origin origin,
                      struct ast_unit *unit, const struct name *ns, const char *locale,
                      struct include_hook *hook);

/* Parse one top-level input (and everything it includes) into m->unit. */
void parse_source(struct mofc *m, struct source_file *f, enum mofc_origin origin,
                  const struct file_id *id);

/* The scanner alone over one input and its includes, for the benchmark
 * that sets a floor under `mofc check` (bench/scan_only.c). */
void scan_source(struct mofc *m, struct source_file *f, const struct file_id *id);

/* Keyword table setup: interns every keyword with its token. */
void lex_init_keywords(struct mofc *m);

#endif
