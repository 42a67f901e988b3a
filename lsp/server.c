/*
 * server.c - `mofc lsp`: the protocol loop, the lifecycle, open documents
 * (incremental sync), workspace settings and diagnostics.
 *
 * The server reads one message at a time from standard input and answers
 * on standard output; nothing else is ever written there.  Every change
 * of a document recompiles at once through a mofc_session (only the
 * changed file is parsed again) and publishes the diagnostics of every
 * file that has some, clearing those of files that no longer do.
 */
#include "lsp.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsonrpc.h"
#include "../cli/diag_json.h"

static void *must(void *p)
{
    if (!p) {
        fputs("mofc lsp: out of memory\n", stderr);
        abort();
    }
    return p;
}

static char *sdup(const char *s)
{
    return must(strdup(s));
}

/* ---- small JSON helpers ---- */

const char *lsp_get_string(json_object *o, const char *key)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return NULL;
    return json_object_get_string(v);
}

long lsp_get_int(json_object *o, const char *key, long dflt)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
        return dflt;
    return (long)json_object_get_int64(v);
}

static json_object *get_object(json_object *o, const char *key)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_object))
        return NULL;
    return v;
}

static json_object *get_array(json_object *o, const char *key)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_array))
        return NULL;
    return v;
}

json_object *lsp_position(unsigned line, unsigned column)
{
    json_object *p = json_object_new_object();
    json_object_object_add(p, "line", json_object_new_int(line ? (int)line - 1 : 0));
    json_object_object_add(p, "character", json_object_new_int(column ? (int)column - 1 : 0));
    return p;
}

json_object *lsp_range(unsigned line, unsigned column, unsigned end_line, unsigned end_column)
{
    json_object *r = json_object_new_object();
    json_object_object_add(r, "start", lsp_position(line, column));
    json_object_object_add(r, "end", lsp_position(end_line, end_column));
    return r;
}

/* The server whose open documents turn character columns into UTF-16
 * ones (one server per process). */
static struct lsp_server *the_server;

static struct lsp_doc *find_doc_path(struct lsp_server *s, const char *path);

unsigned lsp_utf16_column(const char *path, unsigned line, unsigned column)
{
    struct lsp_doc *d = the_server && path ? find_doc_path(the_server, path) : NULL;
    if (!d)
        return column;
    size_t i = 0;
    for (unsigned l = 1; l < line && i < d->len; i++)
        if (d->text[i] == '\n')
            l++;
    unsigned units = 1;
    for (unsigned c = 1; c < column && i < d->len && d->text[i] != '\n'; c++) {
        unsigned char b = (unsigned char)d->text[i];
        size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        units += n == 4 ? 2 : 1;
        i += n;
    }
    return units;
}

/* The URI of a file: an open document's as the client spelled it (the
 * session names files by their real path). */
static json_object *uri_of(const char *path)
{
    struct lsp_doc *d = the_server ? find_doc_path(the_server, path) : NULL;
    if (d)
        return json_object_new_string(d->uri);
    char *uri = lsp_path_to_uri(path);
    json_object *o = json_object_new_string(uri);
    free(uri);
    return o;
}

json_object *lsp_location(const char *path, unsigned line, unsigned column,
                          unsigned end_column)
{
    json_object *l = json_object_new_object();
    json_object_object_add(l, "uri", uri_of(path));
    json_object_object_add(l, "range", lsp_range(line, lsp_utf16_column(path, line, column), line,
                                                 lsp_utf16_column(path, line, end_column)));
    return l;
}

/* ---- URIs ---- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    /* file://host/path: only the local host. */
    if (*p != '/') {
        if (strncmp(p, "localhost/", 10) != 0)
            return NULL;
        p += 9;
    }
    char *out = must(malloc(strlen(p) + 1));
    size_t n = 0;
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            out[n++] = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            p += 2;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    if (memchr(out, '\0', n) || n == 0) {
        free(out);
        return NULL;
    }
    char *norm = mofc_session_normalize_path(out);
    free(out);
    return norm;
}

