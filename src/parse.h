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

    /* The note suggesting --cpp was given (once per input). */
    bool cpp_hinted;
};

/* Parse one top-level input (and everything it includes) into m->unit. */
void parse_source(struct mofc *m, struct source_file *f, enum mofc_origin origin,
                  const struct file_id *id);

/* The scanner alone over one input and its includes, for the benchmark
 * that sets a floor under `mofc check` (bench/scan_only.c). */
void scan_source(struct mofc *m, struct source_file *f, const struct file_id *id);

/* Keyword table setup: interns every keyword with its token. */
void lex_init_keywords(struct mofc *m);

#endif
