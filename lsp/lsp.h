/*
 * lsp.h - `mofc lsp`: the language server's state, shared by server.c
 * (protocol, documents, settings, diagnostics) and features.c (hover,
 * navigation, symbols, completion, code actions).
 */
#ifndef MOFC_LSP_H
#define MOFC_LSP_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

#include "../cli/options.h"
#include "mofc/session.h"

struct lsp_doc {
    char *uri;
    char *path;                /* normalised */
    char *text;
    size_t len;
    long version;
};

struct lsp_server {
    int out_fd;
    bool initialized, shutdown;
    char *root;                /* workspace root directory, or NULL */
    json_object *init_options; /* initializationOptions (owned) */

    struct cli_options opts;   /* the settings, parsed like the command line */
    char **argv;               /* storage the options point into */
    int argc;
    char **inputs;             /* absolute paths of the configured inputs */
    size_t ninputs;
    char **extra;              /* open documents no input includes */
    size_t nextra;

    struct mofc_session *session;
    struct lsp_doc *docs;
    size_t ndocs;
    char **published;          /* paths given diagnostics last time */
    size_t npublished;
    char *notice;              /* diagnostics without a place, last shown */
    bool hierarchical_symbols; /* the client takes DocumentSymbol trees */
};

/* ---- server.c helpers ---- */
char *lsp_uri_to_path(const char *uri);
char *lsp_path_to_uri(const char *path);
struct lsp_doc *lsp_find_doc(struct lsp_server *s, const char *uri);
/* {"line": l-1, "character": c-1} for 1-based l and c. */
json_object *lsp_position(unsigned line, unsigned column);
json_object *lsp_range(unsigned line, unsigned column, unsigned end_line, unsigned end_column);
json_object *lsp_location(const char *path, unsigned line, unsigned column,
                          unsigned end_column);
/* A 1-based character column of `path` as a 1-based UTF-16 one (the
 * open document's text says; unchanged for a file not open). */
unsigned lsp_utf16_column(const char *path, unsigned line, unsigned column);
/* params.textDocument.uri and params.position (1-based line/column out). */
bool lsp_text_position(struct lsp_server *s, json_object *params, const char **uri,
                       unsigned *line, unsigned *column);
const char *lsp_get_string(json_object *o, const char *key);
long lsp_get_int(json_object *o, const char *key, long dflt);

/* ---- features.c: requests; each returns the result (NULL: null) ---- */
json_object *lsp_hover(struct lsp_server *s, json_object *params);
json_object *lsp_definition(struct lsp_server *s, json_object *params, bool declaration);
json_object *lsp_references(struct lsp_server *s, json_object *params);
json_object *lsp_document_symbols(struct lsp_server *s, json_object *params);
json_object *lsp_workspace_symbols(struct lsp_server *s, json_object *params);
json_object *lsp_completion(struct lsp_server *s, json_object *params);
json_object *lsp_code_actions(struct lsp_server *s, json_object *params);

/* ---- entry ---- */
#include "lsp_main.h"
/* One message through the server (the fuzz target drives this). */
void lsp_handle(struct lsp_server *s, json_object *msg, bool *exit_now);
void lsp_server_init(struct lsp_server *s, int out_fd);
void lsp_server_free(struct lsp_server *s);

#endif