/* The session's paths are absolute, so this is a file:// URI, encoded as
 * the SARIF writer encodes it. */
char *lsp_path_to_uri(const char *path)
{
    return must(diag_path_uri(path));
}

/* ---- documents ---- */

struct lsp_doc *lsp_find_doc(struct lsp_server *s, const char *uri)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return &s->docs[i];
    return NULL;
}

static struct lsp_doc *find_doc_path(struct lsp_server *s, const char *path)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].path, path) == 0)
            return &s->docs[i];
    return NULL;
}

/* Byte offset of an LSP position (UTF-16 code units) in `t`; clamped to
 * the line's end and the text's end. */
static size_t byte_offset(const char *t, size_t len, long line, long character)
{
    size_t i = 0;
    for (long l = 0; l < line && i < len; i++)
        if (t[i] == '\n')
            l++;
    long units = 0;
    while (i < len && t[i] != '\n' && units < character) {
        unsigned char c = (unsigned char)t[i];
        size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        units += n == 4 ? 2 : 1;
        i += n;
    }
    return i > len ? len : i;
}

bool lsp_text_position(struct lsp_server *s, json_object *params, const char **uri,
                       unsigned *line, unsigned *column)
{
    json_object *td = get_object(params, "textDocument");
    json_object *pos = get_object(params, "position");
    *uri = lsp_get_string(td, "uri");
    long l = lsp_get_int(pos, "line", -1), c = lsp_get_int(pos, "character", -1);
    if (!*uri || l < 0 || c < 0 || l > 100000000 || c > 100000000)
        return false;
    *line = (unsigned)l + 1;
    *column = (unsigned)c + 1;
    /* UTF-16 units to characters, on the open document's line. */
    struct lsp_doc *d = lsp_find_doc(s, *uri);
    if (d) {
        size_t start = byte_offset(d->text, d->len, l, 0);
        size_t at = byte_offset(d->text, d->len, l, c);
        unsigned n = 1;
        for (size_t i = start; i < at; i++)
            n += ((unsigned char)d->text[i] & 0xC0) != 0x80;
        *column = n;
    }
    return true;
}

/* ---- output ---- */

static void send(struct lsp_server *s, json_object *msg)
{
    if (!rpc_write(s->out_fd, msg))
        fputs("mofc lsp: cannot write to standard output\n", stderr);
    json_object_put(msg);
}

static void show_message(struct lsp_server *s, int type, const char *text)
{
    json_object *p = json_object_new_object();
    json_object_object_add(p, "type", json_object_new_int(type));
    json_object_object_add(p, "message", json_object_new_string(text));
    send(s, rpc_notification("window/showMessage", p));
}

/* ---- settings ---- */

static void push_arg(struct lsp_server *s, const char *a, size_t n)
{
    s->argv = must(realloc(s->argv, (size_t)(s->argc + 2) * sizeof *s->argv));
    s->argv[s->argc] = must(strndup(a, n));
    s->argv[++s->argc] = NULL;
}

static void push_args_json(struct lsp_server *s, json_object *arr, const char *prefix)
{
    if (!arr)
        return;
    for (size_t i = 0; i < json_object_array_length(arr); i++) {
        json_object *v = json_object_array_get_idx(arr, i);
        if (!json_object_is_type(v, json_type_string))
            continue;
        char buf[4096];
        snprintf(buf, sizeof buf, "%s%s", prefix, json_object_get_string(v));
        push_arg(s, buf, strlen(buf));
    }
}

static char *absolute(const char *root, const char *p)
{
    if (p[0] == '/' || !root)
        return mofc_session_normalize_path(p);
    char *j = must(malloc(strlen(root) + strlen(p) + 2));
    sprintf(j, "%s/%s", root, p);
    char *n = mofc_session_normalize_path(j);
    free(j);
    return n;
}

static void free_settings(struct lsp_server *s)
{
    if (s->argv) {
        for (int i = 0; i < s->argc; i++)
            free(s->argv[i]);
        free(s->argv);
        for (size_t i = 0; i < s->opts.lib.ninclude_dirs; i++)
            free((char *)s->opts.include_dirs[i]);
        cli_options_free(&s->opts);
    }
    s->argv = NULL;
    s->argc = 0;
    for (size_t i = 0; i < s->ninputs; i++)
        free(s->inputs[i]);
    free(s->inputs);
    s->inputs = NULL;
    s->ninputs = 0;
}

/* The flags of `.mofc` at the workspace root (one per line, '#' starts a
 * comment line), then those of initializationOptions, parsed like mofc's
 * command line.  Non-option words are the inputs. */
static void load_settings(struct lsp_server *s)
{
    free_settings(s);
    s->argv = must(calloc(1, sizeof *s->argv));
    if (s->root) {
        char *path = must(malloc(strlen(s->root) + 8));
        sprintf(path, "%s/.mofc", s->root);
        FILE *f = fopen(path, "r");
        free(path);
        if (f) {
            char line[4096];
            while (fgets(line, sizeof line, f)) {
                char *a = line, *e = line + strlen(line);
                while (*a && isspace((unsigned char)*a))
                    a++;
                while (e > a && isspace((unsigned char)e[-1]))
                    e--;
                if (e > a && *a != '#')
                    push_arg(s, a, (size_t)(e - a));
            }
            fclose(f);
        }
    }
    json_object *io = s->init_options;
    push_args_json(s, get_array(io, "flags"), "");
    push_args_json(s, get_array(io, "includeDirs"), "-I");
    push_args_json(s, get_array(io, "packs"), "--with=");
    push_args_json(s, get_array(io, "warnings"), "");
    push_args_json(s, get_array(io, "inputs"), "");
    const char *dialect = lsp_get_string(io, "dialect");
    if (dialect) {
        char buf[256];
        snprintf(buf, sizeof buf, "--dialect=%s", dialect);
        push_arg(s, buf, strlen(buf));
    }
    if (cli_parse(&s->opts, s->argc, s->argv, "lsp") != 0) {
        show_message(s, 2, "mofc: the workspace settings (.mofc, initializationOptions) have an "
                           "error; using the defaults");
        cli_options_free(&s->opts);
        for (int i = 0; i < s->argc; i++)
            free(s->argv[i]);
        s->argc = 0;
        s->argv[0] = NULL;
        cli_parse(&s->opts, 0, s->argv, "lsp");
    }
    /* Relative paths are the workspace root's. */
    for (size_t i = 0; i < s->opts.lib.ninclude_dirs; i++)
        s->opts.include_dirs[i] = absolute(s->root, s->opts.include_dirs[i]);
    s->inputs = must(calloc(s->opts.ninputs + 1, sizeof *s->inputs));
    for (size_t i = 0; i < s->opts.ninputs; i++)
        s->inputs[s->ninputs++] = absolute(s->root, s->opts.inputs[i]);
    mofc_session_destroy(s->session);
    s->session = mofc_session_create(&s->opts.lib);
    for (size_t i = 0; i < s->ndocs; i++)
        mofc_session_set_text(s->session, s->docs[i].path, s->docs[i].text, s->docs[i].len);
}

/* ---- diagnostics ---- */

static void set_inputs(struct lsp_server *s)
{
    size_t n = s->ninputs + s->nextra;
    const char **all = must(calloc(n + 1, sizeof *all));
    for (size_t i = 0; i < s->ninputs; i++)
        all[i] = s->inputs[i];
    for (size_t i = 0; i < s->nextra; i++)
        all[s->ninputs + i] = s->extra[i];
    mofc_session_set_inputs(s->session, all, n);
    free(all);
}

static json_object *lsp_diagnostic(const struct mofc_diagnostic *d)
{
    json_object *o = json_object_new_object();
    unsigned line = d->span.begin.line, col = d->span.begin.column;
    unsigned end = d->span.end_column > col ? d->span.end_column : col + 1;
    const char *file = d->span.begin.file;
    json_object_object_add(o, "range", lsp_range(line, lsp_utf16_column(file, line, col), line,
                                                 lsp_utf16_column(file, line, end)));
    int sev = d->severity >= MOFC_ERROR ? 1 : d->severity == MOFC_WARNING ? 2 : 3;
    json_object_object_add(o, "severity", json_object_new_int(sev));
    const char *code = d->category != MOFC_W_NONE ? mofc_wcat_name(d->category) : d->id;
    if (code) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s%s", d->category != MOFC_W_NONE ? "-W" : "", code);
        json_object_object_add(o, "code", json_object_new_string(buf));
    }
    json_object_object_add(o, "source", json_object_new_string("mofc"));
    /* Notes without a place read as part of the message. */
    size_t mlen = strlen(d->message) + 1;
    for (size_t i = 0; i < d->nnotes; i++)
        if (!d->notes[i].span.begin.file)
            mlen += strlen(d->notes[i].message) + 8;
    char *msg = must(malloc(mlen));
    strcpy(msg, d->message);
    json_object *related = json_object_new_array();
    for (size_t i = 0; i < d->nnotes; i++) {
        const struct mofc_diag_note *n = &d->notes[i];
        if (!n->span.begin.file) {
            strcat(msg, "\nnote: ");
            strcat(msg, n->message);
            continue;
        }
        json_object *ri = json_object_new_object();
        unsigned ne = n->span.end_column > n->span.begin.column ? n->span.end_column
                                                                : n->span.begin.column + 1;
        json_object_object_add(ri, "location", lsp_location(n->span.begin.file,
                                                            n->span.begin.line,
                                                            n->span.begin.column, ne));
        json_object_object_add(ri, "message", json_object_new_string(n->message));
        json_object_array_add(related, ri);
    }
    json_object_object_add(o, "message", json_object_new_string(msg));
    free(msg);
    if (json_object_array_length(related))
        json_object_object_add(o, "relatedInformation", related);
    else
        json_object_put(related);
    if (d->id) {
        json_object *data = json_object_new_object();
        json_object_object_add(data, "id", json_object_new_string(d->id));
        json_object_object_add(o, "data", data);
    }
    return o;
}

static void publish_one(struct lsp_server *s, const char *path, json_object *diags)
{
    json_object *p = json_object_new_object();
    json_object_object_add(p, "uri", uri_of(path));
    struct lsp_doc *d = find_doc_path(s, path);
    if (d && d->version >= 0)
        json_object_object_add(p, "version", json_object_new_int64(d->version));
    json_object_object_add(p, "diagnostics", diags ? diags : json_object_new_array());
    send(s, rpc_notification("textDocument/publishDiagnostics", p));
}

/* Compiles and publishes.  Open documents no input reaches become inputs
 * of their own. */
static void refresh(struct lsp_server *s)
{
    set_inputs(s);
    mofc_session_compile(s->session);
    bool added = false;
    for (size_t i = 0; i < s->ndocs; i++) {
        if (mofc_session_has_file(s->session, s->docs[i].path))
            continue;
        s->extra = must(realloc(s->extra, (s->nextra + 1) * sizeof *s->extra));
        s->extra[s->nextra++] = sdup(s->docs[i].path);
        added = true;
    }
    if (added) {
        set_inputs(s);
        mofc_session_compile(s->session);
    }

    json_object *by_file = json_object_new_object();
    size_t n = mofc_session_diagnostic_count(s->session);
    char notice[2048] = "";
    for (size_t i = 0; i < n; i++) {
        const struct mofc_diagnostic *d = mofc_session_diagnostic(s->session, i);
        const char *file = d->span.begin.file;
        if (!file || file[0] != '/') {
            /* No place (an unreadable input): shown to the user instead,
             * once, not after every keystroke. */
            size_t k = strlen(notice);
            snprintf(notice + k, sizeof notice - k, "%smofc: %s", k ? "\n" : "", d->message);
            continue;
        }
        json_object *arr;
        if (!json_object_object_get_ex(by_file, file, &arr)) {
            arr = json_object_new_array();
            json_object_object_add(by_file, file, arr);
        }
        json_object_array_add(arr, lsp_diagnostic(d));
    }
    if (strcmp(notice, s->notice ? s->notice : "") != 0) {
        if (notice[0])
            show_message(s, 1, notice);
        free(s->notice);
        s->notice = sdup(notice);
    }
    /* Files that had diagnostics and have none now are cleared. */
    for (size_t i = 0; i < s->npublished; i++) {
        if (!json_object_object_get_ex(by_file, s->published[i], NULL) &&
            !find_doc_path(s, s->published[i]))
            publish_one(s, s->published[i], NULL);
        free(s->published[i]);
    }
    free(s->published);
    s->published = must(calloc((size_t)json_object_object_length(by_file) + 1,
                               sizeof *s->published));
    s->npublished = 0;
    json_object_object_foreach(by_file, key, val)
    {
        publish_one(s, key, json_object_get(val));
        s->published[s->npublished++] = sdup(key);
    }
    /* Every open document hears after every compile, with none too. */
    for (size_t i = 0; i < s->ndocs; i++)
        if (!json_object_object_get_ex(by_file, s->docs[i].path, NULL))
            publish_one(s, s->docs[i].path, NULL);
    json_object_put(by_file);
}

/* ---- notifications ---- */

static void did_open(struct lsp_server *s, json_object *params)
{
    json_object *td = get_object(params, "textDocument");
    const char *uri = lsp_get_string(td, "uri");
    const char *text = lsp_get_string(td, "text");
    char *path = uri ? lsp_uri_to_path(uri) : NULL;
    if (!path || !text) {
        free(path);
        return;
    }
    struct lsp_doc *d = lsp_find_doc(s, uri);
    if (!d) {
        s->docs = must(realloc(s->docs, (s->ndocs + 1) * sizeof *s->docs));
        d = &s->docs[s->ndocs++];
        memset(d, 0, sizeof *d);
        d->uri = sdup(uri);
        d->path = path;
    } else {
        free(path);
        free(d->text);
    }
    json_object *t;
    json_object_object_get_ex(td, "text", &t);
    d->len = (size_t)json_object_get_string_len(t);
    d->text = must(malloc(d->len + 1));
    memcpy(d->text, text, d->len + 1);
    d->version = lsp_get_int(td, "version", -1);
    mofc_session_set_text(s->session, d->path, d->text, d->len);
    refresh(s);
}

static void did_change(struct lsp_server *s, json_object *params)
{
    json_object *td = get_object(params, "textDocument");
    const char *uri = lsp_get_string(td, "uri");
    struct lsp_doc *d = uri ? lsp_find_doc(s, uri) : NULL;
    json_object *changes = get_array(params, "contentChanges");
    if (!d || !changes)
        return;
    for (size_t i = 0; i < json_object_array_length(changes); i++) {
        json_object *c = json_object_array_get_idx(changes, i);
        json_object *t;
        if (!json_object_object_get_ex(c, "text", &t) || !json_object_is_type(t, json_type_string))
            continue;
        const char *text = json_object_get_string(t);
        size_t tlen = (size_t)json_object_get_string_len(t);
        json_object *range = get_object(c, "range");
        size_t from = 0, to = d->len;
        if (range) {
            json_object *st = get_object(range, "start"), *en = get_object(range, "end");
            from = byte_offset(d->text, d->len, lsp_get_int(st, "line", 0),
                               lsp_get_int(st, "character", 0));
            to = byte_offset(d->text, d->len, lsp_get_int(en, "line", 0),
                             lsp_get_int(en, "character", 0));
            if (to < from)
                to = from;
        }
        size_t nlen = d->len - (to - from) + tlen;
        char *nt = must(malloc(nlen + 1));
        memcpy(nt, d->text, from);
        memcpy(nt + from, text, tlen);
        memcpy(nt + from + tlen, d->text + to, d->len - to);
        nt[nlen] = '\0';
        free(d->text);
        d->text = nt;
        d->len = nlen;
    }
    d->version = lsp_get_int(td, "version", d->version);
    mofc_session_set_text(s->session, d->path, d->text, d->len);
    refresh(s);
}

static void did_close(struct lsp_server *s, json_object *params)
{
    const char *uri = lsp_get_string(get_object(params, "textDocument"), "uri");
    struct lsp_doc *d = uri ? lsp_find_doc(s, uri) : NULL;
    if (!d)
        return;
    mofc_session_set_text(s->session, d->path, NULL, 0);
    for (size_t i = 0; i < s->nextra; i++) {
        if (strcmp(s->extra[i], d->path) == 0) {
            free(s->extra[i]);
            s->extra[i] = s->extra[--s->nextra];
            break;
        }
    }
    free(d->uri);
    free(d->path);
    free(d->text);
    *d = s->docs[--s->ndocs];
    refresh(s);
}

static void watched_files(struct lsp_server *s, json_object *params)
{
    json_object *changes = get_array(params, "changes");
    for (size_t i = 0; changes && i < json_object_array_length(changes); i++) {
        const char *uri = lsp_get_string(json_object_array_get_idx(changes, i), "uri");
        char *path = uri ? lsp_uri_to_path(uri) : NULL;
        if (!path)
            continue;
        if (strcmp(path + strlen(path) - (strlen(path) >= 6 ? 6 : 0), "/.mofc") == 0)
            load_settings(s);
        else
            mofc_session_touch(s->session, path);
        free(path);
    }
    refresh(s);
}

/* ---- requests ---- */

static json_object *initialize(struct lsp_server *s, json_object *params)
{
    const char *root_uri = lsp_get_string(params, "rootUri");
    json_object *folders = get_array(params, "workspaceFolders");
    if (!root_uri && folders && json_object_array_length(folders))
        root_uri = lsp_get_string(json_object_array_get_idx(folders, 0), "uri");
    free(s->root);
    s->root = root_uri ? lsp_uri_to_path(root_uri) : NULL;
    const char *root_path = lsp_get_string(params, "rootPath");
    if (!s->root && root_path)
        s->root = mofc_session_normalize_path(root_path);
    json_object *ds = get_object(get_object(get_object(params, "capabilities"), "textDocument"),
                                 "documentSymbol");
    json_object *hier;
    s->hierarchical_symbols = ds &&
                              json_object_object_get_ex(ds, "hierarchicalDocumentSymbolSupport",
                                                        &hier) &&
                              json_object_get_boolean(hier);
    json_object *io;
    if (params && json_object_object_get_ex(params, "initializationOptions", &io) &&
        json_object_is_type(io, json_type_object))
        s->init_options = json_object_get(io);
    load_settings(s);

    json_object *caps = json_object_new_object();
    json_object_object_add(caps, "positionEncoding", json_object_new_string("utf-16"));
    json_object *sync = json_object_new_object();
    json_object_object_add(sync, "openClose", json_object_new_boolean(1));
    json_object_object_add(sync, "change", json_object_new_int(2));
    json_object *save = json_object_new_object();
    json_object_object_add(save, "includeText", json_object_new_boolean(0));
    json_object_object_add(sync, "save", save);
    json_object_object_add(caps, "textDocumentSync", sync);
    static const char *const providers[] = {
        "hoverProvider", "definitionProvider", "declarationProvider", "referencesProvider",
        "documentSymbolProvider", "workspaceSymbolProvider"};
    for (size_t i = 0; i < sizeof providers / sizeof *providers; i++)
        json_object_object_add(caps, providers[i], json_object_new_boolean(1));
    json_object *comp = json_object_new_object();
    json_object *trig = json_object_new_array();
    static const char *const triggers[] = {"[", ",", "#", ":", "=", "("};
    for (size_t i = 0; i < sizeof triggers / sizeof *triggers; i++)
        json_object_array_add(trig, json_object_new_string(triggers[i]));
    json_object_object_add(comp, "triggerCharacters", trig);
    json_object_object_add(caps, "completionProvider", comp);
    json_object *ca = json_object_new_object();
    json_object *kinds = json_object_new_array();
    json_object_array_add(kinds, json_object_new_string("quickfix"));
    json_object_object_add(ca, "codeActionKinds", kinds);
    json_object_object_add(caps, "codeActionProvider", ca);

    json_object *result = json_object_new_object();
    json_object_object_add(result, "capabilities", caps);
    json_object *info = json_object_new_object();
    json_object_object_add(info, "name", json_object_new_string("mofc"));
    json_object_object_add(info, "version", json_object_new_string(MOFC_VERSION));
    json_object_object_add(result, "serverInfo", info);
    return result;
}

typedef json_object *request_fn(struct lsp_server *s, json_object *params);

static json_object *definition(struct lsp_server *s, json_object *params)
{
    return lsp_definition(s, params, false);
}

static json_object *declaration(struct lsp_server *s, json_object *params)
{
    return lsp_definition(s, params, true);
}

static const struct {
    const char *method;
    request_fn *fn;
} requests[] = {
    {"textDocument/hover", lsp_hover},
    {"textDocument/definition", definition},
    {"textDocument/declaration", declaration},
    {"textDocument/references", lsp_references},
    {"textDocument/documentSymbol", lsp_document_symbols},
    {"workspace/symbol", lsp_workspace_symbols},
    {"textDocument/completion", lsp_completion},
    {"textDocument/codeAction", lsp_code_actions},
};

void lsp_handle(struct lsp_server *s, json_object *msg, bool *exit_now)
{
    *exit_now = false;
    if (!json_object_is_type(msg, json_type_object)) {
        send(s, rpc_error(NULL, RPC_INVALID_REQUEST, "a message must be a JSON object"));
        return;
    }
    json_object *id = NULL, *params = NULL, *m;
    bool is_request = json_object_object_get_ex(msg, "id", &id);
    json_object_object_get_ex(msg, "params", &params);
    if (!json_object_object_get_ex(msg, "method", &m)) {
        if (!is_request)
            send(s, rpc_error(NULL, RPC_INVALID_REQUEST, "no method"));
        return;   /* a response: the server sends no requests */
    }
    if (!json_object_is_type(m, json_type_string)) {
        send(s, rpc_error(id, RPC_INVALID_REQUEST, "method must be a string"));
        return;
    }
    if (is_request && id && !json_object_is_type(id, json_type_int) &&
        !json_object_is_type(id, json_type_string)) {
        send(s, rpc_error(NULL, RPC_INVALID_REQUEST, "id must be a number or a string"));
        return;
    }
    const char *method = json_object_get_string(m);

    if (strcmp(method, "exit") == 0) {
        *exit_now = true;
        return;
    }
    if (strcmp(method, "initialize") == 0) {
        if (!is_request)
            return;
        if (s->initialized) {
            send(s, rpc_error(id, RPC_INVALID_REQUEST, "initialize was already received"));
            return;
        }
        s->initialized = true;
        send(s, rpc_response(id, initialize(s, params)));
        return;
    }
    if (!s->initialized) {
        if (is_request)
            send(s, rpc_error(id, RPC_SERVER_NOT_INITIALIZED, "initialize first"));
        return;
    }
    if (s->shutdown) {
        if (is_request)
            send(s, rpc_error(id, RPC_INVALID_REQUEST, "the server is shut down"));
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        s->shutdown = true;
        if (is_request)
            send(s, rpc_response(id, NULL));
        return;
    }
    if (!is_request) {
        if (strcmp(method, "textDocument/didOpen") == 0)
            did_open(s, params);
        else if (strcmp(method, "textDocument/didChange") == 0)
            did_change(s, params);
        else if (strcmp(method, "textDocument/didClose") == 0)
            did_close(s, params);
        else if (strcmp(method, "textDocument/didSave") == 0)
            refresh(s);
        else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
            watched_files(s, params);
        else if (strcmp(method, "workspace/didChangeConfiguration") == 0) {
            json_object *set = get_object(get_object(params, "settings"), "mofc");
            if (set) {
                json_object_put(s->init_options);
                s->init_options = json_object_get(set);
                load_settings(s);
                refresh(s);
            }
        }
        /* Other notifications ($/cancelRequest, initialized...) need nothing. */
        return;
    }
    for (size_t i = 0; i < sizeof requests / sizeof *requests; i++) {
        if (strcmp(method, requests[i].method) != 0)
            continue;
        if (!json_object_is_type(params, json_type_object)) {
            send(s, rpc_error(id, RPC_INVALID_PARAMS, "params must be an object"));
            return;
        }
        send(s, rpc_response(id, requests[i].fn(s, params)));
        return;
    }
    char buf[256];
    snprintf(buf, sizeof buf, "unknown method '%.200s'", method);
    send(s, rpc_error(id, RPC_METHOD_NOT_FOUND, buf));
}

void lsp_server_init(struct lsp_server *s, int out_fd)
{
    memset(s, 0, sizeof *s);
    s->out_fd = out_fd;
    the_server = s;
}

void lsp_server_free(struct lsp_server *s)
{
    if (the_server == s)
        the_server = NULL;
    free_settings(s);
    mofc_session_destroy(s->session);
    for (size_t i = 0; i < s->ndocs; i++) {
        free(s->docs[i].uri);
        free(s->docs[i].path);
        free(s->docs[i].text);
    }
    free(s->docs);
    for (size_t i = 0; i < s->nextra; i++)
        free(s->extra[i]);
    free(s->extra);
    for (size_t i = 0; i < s->npublished; i++)
        free(s->published[i]);
    free(s->published);
    json_object_put(s->init_options);
    free(s->notice);
    free(s->root);
}

int lsp_main(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--stdio") != 0) {
            fprintf(stderr, "mofc: error: lsp: unknown option '%s' (the server speaks LSP on "
                            "standard input and output; settings come from the client or "
                            "a .mofc file)\n",
                    argv[i]);
            return 2;
        }
    }
    signal(SIGPIPE, SIG_IGN);
    struct lsp_server s;
    lsp_server_init(&s, 1);
    struct rpc_reader r;
    rpc_reader_init_fd(&r, 0);
    int rc = 1;
    for (;;) {
        json_object *msg;
        enum rpc_status st = rpc_read(&r, &msg);
        if (st == RPC_EOF)
            break;
        if (st == RPC_BAD_HEADER) {
            send(&s, rpc_error(NULL, RPC_PARSE_ERROR, "header without a valid Content-Length"));
        } else if (st == RPC_TOO_LARGE) {
            send(&s, rpc_error(NULL, RPC_INVALID_REQUEST, "message larger than 32 MiB, skipped"));
        } else if (st == RPC_BAD_JSON) {
            send(&s, rpc_error(NULL, RPC_PARSE_ERROR, "the message is not valid JSON"));
        } else {
            bool exit_now;
            lsp_handle(&s, msg, &exit_now);
            json_object_put(msg);
            if (exit_now) {
                rc = s.shutdown ? 0 : 1;
                break;
            }
        }
    }
    rpc_reader_free(&r);
    lsp_server_free(&s);
    return rc;
}
